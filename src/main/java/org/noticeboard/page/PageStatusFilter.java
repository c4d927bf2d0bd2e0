package org.noticeboard.page;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

/** Which pages a read shows. Anything but {@code published} needs an editor's sign-in. */
public enum PageStatusFilter {
    /**
     * Public: published, and no ancestor is a draft. A draft parent hides its whole subtree, so that
     * neither the child nor its path gives the draft away.
     */
    PUBLISHED("p.status = :published and not exists "
            + "(select a.id from Page a where a.status = :draft and p.path like concat(a.path, '/%'))"),
    /** Pages that are drafts themselves. */
    DRAFT("p.status = :draft"),
    ANY("true");

    /** A JPQL condition on the alias {@code p}. */
    final String condition;

    PageStatusFilter(String condition) {
        this.condition = condition;
    }

    /** Never written as JSON: this is how the OpenAPI document learns the words the query takes. */
    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }
}
