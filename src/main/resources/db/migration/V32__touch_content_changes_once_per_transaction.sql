-- The triggers of V15 and V20 set content_changes.changed_at to now() on every statement (every row, for comments)
-- that writes content. now() is the transaction's start, the same for each of those updates: within one transaction
-- only the first changes anything. The others only made new versions of the row, and in a long transaction (an import
-- of 100,000 posts) each update had to step past every version made before it. The first update now stands; the
-- notification is still sent, as PostgreSQL folds a transaction's identical notifications into one.
create or replace function note_content_change() returns trigger
    language plpgsql as
$$
begin
    update content_changes set changed_at = now() where id = 1 and changed_at is distinct from now();
    perform pg_notify('content_changes', '');
    return null;
end
$$;

create or replace function note_public_comment_change() returns trigger
    language plpgsql as
$$
begin
    update content_changes set changed_at = now() where id = 1 and changed_at is distinct from now();
    perform pg_notify('content_changes', '');
    return null;
end
$$;
