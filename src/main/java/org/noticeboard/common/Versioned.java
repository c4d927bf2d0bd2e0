package org.noticeboard.common;

/**
 * The representation of one resource that editors change with If-Match. {@link HttpCachingFilter} sends its
 * {@link EditingTag} as the ETag of signed-in reads and of writes; public reads keep the hash of their bytes.
 */
public interface Versioned {

    EditingTag editingTag();
}
