-- A realistic site for bench/run at a chosen scale: psql -v posts=100000 -f bench/seed.sql, on a database the
-- server has just migrated (empty but for its first admin). Every row goes through a plain, statement-level
-- INSERT into the real tables, so that the triggers keeping derived data (content_changes, and any counts a
-- later migration maintains) see the seed as they would see editors' writes, once per statement rather than
-- once per row. The text is picked by arithmetic on the row number, not random(), so that every run at a
-- scale seeds the same site and figures can be compared.
\set ON_ERROR_STOP on
\timing off
set client_min_messages = warning;
-- The seed is written once and can be redone from scratch: losing it in a crash costs nothing.
set synchronous_commit = off;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';

begin;

create temporary table bench_words (kind text, n int, word text) on commit drop;
insert into bench_words (kind, n, word)
select kind, n, word
from (values
    ('topic', array['Community', 'Volunteer', 'Funding', 'Youth', 'Health', 'Housing', 'Transport', 'Food bank',
                    'Training', 'Heritage', 'Arts', 'Sports', 'Library', 'Carers', 'Climate', 'Digital']),
    ('event', array['grant opens', 'fair returns', 'network meets', 'survey results', 'open day', 'workshop',
                    'awards announced', 'consultation launched', 'partnership agreed', 'report published',
                    'drop-in session', 'roadshow', 'appeal reaches target', 'forum', 'week of action']),
    ('place', array['Bridgeport', 'the town centre', 'Riverside', 'the north ward', 'Eastfield', 'the market hall',
                    'Westgate', 'Hillcrest', 'the civic centre', 'Oakwood', 'Millbrook', 'the old station']),
    ('author', array['Asha Patel', 'Ben Okafor', 'Carys Jones', 'Dan Murphy', 'Eleanor Hughes', 'Farid Khan',
                     'Grace Lee', 'Harry Wilson', 'Imogen Clarke', 'Jamal Ahmed', 'Kate Robinson', 'Liam O''Brien'])
) as lists (kind, words),
    unnest(words) with ordinality as w (word, n);

-- 23 sentences; a paragraph is four of them in an order given by its number, so the 200 paragraphs differ.
create temporary table bench_sentences (n int primary key, sentence text) on commit drop;
insert into bench_sentences
select n, sentence
from unnest(array[
    'Volunteers from across the district gave more than four hundred hours to the project this season, and the steering group has thanked every one of them.',
    'The session is free to attend, runs from ten until one, and includes a light lunch; places are limited, so please book through the events page.',
    'Local groups told us that the cost of hiring a room has become the biggest barrier to meeting, which is why the fund now covers venue costs.',
    'Our trustees agreed the new strategy at the annual meeting, setting out how we will support small charities over the next three years.',
    'Applications must reach us by the closing date, and we aim to tell every applicant the outcome within six weeks of the panel meeting.',
    'The report draws on a survey of more than two hundred organisations, together with interviews with staff, trustees and the people they serve.',
    'If you need the information in another format, such as large print or an easy-read version, our office team will be glad to help.',
    'Parking is available behind the hall, the building is step-free throughout, and a hearing loop is fitted in the main meeting room.',
    'The partnership brings together the council, the health trust and twelve voluntary organisations to join up advice services for residents.',
    'We are especially keen to hear from groups that have not worked with us before, including informal groups without a constitution.',
    'The training covers safeguarding basics, recording concerns and knowing when to refer, and counts towards the annual refresher requirement.',
    'Last year the scheme helped forty community groups buy equipment, from a minibus for a lunch club to laptops for a homework club.',
    'Anyone living or working in the district can take part, and you do not need any previous experience to get involved.',
    'The consultation closes at the end of the month; responses will be published in summary, and no individual will be named.',
    'Our advisers can help with governance questions, from writing a constitution to registering with the Charity Commission.',
    'Refreshments are provided, and children are welcome if accompanied by an adult; there is a quiet room for anyone who needs a break.',
    'The network meets every second Tuesday and is open to staff and volunteers of any organisation working with older people.',
    'We would like to thank the National Lottery Community Fund, whose support over the last five years has made this work possible.',
    'Figures released this week show that demand for the service has doubled since the spring, with most referrals coming from GPs.',
    'The building will be closed for refurbishment for two weeks, during which our telephone and email services will carry on as usual.',
    'A recording of the session, with the slides and a list of useful contacts, will be shared with everyone who registers.',
    'The awards celebrate the people who quietly keep our community going, and nominations can be made by anyone who knows them.',
    'Our annual report, with the accounts for the year, is available to download, and printed copies can be collected from reception.'
]) with ordinality as s (sentence, n);

