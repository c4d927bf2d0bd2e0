package org.noticeboard.post;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

public enum CommentStatus {
    OPEN, CLOSED;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<CommentStatus> {
        public Converter() {
            super(CommentStatus.class);
        }
    }
}
