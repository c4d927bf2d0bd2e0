-- When public content last changed, for Last-Modified: one row, touched by every statement that writes
-- content (deletions included, which no updated_at column could record).
create table content_changes (
    id         smallint    primary key default 1 check (id = 1),
    changed_at timestamptz not null default now()
);

insert into content_changes default values;

create function note_content_change() returns trigger
    language plpgsql as
$$
begin
    update content_changes set changed_at = now() where id = 1;
    return null;
end
$$;

create trigger posts_changed after insert or update or delete or truncate on posts
    for each statement execute function note_content_change();
create trigger post_categories_changed after insert or update or delete or truncate on post_categories
    for each statement execute function note_content_change();
create trigger categories_changed after insert or update or delete or truncate on categories
    for each statement execute function note_content_change();
create trigger pages_changed after insert or update or delete or truncate on pages
    for each statement execute function note_content_change();
create trigger menus_changed after insert or update or delete or truncate on menus
    for each statement execute function note_content_change();
create trigger menu_items_changed after insert or update or delete or truncate on menu_items
    for each statement execute function note_content_change();
create trigger site_settings_changed after insert or update or delete or truncate on site_settings
    for each statement execute function note_content_change();
