-- Search as SearchService and PostRepository.matching send it (SearchTiers), under EXPLAIN (ANALYZE, BUFFERS), on a
-- seeded database: psql -d noticeboard_bench_100000 -f bench/plans/search.sql. See docs/performance.md (Search).
-- The application plans each search for its words (plan_cache_mode = force_custom_plan), as psql does here.
\set ON_ERROR_STOP 1
\set query 'trustees strategy'
\echo == /api/search?q=trustees strategy: a word pair in 62% of the posts
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), :'query') as query),
post_title_hits as materialized (select p.id, p.published_at from post_search p, q
    where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query and p.title_vector @@ q.query),
post_lead_hits as materialized (select p.id, p.published_at from post_search p, q
    where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query and p.lead_vector @@ q.query),
total as (select (select count(*) from post_search p, q where post_is_public(p.status, p.published_at) and p.search_vector @@ q.query)
                 + (select count(*) from pages g, q where g.search_vector @@ q.query and g.status = 'published') as n),
ranked as (
    select h.tier, h.kind, h.id, h.date from (
        (select 1 as tier, 'post' as kind, p.id, p.published_at as date from post_title_hits p
         order by p.published_at desc, p.id desc limit 10)
        union all
        (select 2 as tier, 'post' as kind, p.id, p.published_at as date from post_lead_hits p
         where not exists (select 1 from post_title_hits t where t.id = p.id)
         order by p.published_at desc, p.id desc limit 10)
        union all
        (select 3 as tier, 'post' as kind, p.id, p.published_at as date from post_search p, q
         where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query
           and not exists (select 1 from post_title_hits t where t.id = p.id)
           and not exists (select 1 from post_lead_hits l where l.id = p.id)
         order by p.published_at desc, p.id desc limit 10)
        union all
        select case when g.title_vector @@ q.query then 1 when g.lead_vector @@ q.query then 2 else 3 end as tier,
               'page' as kind, g.id, g.updated_at as date
        from pages g, q where g.search_vector @@ q.query and g.status = 'published') h
    order by h.tier, h.date desc, h.id desc
    offset 0 limit 10)
select r.kind, r.id, coalesce(p.title, g.title), coalesce(p.slug, g.path), r.date, total.n,
       ts_headline(search_config(), search_plain_text(coalesce(p.excerpt, g.summary, '')) || ' … '
                   || search_plain_text(coalesce(p.body_html, g.body_html)),
                   q.query, 'MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2')
from total left join ranked r on true cross join q
     left join posts p on r.kind = 'post' and p.id = r.id
     left join pages g on r.kind = 'page' and g.id = r.id
order by r.tier, r.date desc, r.id desc;
\echo == did you mean: the most similar known words to safegaurding, each asked of the index
explain (analyze, buffers, costs off)
with w as (select lower(unaccent('safegaurding')) as word),
near as (
    select v.word, v.word = w.word as same, similarity(v.word, w.word) as likeness
    from search_vocabulary v, w
    where v.word % w.word
    order by same desc, likeness desc, v.word
    limit 5)
select n.word from near n, lateral (select websearch_to_tsquery(search_config(), n.word) as query) q
where exists (select 1 from post_search p where p.search_vector @@ q.query and post_is_public(p.status, p.published_at))
   or exists (select 1 from pages g where g.search_vector @@ q.query and g.status = 'published')
order by n.same desc, n.likeness desc, n.word
limit 1;
\echo == /api/posts?q=food bank: every match has it in its title, so the last tier is empty
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), 'food bank') as query),
post_title_hits as materialized (select p.id, p.published_at from post_search p, q
    where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query and p.title_vector @@ q.query),
post_lead_hits as materialized (select p.id, p.published_at from post_search p, q
    where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query and p.lead_vector @@ q.query),
total as (select count(*) as n from post_search p, q where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query),
found as (
    select r.* from (
        (select 1 as tier, p.id, p.published_at from post_title_hits p order by p.published_at desc, p.id desc limit 10)
        union all
        (select 2 as tier, p.id, p.published_at from post_lead_hits p
         where not exists (select 1 from post_title_hits t where t.id = p.id)
         order by p.published_at desc, p.id desc limit 10)
        union all
        (select 3 as tier, p.id, p.published_at from post_search p, q
         where (post_is_public(p.status, p.published_at)) and p.search_vector @@ q.query
           and not exists (select 1 from post_title_hits t where t.id = p.id)
           and not exists (select 1 from post_lead_hits l where l.id = p.id)
         order by p.published_at desc, p.id desc limit 10)) r
    order by r.tier, r.published_at desc, r.id desc
    offset 0 limit 10)
select found.id, total.n from total left join found on true
order by found.tier, found.published_at desc, found.id desc;
