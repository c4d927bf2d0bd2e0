package org.noticeboard.common;

import java.util.Set;

/**
 * The version of a resource that a write is based on, so that a change someone made meanwhile is refused rather
 * than overwritten. Resources make one from If-Match ({@link Preconditions#fromIfMatch}); code outside HTTP that
 * means to write over whatever is there (a command line, an import into a site it owns) says {@link #ANY}, and code
 * that read the resource first names the tag it read with {@link #version}.
 */
public final class Expected {

    /** Whatever the current version is: the write goes ahead without comparing. */
    public static final Expected ANY = new Expected(Kind.ANY, Set.of());
    /** The caller named no version at all, which a write never takes on trust. */
    static final Expected UNSTATED = new Expected(Kind.UNSTATED, Set.of());
    /** The caller named only tags that are not editing tags, such as a public read's ETag. */
    static final Expected NO_EDITING_TAG = new Expected(Kind.NO_EDITING_TAG, Set.of());

    private enum Kind {
        ANY, ONE_OF, UNSTATED, NO_EDITING_TAG
    }

    private final Kind kind;
    private final Set<EditingTag> versions;

    private Expected(Kind kind, Set<EditingTag> versions) {
        this.kind = kind;
        this.versions = versions;
    }

    /** The version the caller last read. */
    public static Expected version(EditingTag tag) {
        return new Expected(Kind.ONE_OF, Set.of(tag));
    }

    /**
     * Any one of these versions; none at all when the caller named only editing tags that cannot exist, which
     * are refused as stale.
     */
    static Expected oneOf(Set<EditingTag> versions) {
        return new Expected(Kind.ONE_OF, Set.copyOf(versions));
    }

    /**
     * @param current the resource's editing tag as it is now
     * @throws ProblemException 428 when no version was named; 412 when the named ones are not the current one
     */
    public void requireMatch(EditingTag current) {
        switch (kind) {
            case ANY -> {
            }
            case UNSTATED -> throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of a signed-in read of this resource");
            // The hash of a public read: it changes with what is shown beside the resource, so it says nothing
            // about whether the resource itself changed.
            case NO_EDITING_TAG -> throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match names no editing tag (a public read's ETag is not one): read the " + current.kind()
                            + " signed in and send the ETag that read gives; nothing was changed");
            case ONE_OF -> {
                if (!versions.contains(current)) {
                    throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                            "The resource has changed since you read it (its ETag is now " + current
                                    + "); nothing was changed");
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind == Kind.ONE_OF ? "Expected" + versions : "Expected." + kind;
    }
}
