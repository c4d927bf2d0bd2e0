package org.noticeboard.common;

import java.util.Arrays;
import java.util.List;

/**
 * Optimistic concurrency for writes: If-Match must name the resource's current {@link EditingTag}, which a
 * signed-in read of it, or the answer to the last write to it, gave as its ETag.
 */
public final class Preconditions {

    /** How the OpenAPI document describes the If-Match parameter of a write. */
    public static final String IF_MATCH = "The editing tag: the ETag of a signed-in read of this resource, or of the "
            + "answer to your last change to it. A public read's ETag is refused (412)";
    /** The same for a menu and its items, which all take the menu's tag. */
    public static final String MENU_IF_MATCH = "The menu's editing tag: the ETag of a signed-in read of the menu, or of "
            + "the answer to your last change to it or its items. A public read's ETag is refused (412)";

    private Preconditions() {
    }

    /**
     * @param ifMatch the request's If-Match header, possibly null
     * @param current the resource's editing tag as it is now
     * @throws ProblemException 428 without If-Match; 412 when it names neither {@code *} nor the current tag
     */
    public static void requireMatch(String ifMatch, EditingTag current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of a signed-in read of this resource");
        }
        List<String> tags = Arrays.stream(ifMatch.split(",")).map(String::strip).toList();
        String currentTag = current.toString();
        if (tags.stream().anyMatch(tag -> tag.equals("*") || tag.equals(currentTag))) {
            return;
        }
        if (tags.stream().noneMatch(EditingTag::isOne)) {
            // The hash of a public read: it changes with what is shown beside the resource, so it says nothing
            // about whether the resource itself changed.
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match names no editing tag (a public read's ETag is not one): read the " + current.kind()
                            + " signed in and send the ETag that read gives; nothing was changed");
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since you read it (its ETag is now " + currentTag + "); nothing was changed");
    }

    public static ProblemException changedMeanwhile() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "Someone else changed the resource while your change was being made; nothing was changed");
    }
}
