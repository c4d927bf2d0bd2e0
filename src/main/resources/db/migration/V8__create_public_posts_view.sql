-- The one SQL definition of "public": not a draft, and published_at has passed. Scheduled posts
-- therefore appear on time without any job. Native queries read this view; JPQL queries use the
-- same rule in PostRepository.
create view public_posts as
select *
from posts
where status <> 'draft'
  and published_at <= now();