create temporary table bench_paragraphs (n int primary key, paragraph text) on commit drop;
insert into bench_paragraphs
select p.n, string_agg(s.sentence, ' ' order by k.k)
from generate_series(0, 199) as p (n)
    cross join generate_series(0, 3) as k (k)
    join bench_sentences s on s.n = 1 + (p.n * 7 + k.k * (3 + p.n % 5) + p.n / 23) % 23
group by p.n;

-- Categories: eight at the top, four beneath them.
insert into categories (slug, name, description, created_by, updated_by)
select slug, name, description, (select min(id) from users), (select min(id) from users)
from (values
    ('news', 'News', 'News from the council for voluntary service and its members.'),
    ('events', 'Events', 'Meetings, fairs, training and open days.'),
    ('funding', 'Funding', 'Grants, funds and fundraising advice for community groups.'),
    ('volunteering', 'Volunteering', 'Opportunities to volunteer, and support for volunteer managers.'),
    ('training', 'Training', 'Courses and workshops for staff, trustees and volunteers.'),
    ('newsletters', 'Newsletters', 'Our monthly bulletin.'),
    ('policy', 'Policy and consultations', 'Responses to consultations and changes in the law.'),
    ('health-and-wellbeing', 'Health and wellbeing', 'Working with the health trust and social prescribers.')
) as c (slug, name, description);

insert into categories (slug, name, description, parent_id, created_by, updated_by)
select c.slug, c.name, c.description, parent.id, parent.created_by, parent.created_by
from (values
    ('grants', 'Grants', 'Grant programmes open now.', 'funding'),
    ('workshops', 'Workshops', 'Hands-on sessions.', 'events'),
    ('safeguarding', 'Safeguarding', 'Safeguarding training and updates.', 'training'),
    ('member-news', 'Member news', 'News from our member organisations.', 'news')
) as c (slug, name, description, parent_slug)
    join categories parent on parent.slug = c.parent_slug;

-- Posts, oldest first, over the ten years up to now. About one in 200 is a draft and one in 500 is scheduled.
insert into posts (slug, title, excerpt, body_html, featured_image_url, featured_image_alt, author_name, status,
                   published_at, comment_status, created_at, updated_at, created_by, updated_by)
select lower(regexp_replace(t.title, '[^A-Za-z0-9]+', '-', 'g')) || '-' || g.i,
       t.title,
       'A short summary of ' || lower(t.title) || ': ' || lower(left(p1.paragraph, 120)) || '…',
       '<p>' || p1.paragraph || '</p>' || chr(10) || '<p>' || p2.paragraph || '</p>' || chr(10)
           || '<p>' || p3.paragraph || '</p>'
           || case when g.i % 4 >= 1 then chr(10) || '<p>' || p4.paragraph || '</p>' else '' end
           || case when g.i % 4 >= 2 then chr(10) || '<p>' || p5.paragraph || '</p>' else '' end
           || case when g.i % 4 >= 3 then chr(10) || '<p>' || p6.paragraph || '</p>' else '' end,
       case when g.i % 3 = 0 then 'https://images.example.org/posts/' || g.i || '.jpg' end,
       case when g.i % 3 = 0 then 'Photograph for ' || t.title end,
       a.word,
       s.status,
       s.published_at,
       case when g.i % 10 = 0 then 'closed' else 'open' end,
       coalesce(least(s.published_at, now()), now()) - interval '2 days',
       coalesce(least(s.published_at, now()), now()) - interval '1 day',
       (select min(id) from users),
       (select min(id) from users)
