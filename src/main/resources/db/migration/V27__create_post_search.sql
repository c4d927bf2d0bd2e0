-- What search reads of each post, in a narrow table of its own. Searching the posts table itself meant visiting a
-- page of it for every match, three posts to a page with their bodies: at 100,000 posts, 20,000 pages and 400 ms
-- for a word in most of them. Here a match is a row of some two hundred bytes (the document's vector is kept out of
-- line: the index answers the match, and only the small title and lead vectors are read), forty to a page.
-- Kept by triggers on posts, in the same transaction as the post's own change.
create table post_search (
    id            bigint      primary key references posts (id) on delete cascade,
    status        varchar(10) not null,
    published_at  timestamptz,
    search_vector tsvector    not null,
    title_vector  tsvector    not null,
    lead_vector   tsvector    not null
) with (toast_tuple_target = 128);

insert into post_search (id, status, published_at, search_vector, title_vector, lead_vector)
select id, status, published_at, search_vector, title_vector, lead_vector from posts;

create index post_search_idx on post_search using gin (search_vector);

drop trigger posts_search_index on posts;
drop index posts_search_idx;
alter table posts drop column search_vector, drop column title_vector, drop column lead_vector;

create function posts_search_text_changed() returns trigger
    language plpgsql
as $$
begin
    insert into post_search (id, status, published_at, search_vector, title_vector, lead_vector)
    values (new.id, new.status, new.published_at, search_document_vector(new.title, new.excerpt, new.body_html),
            to_tsvector(search_config(), coalesce(new.title, '')),
            to_tsvector(search_config(), search_plain_text(new.excerpt)))
    on conflict (id) do update set status = excluded.status, published_at = excluded.published_at,
        search_vector = excluded.search_vector, title_vector = excluded.title_vector,
        lead_vector = excluded.lead_vector;
    delete from search_words where kind = 'post' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'post', new.id, w
    from search_fold_words(new.title || ' ' || search_plain_text(new.excerpt) || ' ' || search_plain_text(new.body_html)) as w
    on conflict do nothing;
    return null;
end
$$;

create function posts_search_visibility_changed() returns trigger
    language plpgsql
as $$
begin
    update post_search set status = new.status, published_at = new.published_at where id = new.id;
    return null;
end
$$;

create trigger posts_search_text_changed after insert or update of title, excerpt, body_html on posts
    for each row execute function posts_search_text_changed();
create trigger posts_search_visibility_changed after update of status, published_at on posts
    for each row when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function posts_search_visibility_changed();

drop function posts_search_index();

create or replace function search_reindex() returns trigger
    language plpgsql
as $$
begin
    update post_search s set search_vector = search_document_vector(p.title, p.excerpt, p.body_html),
                             title_vector = to_tsvector(search_config(), coalesce(p.title, '')),
                             lead_vector = to_tsvector(search_config(), search_plain_text(p.excerpt))
    from posts p where p.id = s.id;
    update pages set search_vector = search_document_vector(title, summary, body_html),
                     title_vector = to_tsvector(search_config(), coalesce(title, '')),
                     lead_vector = to_tsvector(search_config(), search_plain_text(summary));
    return null;
end
$$;
