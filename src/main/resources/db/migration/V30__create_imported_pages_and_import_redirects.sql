-- Which page each page of an imported WordPress site became, so that importing the same file again adds only what is
-- new, as imported_posts (V29) does for posts. link is the page's address on the old site.
create table imported_pages (
    source      varchar(2000) not null,
    external_id varchar(2000) not null,
    page_id     bigint references pages (id) on delete set null,
    link        varchar(2000),
    imported_at timestamptz   not null default now(),
    primary key (source, external_id)
);
create index imported_pages_page_idx on imported_pages (page_id);

-- Other addresses of the old site that lead to imported content: WordPress's /?p=123 and /?page_id=45, and its
-- category archives (/category/news/events/). Listed with the permalinks by GET /api/imports/redirects.
create table import_redirects (
    from_url    varchar(2000) primary key,
    post_id     bigint references posts (id) on delete cascade,
    page_id     bigint references pages (id) on delete cascade,
    category_id bigint references categories (id) on delete cascade,
    created_at  timestamptz   not null default now(),
    check (num_nonnulls(post_id, page_id, category_id) = 1)
);
create index import_redirects_post_idx on import_redirects (post_id);
create index import_redirects_page_idx on import_redirects (page_id);
create index import_redirects_category_idx on import_redirects (category_id);
