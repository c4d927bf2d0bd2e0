package org.noticeboard.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.ProblemMappers;
import org.noticeboard.common.ProblemType;
import org.noticeboard.common.Slugs;
import org.noticeboard.user.Passwords;
import org.noticeboard.user.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one export as a stream, element by element, checks the write rules that the database cannot (references
 * between parts, page paths, slugs, sanitised bodies, comment threads) and hands each row to a {@link RestoreRows}
 * in an order the database accepts. Only ids and a few small values per row are kept, never the document.
 *
 * <p>The parts must come in the order every export writes them ({@link #PARTS}): a reader that checks references as
 * it streams must meet what is referred to first. Lists are in id order, as exported; a parent with a higher id than
 * its child (a page or category moved under a later one) is held back until its parent has been passed on.
 */
final class ExportReading {

    static final List<String> PARTS = List.of("format", "version", "full", "site", "users", "categories", "pages",
            "posts", "menus", "comments", "commentBlocklist", "importedItems", "importedPages", "importRedirects");
    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");
    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private final JsonParser parser;
    private final ObjectReader reader;
    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();
    private final HtmlSanitizer sanitizer;
    private final RestoreRows rows;
    /** E-mail address to password hash of the users here, for document users without one. */
    private final Map<String, String> hashesHere;

    /** Where reading is, for the detail of a refusal: {@code posts[12]}, or empty at the document's own level. */
    private String where = "";
    private String siteUrl;
    private SiteExport.Site site;
    private String siteWhere;

    private final Set<Long> users = new HashSet<>();
    private Long lastUser;
    private final Set<Long> categories = new HashSet<>();
    private final Map<Long, String> pagePaths = new HashMap<>();
    private final AscendingIds posts = new AscendingIds();
    private final AscendingIds comments = new AscendingIds();

    private int bodiesSanitized;
    private int passwordsKept;
    private int usersWithoutPassword;
    private int formerPaths;
    private int formerSlugs;
    private int menuItems;
    private final Map<String, Integer> counts = new HashMap<>();

    ExportReading(InputStream document, ObjectMapper mapper, HtmlSanitizer sanitizer, RestoreRows rows,
                  Map<String, String> hashesHere) {
        try {
            this.parser = mapper.getFactory().createParser(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Every property of the format is required (null where it may be null); the document as a whole is checked
        // for trailing content here, after its last element, not after each one.
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.sanitizer = sanitizer;
        this.rows = rows;
        this.hashesHere = hashesHere;
    }

    RestoreReport read(boolean dryRun) {
        try (parser) {
            document();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RestoreReport(dryRun, new RestoreReport.Counts(count("users"), count("categories"), count("pages"),
                formerPaths, count("posts"), formerSlugs, count("menus"), menuItems, count("comments"),
                count("commentBlocklist"), count("importedItems"), count("importedPages"), count("importRedirects")),
                bodiesSanitized, passwordsKept, usersWithoutPassword);
    }

    private int count(String part) {
        return counts.getOrDefault(part, 0);
    }

    private void document() throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("document", parser.currentToken() == null ? "is empty" : "must be a JSON object");
        }
        part("format");
        String format = parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        if (!SiteExport.FORMAT.equals(format)) {
            throw invalid("format", "must be \"" + SiteExport.FORMAT + "\": this is not a Noticeboard export");
        }
        part("version");
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() != SiteExport.VERSION) {
            throw invalid("version", "must be " + SiteExport.VERSION + ", the only version this server reads, not "
                    + parser.getText());
        }
        part("full");
        if (!parser.nextToken().isBoolean()) {
            throw invalid("full", "must be true or false");
        }
        part("site");
        parser.nextToken();
        where = "site";
        site = element(SiteExport.Site.class);
        siteWhere = where;
        siteUrl = site.siteUrl();
        try {
            ZoneId.of(Objects.requireNonNullElse(site.timezone(), ""));
        } catch (DateTimeException e) {
            throw invalid("site.timezone", "is not a known time zone");
        }
        List<SiteExport.User> userList = new ArrayList<>();
        array("users", SiteExport.User.class, (user, at) -> userList.add(user(user, at)));
        // Users may have been made and changed by users with higher ids: their audit is checked once all are known.
        for (int i = 0; i < userList.size(); i++) {
            audit("users[" + i + "]", userList.get(i).audit());
        }
        if (userList.stream().noneMatch(user -> user.role() == Role.ADMIN && Passwords.isHash(user.passwordHash()))) {
            throw invalid("users", "no admin could sign in after the restore: none has a password hash in the document "
                    + "(a full export has them) or the e-mail address of a user here");
        }
        rows.users(userList);
        audit(siteWhere + ".updatedBy", site.updatedBy());
        rows.site(site);

        ParentFirst<SiteExport.Category> categoryTree = new ParentFirst<>();
        array("categories", SiteExport.Category.class, (category, at) -> {
            slug(at + ".slug", category.slug());
            audit(at, category.audit());
            categoryTree.offer(category.id(), category.parentId(), category, at, this::category);
        });
        categoryTree.finish("categories", "category");
        rows.flush();

        ParentFirst<SiteExport.Page> pageTree = new ParentFirst<>();
        array("pages", SiteExport.Page.class, (page, at) -> {
            slug(at + ".slug", page.slug());
            audit(at, page.audit());
            List<SiteExport.FormerPath> former = required(at + ".formerPaths", page.formerPaths());
            for (int i = 0; i < former.size(); i++) {
                SiteExport.FormerPath path = required(at + ".formerPaths[" + i + "]", former.get(i));
                if (path.path() == null || !PATH.matcher(path.path()).matches()) {
                    throw invalid(at + ".formerPaths[" + i + "].path", "must be slugs joined by '/'");
                }
            }
            pageTree.offer(page.id(), page.parentId(), page, at, this::page);
        });
        pageTree.finish("pages", "page");
        rows.flush();

        array("posts", SiteExport.Post.class, this::post);
        rows.flush();
        array("menus", SiteExport.Menu.class, this::menu);
        rows.flush();
        array("comments", SiteExport.Comment.class, this::comment);
        array("commentBlocklist", String.class, (word, at) -> rows.blocklistWord(word, at));
        array("importedItems", SiteExport.ImportedItem.class, (item, at) -> {
            if (item.postId() != null && !posts.contains(item.postId())) {
                throw invalid(at + ".postId", "no post " + item.postId() + " in the document");
            }
            rows.importedItem(item, at);
        });
        array("importedPages", SiteExport.ImportedPage.class, (item, at) -> {
            if (item.pageId() != null && !pagePaths.containsKey(item.pageId())) {
                throw invalid(at + ".pageId", "no page " + item.pageId() + " in the document");
            }
            rows.importedPage(item, at);
        });
        array("importRedirects", SiteExport.ImportRedirect.class, (redirect, at) -> {
            int targets = (redirect.postId() == null ? 0 : 1) + (redirect.pageId() == null ? 0 : 1)
                    + (redirect.categoryId() == null ? 0 : 1);
            if (targets != 1) {
                throw invalid(at, "names " + targets + " of postId, pageId and categoryId; a redirect leads to one");
            }
            if (redirect.postId() != null && !posts.contains(redirect.postId())) {
                throw invalid(at + ".postId", "no post " + redirect.postId() + " in the document");
            }
            if (redirect.pageId() != null && !pagePaths.containsKey(redirect.pageId())) {
                throw invalid(at + ".pageId", "no page " + redirect.pageId() + " in the document");
            }
            if (redirect.categoryId() != null && !categories.contains(redirect.categoryId())) {
                throw invalid(at + ".categoryId", "no category " + redirect.categoryId() + " in the document");
            }
            rows.importRedirect(redirect, at);
        });
        where = "";
        JsonToken end = parser.nextToken();
        if (end == JsonToken.FIELD_NAME) {
            throw unexpectedPart(parser.currentName());
        }
        if (end != JsonToken.END_OBJECT) {
            throw invalid("document", "ends before it is complete");
        }
        if (parser.nextToken() != null) {
            throw invalid("document", "has more content after its end (line " + parser.currentLocation().getLineNr()
                    + ", column " + parser.currentLocation().getColumnNr() + "); an export is one JSON object");
        }
        rows.finish();
    }

    // --- Parts ------------------------------------------------------------------------------------------------

    private SiteExport.User user(SiteExport.User user, String at) {
        ascending(at, user.id(), lastUser);
        lastUser = user.id();
        users.add(user.id());
        required(at + ".email", user.email());
        required(at + ".role", user.role());
        String hash = user.passwordHash();
        if (hash == null) {
            hash = hashesHere.get(user.email());
            if (hash != null) {
                passwordsKept++;
            } else {
                hash = Passwords.NONE;
                usersWithoutPassword++;
            }
        } else if (!Passwords.isHash(hash) && !hash.equals(Passwords.NONE)) {
            throw invalid(at + ".passwordHash", "must be a bcrypt hash, \"" + Passwords.NONE + "\" (no password) or null");
        }
        return new SiteExport.User(user.id(), user.email(), user.displayName(), user.role(), hash, user.version(),
                user.audit());
    }

    private void category(SiteExport.Category category, String at) {
        categories.add(category.id());
        rows.category(category, at);
    }

    private void page(SiteExport.Page page, String at) {
        String expected = page.parentId() == null ? page.slug() : pagePaths.get(page.parentId()) + "/" + page.slug();
        if (!expected.equals(page.path())) {
            throw invalid(at + ".path", "is '" + page.path() + "', but a page's path is its parent's path and its slug: '"
                    + expected + "'");
        }
        pagePaths.put(page.id(), page.path());
        String body = sanitized(page.bodyHtml());
        rows.page(page, body, at);
        formerPaths += page.formerPaths().size();
    }

    private void post(SiteExport.Post post, String at) {
        ascending(at, post.id(), posts.last());
        slug(at + ".slug", post.slug());
        audit(at, post.audit());
        List<Long> categoryIds = required(at + ".categoryIds", post.categoryIds());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < categoryIds.size(); i++) {
            Long id = required(at + ".categoryIds[" + i + "]", categoryIds.get(i));
            if (!categories.contains(id)) {
                throw invalid(at + ".categoryIds[" + i + "]", "no category " + id + " in the document");
            }
            if (!seen.add(id)) {
                throw invalid(at + ".categoryIds[" + i + "]", "category " + id + " is named twice");
            }
        }
        List<SiteExport.FormerSlug> former = required(at + ".formerSlugs", post.formerSlugs());
        for (int i = 0; i < former.size(); i++) {
            slug(at + ".formerSlugs[" + i + "].slug", required(at + ".formerSlugs[" + i + "]", former.get(i)).slug());
        }
        posts.add(post.id(), 0, 0);
        rows.post(post, sanitized(post.bodyHtml()), at);
        formerSlugs += former.size();
    }

    private void menu(SiteExport.Menu menu, String at) {
        slug(at + ".slug", menu.slug());
        audit(at, menu.audit());
        rows.menu(menu, at);
        List<SiteExport.MenuItem> items = required(at + ".items", menu.items());
        ParentFirst<SiteExport.MenuItem> tree = new ParentFirst<>();
        Set<String> places = new HashSet<>();
        Long last = null;
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + ".items[" + i + "]";
            SiteExport.MenuItem item = required(itemAt, items.get(i));
            ascending(itemAt, item.id(), last);
            last = item.id();
            audit(itemAt, item.audit());
            if (!places.add(item.parentId() + "/" + item.position())) {
                throw invalid(itemAt + ".position", "position " + item.position() + " is taken by a sibling");
            }
            target(itemAt + ".pageId", item.pageId(), pagePaths.containsKey(item.pageId()), "page");
            target(itemAt + ".postId", item.postId(), item.postId() != null && posts.contains(item.postId()), "post");
            target(itemAt + ".categoryId", item.categoryId(), categories.contains(item.categoryId()), "category");
            tree.offer(item.id(), item.parentId(), item, itemAt, (ready, readyAt) -> rows.menuItem(menu.id(), ready, readyAt));
        }
        tree.finish(at + ".items", "item of this menu");
        menuItems += items.size();
    }

    private void target(String at, Long id, boolean found, String kind) {
        if (id != null && !found) {
            throw invalid(at, "no " + kind + " " + id + " in the document");
        }
    }

    private void comment(SiteExport.Comment comment, String at) {
        ascending(at, comment.id(), comments.last());
        if (!posts.contains(comment.postId())) {
            throw invalid(at + ".postId", "no post " + comment.postId() + " in the document");
        }
        int depth = 0;
        if (comment.parentId() != null) {
            int parent = comments.indexOf(comment.parentId());
            if (parent < 0) {
                throw invalid(at + ".parentId", "no comment " + comment.parentId() + " before it in the document "
                        + "(a reply comes after the comment it answers)");
            }
            if (comments.first(parent) != comment.postId()) {
                throw invalid(at + ".parentId", "comment " + comment.parentId() + " is on another post");
            }
            depth = (int) comments.second(parent) + 1;
        }
        if (comment.depth() != depth) {
            throw invalid(at + ".depth", "must be " + depth + ": one more than its parent's, 0 without a parent");
        }
        audit(at + ".editedBy", comment.editedBy());
        audit(at + ".moderatedBy", comment.moderatedBy());
        comments.add(comment.id(), comment.postId(), depth);
        rows.comment(comment, at);
    }

    // --- Rules ------------------------------------------------------------------------------------------------

    private String sanitized(String html) {
        if (html == null) {
            return null;
        }
        String clean = sanitizer.sanitize(html, siteUrl);
        if (!clean.equals(html)) {
            bodiesSanitized++;
        }
        return clean;
    }

    private void slug(String at, String slug) {
        if (slug == null || slug.length() > Slugs.MAX_LENGTH || !SLUG.matcher(slug).matches()) {
            throw invalid(at, Slugs.MESSAGE + ", at most " + Slugs.MAX_LENGTH + " characters");
        }
    }

    private void audit(String at, SiteExport.Audit audit) {
        required(at + ".audit", audit);
        audit(at + ".audit.createdBy", audit.createdBy());
        audit(at + ".audit.updatedBy", audit.updatedBy());
    }

    private void audit(String at, Long userId) {
        if (userId != null && !users.contains(userId)) {
            throw invalid(at, "no user " + userId + " in the document");
        }
    }

    private void ascending(String at, long id, Long previous) {
        if (previous != null && id <= previous) {
            throw invalid(at + ".id", "is " + id + ", after " + previous + ": lists are in ascending id order");
        }
    }

    private <T> T required(String at, T value) {
        if (value == null) {
            throw invalid(at, "must not be null");
        }
        return value;
    }

    // --- Reading ----------------------------------------------------------------------------------------------

    private interface Element<T> {
        void accept(T value, String at) throws IOException;
    }

    private void part(String name) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals(name)) {
            return;
        }
        if (token == JsonToken.FIELD_NAME) {
            throw unexpectedPart(parser.currentName());
        }
        throw invalid(name, token == JsonToken.END_OBJECT ? "is missing" : "is missing: the document ends before it");
    }

    private ProblemException unexpectedPart(String name) {
        if (PARTS.contains(name)) {
            return invalid(name, "is out of place: the parts of an export come in the order " + String.join(", ", PARTS));
        }
        return invalid(name, "is not a part of the format; its parts are " + String.join(", ", PARTS));
    }

    private <T> void array(String name, Class<T> type, Element<T> each) throws IOException {
        part(name);
        where = name;
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw invalid(name, "must be an array");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw invalid(name, "ends before the array is complete");
            }
            where = name + "[" + index + "]";
            each.accept(element(type), where);
            index++;
        }
        counts.put(name, index);
    }

    private <T> T element(Class<T> type) throws IOException {
        T value = readers.computeIfAbsent(type, reader::forType).readValue(parser);
        if (value == null) {
            throw invalid(where, "must not be null");
        }
        return value;
    }

    private ProblemException malformed(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        Matcher missing = MISSING.matcher(original);
        if (e instanceof MismatchedInputException && missing.find()) {
            String field = path(e);
            if (!field.equals(missing.group(1)) && !field.endsWith("." + missing.group(1))) {
                field = join(field, missing.group(1));
            }
            return invalid(join(where, field), "is missing");
        }
        Problem.FieldError error = ProblemMappers.malformedBody(e).errors().get(0);
        String field = error.field().equals("(body)") ? "" : error.field();
        String at = join(where, field);
        return invalid(at.isEmpty() ? "document" : at, error.message());
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String where, String field) {
        if (field.isEmpty()) {
            return where;
        }
        if (where.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? where + field : where + "." + field;
    }

    static ProblemException invalid(String at, String message) {
        return new ProblemException(ProblemType.INVALID_EXPORT, 400, at + ": " + message,
                List.of(new Problem.FieldError(at, message)), null, Map.of());
    }

    // --- Small structures ---------------------------------------------------------------------------------------

    private interface Ready<T> {
        void accept(T value, String at);
    }

    /**
     * Passes rows on parents first. A row whose parent has not been passed on yet waits for it (only rows moved under
     * a later one do), so the database's foreign keys and the pages' path check hold at every insert; what still
     * waits at the end has a parent that is not in the document, or is its own ancestor.
     */
    private static final class ParentFirst<T> {
        private record Waiting<T>(long id, T value, String at) {
        }

        private final Set<Long> passed = new HashSet<>();
        private final Map<Long, List<Waiting<T>>> waiting = new HashMap<>();
        private Long last;

        void offer(long id, Long parentId, T value, String at, Ready<T> ready) {
            if (last != null && id <= last) {
                throw invalid(at + ".id", "is " + id + ", after " + last + ": lists are in ascending id order");
            }
            last = id;
            if (parentId != null && parentId == id) {
                throw invalid(at + ".parentId", "is its own id");
            }
            if (parentId != null && !passed.contains(parentId)) {
                waiting.computeIfAbsent(parentId, parent -> new ArrayList<>()).add(new Waiting<>(id, value, at));
                return;
            }
            Deque<Waiting<T>> queue = new ArrayDeque<>();
            queue.add(new Waiting<>(id, value, at));
            while (!queue.isEmpty()) {
                Waiting<T> next = queue.poll();
                ready.accept(next.value(), next.at());
                passed.add(next.id());
                List<Waiting<T>> children = waiting.remove(next.id());
                if (children != null) {
                    queue.addAll(children);
                }
            }
        }

        void finish(String part, String kind) {
            waiting.entrySet().stream().min(Map.Entry.comparingByKey()).ifPresent(parent -> {
                Waiting<T> first = parent.getValue().get(0);
                throw invalid(first.at() + ".parentId", "no " + kind + " " + parent.getKey() + " in " + part
                        + ", or it is its own ancestor");
            });
        }
    }

    /** Ids in ascending order with two numbers each, in arrays: a million comments take some 20 MB, not 100. */
    private static final class AscendingIds {
        private long[] ids = new long[1024];
        private long[] firsts = new long[1024];
        private int[] seconds = new int[1024];
        private int size;

        void add(long id, long first, int second) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                firsts = Arrays.copyOf(firsts, size * 2);
                seconds = Arrays.copyOf(seconds, size * 2);
            }
            ids[size] = id;
            firsts[size] = first;
            seconds[size] = second;
            size++;
        }

        Long last() {
            return size == 0 ? null : ids[size - 1];
        }

        int indexOf(long id) {
            int index = Arrays.binarySearch(ids, 0, size, id);
            return index < 0 ? -1 : index;
        }

        boolean contains(long id) {
            return indexOf(id) >= 0;
        }

        long first(int index) {
            return firsts[index];
        }

        long second(int index) {
            return seconds[index];
        }
    }
}
