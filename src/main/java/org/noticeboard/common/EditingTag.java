package org.noticeboard.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a write's If-Match is compared with: one resource (its kind and id) at one value of its own version
 * column. It moves on only when that resource's own row changes, never because of what is shown beside it (a
 * neighbouring post, a category's name), and the kind and id keep a tag from passing for another resource, say a
 * category later created under a slug that a deleted or renamed one had.
 *
 * <p>On the wire it is a strong entity tag such as {@code "post-42-v3"}: signed-in reads of the resource and
 * answers to writes carry it as their ETag. Public reads carry a hash of their bytes instead (see
 * {@link EntityTags}), which a write never takes.
 */
public record EditingTag(String kind, long id, long version) {

    private static final Pattern SHAPE = Pattern.compile("\"([a-z]+)-([0-9]+)-v([0-9]+)\"");

    public static EditingTag of(String kind, EditableEntity entity) {
        return new EditingTag(kind, entity.id, entity.version);
    }

    /** The ETag header value, quotes included. */
    @Override
    public String toString() {
        return "\"" + kind + "-" + id + "-v" + version + "\"";
    }

    /** Whether an entity tag from a request has the shape of an editing tag, of whatever resource and version. */
    static boolean isOne(String entityTag) {
        return SHAPE.matcher(entityTag).matches();
    }

    /**
     * The editing tag an entity tag from a request spells exactly, if any: one with a leading zero or a number
     * too large for any row has the shape but names no resource.
     */
    static Optional<EditingTag> parse(String entityTag) {
        Matcher parts = SHAPE.matcher(entityTag);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            EditingTag tag = new EditingTag(parts.group(1), Long.parseLong(parts.group(2)), Long.parseLong(parts.group(3)));
            return tag.toString().equals(entityTag) ? Optional.of(tag) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
