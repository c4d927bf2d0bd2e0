-- A post published without a date is published now, by the database's clock: the clock that decides what is
-- public (post_is_public), so that a post published "now" is never briefly scheduled because of clock skew.
create function stamp_published_post() returns trigger
    language plpgsql as
$$
begin
    new.published_at := now();
    return new;
end
$$;

create trigger posts_published_stamped before insert or update of status, published_at on posts
    for each row when (new.status = 'published' and new.published_at is null) execute function stamp_published_post();
