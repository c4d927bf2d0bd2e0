-- Full-text search over posts and pages.
-- The vectors are trigger-maintained columns, not generated ones: generated columns need IMMUTABLE functions,
-- and unaccent() (through the text search configuration below) is only STABLE. A trigger also lets one pass
-- over the row feed the vocabulary table used for "did you mean".
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- English stemming with accents folded away: "cafe" finds "café", "meetings" finds "meeting".
create text search configuration noticeboard_english (copy = english);
alter text search configuration noticeboard_english
    alter mapping for hword, hword_part, word with unaccent, english_stem;

-- Plain text of stored HTML: tags out, the common entities decoded, and the two private-use characters the
-- snippet code uses as highlight markers removed so content can never forge a <mark>.
create function search_plain_text(html text) returns text
    language sql immutable parallel safe
as $$
select replace(replace(replace(replace(replace(replace(
           regexp_replace(regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'), '[\uE000\uE001]', '', 'g'),
           '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
$$;

alter table posts add column search_vector tsvector;
alter table pages add column search_vector tsvector;

-- Every distinct word of a document, folded (lower case, no accents): the vocabulary "did you mean" draws from,
-- joined to the document's visibility at query time, so words found only in drafts, scheduled posts or
-- unpublished pages are never suggested, and a scheduled post's words appear the instant it goes public.
create table search_words (
    kind   varchar(4) not null check (kind in ('post', 'page')),
    doc_id bigint     not null,
    word   text       not null,
    primary key (kind, doc_id, word)
);
create index search_words_word_trgm_idx on search_words using gin (word gin_trgm_ops);
create index search_words_word_idx on search_words (word);

create function search_fold_words(content text) returns setof text
    language sql stable parallel safe
as $$
select distinct w
from regexp_split_to_table(lower(unaccent(coalesce(content, ''))), '[^[:alnum:]]+') as w
where length(w) between 3 and 40
$$;

create function posts_search_index() returns trigger
    language plpgsql
as $$
declare
    body text := search_plain_text(new.body_html);
    excerpt text := search_plain_text(new.excerpt);
begin
    new.search_vector :=
        setweight(to_tsvector('noticeboard_english', coalesce(new.title, '')), 'A') ||
        setweight(to_tsvector('noticeboard_english', excerpt), 'B') ||
        setweight(to_tsvector('noticeboard_english', body), 'C');
    delete from search_words where kind = 'post' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'post', new.id, w from search_fold_words(new.title || ' ' || excerpt || ' ' || body) as w
    on conflict do nothing;
    return new;
end
$$;

create function pages_search_index() returns trigger
    language plpgsql
as $$
declare
    body text := search_plain_text(new.body_html);
    summary text := search_plain_text(new.summary);
begin
    new.search_vector :=
        setweight(to_tsvector('noticeboard_english', coalesce(new.title, '')), 'A') ||
        setweight(to_tsvector('noticeboard_english', summary), 'B') ||
        setweight(to_tsvector('noticeboard_english', body), 'C');
    delete from search_words where kind = 'page' and doc_id = new.id;
    insert into search_words (kind, doc_id, word)
    select 'page', new.id, w from search_fold_words(new.title || ' ' || summary || ' ' || body) as w
    on conflict do nothing;
    return new;
end
$$;

create function search_words_forget() returns trigger
    language plpgsql
as $$
begin
    delete from search_words where kind = tg_argv[0] and doc_id = old.id;
    return old;
end
$$;

create trigger posts_search_index before insert or update of title, excerpt, body_html on posts
    for each row execute function posts_search_index();
create trigger pages_search_index before insert or update of title, summary, body_html on pages
    for each row execute function pages_search_index();
create trigger posts_search_forget after delete on posts
    for each row execute function search_words_forget('post');
create trigger pages_search_forget after delete on pages
    for each row execute function search_words_forget('page');

-- Backfill existing content: touching title fires the triggers.
update posts set title = title;
update pages set title = title;

create index posts_search_idx on posts using gin (search_vector);
create index pages_search_idx on pages using gin (search_vector);
