package org.noticeboard.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Optimistic concurrency for writes, at the HTTP edge: If-Match must name the resource's current
 * {@link EditingTag}, which a signed-in read of it, or the answer to the last write to it, gave as its ETag.
 * Resources turn the header into an {@link Expected}, which the services compare with the resource as it is.
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
     * @return what the write expects: refused with 428 when the header is missing, accepted whatever the version for
     * {@code *}, and otherwise one of the editing tags it names (412 when it names none, or none that is current)
     */
    public static Expected fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Expected.UNSTATED;
        }
        List<String> tags = Arrays.stream(ifMatch.split(",")).map(String::strip).toList();
        if (tags.contains("*")) {
            return Expected.ANY;
        }
        List<String> editingTags = tags.stream().filter(EditingTag::isOne).toList();
        if (editingTags.isEmpty()) {
            return Expected.NO_EDITING_TAG;
        }
        // A tag of the right shape that no resource can have (say a version with a leading zero) matches nothing.
        return Expected.oneOf(editingTags.stream().map(EditingTag::parse).flatMap(Optional::stream)
                .collect(Collectors.toSet()));
    }

    public static ProblemException changedMeanwhile() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "Someone else changed the resource while your change was being made; nothing was changed");
    }
}
