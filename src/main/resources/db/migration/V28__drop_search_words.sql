-- search_words held each word once per document, only so that "did you mean" could ask whether a public document
-- holds a word: at 100,000 posts 17 million rows and 1.7 GB, most of the cost of saving a post, and 100 ms for
-- that one question. The question is asked instead of the search index itself, for the few most similar words
-- (SearchService.correct), and each document's words go straight into the vocabulary.
drop trigger search_words_added on search_words;
drop function search_vocabulary_add();
drop trigger posts_search_forget on posts;
drop trigger pages_search_forget on pages;
drop function search_words_forget();
drop table search_words;

-- In word order, so that two saves adding the same new words wait for each other rather than deadlock.
create function search_vocabulary_add(content text) returns void
    language sql
as $$
insert into search_vocabulary (word)
select w from search_fold_words(content) as w order by w
on conflict do nothing
$$;

create or replace function posts_search_text_changed() returns trigger
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
    perform search_vocabulary_add(new.title || ' ' || search_plain_text(new.excerpt) || ' '
                                  || search_plain_text(new.body_html));
    return null;
end
$$;

create or replace function pages_search_index() returns trigger
    language plpgsql
as $$
begin
    new.search_vector := search_document_vector(new.title, new.summary, new.body_html);
    new.title_vector := to_tsvector(search_config(), coalesce(new.title, ''));
    new.lead_vector := to_tsvector(search_config(), search_plain_text(new.summary));
    perform search_vocabulary_add(new.title || ' ' || search_plain_text(new.summary) || ' '
                                  || search_plain_text(new.body_html));
    return new;
end
$$;

-- Which tier of search's order a match is in (title, lead, body: SearchTiers) is answered by an index of the title's
-- and the lead's words, rather than by testing the two vectors of every match of the whole document.
create index post_search_title_idx on post_search using gin (title_vector);
create index post_search_lead_idx on post_search using gin (lead_vector);
