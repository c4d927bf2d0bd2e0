package org.noticeboard.common;

import java.util.Arrays;
import java.util.Collection;

/** Optimistic concurrency for writes: If-Match must name the entity tag the writer read. */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * @param ifMatch     the request's If-Match header, possibly null
     * @param currentTags the tags of the resource's current representations (public and editorial views)
     * @throws ProblemException 428 without If-Match, 412 when no listed tag is current
     */
    public static void requireMatch(String ifMatch, Collection<String> currentTags) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag from your last read of this resource");
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || currentTags.contains(tag));
        if (!matches) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The resource has changed since you read it (its ETag is now " + currentTags.iterator().next()
                            + "); nothing was changed");
        }
    }

    public static ProblemException changedMeanwhile() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "Someone else changed the resource while your change was being made; nothing was changed");
    }
}
