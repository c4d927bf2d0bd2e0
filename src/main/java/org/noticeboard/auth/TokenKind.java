package org.noticeboard.auth;

import org.noticeboard.common.WireEnum;

public enum TokenKind {
    /** Issued by sign-in, short-lived. */
    SESSION("nbs_"),
    /** Created by an admin for scripts and integrations, long-lived until revoked or expired. */
    API("nba_");

    /** Tokens say what they are, so that a leaked one is recognisable in logs and secret scanners. */
    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    @jakarta.persistence.Converter
    public static class Converter extends WireEnum.Converter<TokenKind> {
        public Converter() {
            super(TokenKind.class);
        }
    }
}
