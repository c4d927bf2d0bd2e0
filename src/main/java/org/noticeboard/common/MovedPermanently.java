package org.noticeboard.common;

/** Content that moved (a changed slug, a moved page) answers 301 with its current address. */
public class MovedPermanently extends RuntimeException {

    private final String location;

    public MovedPermanently(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
