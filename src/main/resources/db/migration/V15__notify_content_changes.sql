-- Every instance keeps finished public responses in memory and must hear of every change, wherever it was made:
-- the trigger that notes the time of a change now also notifies, and PostgreSQL delivers it at commit, to every
-- connection that listens (ContentChangeListener), and not at all if the transaction rolls back.
create or replace function note_content_change() returns trigger
    language plpgsql as
$$
begin
    update content_changes set changed_at = now() where id = 1;
    perform pg_notify('content_changes', '');
    return null;
end
$$;
