-- The one definition of "public" for posts, on the database's clock: not a draft, and published_at has passed
-- by now() (the start of the transaction, so every statement of a request sees the same instant). Scheduled
-- posts therefore appear on time without any job or write. "Scheduled" is the rest of the non-drafts.
-- Both are plain SQL functions, so the planner inlines them and the posts_public_idx index still serves them.
-- Post's @Formula fields, the JPQL of PostRepository, the count queries and the public_posts view all call these.
create function post_is_public(status varchar, published_at timestamptz) returns boolean
    language sql stable parallel safe
as $$ select status <> 'draft' and published_at <= now() $$;

create function post_is_scheduled(status varchar, published_at timestamptz) returns boolean
    language sql stable parallel safe
as $$ select status <> 'draft' and published_at > now() $$;

create or replace view public_posts as
select *
from posts
where post_is_public(status, published_at);
