package org.noticeboard.search;

import jakarta.persistence.EntityManager;

/**
 * Search's order for posts: those whose title holds the query, then those whose excerpt does, then the rest; newest
 * first within each. Each tier stops at the end of the page asked for (bind {@code :window} to offset + limit).
 * Which tier a post is in is answered by the indexes of the title and lead vectors (V28), never by testing the
 * vectors of each match: at 100,000 posts that test costs some 4 µs a row, a quarter of a second for a common word.
 * Used by GET /api/search and GET /api/posts?q=.
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
     * The common table expressions {@link #posts} reads, to follow {@code q} (which holds the tsquery as
     * {@code q.query}) in a WITH.
     *
     * @param from      {@code from post_search p, q ...}
     * @param condition which posts may be found at all
     */
    public static String hits(String from, String condition) {
        String matching = " where (" + condition + ") and p.search_vector @@ q.query and ";
        return "post_title_hits as materialized (select p.id, p.published_at " + from + matching
                + "p.title_vector @@ q.query), "
                + "post_lead_hits as materialized (select p.id, p.published_at " + from + matching
                + "p.lead_vector @@ q.query)";
    }

    /**
     * The tiers, each with its number ({@code tier}) and {@code columns} of {@code p}: from post_search in the last
     * tier, from the hits of {@link #hits} (id and published_at only) in the first two.
     */
    public static String posts(String columns, String from, String condition) {
        String notAbove = " and not exists (select 1 from post_title_hits t where t.id = p.id)";
        return "(select 1 as tier, " + columns + " from post_title_hits p" + NEWEST_FIRST + ")"
                + " union all (select 2 as tier, " + columns + " from post_lead_hits p where true" + notAbove
                + NEWEST_FIRST + ")"
                + " union all (select 3 as tier, " + columns + " " + from + " where (" + condition + ")"
                + " and p.search_vector @@ q.query" + notAbove
                + " and not exists (select 1 from post_lead_hits l where l.id = p.id)" + NEWEST_FIRST + ")";
    }
}
