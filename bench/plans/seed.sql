-- Seeds an empty Noticeboard schema with :n posts: psql -v n=100000 -f seed.sql (then the hot reads: hot-reads.sql)
insert into categories (slug, name, description)
select 'category-' || i, 'Category ' || i, 'About ' || i from generate_series(1, 20) i;
insert into posts (slug, title, excerpt, body_html, author_name, status, published_at, comment_status)
select 'post-' || i, 'Post number ' || i, repeat('An excerpt of the post. ', 8),
       '<p>' || repeat('Body text of a news post, long enough to be realistic. ', 20) || '</p>',
       'Author ' || (i % 50),
       case when i % 200 = 0 then 'draft' when i % (:n / 20) = 7 then 'scheduled' else 'published' end,
       case when i % 200 = 0 then null
            when i % (:n / 20) = 7 then now() + (i % 97 + 1) * interval '1 hour'
            else now() - interval '10 years' + (i::float8 / :n) * interval '10 years' - interval '1 minute' end,
       'open'
from generate_series(1, :n) i;
insert into post_categories (post_id, category_id)
select p.id, c from posts p,
     lateral (select distinct 1 + ((p.id * k * 7919) % 20) c from generate_series(1, 1 + (p.id % 3)::int) k) x;
insert into pages (slug, path, title, status, position)
select 'page-' || i, 'page-' || i, 'Page ' || i, case when i % 10 = 0 then 'draft' else 'published' end, i
from generate_series(1, 50) i;
insert into menus (slug, name) values ('main', 'Main');
insert into menu_items (menu_id, position, label, link_type, page_id)
select 1, i, 'Page ' || i, 'page', i from generate_series(1, 20) i;
insert into menu_items (menu_id, position, label, link_type, post_id)
select 1, 20 + i, 'Post ' || i, 'post', i * 37 from generate_series(1, 10) i;
vacuum analyze;
