-- The hot public reads as Hibernate sends them, under EXPLAIN (ANALYZE, BUFFERS); see docs/performance.md (Query plans)
\set ON_ERROR_STOP 1
select (select coalesce(sum(c.posts), 0) from post_month_counts c where true) - (select count(*) from posts p where post_is_scheduled(p.status, p.published_at)) as total \gset
select (:total - 1) / 10 * 10 as lastoff, (:total - 1) / 10 * 10 as lastpage_offset, :total - ((:total - 1) / 10 * 10) as lastsize \gset
select id as cat from categories where slug = 'category-7' \gset
select extract(year from published_at at time zone 'Europe/London')::int as y, extract(month from published_at at time zone 'Europe/London')::int as m, id as mid, slug as midslug, published_at as midat from posts where slug = 'post-' || (:total / 2) \gset
select make_date(:y, :m, 1) as fm, make_date(:y, :m, 1) + interval '1 month' as em, make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') as fi, make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') + interval '1 month' as ei \gset
\echo == list total
explain (analyze, buffers, costs off) select (select coalesce(sum(c.posts), 0) from post_month_counts c where true) - (select count(*) from posts p where post_is_scheduled(p.status, p.published_at));
\echo == list page 1
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.excerpt, p1_0.featured_image_url, p1_0.featured_image_alt, p1_0.author_name, p1_0.status, p1_0.published_at, p1_0.updated_at, post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true order by p1_0.published_at desc, p1_0.id desc offset 0 rows fetch first 10 rows only;
\echo == last page (reverse)
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.excerpt, p1_0.featured_image_url, p1_0.featured_image_alt, p1_0.author_name, p1_0.status, p1_0.published_at, p1_0.updated_at, post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true order by p1_0.published_at asc nulls last, p1_0.id asc offset 0 rows fetch first :lastsize rows only;
\echo == category total
explain (analyze, buffers, costs off) select (select coalesce(sum(c.posts), 0) from category_month_counts c where c.category_id = :cat) - (select count(*) from posts p where post_is_scheduled(p.status, p.published_at) and exists (select 1 from post_categories pc where pc.post_id = p.id and pc.category_id = :cat));
\echo == category page 5
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.excerpt, p1_0.featured_image_url, p1_0.featured_image_alt, p1_0.author_name, p1_0.status, p1_0.published_at, p1_0.updated_at, post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true and p1_0.id in (select p2_0.id from posts p2_0 join post_categories c1_0 on p2_0.id=c1_0.post_id where c1_0.category_id=:cat) order by p1_0.published_at desc, p1_0.id desc offset 40 rows fetch first 10 rows only;
\echo == month total
explain (analyze, buffers, costs off) select (select coalesce(sum(c.posts), 0) from post_month_counts c where true and c.month >= :'fm' and c.month < :'em') - (select count(*) from posts p where post_is_scheduled(p.status, p.published_at) and p.published_at >= :'fi' and p.published_at < :'ei');
\echo == month page 1
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.excerpt, p1_0.featured_image_url, p1_0.featured_image_alt, p1_0.author_name, p1_0.status, p1_0.published_at, p1_0.updated_at, post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true and p1_0.published_at>=:'fi' and p1_0.published_at<:'ei' order by p1_0.published_at desc, p1_0.id desc offset 0 rows fetch first 10 rows only;
\echo == by slug
explain (analyze, buffers, costs off) select p1_0.id, p1_0.author_name, p1_0.body_html, p1_0.comment_status, p1_0.created_at, p1_0.created_by, p1_0.excerpt, p1_0.featured_image_alt, p1_0.featured_image_url, p1_0.published_at, now(), p1_0.slug, p1_0.status, p1_0.title, p1_0.updated_at, p1_0.updated_by, p1_0.version, post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where p1_0.slug=:'midslug' and post_is_public(p1_0.status, p1_0.published_at)=true;
\echo == previous
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.published_at from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true and ( p1_0.published_at, p1_0.id )<( :'midat', :mid ) order by p1_0.published_at desc, p1_0.id desc fetch first 1 rows only;
\echo == next
explain (analyze, buffers, costs off) select p1_0.id, p1_0.slug, p1_0.title, p1_0.published_at from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true and ( p1_0.published_at, p1_0.id )>( :'midat', :mid ) order by p1_0.published_at, p1_0.id fetch first 1 rows only;
\echo == categories
explain (analyze, buffers, costs off) with counted as (select category_id, sum(posts) as posts from category_month_counts group by category_id), scheduled as (select pc.category_id, count(*) as posts from posts p join post_categories pc on pc.post_id = p.id where post_is_scheduled(p.status, p.published_at) group by pc.category_id) select c.id, c.slug, c.name, c.description, parent.slug, coalesce(counted.posts, 0) - coalesce(scheduled.posts, 0) from categories c left join categories parent on parent.id = c.parent_id left join counted on counted.category_id = c.id left join scheduled on scheduled.category_id = c.id order by lower(c.name), c.id;
\echo == archives
explain (analyze, buffers, costs off) with scheduled as (select post_archive_month(published_at) as month, count(*) as posts from posts where post_is_scheduled(status, published_at) group by 1) select cast(extract(year from c.month) as integer), cast(extract(month from c.month) as integer), c.posts - coalesce(s.posts, 0) from post_month_counts c left join scheduled s on s.month = c.month where c.posts - coalesce(s.posts, 0) > 0 order by c.month desc;
\echo == rss
explain (analyze, buffers, costs off) select p1_0.*, now(), post_is_public(p1_0.status, p1_0.published_at) from posts p1_0 where post_is_public(p1_0.status, p1_0.published_at)=true order by p1_0.published_at desc, p1_0.id desc fetch first 20 rows only;
\echo == last modified
explain (analyze, buffers, costs off) select greatest((select changed_at from content_changes), (select max(published_at) from public_posts));
\echo == menu
explain (analyze, buffers, costs off) select mi1_0.menu_id, mi1_0.id, mi1_0.parent_id, mi1_0.position, mi1_0.label, mi1_0.link_type, p1_0.id, p1_0.path, p1_0.status, p2_0.id, p2_0.slug, post_is_public(p2_0.status, p2_0.published_at), c1_0.id, c1_0.slug, mi1_0.archive_year, mi1_0.archive_month, mi1_0.url from menu_items mi1_0 left join pages p1_0 on p1_0.id=mi1_0.page_id left join posts p2_0 on p2_0.id=mi1_0.post_id left join categories c1_0 on c1_0.id=mi1_0.category_id where mi1_0.menu_id in (1) order by mi1_0.position, mi1_0.id;
