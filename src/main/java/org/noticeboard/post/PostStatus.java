package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

public enum PostStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    /**
     * What readers and editors are told: a scheduled or published post whose time has not come is
     * scheduled; once it has, it is published. Scheduling therefore needs no job.
     *
     * @param visible whether the database found the post public ({@link Post#visible})
     */
    public static PostStatus effective(PostStatus stored, boolean visible) {
        if (stored == DRAFT) {
            return DRAFT;
        }
        return visible ? PUBLISHED : SCHEDULED;
    }

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<PostStatus> {
        public Converter() {
            super(PostStatus.class);
        }
    }
}
