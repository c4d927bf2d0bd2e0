package org.noticeboard.menu;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

/** What a menu item points at. */
public enum LinkType {
    PAGE, POST, CATEGORY, ARCHIVE, NEWS, URL, NONE;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<LinkType> {
        public Converter() {
            super(LinkType.class);
        }
    }
}
