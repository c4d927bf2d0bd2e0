-- Former paths of moved or renamed pages, one row per page of a moved subtree, so that every old
-- address answers 301 with the page's current path.
create table page_path_redirects (
    old_path   varchar(2000) primary key,
    page_id    bigint        not null references pages (id) on delete cascade,
    created_at timestamptz   not null default now()
);

create index page_path_redirects_page_idx on page_path_redirects (page_id);
