-- Counts of non-draft posts per archive month (in the site's time zone), in all and per category, kept by
-- triggers so that totals, archives and category counts never scan the posts. They count scheduled posts
-- too, because a scheduled post becomes public with no write to record it: readers subtract the few
-- non-draft posts still in the future (post_is_scheduled, a short range of posts_public_idx).
create table post_month_counts (
    month date    primary key,
    posts integer not null check (posts >= 0)
);

create table category_month_counts (
    category_id bigint  not null references categories (id) on delete cascade,
    month       date    not null,
    posts       integer not null check (posts >= 0),
    primary key (category_id, month)
);

-- The first day of the month, in the given time zone, that published_at falls in. A plain expression, so that the
-- planner inlines it: a recount of a million posts reads the zone once rather than once a post.
create function post_archive_month(published_at timestamptz, timezone varchar) returns date
    language sql stable parallel safe
as $$ select date_trunc('month', published_at at time zone timezone)::date $$;

-- The same in the site's time zone, for the few rows a trigger or the scheduled posts touch.
create function post_archive_month(published_at timestamptz) returns date
    language sql stable
as $$ select post_archive_month(published_at, (select timezone from site_settings where id = 1)) $$;

-- Adds delta to the post's month, and to that month of each category the post is in now.
create function count_post(counted_post bigint, counted_at timestamptz, delta integer) returns void
    language plpgsql as
$$
declare
    target_month date;
begin
    -- Before reading the time zone: waits for a recount in progress (see recount_posts), or holds it off.
    lock table post_month_counts in row exclusive mode;
    target_month := post_archive_month(counted_at);
    insert into post_month_counts as c (month, posts) values (target_month, greatest(delta, 0))
    on conflict (month) do update set posts = c.posts + delta;
    insert into category_month_counts as c (category_id, month, posts)
    select pc.category_id, target_month, greatest(delta, 0) from post_categories pc where pc.post_id = counted_post
    on conflict (category_id, month) do update set posts = c.posts + delta;
end
$$;

-- Before a delete, while the post's categories are still there to be uncounted; the cascade that then removes
-- them finds no post and counts nothing.
create function count_post_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status <> 'draft' then
        perform count_post(old.id, old.published_at, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status <> 'draft' then
        perform count_post(new.id, new.published_at, 1);
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger posts_counted_on_insert after insert on posts
    for each row when (new.status <> 'draft') execute function count_post_change();
create trigger posts_counted_on_update after update of status, published_at on posts
    for each row when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function count_post_change();
create trigger posts_counted_on_delete before delete on posts
    for each row when (old.status <> 'draft') execute function count_post_change();

create function count_post_category_change() returns trigger
    language plpgsql as
$$
declare
    target_month date;
begin
    lock table post_month_counts in row exclusive mode;
    if tg_op in ('UPDATE', 'DELETE') then
        select post_archive_month(p.published_at) into target_month
        from posts p where p.id = old.post_id and p.status <> 'draft';
        if found then
            update category_month_counts c set posts = c.posts - 1
            where c.category_id = old.category_id and c.month = target_month;
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        select post_archive_month(p.published_at) into target_month
        from posts p where p.id = new.post_id and p.status <> 'draft';
        if found then
            insert into category_month_counts as c (category_id, month, posts)
            values (new.category_id, target_month, 1)
            on conflict (category_id, month) do update set posts = c.posts + 1;
        end if;
    end if;
    return null;
end
$$;

create trigger post_categories_counted after insert or update or delete on post_categories
    for each row execute function count_post_category_change();

-- Counts everything again: on a new time zone (the months move) and when created.
create function recount_posts() returns void
    language plpgsql as
$$
declare
    zone varchar;
begin
    -- Writers take row exclusive before they read the zone: this waits for those under way, whose posts the
    -- statements below then see, and makes later ones wait and read the new zone.
    lock table post_month_counts in exclusive mode;
    zone := (select timezone from site_settings where id = 1);
    delete from post_month_counts;
    delete from category_month_counts;
    insert into post_month_counts (month, posts)
    select post_archive_month(published_at, zone), count(*) from posts where status <> 'draft' group by 1;
    insert into category_month_counts (category_id, month, posts)
    select pc.category_id, post_archive_month(p.published_at, zone), count(*)
    from posts p join post_categories pc on pc.post_id = p.id
    where p.status <> 'draft'
    group by 1, 2;
end
$$;

create function recount_posts_trigger() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'post_categories' then
        delete from category_month_counts;
    else
        perform recount_posts();
    end if;
    return null;
end
$$;

create trigger site_timezone_recounted after update of timezone on site_settings
    for each row when (old.timezone is distinct from new.timezone) execute function recount_posts_trigger();
create trigger posts_truncated_recounted after truncate on posts
    for each statement execute function recount_posts_trigger();
create trigger post_categories_truncated_recounted after truncate on post_categories
    for each statement execute function recount_posts_trigger();

select recount_posts();
