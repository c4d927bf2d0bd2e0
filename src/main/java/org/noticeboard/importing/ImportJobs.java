package org.noticeboard.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.WireEnum;
import org.noticeboard.export.RestoreReport;
import org.noticeboard.export.SiteRestorer;
import io.quarkus.runtime.configuration.MemorySize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports that run in the background: the upload is written to a temporary file as it arrives (so a file of any size
 * up to the upload limit takes no memory), a job row says where it stands, and one import at a time runs on this
 * instance. The job's row is written in transactions of its own, so that every instance reads its progress while the
 * import's own transaction is still open.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** A running job's heartbeat older than this belonged to an instance that stopped. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);
    /** ROME reads a feed whole, as a tree: a feed beyond this is not one a site publishes. */
    static final long MAX_FEED_SIZE = 64L * 1024 * 1024;

    private final WordPressImporter wordpress;
    private final FeedImporter feeds;
    private final SiteRestorer restorer;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final long maxUploadSize;
    private final AtomicInteger pending = new AtomicInteger();
    /** The job running now, 0 when none. */
    private final AtomicLong running = new AtomicLong();
    private volatile boolean stopping;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "noticeboard-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(WordPressImporter wordpress, FeedImporter feeds, SiteRestorer restorer, EntityManager entityManager, ObjectMapper json,
               @ConfigProperty(name = "noticeboard.imports.max-upload-size") MemorySize maxUploadSize) {
        this.wordpress = wordpress;
        this.feeds = feeds;
        this.restorer = restorer;
        this.entityManager = entityManager;
        this.json = json;
        this.maxUploadSize = maxUploadSize.asLongValue();
    }

    /** Whether no import is queued or running on this instance. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Stores the upload and queues its import; the job's id is returned before the import starts. */
    public ImportJob start(ImportJob.Kind kind, InputStream upload, boolean dryRun, WordPressImporter.Tags tags,
                           Long userId) {
        Path file = receive(upload);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
        if (kind == ImportJob.Kind.FEED && size > MAX_FEED_SIZE) {
            delete(file);
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, 413, "A feed must not be larger than "
                    + MAX_FEED_SIZE + " bytes", null, null, java.util.Map.of());
        }
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        insert into import_jobs (kind, dry_run, tags, file_size, created_by) values (?1, ?2, ?3, ?4, ?5)
                        returning id""")
                .setParameter(1, WireEnum.name(kind)).setParameter(2, dryRun)
                .setParameter(3, kind == ImportJob.Kind.WORDPRESS ? WireEnum.name(tags) : null)
                .setParameter(4, size).setParameter(5, userId).getSingleResult()).longValue());
        pending.incrementAndGet();
        runner.submit(() -> {
            try {
                run(id, kind, file, dryRun, tags);
            } finally {
                pending.decrementAndGet();
            }
        });
        return find(id);
    }

    private Path receive(InputStream upload) {
        Path file;
        try {
            file = Files.createTempFile("noticeboard-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = upload.read(buffer)) != -1) {
                total += read;
                if (total > maxUploadSize) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, 413, "An import's file must not be larger "
                            + "than " + maxUploadSize + " bytes", null, null, java.util.Map.of());
                }
                out.write(buffer, 0, read);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    private void run(long id, ImportJob.Kind kind, Path file, boolean dryRun, WordPressImporter.Tags tags) {
        AtomicLong lastBeat = new AtomicLong();
        running.set(id);
        try {
            update("update import_jobs set status = 'running', started_at = now(), heartbeat_at = now() where id = ?1", id);
            ImportProgress progress = (done, total) -> {
                long now = System.nanoTime();
                if (now - lastBeat.get() >= HEARTBEAT.toNanos() || done == total) {
                    lastBeat.set(now);
                    QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                                    update import_jobs set items_done = ?1, items_total = ?2, heartbeat_at = now()
                                    where id = ?3""")
                            .setParameter(1, done).setParameter(2, total < 0 ? null : total).setParameter(3, id)
                            .executeUpdate());
                }
            };
            Object report = switch (kind) {
                case WORDPRESS -> wordpress.importSite(ImportSource.of(file), tags, dryRun, progress);
                case FEED -> feeds.importFeed(Files.readAllBytes(file), dryRun);
                case NOTICEBOARD_EXPORT -> {
                    try (InputStream document = Files.newInputStream(file)) {
                        yield restorer.restore(document, dryRun);
                    }
                }
            };
            String written = json.writeValueAsString(report);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update import_jobs set status = 'succeeded', report = ?1, finished_at = now(),
                                   items_done = coalesce(items_total, items_done) where id = ?2""")
                    .setParameter(1, written).setParameter(2, id).executeUpdate());
        } catch (ProblemException refused) {
            failed(id, new Problem(refused.type().uri(), refused.type().title(), refused.status(), refused.getMessage(),
                    "/api/imports/" + id, refused.errors(), refused.conflicts()));
        } catch (Exception | Error e) {
            if (stopping) {
                // onStop recorded why, while the database could still be reached.
                return;
            }
            LOG.errorf(e, "Import job %d failed", id);
            failed(id, new Problem(ProblemType.INTERNAL_ERROR.uri(), ProblemType.INTERNAL_ERROR.title(), 500,
                    "The import stopped on an error the server logged; nothing was imported", "/api/imports/" + id,
                    null, null));
        } finally {
            running.set(0);
            delete(file);
        }
    }

    /**
     * Records why the job failed. The database may be what failed, so this tries again for as long as readers
     * would still take the job for running (after that they read it as abandoned); not while the server stops.
     */
    private void failed(long id, Problem problem) {
        String written;
        try {
            written = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long giveUp = System.nanoTime() + ABANDONED.toNanos();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                                update import_jobs set status = 'failed', problem = ?1, finished_at = now() where id = ?2""")
                        .setParameter(1, written).setParameter(2, id).executeUpdate());
                return;
            } catch (RuntimeException e) {
                if (stopping || System.nanoTime() - giveUp > 0 || !pause(RECORD_RETRY)) {
                    LOG.errorf(e, "Import job %d failed, and its failure could not be recorded", id);
                    return;
                }
            }
        }
    }

    /** False when interrupted: the runner is being shut down. */
    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void update(String sql, long id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).setParameter(1, id).executeUpdate());
    }

    /** @throws ProblemException 404 when no job has the id */
    public ImportJob find(long id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select id, kind, status, dry_run, file_size, items_done, items_total, created_at, started_at,
                               finished_at, report, problem, heartbeat_at
                        from import_jobs where id = ?1""")
                .setParameter(1, id).getResultList());
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No import has the id " + id);
        }
        Object[] row = (Object[]) rows.get(0);
        ImportJob.Status status = WireEnum.parse(ImportJob.Status.class, (String) row[2]);
        Problem problem = row[11] == null ? null : read((String) row[11], Problem.class);
        Instant heartbeat = instant(row[12]);
        if ((status == ImportJob.Status.RUNNING || status == ImportJob.Status.QUEUED)
                && heartbeat.isBefore(Instant.now().minus(ABANDONED))) {
            status = ImportJob.Status.FAILED;
            problem = new Problem(ProblemType.INTERNAL_ERROR.uri(), ProblemType.INTERNAL_ERROR.title(), 500,
                    "The instance running the import stopped before it finished; nothing was imported: send the file again",
                    "/api/imports/" + id, null, null);
        }
        ImportJob.Kind kind = WireEnum.parse(ImportJob.Kind.class, (String) row[1]);
        String report = (String) row[10];
        boolean restore = kind == ImportJob.Kind.NOTICEBOARD_EXPORT;
        return new ImportJob(((Number) row[0]).longValue(), kind, status,
                (Boolean) row[3], ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                row[6] == null ? null : ((Number) row[6]).longValue(), instant(row[7]), instant(row[8]), instant(row[9]),
                report == null || restore ? null : read(report, ImportReport.class),
                report == null || !restore ? null : read(report, RestoreReport.class), problem);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import job's stored " + type.getSimpleName() + " does not read", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the uploaded file %s", file);
        }
    }

    /** A running import ends with the server: its transaction rolls back, and its job says so at once. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        long id = running.get();
        if (id != 0) {
            failed(id, new Problem(ProblemType.INTERNAL_ERROR.uri(), ProblemType.INTERNAL_ERROR.title(), 500,
                    "The server stopped before the import finished; nothing was imported: send the file again",
                    "/api/imports/" + id, null, null));
            LOG.warnf("Import job %d stopped with the server; nothing was imported", id);
        }
        runner.shutdownNow();
    }
}
