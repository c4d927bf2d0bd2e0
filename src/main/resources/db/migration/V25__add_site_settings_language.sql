-- The site's language picks how search stems words: english (the default) lets "meetings" find "meeting", french
-- "réunions" find "réunion"; simple stems nothing, for a site in a language PostgreSQL has no stemmer for (Welsh)
-- or in several. Accents are folded away in every one, as in noticeboard_english (V23).
do $$
declare
    language text;
begin
    foreach language in array array['danish', 'dutch', 'finnish', 'french', 'german', 'hungarian', 'irish', 'italian',
                                    'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'turkish']
    loop
        execute format('create text search configuration noticeboard_%s (copy = %s)', language, language);
        execute format('alter text search configuration noticeboard_%s '
                       'alter mapping for hword, hword_part, word with unaccent, %s_stem', language, language);
    end loop;
end
$$;
create text search configuration noticeboard_simple (copy = simple);
alter text search configuration noticeboard_simple alter mapping for hword, hword_part, word with unaccent, simple;

alter table site_settings add column language varchar(20) not null default 'english'
    check (language in ('english', 'simple', 'danish', 'dutch', 'finnish', 'french', 'german', 'hungarian', 'irish',
                        'italian', 'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'turkish'));

-- The text search configuration of the site's language, for the vectors and for every query.
create function search_config() returns regconfig
    language sql stable parallel safe
as $$
select ('noticeboard_' || language)::regconfig from site_settings where id = 1
$$;

create function search_document_vector(title text, lead text, body text) returns tsvector
    language sql stable parallel safe
as $$
select setweight(to_tsvector(search_config(), coalesce(title, '')), 'A') ||
       setweight(to_tsvector(search_config(), search_plain_text(lead)), 'B') ||
       setweight(to_tsvector(search_config(), search_plain_text(body)), 'C')
$$;

create or replace function posts_search_index() returns trigger
    language plpgsql
as $$
begin
    new.search_vector := search_document_vector(new.title, new.excerpt, new.body_html);
    delete from search_words where kind = 'post' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'post', new.id, w
    from search_fold_words(new.title || ' ' || search_plain_text(new.excerpt) || ' ' || search_plain_text(new.body_html)) as w
    on conflict do nothing;
    return new;
end
$$;

create or replace function pages_search_index() returns trigger
    language plpgsql
as $$
begin
    new.search_vector := search_document_vector(new.title, new.summary, new.body_html);
    delete from search_words where kind = 'page' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'page', new.id, w
    from search_fold_words(new.title || ' ' || search_plain_text(new.summary) || ' ' || search_plain_text(new.body_html)) as w
    on conflict do nothing;
    return new;
end
$$;

-- A change of language re-stems everything in the same transaction, so search never mixes two languages' stems.
-- The vocabulary of "did you mean" is folded words, the same in every language.
create function search_reindex() returns trigger
    language plpgsql
as $$
begin
    update posts set search_vector = search_document_vector(title, excerpt, body_html);
    update pages set search_vector = search_document_vector(title, summary, body_html);
    return null;
end
$$;

create trigger site_language_reindexed after update of language on site_settings
    for each row when (old.language is distinct from new.language) execute function search_reindex();
