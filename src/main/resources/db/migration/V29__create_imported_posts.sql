-- Which post each item of an imported feed became, so that importing the same feed again adds only what is new.
-- An imported post that an editor deleted keeps its row (post_id null): importing again does not bring it back.
-- link is the item's address on the old site, for the front end's table of redirects (GET /api/imports/redirects).
create table imported_posts (
    source      varchar(2000) not null,
    external_id varchar(2000) not null,
    post_id     bigint references posts (id) on delete set null,
    link        varchar(2000),
    imported_at timestamptz   not null default now(),
    primary key (source, external_id)
);
create index imported_posts_post_idx on imported_posts (post_id);
create index imported_posts_link_idx on imported_posts (link, post_id) where link is not null;
