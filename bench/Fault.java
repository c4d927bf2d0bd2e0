import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The fault test's load driver and referee, run by bench/fault (which prepares Debian's PostgreSQL and the
 * environment the server reads): java bench/Fault.java --jar J --port P --pg-version V --pg-cluster C --work DIR
 * <p>
 * It starts the packaged server and runs readers (public GETs) and a writer (an admin creating posts, changing
 * them with If-Match and signing in now and then) against it; stops PostgreSQL for 10 s mid-load and starts it
 * again; then kills
 * the server with SIGKILL in the middle of a burst of writes, starts it again and reads back every write that
 * was acknowledged. A request is classified by when it was sent and answered, against the instants at which
 * the stop began (stop), PostgreSQL was down (down: pg_ctlcluster stop returned), its start began (start),
 * and readiness first answered UP to a probe sent after the start returned (recovered):
 * <ul>
 * <li>before: answered before stop. Must be 2xx.</li>
 * <li>during: sent after down and answered before start, so PostgreSQL was away all its life. Must be a 503
 * problem: application/problem+json, type /problems/service-unavailable, status 503 and Retry-After.</li>
 * <li>after: sent after recovered. Must be 2xx.</li>
 * <li>edge: any other, i.e. straddling the stop, or between the start and the first UP. May be either 2xx or
 * a 503 problem, as PostgreSQL is going or coming back.</li>
 * <li>burst: the writes of the burst, sent once the load has stopped. Must be 2xx, unless the kill cut them
 * short (no answer, a broken connection).</li>
 * </ul>
 * In every window a request unanswered after 10 s counts as a hang, and any other answer or a broken
 * connection as a failure. Readiness must answer UP before
 * the stop, DOWN (503) to every probe inside the during window, at least one of them, and UP again from the
 * same server process within 30 s of the start. A write counts as acknowledged when it was answered 2xx;
 * each acknowledged post must afterwards read back as acknowledged (title, slug, body), or as a later change
 * of it whose answer never came (a 503 sent while the commit went through is possible, and not a loss).
 * The server's log must hold no stack trace up to the kill, and the whole test must end within 110 s.
 */
public class Fault {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration WHOLE_TEST = Duration.ofSeconds(110);
    private static final int READERS = 4;
    /**
     * One writer changes posts; the burst's writers only create, side by side. (If-Match now takes a post's own
     * editing tag, so a second writer creating posts would no longer make the first one's changes fail with 412;
     * the test has not been run with more writers since.)
     */
    private static final int WRITERS = 1;
    private static final int BURST_WRITERS = 6;
    private static final int BURST_ACKS_BEFORE_KILL = 20;
    private static final String[] PUBLIC_READS = {"/api/posts", "/api/posts/{id}", "/api/menus/main", "/api/categories"};

    enum Kind { READ, WRITE, SIGN_IN, READINESS }

    enum Window { BEFORE, EDGE, DURING, AFTER, BURST }

