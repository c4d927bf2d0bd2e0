-- Who created and who last changed each piece of content. A deleted user leaves the content behind.
alter table site_settings add column updated_by bigint references users (id) on delete set null;
alter table categories
    add column created_by bigint references users (id) on delete set null,
    add column updated_by bigint references users (id) on delete set null;
alter table pages
    add column created_by bigint references users (id) on delete set null,
    add column updated_by bigint references users (id) on delete set null;
alter table posts
    add column created_by bigint references users (id) on delete set null,
    add column updated_by bigint references users (id) on delete set null;
alter table menus
    add column created_by bigint references users (id) on delete set null,
    add column updated_by bigint references users (id) on delete set null;
alter table menu_items
    add column created_by bigint references users (id) on delete set null,
    add column updated_by bigint references users (id) on delete set null;
