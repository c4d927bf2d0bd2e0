package org.noticeboard.search;

import jakarta.persistence.EntityManager;

/**
 * Search's order for posts: those whose title holds the query, then those whose excerpt does, then the rest; newest
 * first within each. Each tier is its own query that stops at the end of the page asked for (bind {@code :window}
 * to offset + limit), so a word in most posts costs a page's worth of rows, not a sort of every match; the title
 * and lead vectors have indexes of their own (V28). Used by GET /api/search and GET /api/posts?q=.
 */
public final class SearchTiers {

    private static final String NEWEST_FIRST = " order by p.published_at desc, p.id desc limit :window";

    private SearchTiers() {
    }

    /**
     * Has the rest of the transaction plan each search for its own words. A prepared statement run often enough
     * gets PostgreSQL's generic plan, made for no words in particular: it sorts every match of every tier (566 ms
     * at 100,000 posts for a common word, against 49 ms planned for it), where a plan for a common word reads the
     * newest posts until the page is full.
     */
    public static void planForTheseWords(EntityManager entityManager) {
        entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
    }

    /**
     * @param columns    what each tier selects besides its number ({@code tier}), from post_search as {@code p}
     * @param from       {@code from post_search p, q ...}, where q holds the tsquery as {@code q.query}
     * @param condition  which posts may be found at all; the tiers add that the query matches
     */
    public static String posts(String columns, String from, String condition) {
        String matching = " where (" + condition + ") and p.search_vector @@ q.query and ";
        return "(select 1 as tier, " + columns + " " + from + matching + "p.title_vector @@ q.query" + NEWEST_FIRST + ")"
                + " union all (select 2 as tier, " + columns + " " + from + matching
                + "p.lead_vector @@ q.query and not p.title_vector @@ q.query" + NEWEST_FIRST + ")"
                + " union all (select 3 as tier, " + columns + " " + from + matching
                + "not (p.title_vector @@ q.query or p.lead_vector @@ q.query)" + NEWEST_FIRST + ")";
    }
}
