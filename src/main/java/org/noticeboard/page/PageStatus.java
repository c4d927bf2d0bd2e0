package org.noticeboard.page;

import com.fasterxml.jackson.annotation.JsonValue;
import org.noticeboard.common.WireEnum;

public enum PageStatus {
    DRAFT, PUBLISHED;

    @JsonValue
    public String wireName() {
        return WireEnum.name(this);
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<PageStatus> {
        public Converter() {
            super(PageStatus.class);
        }
    }
}