from generate_series(1, :posts) as g (i)
    join bench_words tp on tp.kind = 'topic' and tp.n = 1 + g.i % 16
    join bench_words ev on ev.kind = 'event' and ev.n = 1 + (g.i / 16) % 15
    join bench_words pl on pl.kind = 'place' and pl.n = 1 + (g.i / 7) % 12
    cross join lateral (select tp.word || ' ' || ev.word || ' in ' || pl.word as title) as t
    cross join lateral (
        select case when g.i % 200 = 7 then 'draft' when g.i % 500 = 3 then 'scheduled' else 'published' end as status,
               case when g.i % 200 = 7 then null
                    when g.i % 500 = 3 then now() + (1 + g.i % 60) * interval '1 day'
                    else now() - (:posts - g.i) * (interval '3650 days' / :posts) - (g.i % 97) * interval '1 minute'
               end as published_at
    ) as s
    join bench_words a on a.kind = 'author' and a.n = 1 + (g.i * 5) % 12
    join bench_paragraphs p1 on p1.n = (g.i * 7) % 200
    join bench_paragraphs p2 on p2.n = (g.i * 13 + 1) % 200
    join bench_paragraphs p3 on p3.n = (g.i * 17 + 2) % 200
    join bench_paragraphs p4 on p4.n = (g.i * 19 + 3) % 200
    join bench_paragraphs p5 on p5.n = (g.i * 23 + 4) % 200
    join bench_paragraphs p6 on p6.n = (g.i * 29 + 5) % 200;

-- One to three categories a post; steps of 5 through the twelve categories never pick one twice.
insert into post_categories (post_id, category_id)
select p.id, c.ids[1 + (p.id * 31 + j * 5) % array_length(c.ids, 1)]
from posts p
    cross join (select array_agg(id order by id) as ids from categories) as c
    cross join generate_series(0, 2) as j
where j < 1 + (p.id * 7) % 3;

-- 60 pages in three levels: 6 sections, 3 pages in each, 2 beneath each of those. Three are drafts.
insert into pages (slug, path, title, summary, body_html, position, status, meta_description, created_by, updated_by)
select slug, slug, title, 'About ' || lower(title) || '.', '<p>' || (select paragraph from bench_paragraphs where n = position) || '</p>',
       position, 'published', title || ' at Bridgeport CVS', (select min(id) from users), (select min(id) from users)
from (values ('about', 'About us', 0), ('services', 'Services', 1), ('get-involved', 'Get involved', 2),
             ('funding', 'Funding', 3), ('resources', 'Resources', 4), ('contact', 'Contact us', 5))
    as p (slug, title, position);

insert into pages (parent_id, slug, path, title, summary, body_html, position, status, meta_description,
                   created_by, updated_by)
select parent.id, c.slug, parent.path || '/' || c.slug, c.title, 'About ' || lower(c.title) || '.',
       '<p>' || p1.paragraph || '</p>' || chr(10) || '<p>' || p2.paragraph || '</p>',
       c.position, 'published', c.title || ' at Bridgeport CVS', parent.created_by, parent.created_by
from pages parent
    cross join lateral (
        select lower(regexp_replace(title, '[^A-Za-z0-9]+', '-', 'g')) as slug, title, position
        from (values (0, 'Our team'), (1, 'Our history'), (2, 'The CVS centre'))
            as v (position, title)
    ) as c
    join bench_paragraphs p1 on p1.n = 20 + parent.position * 3 + c.position
    join bench_paragraphs p2 on p2.n = 60 + parent.position * 3 + c.position
where parent.parent_id is null;

insert into pages (parent_id, slug, path, title, summary, body_html, position, status, meta_description,
                   created_by, updated_by)
select parent.id, c.slug, parent.path || '/' || c.slug, c.title, 'About ' || lower(c.title) || '.',
       '<p>' || p1.paragraph || '</p>' || chr(10) || '<p>' || p2.paragraph || '</p>' || chr(10) || '<p>' || p3.paragraph || '</p>',
       c.position,
       case when parent.path in ('about/our-team', 'funding/our-history', 'contact/the-cvs-centre') and c.position = 1
            then 'draft' else 'published' end,
       c.title || ' at Bridgeport CVS', parent.created_by, parent.created_by
from pages parent
    join pages grandparent on grandparent.id = parent.parent_id and grandparent.parent_id is null
    cross join lateral (
        select lower(regexp_replace(title, '[^A-Za-z0-9]+', '-', 'g')) as slug, title, position
        from (values (0, 'Room hire'), (1, 'Opening times')) as v (position, title)
    ) as c
    join bench_paragraphs p1 on p1.n = 100 + parent.id % 49 + c.position
    join bench_paragraphs p2 on p2.n = 150 + parent.id % 49 + c.position
    join bench_paragraphs p3 on p3.n = parent.id % 100 + c.position;

-- The menu "main": 40 items in three levels linking to pages, categories, a post, an archive month and
-- addresses, as a front end's header and footer navigation would.
insert into menus (slug, name, created_by, updated_by)
values ('main', 'Main navigation', (select min(id) from users), (select min(id) from users));

