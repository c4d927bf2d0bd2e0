package org.noticeboard.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.noticeboard.common.Paging;
import org.noticeboard.common.ProblemException;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over public posts and pages (V23, V25–V28). Only matched rows are ranked, and ts_headline runs only on
 * the page of hits returned. Snippets are escaped here: ts_headline marks matches with two private-use
 * characters (which the plain text can never hold, V23), the text is escaped, then the markers become mark tags.
 */
@ApplicationScoped
public class SearchService {

    /** Queries longer than this are refused (400), stated on the parameter. */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * Fewer hits than this, and a query with words no public document holds is tried corrected too. Only unknown
     * words are corrected, so a rare word that is really there is never swapped for a commoner one.
     */
    static final int FEW_HITS = 3;

    /** How many of the most similar known words a correction tries, most similar first. */
    private static final int CORRECTION_CANDIDATES = 5;

    private static final String START = "\uE000";
    private static final String STOP = "\uE001";
    private static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private final EntityManager entityManager;

    SearchService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param query what {@link #queryParameter} made of the q sent */
    @Transactional
    public SearchResults search(String query, SearchType type, String category, Paging paging) {
        SearchTiers.planForTheseWords(entityManager);
        Page found = find(query, type, category, paging);
        String didYouMean = null;
        if (found.total < FEW_HITS) {
            String corrected = correct(query);
            if (corrected != null) {
                Page retried = find(corrected, type, category, paging);
                if (retried.total > found.total) {
                    found = retried;
                    didYouMean = corrected;
                }
            }
        }
        int totalPages = (int) ((found.total + paging.perPage() - 1) / paging.perPage());
        return new SearchResults(found.hits, paging.page(), paging.perPage(), found.total, totalPages, didYouMean);
    }

    /**
     * {@code q} as a query may use it (GET /api/search, GET /api/posts?q=).
     *
     * @throws ProblemException 400 when it is too long or holds nothing to search for
     */
    public static String queryParameter(String q) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidQuery("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        String query = q == null ? "" : clean(q);
        if (query.isEmpty()) {
            throw ProblemException.invalidQuery("q", "must contain something to search for");
        }
        return query;
    }

    /** Control characters (NUL among them), lone surrogates and the snippet markers cannot reach PostgreSQL. */
    static String clean(String q) {
        StringBuilder out = new StringBuilder(q.length());
        q.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            boolean unusable = kind == Character.CONTROL || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE || kind == Character.UNASSIGNED;
            out.appendCodePoint(unusable ? ' ' : c);
        });
        return out.toString().strip();
    }

    private record Page(List<SearchHit> hits, long total) {
    }

    private Page find(String query, SearchType type, String category, Paging paging) {
        List<String> hits = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        String postTiers = "";
        if (type != SearchType.PAGE) {
            String condition = "post_is_public(p.status, p.published_at)" + (category == null ? "" : """
                     and exists (select 1 from post_categories pc join categories c on c.id = pc.category_id
                                 where pc.post_id = p.id and c.slug = :category)""");
            postTiers = SearchTiers.hits("from post_search p, q", condition) + ",";
            hits.add(SearchTiers.posts("'post' as kind, p.id, p.published_at as date", "from post_search p, q", condition));
            counts.add("(select count(*) from post_search p, q where " + condition + " and p.search_vector @@ q.query)");
        }
        if (type != SearchType.POST && category == null) {
            // A site has tens of pages, not thousands: ranked in one go.
            hits.add("""
                    select case when g.title_vector @@ q.query then 1 when g.lead_vector @@ q.query then 2 else 3 end as tier,
                           'page' as kind, g.id, g.updated_at as date
                    from pages g, q
                    where g.search_vector @@ q.query and g.status = 'published'""");
            counts.add("(select count(*) from pages g, q where g.search_vector @@ q.query and g.status = 'published')");
        }
        if (hits.isEmpty()) {
            return new Page(List.of(), 0);
        }
        // Titles, bodies and snippets are read for the one page returned; the total rides along with it (and
        // alone with a page past the last).
        String sql = """
                with q as (select websearch_to_tsquery(search_config(), :query) as query), %s
                total as (select %s as n),
                ranked as (
                    select h.tier, h.kind, h.id, h.date from (%s) h
                    order by h.tier, h.date desc, h.id desc
                    offset :offset limit :limit
                )
                select r.kind, r.id, coalesce(p.title, g.title), coalesce(p.slug, g.path), r.date, total.n,
                       ts_headline(search_config(),
                                   search_plain_text(coalesce(p.excerpt, g.summary, '')) || ' … '
                                   || search_plain_text(coalesce(p.body_html, g.body_html)),
                                   q.query, :options)
                from total left join ranked r on true cross join q
                     left join posts p on r.kind = 'post' and p.id = r.id
                     left join pages g on r.kind = 'page' and g.id = r.id
                order by r.tier, r.date desc, r.id desc
                """.formatted(postTiers, String.join(" + ", counts), String.join(" union all ", hits));
        long offset = (paging.page() - 1L) * paging.perPage();
        Query select = entityManager.createNativeQuery(sql)
                .setParameter("query", query)
                .setParameter("offset", offset)
                .setParameter("limit", paging.perPage())
                .setParameter("options", HEADLINE_OPTIONS);
        if (type != SearchType.PAGE) {
            select.setParameter("window", offset + paging.perPage());
            if (category != null) {
                select.setParameter("category", category);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<SearchHit> found = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[0] == null) {
                continue;
            }
            boolean post = "post".equals(row[0]);
            String route = (String) row[3];
            found.add(new SearchHit(post ? SearchType.POST : SearchType.PAGE, ((Number) row[1]).longValue(),
                    (String) row[2], post ? FrontEndRoutes.post(route) : FrontEndRoutes.page(route),
                    toOffsetDateTime(row[4]), snippet((String) row[6])));
        }
        return new Page(found, ((Number) rows.get(0)[5]).longValue());
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    static String snippet(String headline) {
        StringBuilder out = new StringBuilder(headline.length() + 32);
        headline.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case 0xE000 -> out.append("<mark>");
                case 0xE001 -> out.append("</mark>");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    /**
     * Each word of the query that no public document holds is swapped for the most similar word that one does
     * (pg_trgm over the site's vocabulary, V26, checked against visibility now); null when nothing changed.
     */
    private String correct(String query) {
        Map<String, String> replacements = new LinkedHashMap<>();
        Matcher words = WORD.matcher(query);
        while (words.find()) {
            String word = words.group();
            if (word.length() < 3 || word.length() > 40 || replacements.containsKey(word)) {
                continue;
            }
            // The most similar words of the vocabulary (which keeps words that are gone, and words of drafts),
            // each asked of the search index whether a public post or page holds it; the word itself first.
            @SuppressWarnings("unchecked")
            List<String> best = entityManager.createNativeQuery("""
                    with w as (select lower(unaccent(:word)) as word),
                    near as (
                        select v.word, v.word = w.word as same, similarity(v.word, w.word) as likeness
                        from search_vocabulary v, w
                        where v.word %% w.word
                        order by same desc, likeness desc, v.word
                        limit :candidates
                    )
                    select n.word from near n, lateral (select websearch_to_tsquery(search_config(), n.word) as query) q
                    where exists (select 1 from post_search p where p.search_vector @@ q.query
                                                               and post_is_public(p.status, p.published_at))
                       or exists (select 1 from pages g where g.search_vector @@ q.query and g.status = 'published')
                    order by n.same desc, n.likeness desc, n.word
                    limit 1
                    """.replace("%%", "%"))
                    .setParameter("word", word)
                    .setParameter("candidates", CORRECTION_CANDIDATES)
                    .getResultList();
            if (!best.isEmpty() && !best.get(0).equalsIgnoreCase(word)) {
                replacements.put(word, best.get(0));
            }
        }
        if (replacements.isEmpty()) {
            return null;
        }
        String corrected = query;
        for (Map.Entry<String, String> swap : replacements.entrySet()) {
            corrected = corrected.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(swap.getKey())
                    + "(?![\\p{L}\\p{N}])", Matcher.quoteReplacement(swap.getValue()));
        }
        return corrected;
    }
}
