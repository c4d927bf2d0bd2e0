package org.noticeboard.search;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

/** What a search hit is, and what {@code type} narrows a search to. */
public enum SearchType {
    POST, PAGE;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }
}
