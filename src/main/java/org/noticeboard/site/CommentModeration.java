package org.noticeboard.site;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;

/** Which new comments wait for a moderator (links and blocked words hold a comment in every mode). */
@Schema(name = "CommentModeration", description = "all-held: every comment waits for a moderator; first-time-held: "
        + "a comment waits unless its e-mail address has an approved comment already; none: comments appear at once")
public enum CommentModeration {
    ALL_HELD, FIRST_TIME_HELD, NONE;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<CommentModeration> {
        public Converter() {
            super(CommentModeration.class);
        }
    }
}
