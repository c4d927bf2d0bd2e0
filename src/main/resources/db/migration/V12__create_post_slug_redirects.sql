-- A post's former slugs, so that old addresses answer 301 with the current one.
create table post_slug_redirects (
    old_slug   varchar(200) primary key check (old_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    post_id    bigint       not null references posts (id) on delete cascade,
    created_at timestamptz  not null default now()
);

create index post_slug_redirects_post_idx on post_slug_redirects (post_id);