    /** One request and its outcome; {@code status} is 0 when no answer came, and {@code failure} says why. */
    record Call(Kind kind, String method, String path, long sent, long answered, int status, String failure,
                boolean unavailableProblem, String body, String etag) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String outcome() {
            return failure != null ? failure : status + (status == 503 && !unavailableProblem ? " (not the 503 problem)" : "");
        }
    }

    record Version(String title, String slug, String bodyHtml) {
    }

    /** Acknowledged posts read back after the restart, and how each one read. */
    record Readback(int posts, int asAcknowledged, int asLaterChange) {
        int lost() {
            return posts - asAcknowledged - asLaterChange;
        }
    }

    /** What a writer knows of one of its posts: the version last acknowledged, and changes sent since without an answer. */
    static final class Written {
        final long id;
        Version acknowledged;
        final List<String> unansweredTitles = new ArrayList<>();

        Written(long id, Version acknowledged) {
            this.id = id;
            this.acknowledged = acknowledged;
        }
    }

    private final Map<String, String> options;
    private final String base;
    private final long t0 = System.nanoTime();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Call> readiness = new CopyOnWriteArrayList<>();
    private final List<Long> publicPostIds = new CopyOnWriteArrayList<>();
    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicInteger acknowledgedCreations = new AtomicInteger();
    private final AtomicInteger acknowledgedChanges = new AtomicInteger();
    private volatile Process server;
    private volatile String token;
    private volatile long stop, down, start, up, recovered = Long.MAX_VALUE, burstBegan = Long.MAX_VALUE, kill,
            restartBegan = Long.MAX_VALUE, restarted;

    Fault(Map<String, String> options) {
        this.options = options;
        this.base = "http://127.0.0.1:" + options.get("port");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("jar", "port", "pg-version", "pg-cluster", "work")) {
            if (!options.containsKey(required)) {
                System.err.println("usage: java bench/Fault.java --jar J --port P --pg-version V --pg-cluster C --work DIR");
                System.exit(2);
            }
        }
        Fault test = new Fault(options);
        Thread watchdog = new Thread(() -> {
            sleep(WHOLE_TEST);
            System.err.println("FAIL: the fault test took longer than " + WHOLE_TEST.toSeconds() + " s");
            test.stopServer();
            Runtime.getRuntime().halt(1);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int exit;
        try {
            exit = test.run();
        } catch (Exception e) {
            System.err.println("FAIL: " + e);
            exit = 1;
        } finally {
            test.stopServer();
        }
        System.exit(exit);
    }

    int run() throws Exception {
        long began = System.nanoTime();
        server = startServer(1);
        long serverPid = server.pid();
        token = signIn();
        for (Object item : (List<?>) field(parse(get("/api/posts", null).body), "items")) {
            publicPostIds.add(((Number) field(item, "id")).longValue());
        }

        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> workers = startLoad(loading);
        sleep(STEADY);
        outage();
        sleep(STEADY);
        loading.set(false);
        for (Thread worker : workers) {
            worker.join(CLIENT_TIMEOUT.toMillis() * 3);
        }
        // The same process all along: had it died, nothing would have started another one.
        if (!server.isAlive()) {
            failures.add("the server process did not survive the outage");
        }
        long outageStackTraces = stackTraceLines(Path.of(options.get("work"), "server-1.log"));
        int burstAcks = burstThenKill();

        restartBegan = now();
        server = startServer(2);
        restarted = now();
        token = signIn();
        Readback readback = verify();

        judge();
        report(readback, burstAcks, outageStackTraces, System.nanoTime() - began, serverPid);
        return failures.isEmpty() ? 0 : 1;
    }

    private List<Thread> startLoad(AtomicBoolean loading) {
        List<Thread> workers = new ArrayList<>();
        workers.add(thread("readiness", () -> {
            while (loading.get()) {
                readiness.add(call(Kind.READINESS, "GET", "/q/health/ready", null, null, null, null));
                sleep(Duration.ofMillis(250));
            }
        }));
        for (int i = 0; i < READERS; i++) {
            workers.add(thread("reader-" + i, () -> {
                while (loading.get()) {
                    read();
                    sleep(Duration.ofMillis(20));
                }
            }));
        }
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            workers.add(thread("writer-" + i, () -> {
                List<Written> mine = new ArrayList<>();
                for (int op = 0; loading.get(); op++) {
                    write(writer, op, mine);
                    sleep(Duration.ofMillis(20));
                }
            }));
        }
        return workers;
    }

    private void outage() throws Exception {
        stop = now();
        pg("stop", "-m", "fast");
        down = now();
        sleep(OUTAGE);
        start = now();
        pg("start");
        up = now();
        long deadline = up + Duration.ofSeconds(30).toNanos();
        while (recovered == Long.MAX_VALUE && now() < deadline) {
            readiness.stream().filter(c -> c.sent >= up && c.status == 200).mapToLong(Call::answered).min()
                    .ifPresent(first -> recovered = first);
            sleep(Duration.ofMillis(100));
        }
        if (recovered == Long.MAX_VALUE) {
            failures.add("readiness did not answer UP within 30 s of PostgreSQL's start");
        }
    }

    /** @return the burst's writes acknowledged before the kill */
    private int burstThenKill() throws InterruptedException {
        AtomicBoolean bursting = new AtomicBoolean(true);
        AtomicInteger burstAcks = new AtomicInteger();
        List<Thread> burst = new ArrayList<>();
        burstBegan = now();
        for (int i = 0; i < BURST_WRITERS; i++) {
            int writer = WRITERS + i;
            burst.add(thread("burst-" + i, () -> {
                for (int op = 0; bursting.get(); op++) {
                    if (create(writer, op) != null) {
                        burstAcks.incrementAndGet();
                    }
                }
            }));
        }
        long burstDeadline = now() + Duration.ofSeconds(5).toNanos();
        while (burstAcks.get() < BURST_ACKS_BEFORE_KILL && now() < burstDeadline) {
            sleep(Duration.ofMillis(5));
        }
        bursting.set(false);
        kill = now();
        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
        for (Thread writer : burst) {
            writer.join(CLIENT_TIMEOUT.toMillis() * 2);
        }
        return burstAcks.get();
    }

    // --- The load --------------------------------------------------------------------------------------

    private void read() {
        String path = PUBLIC_READS[ThreadLocalRandom.current().nextInt(PUBLIC_READS.length)];
        if (path.contains("{id}")) {
            path = path.replace("{id}", Long.toString(publicPostIds.get(ThreadLocalRandom.current().nextInt(publicPostIds.size()))));
        }
        get(path, null);
    }

    /** Mostly changes of the writer's own posts, some creations, and a sign-in now and then. */
    private void write(int writer, int op, List<Written> mine) {
        if (op % 25 == 24) {
            call(Kind.SIGN_IN, "POST", "/api/auth/token", null, null, "application/json", credentials());
        } else if (mine.size() < 3 || op % 3 == 0) {
            Written created = create(writer, op);
            if (created != null) {
                mine.add(created);
            }
        } else {
            update(mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
        }
    }

    private Written create(int writer, int op) {
        String title = "Fault " + run + " writer " + writer + " post " + op;
        Call created = call(Kind.WRITE, "POST", "/api/posts", token, null, "application/json",
                "{\"title\":" + json(title) + ",\"bodyHtml\":" + json(body(title)) + ",\"status\":\"published\"}");
        if (!created.ok()) {
            return null;
        }
        Object post = parse(created.body);
        Written result = new Written(((Number) field(post, "id")).longValue(), version(post));
        acknowledgedCreations.incrementAndGet();
        written.add(result);
        publicPostIds.add(result.id);
        return result;
    }

    private void update(Written post) {
        Call read = get("/api/posts/" + post.id, token);
        if (!read.ok()) {
            return;
        }
        String title = "Fault " + run + " post " + post.id + " change " + changes.incrementAndGet();
        Call changed = call(Kind.WRITE, "PATCH", "/api/posts/" + post.id, token, read.etag, "application/merge-patch+json",
                "{\"title\":" + json(title) + ",\"bodyHtml\":" + json(body(title)) + "}");
        if (changed.ok()) {
            post.acknowledged = version(parse(changed.body));
            acknowledgedChanges.incrementAndGet();
            post.unansweredTitles.clear();
        } else if (changed.status == 0 || changed.status >= 500) {
            post.unansweredTitles.add(title);
        }
    }

    private static String body(String title) {
        return "<p>" + title + ": caf\u00e9 &amp; <em>news</em></p>";
    }

    private String credentials() {
        return "{\"email\":" + json(System.getenv("NOTICEBOARD_ADMIN_EMAIL")) + ",\"password\":"
                + json(System.getenv("NOTICEBOARD_ADMIN_PASSWORD")) + "}";
    }

    private String signIn() {
        Call signIn = call(Kind.SIGN_IN, "POST", "/api/auth/token", null, null, "application/json", credentials());
        if (!signIn.ok()) {
            throw new IllegalStateException("the admin could not sign in: " + signIn.outcome() + " " + signIn.body);
        }
        return (String) field(parse(signIn.body), "access_token");
    }

    private Call get(String path, String bearer) {
        return call(Kind.READ, "GET", path, bearer, null, null, null);
    }

    private Call call(Kind kind, String method, String path, String bearer, String ifMatch, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(CLIENT_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        long sent = now();
        Call call;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            call = new Call(kind, method, path, sent, now(), response.statusCode(), null, isUnavailableProblem(response),
                    response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (HttpTimeoutException e) {
            call = new Call(kind, method, path, sent, now(), 0, "no answer within " + CLIENT_TIMEOUT.toSeconds() + " s", false, null, null);
        } catch (IOException e) {
            call = new Call(kind, method, path, sent, now(), 0, "connection failed (" + e + ")", false, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // The referee judges the load; what happens after the restart is judged by verify().
        if (kind != Kind.READINESS && sent < restartBegan) {
            calls.add(call);
        }
        return call;
    }

    private static boolean isUnavailableProblem(HttpResponse<String> response) {
        if (response.statusCode() != 503) {
            return false;
        }
        boolean problemJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        boolean retryAfter = response.headers().firstValue("Retry-After").filter(value -> value.matches("[1-9][0-9]*")).isPresent();
        try {
            Object problem = parse(response.body());
            return problemJson && retryAfter && "/problems/service-unavailable".equals(field(problem, "type"))
                    && Long.valueOf(503).equals(field(problem, "status"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    // --- After the restart -----------------------------------------------------------------------------

    private Readback verify() {
        int checked = 0, asAcknowledged = 0, asLaterChange = 0;
        for (Written post : written) {
            checked++;
            Call read = get("/api/posts/" + post.id, token);
            if (!read.ok()) {
                failures.add("acknowledged post " + post.id + " reads back as " + read.outcome());
                continue;
            }
            Version found = version(parse(read.body));
            if (found.equals(post.acknowledged)) {
                asAcknowledged++;
            } else if (post.unansweredTitles.contains(found.title())) {
                asLaterChange++;
            } else {
                failures.add("acknowledged post " + post.id + " reads back as " + found + ", acknowledged as " + post.acknowledged);
            }
        }
        return new Readback(checked, asAcknowledged, asLaterChange);
    }

    private void judge() {
        for (Call call : calls) {
            Window window = window(call);
            boolean hang = call.failure != null && call.failure.startsWith("no answer");
            boolean acceptable = !hang && switch (window) {
                case BEFORE, AFTER -> call.ok();
                case DURING -> call.unavailableProblem;
                case EDGE -> call.ok() || call.unavailableProblem;
                case BURST -> call.ok() || call.status == 0 && call.answered >= kill;
            };
            if (!acceptable) {
                failures.add(String.format(Locale.ROOT, "%s: %s %s sent at %.2f s answered %s", window.name().toLowerCase(Locale.ROOT),
                        call.method, call.path, seconds(call.sent), call.outcome()));
            }
        }
        check(c -> c.answered < stop, c -> c.status == 200, "readiness before the stop");
        check(c -> c.sent >= down && c.answered <= start, c -> c.status == 503 && c.body.contains("DOWN"),
                "readiness while PostgreSQL was down");
        check(c -> c.sent >= recovered, c -> c.status == 200, "readiness after it recovered");
        check(c -> true, c -> c.failure == null, "readiness");
        if (readiness.stream().noneMatch(c -> c.sent >= down && c.answered <= start)) {
            failures.add("readiness was never probed while PostgreSQL was down");
        }
    }

    private void check(Predicate<Call> when, Predicate<Call> expected, String what) {
        readiness.stream().filter(when).filter(expected.negate()).findFirst()
                .ifPresent(c -> failures.add(String.format(Locale.ROOT, "%s answered %s at %.2f s", what, c.outcome(), seconds(c.sent))));
    }

    /** The load's workers have all stopped when the burst begins, so the burst is told apart by time alone. */
    private Window window(Call call) {
        if (call.sent >= burstBegan) {
            return Window.BURST;
        }
        if (call.answered < stop) {
            return Window.BEFORE;
        }
        if (call.sent >= down && call.answered <= start) {
            return Window.DURING;
        }
        return call.sent >= recovered ? Window.AFTER : Window.EDGE;
    }

    private void report(Readback readback, int burstAcks, long outageStackTraces, long wholeNanos, long serverPid) {
        Map<Window, List<Call>> byWindow = new LinkedHashMap<>();
        for (Window window : Window.values()) {
            byWindow.put(window, new ArrayList<>());
        }
        for (Call call : calls) {
            byWindow.get(window(call)).add(call);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Fault test %s: %d readers, %d writers; PostgreSQL %s/%s stopped %.1f s mid-load; server killed (SIGKILL) mid-burst of %d writers%n",
                run, READERS, WRITERS, options.get("pg-version"), options.get("pg-cluster"), seconds(start - down), BURST_WRITERS);
        System.out.println("| window | requests | 2xx | 503 problem | other | slowest |");
        System.out.println("|--------|---------:|----:|------------:|------:|--------:|");
        int total = 0, ok = 0, unavailable = 0, other = 0;
        for (Map.Entry<Window, List<Call>> entry : byWindow.entrySet()) {
            List<Call> list = entry.getValue();
            int windowOk = (int) list.stream().filter(Call::ok).count();
            int windowUnavailable = (int) list.stream().filter(Call::unavailableProblem).count();
            int windowOther = list.size() - windowOk - windowUnavailable;
            long slowest = list.stream().mapToLong(c -> c.answered - c.sent).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f s |%n", entry.getKey().name().toLowerCase(Locale.ROOT),
                    list.size(), windowOk, windowUnavailable, windowOther, seconds(slowest));
            total += list.size();
            ok += windowOk;
            unavailable += windowUnavailable;
            other += windowOther;
        }
        System.out.printf(Locale.ROOT, "| all | %d | %d | %d | %d | |%n", total, ok, unavailable, other);
        long firstDown = readiness.stream().filter(c -> c.sent >= stop && c.status == 503).mapToLong(Call::answered).min().orElse(-1);
        long downProbes = readiness.stream().filter(c -> c.status == 503).count();
        System.out.printf(Locale.ROOT, "Readiness: %d probes, %d DOWN; first DOWN %.2f s after the stop began, UP again %.2f s after PostgreSQL was back, from server process %d throughout%n",
                readiness.size(), downProbes, firstDown < 0 ? Double.NaN : seconds(firstDown - stop),
                recovered == Long.MAX_VALUE ? Double.NaN : seconds(recovered - up), serverPid);
        long cut = calls.stream().filter(c -> c.status == 0 && c.answered >= kill && c.sent < restartBegan).count();
        System.out.printf(Locale.ROOT, "Kill: %d burst writes acknowledged before SIGKILL, %d in flight cut short by it; server ready again %.1f s after the restart began%n",
                burstAcks, cut, seconds(restarted - restartBegan));
        System.out.printf(Locale.ROOT, "Writes checked: %d acknowledged (%d creations, %d changes); their %d posts read back after the restart: "
                        + "%d as last acknowledged, %d as a later change whose answer never came; lost: %d%n",
                acknowledgedCreations.get() + acknowledgedChanges.get(), acknowledgedCreations.get(), acknowledgedChanges.get(),
                readback.posts(), readback.asAcknowledged(), readback.asLaterChange(), readback.lost());
        System.out.printf(Locale.ROOT, "Server log: %d stack trace lines during the load and outage%n", outageStackTraces);
        System.out.printf(Locale.ROOT, "Durations: pg_ctlcluster stop %.1f s, start %.1f s; whole test %.0f s%n",
                seconds(down - stop), seconds(up - start), seconds(wholeNanos));
        if (outageStackTraces > 0) {
            failures.add("the server logged " + outageStackTraces + " stack trace lines");
        }
        if (failures.isEmpty()) {
            System.out.println("PASS");
        } else {
            System.out.println("FAIL: " + failures.size() + " problems");
            failures.stream().limit(30).forEach(failure -> System.out.println("  " + failure));
        }
    }

    // --- The server and PostgreSQL ---------------------------------------------------------------------

    private Process startServer(int run) throws Exception {
        Path log = Path.of(options.get("work"), "server-" + run + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", options.get("jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", options.get("port"));
        Process process = builder.start();
        server = process;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Call ready = call(Kind.READINESS, "GET", "/q/health/ready", null, null, null, null);
            if (ready.status == 200) {
                return process;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the server did not become ready; see " + log);
    }

    boolean stopServer() {
        Process running = server;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                running.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private void pg(String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", options.get("pg-version"), options.get("pg-cluster")));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static long stackTraceLines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by: ")).count();
    }

    // --- Small things ----------------------------------------------------------------------------------

    private long now() {
        return System.nanoTime() - t0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Version version(Object post) {
        return new Version((String) field(post, "title"), (String) field(post, "slug"), (String) field(post, "bodyHtml"));
    }

    private static Object field(Object object, String name) {
        return ((Map<?, ?>) object).get(name);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Enough of JSON for the API's answers: objects, arrays, strings, numbers, true, false, null. */
    static Object parse(String text) {
        return new Object() {
            int at;

            Object value() {
                skipSpace();
                char c = text.charAt(at);
                if (c == '{') {
                    Map<String, Object> object = new LinkedHashMap<>();
                    at++;
                    while (more('}')) {
                        String key = string();
                        skipSpace();
                        expect(':');
                        object.put(key, value());
                    }
                    return object;
                }
                if (c == '[') {
                    List<Object> array = new ArrayList<>();
                    at++;
                    while (more(']')) {
                        array.add(value());
                    }
                    return array;
                }
                if (c == '"') {
                    return string();
                }
                for (String literal : List.of("true", "false", "null")) {
                    if (text.startsWith(literal, at)) {
                        at += literal.length();
                        return literal.equals("null") ? null : Boolean.valueOf(literal);
                    }
                }
                int from = at;
                while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
                String number = text.substring(from, at);
                return number.matches("-?[0-9]+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
            }

            String string() {
                expect('"');
                StringBuilder out = new StringBuilder();
                for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                    if (c != '\\') {
                        out.append(c);
                        continue;
                    }
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                }
                return out.toString();
            }

            /** Whether a member follows, stepping over the comma before it, or else over the closing bracket. */
            boolean more(char close) {
                skipSpace();
                if (text.charAt(at) == close) {
                    at++;
                    return false;
                }
                if (text.charAt(at) == ',') {
                    at++;
                    skipSpace();
                }
                return true;
            }

            void expect(char c) {
                if (text.charAt(at++) != c) {
                    throw new IllegalArgumentException("expected " + c + " at " + (at - 1) + " in " + text);
                }
            }

            void skipSpace() {
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
        }.value();
    }
}
