-- The hot public reads as they were before V16-V18, for comparison; see docs/performance.md (Query plans)
\set ON_ERROR_STOP 1
select count(*) as total, (count(*) - 1) / 10 * 10 as lastoff from posts where status <> 'draft' and published_at <= now() \gset
select id as cat from categories where slug = 'category-7' \gset
select extract(year from published_at at time zone 'Europe/London')::int as y, extract(month from published_at at time zone 'Europe/London')::int as m, id as mid, slug as midslug, published_at as midat from posts where slug = 'post-' || (:total / 2) \gset
\echo == list page 1: count
explain (analyze, buffers, costs off) select count(p.id) from posts p where p.status <> 'draft' and p.published_at <= now();
\echo == list page 1
explain (analyze, buffers, costs off) select p.id, p.slug, p.title, p.excerpt, p.featured_image_url, p.featured_image_alt, p.author_name, p.status, p.published_at, p.updated_at from posts p where p.status <> 'draft' and p.published_at <= now() order by p.published_at desc nulls first, p.id desc offset 0 rows fetch first 10 rows only;
\echo == last page
explain (analyze, buffers, costs off) select p.id, p.slug, p.title, p.excerpt, p.featured_image_url, p.featured_image_alt, p.author_name, p.status, p.published_at, p.updated_at from posts p where p.status <> 'draft' and p.published_at <= now() order by p.published_at desc nulls first, p.id desc offset :lastoff rows fetch first 10 rows only;
\echo == category count
explain (analyze, buffers, costs off) select count(p.id) from posts p where p.status <> 'draft' and p.published_at <= now() and p.id in (select cp.id from posts cp join post_categories c1 on cp.id = c1.post_id where c1.category_id = :cat);
\echo == category page 5
explain (analyze, buffers, costs off) select p.id, p.slug, p.title, p.excerpt, p.featured_image_url, p.featured_image_alt, p.author_name, p.status, p.published_at, p.updated_at from posts p where p.status <> 'draft' and p.published_at <= now() and p.id in (select cp.id from posts cp join post_categories c1 on cp.id = c1.post_id where c1.category_id = :cat) order by p.published_at desc nulls first, p.id desc offset 40 rows fetch first 10 rows only;
\echo == month count
explain (analyze, buffers, costs off) select count(p.id) from posts p where p.status <> 'draft' and p.published_at <= now() and p.published_at >= make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') and p.published_at < make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') + interval '1 month';
\echo == month page 1
explain (analyze, buffers, costs off) select p.id, p.slug, p.title from posts p where p.status <> 'draft' and p.published_at <= now() and p.published_at >= make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') and p.published_at < make_timestamptz(:y, :m, 1, 0, 0, 0, 'Europe/London') + interval '1 month' order by p.published_at desc nulls first, p.id desc offset 0 rows fetch first 10 rows only;
\echo == by slug
explain (analyze, buffers, costs off) select * from posts p where p.slug = :'midslug' and p.status <> 'draft' and p.published_at <= now();
\echo == previous
explain (analyze, buffers, costs off) select p.id, p.slug, p.title, p.published_at from posts p where p.status <> 'draft' and p.published_at <= now() and (p.published_at < :'midat' or (p.published_at = :'midat' and p.id < :mid)) order by p.published_at desc, p.id desc fetch first 1 rows only;
\echo == next
explain (analyze, buffers, costs off) select p.id, p.slug, p.title, p.published_at from posts p where p.status <> 'draft' and p.published_at <= now() and (p.published_at > :'midat' or (p.published_at = :'midat' and p.id > :mid)) order by p.published_at asc, p.id asc fetch first 1 rows only;
\echo == categories
explain (analyze, buffers, costs off) select c.id, c.slug, c.name, c.description, parent.slug, (select count(*) from post_categories pc join public_posts p on p.id = pc.post_id where pc.category_id = c.id) from categories c left join categories parent on parent.id = c.parent_id order by lower(c.name), c.id;
\echo == archives
explain (analyze, buffers, costs off) select cast(extract(year from local_time) as integer), cast(extract(month from local_time) as integer), count(*) from (select published_at at time zone 'Europe/London' as local_time from public_posts) p group by 1, 2 order by 1 desc, 2 desc;
\echo == rss
explain (analyze, buffers, costs off) select p.* from posts p where p.status <> 'draft' and p.published_at <= now() order by p.published_at desc, p.id desc fetch first 20 rows only;
\echo == last modified
explain (analyze, buffers, costs off) select greatest((select changed_at from content_changes), (select max(published_at) from public_posts));
\echo == menu
explain (analyze, buffers, costs off) select i.menu_id, i.id, i.parent_id, pg.path, pg.status, po.slug, po.status, po.published_at from menu_items i left join pages pg on pg.id = i.page_id left join posts po on po.id = i.post_id left join categories c on c.id = i.category_id where i.menu_id in (1) order by i.position, i.id;
