package org.noticeboard.importing;

/** Told as an import goes, for a job's status and the command line. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> {
    };

    /** @param total how many items the source holds, once known; -1 before */
    void at(long done, long total);
}
