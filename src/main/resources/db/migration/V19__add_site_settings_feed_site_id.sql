-- The site's identity in the ids of its feeds and feed entries (tag:noticeboard,2025:<feed_site_id>/post/<id>):
-- drawn at random once, here for an existing site and on creation for a new database, and never changed, so that
-- no setting (the site URL, the name) and no slug change can alter an id that feed readers have stored. It
-- travels with the database (backups, moves to another server), and tells one organisation's posts from another's.
alter table site_settings add column feed_site_id uuid not null default gen_random_uuid();
