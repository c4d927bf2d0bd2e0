-- Search as SearchService and PostRepository.matching send it, under EXPLAIN (ANALYZE, BUFFERS), on a seeded
-- database: psql -d noticeboard_bench_100000 -f bench/plans/search.sql. See docs/performance.md (Search).
\set ON_ERROR_STOP 1
\set query 'trustees strategy'
\set common 'meeting'
\echo == /api/search?q=trustees strategy: hits, ranked, one page with snippets
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), :'query') as query),
hits as (
    select 'post' as kind, p.id, p.title, p.slug as route, p.published_at as date,
           p.search_vector as v, p.excerpt as lead, p.body_html as body
    from posts p, q
    where p.search_vector @@ q.query and post_is_public(p.status, p.published_at)
    union all
    select 'page' as kind, g.id, g.title, g.path as route, g.updated_at as date,
           g.search_vector as v, g.summary as lead, g.body_html as body
    from pages g, q
    where g.search_vector @@ q.query and g.status = 'published'),
ranked as (
    select h.*, count(*) over () as total,
           ts_filter(h.v, '{a}') @@ q.query as in_title,
           ts_filter(h.v, '{a,b}') @@ q.query as in_lead,
           ts_rank(h.v, q.query) as rank
    from hits h, q
    order by in_title desc, in_lead desc, rank desc, h.date desc, h.id desc
    offset 0 limit 10)
select r.kind, r.id, r.title, r.route, r.date, r.total,
       ts_headline(search_config(), search_plain_text(coalesce(r.lead, '')) || ' … ' || search_plain_text(r.body),
                   q.query, 'MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2')
from ranked r, q
order by r.in_title desc, r.in_lead desc, r.rank desc, r.date desc, r.id desc;
\echo == the same for a word in a third of all posts (meeting)
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), :'common') as query),
hits as (
    select p.id, p.published_at as date, p.search_vector as v
    from posts p, q
    where p.search_vector @@ q.query and post_is_public(p.status, p.published_at))
select h.id, count(*) over () as total, ts_rank(h.v, q.query) as rank
from hits h, q
order by ts_filter(h.v, '{a}') @@ q.query desc, ts_filter(h.v, '{a,b}') @@ q.query desc, rank desc, h.date desc, h.id desc
offset 0 limit 10;
\echo == did you mean: the nearest published word to safegaurding
explain (analyze, buffers, costs off)
with w as (select lower(unaccent('safegaurding')) as word)
select s.word
from search_words s, w
where s.word % w.word
  and (s.kind = 'post' and exists (select 1 from posts p where p.id = s.doc_id and post_is_public(p.status, p.published_at))
    or s.kind = 'page' and exists (select 1 from pages g where g.id = s.doc_id and g.status = 'published'))
order by s.word = w.word desc, similarity(s.word, w.word) desc, s.word
limit 1;
\echo == /api/posts?q=grant: ids by relevance with the total
explain (analyze, buffers, costs off)
with q as (select websearch_to_tsquery(search_config(), 'grant') as query)
select p.id, count(*) over ()
from posts p, q
where p.search_vector @@ q.query and post_is_public(p.status, p.published_at)
order by (ts_filter(p.search_vector, '{a}') @@ q.query) desc, (ts_filter(p.search_vector, '{a,b}') @@ q.query) desc,
         ts_rank(p.search_vector, q.query) desc, p.published_at desc nulls first, p.id desc
offset 0 limit 10;
