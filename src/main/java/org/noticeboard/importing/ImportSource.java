package org.noticeboard.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file to import, which an importer may read more than once (a WordPress export is read twice). */
@FunctionalInterface
public interface ImportSource {

    InputStream open() throws IOException;

    static ImportSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static ImportSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

}
