package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

public enum PostStatus {
    DRAFT, SCHEDULED, PUBLISHED;

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
