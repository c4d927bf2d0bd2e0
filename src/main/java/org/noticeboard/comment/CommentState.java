package org.noticeboard.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;

/** Where a comment is in moderation: only approved comments are public. */
@Schema(name = "CommentState")
public enum CommentState {
    PENDING, APPROVED, SPAM, TRASH;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<CommentState> {
        public Converter() {
            super(CommentState.class);
        }
    }
}
