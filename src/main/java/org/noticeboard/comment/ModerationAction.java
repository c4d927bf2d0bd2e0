package org.noticeboard.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeboard.common.WireEnum;

@Schema(name = "ModerationAction", description = "approve: public; spam, trash: out of sight, restorable; restore: "
        + "back to where it was before spam or trash (pending if it never was elsewhere); delete: gone for ever, "
        + "with its replies")
public enum ModerationAction {
    APPROVE, SPAM, TRASH, RESTORE, DELETE;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }
}
