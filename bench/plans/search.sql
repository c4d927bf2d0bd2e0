-- Search as SearchService and PostRepository.matching send it, under EXPLAIN (ANALYZE, BUFFERS), on a seeded
-- database: psql -d noticeboard_bench_100000 -f bench/plans/search.sql. See docs/performance.md (Search).
\set ON_ERROR_STOP 1
\set query 'trustees strategy'
\echo == /api/search?q=trustees strategy: every match ranked by tiers on narrow rows, one page with snippets
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), :'query') as query),
hits as (
    select 'post' as kind, p.id, p.published_at as date, p.title_vector as t, p.lead_vector as l
    from post_search p, q
    where p.search_vector @@ q.query and post_is_public(p.status, p.published_at)
    union all
    select 'page' as kind, g.id, g.updated_at as date, g.title_vector as t, g.lead_vector as l
    from pages g, q
    where g.search_vector @@ q.query and g.status = 'published'),
ranked as (
    select h.kind, h.id, h.date, count(*) over () as total,
           h.t @@ q.query as in_title, h.t @@ q.query or h.l @@ q.query as in_lead
    from hits h, q
    order by in_title desc, in_lead desc, h.date desc, h.id desc
    offset 0 limit 10)
select r.kind, r.id, coalesce(p.title, g.title), coalesce(p.slug, g.path), r.date, r.total,
       ts_headline(search_config(), search_plain_text(coalesce(p.excerpt, g.summary, '')) || ' … '
                   || search_plain_text(coalesce(p.body_html, g.body_html)),
                   q.query, 'MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2')
from ranked r cross join q
     left join posts p on r.kind = 'post' and p.id = r.id
     left join pages g on r.kind = 'page' and g.id = r.id
order by r.in_title desc, r.in_lead desc, r.date desc, r.id desc;
\echo == a narrower query (Bridgeport forum: a title phrase in one post in 170)
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), 'Bridgeport forum') as query)
select p.id, count(*) over () as total
from post_search p, q
where p.search_vector @@ q.query and post_is_public(p.status, p.published_at)
order by (p.title_vector @@ q.query) desc, (p.title_vector @@ q.query or p.lead_vector @@ q.query) desc,
         p.published_at desc, p.id desc
offset 0 limit 10;
\echo == did you mean: the nearest published word to safegaurding
explain (analyze, buffers, costs off)
with w as (select lower(unaccent('safegaurding')) as word)
select v.word
from search_vocabulary v, w
where v.word % w.word
  and exists (select 1 from search_words s
              where s.word = v.word
                and (s.kind = 'post' and exists (select 1 from posts p where p.id = s.doc_id and post_is_public(p.status, p.published_at))
                  or s.kind = 'page' and exists (select 1 from pages g where g.id = s.doc_id and g.status = 'published')))
order by v.word = w.word desc, similarity(v.word, w.word) desc, v.word
limit 1;
\echo == /api/posts?q=grant: ids by relevance with the total
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), 'grant') as query)
select p.id, count(*) over ()
from post_search p, q
where p.search_vector @@ q.query and post_is_public(p.status, p.published_at)
order by (p.title_vector @@ q.query) desc, (p.title_vector @@ q.query or p.lead_vector @@ q.query) desc,
         p.published_at desc nulls first, p.id desc
offset 0 limit 10;
