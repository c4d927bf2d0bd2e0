-- "Did you mean" looked for similar words over search_words, which holds each word once per document: at 100,000
-- posts some ten million rows, whose trigram index every post's save had to update, and where a common word
-- near the typo meant thousands of rows to check. The site's vocabulary is a few thousand distinct words: the
-- trigram search runs over those, and search_words (by word) only answers whether a public document holds one.
-- Words are never removed from the vocabulary; one that no public document holds any more is never suggested.
create table search_vocabulary (
    word text primary key
);

insert into search_vocabulary (word) select distinct word from search_words;

create index search_vocabulary_word_trgm_idx on search_vocabulary using gin (word gin_trgm_ops);
drop index search_words_word_trgm_idx;

create function search_vocabulary_add() returns trigger
    language plpgsql
as $$
begin
    insert into search_vocabulary (word) select distinct word from added_words on conflict do nothing;
    return null;
end
$$;

create trigger search_words_added after insert on search_words
    referencing new table as added_words
    for each statement execute function search_vocabulary_add();

-- Ranking by tiers (title, then excerpt or summary, then body) read the whole document's vector three times for
-- every match: two kilobytes, stored out of line, at 100,000 posts 1.6 s for a word in most of them. The tiers
-- only need the title's and the lead's words, a few bytes kept in the row; within a tier, newest first.
alter table posts add column title_vector tsvector, add column lead_vector tsvector;
alter table pages add column title_vector tsvector, add column lead_vector tsvector;

create or replace function posts_search_index() returns trigger
    language plpgsql
as $$
begin
    new.search_vector := search_document_vector(new.title, new.excerpt, new.body_html);
    new.title_vector := to_tsvector(search_config(), coalesce(new.title, ''));
    new.lead_vector := to_tsvector(search_config(), search_plain_text(new.excerpt));
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
    new.title_vector := to_tsvector(search_config(), coalesce(new.title, ''));
    new.lead_vector := to_tsvector(search_config(), search_plain_text(new.summary));
    delete from search_words where kind = 'page' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'page', new.id, w
    from search_fold_words(new.title || ' ' || search_plain_text(new.summary) || ' ' || search_plain_text(new.body_html)) as w
    on conflict do nothing;
    return new;
end
$$;

create or replace function search_reindex() returns trigger
    language plpgsql
as $$
begin
    update posts set search_vector = search_document_vector(title, excerpt, body_html),
                     title_vector = to_tsvector(search_config(), coalesce(title, '')),
                     lead_vector = to_tsvector(search_config(), search_plain_text(excerpt));
    update pages set search_vector = search_document_vector(title, summary, body_html),
                     title_vector = to_tsvector(search_config(), coalesce(title, '')),
                     lead_vector = to_tsvector(search_config(), search_plain_text(summary));
    return null;
end
$$;

update posts set title_vector = to_tsvector(search_config(), coalesce(title, '')),
                 lead_vector = to_tsvector(search_config(), search_plain_text(excerpt));
update pages set title_vector = to_tsvector(search_config(), coalesce(title, '')),
                 lead_vector = to_tsvector(search_config(), search_plain_text(summary));
