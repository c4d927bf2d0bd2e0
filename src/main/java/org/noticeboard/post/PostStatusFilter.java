package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

/** Which posts a list shows. Anything but {@code published} needs an editor's sign-in. */
public enum PostStatusFilter {
    /** Public: {@link Post#visible}, the database's rule on the database's clock. */
    PUBLISHED("p.visible = true", "post_is_public(p.status, p.published_at)"),
    /** Not a draft and not public yet: the complement, also decided by the database (post_is_scheduled, V16). */
    SCHEDULED("function('post_is_scheduled', p.status, p.publishedAt) = true", "post_is_scheduled(p.status, p.published_at)"),
    DRAFT("p.status = :draft", "p.status = 'draft'"),
    ANY("true", "true");

    /** A JPQL condition on the alias {@code p}. */
    final String condition;
    /** The same condition in SQL, on the table posts as {@code p}. */
    final String sqlCondition;

    PostStatusFilter(String condition, String sqlCondition) {
        this.condition = condition;
        this.sqlCondition = sqlCondition;
    }

    /** Never written as JSON: this is how the OpenAPI document learns the words the query takes. */
    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }
}