-- Level 1: one item a section, and News at position 2.
insert into menu_items (menu_id, position, label, link_type, page_id, created_by, updated_by)
select m.id, case when p.position >= 2 then p.position + 1 else p.position end, p.title, 'page', p.id,
       m.created_by, m.created_by
from menus m
    join pages p on p.parent_id is null
where m.slug = 'main';

insert into menu_items (menu_id, position, label, link_type, created_by, updated_by)
select id, 2, 'News', 'news', created_by, created_by from menus where slug = 'main';

-- Level 2: the pages of four sections; the contact section's addresses; under News, four categories, an
-- archive month and the newest post.
insert into menu_items (menu_id, parent_id, position, label, link_type, page_id, created_by, updated_by)
select i.menu_id, i.id, child.position, child.title, 'page', child.id, i.created_by, i.created_by
from menu_items i
    join pages section on section.id = i.page_id
    join pages child on child.parent_id = section.id
where i.parent_id is null and section.slug in ('about', 'services', 'get-involved', 'funding');

insert into menu_items (menu_id, parent_id, position, label, link_type, url, created_by, updated_by)
select i.menu_id, i.id, u.position, u.label, 'url', u.url, i.created_by, i.created_by
from menu_items i
    join pages section on section.id = i.page_id and section.slug = 'contact'
    cross join (values (0, 'Email us', 'mailto:office@bridgeport-cvs.example.org'),
                       (1, 'Call us', 'tel:+441632960000'),
                       (2, 'Facebook', 'https://www.facebook.com/bridgeportcvs')) as u (position, label, url)
where i.parent_id is null;

insert into menu_items (menu_id, parent_id, position, label, link_type, category_id, created_by, updated_by)
select i.menu_id, i.id, c.position, c.name, 'category', c.id, i.created_by, i.created_by
from menu_items i
    cross join lateral (
        select id, name, (row_number() over (order by id))::int - 1 as position
        from categories where parent_id is null order by id limit 4
    ) as c
where i.parent_id is null and i.link_type = 'news';

insert into menu_items (menu_id, parent_id, position, label, link_type, archive_year, archive_month,
                        created_by, updated_by)
select i.menu_id, i.id, 4, 'Last month', 'archive',
       extract(year from now() - interval '1 month')::int, extract(month from now() - interval '1 month')::int,
       i.created_by, i.created_by
from menu_items i
where i.parent_id is null and i.link_type = 'news';

insert into menu_items (menu_id, parent_id, position, label, link_type, post_id, created_by, updated_by)
select i.menu_id, i.id, 5, 'Latest: ' || left(p.title, 150), 'post', p.id, i.created_by, i.created_by
from menu_items i
    cross join (select id, title from public_posts order by published_at desc, id desc limit 1) as p
where i.parent_id is null and i.link_type = 'news';

-- Level 3: the pages beneath the services and get-involved pages.
insert into menu_items (menu_id, parent_id, position, label, link_type, page_id, created_by, updated_by)
select i.menu_id, i.id, grandchild.position, grandchild.title, 'page', grandchild.id, i.created_by, i.created_by
from menu_items i
    join menu_items top on top.id = i.parent_id and top.parent_id is null
    join pages child on child.id = i.page_id
    join pages section on section.id = child.parent_id and section.slug in ('services', 'get-involved')
    join pages grandchild on grandchild.parent_id = child.id;

update site_settings
set name = 'Bridgeport CVS', tagline = 'Supporting community groups since 1974',
    site_url = 'https://www.bridgeport-cvs.example.org';

-- What scale this database holds, for bench/run --keep-seed; a seed that failed half-way leaves no marker.
create table if not exists bench_seed (posts integer not null, seeded_at timestamptz not null default now());
delete from bench_seed;
insert into bench_seed (posts) values (:posts);

commit;

-- Quietly past the shared catalogues, which only a superuser may analyze.
set client_min_messages = error;
analyze;

select format('%s posts (%s public), %s post categories, %s categories, %s pages, %s menu items; body_html %s bytes on average',
              (select count(*) from posts), (select count(*) from public_posts), (select count(*) from post_categories),
              (select count(*) from categories), (select count(*) from pages), (select count(*) from menu_items),
              (select avg(octet_length(body_html))::int from posts));
