package org.noticeboard.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.site.FrontEndRoutes;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ArchiveService {

    private final ArchiveRepository archives;

    ArchiveService(ArchiveRepository archives) {
        this.archives = archives;
    }

    @Transactional
    public List<ArchiveMonth> months() {
        return archives.publicPostCountsByMonth().stream()
                .map(row -> month(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    private static ArchiveMonth month(int year, int month, long count) {
        String label = Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK) + " " + year;
        return new ArchiveMonth(year, month, label, count, FrontEndRoutes.archive(year, month));
    }
}
