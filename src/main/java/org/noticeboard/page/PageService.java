package org.noticeboard.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.noticeboard.common.ContentDeletion;
import org.noticeboard.common.Expected;
import org.noticeboard.common.HtmlSanitizer;
import org.noticeboard.common.MovedPermanently;
import org.noticeboard.common.Paged;
import org.noticeboard.common.Paging;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.site.SiteService;
import org.noticeboard.user.AuditTrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@ApplicationScoped
public class PageService {

    /** Top-level slugs that would collide with the front end's own routes. */
    private static final Set<String> RESERVED_TOP_LEVEL_SLUGS = Set.of("news");

    private final PageRepository pages;
    private final SiteService site;
    private final AuditTrail auditTrail;
    private final HtmlSanitizer sanitizer;
    private final Event<ContentDeletion> deletions;
    private final WriteLocks locks;

    PageService(PageRepository pages, SiteService site, AuditTrail auditTrail, HtmlSanitizer sanitizer,
                Event<ContentDeletion> deletions, WriteLocks locks) {
        this.pages = pages;
        this.site = site;
        this.auditTrail = auditTrail;
        this.sanitizer = sanitizer;
        this.deletions = deletions;
        this.locks = locks;
    }

    /** @param parentId null for all pages, 0 for top-level pages, otherwise the parent's id */
    @Transactional
    public Paged<PageSummary> list(PageStatusFilter status, Long parentId, Paging page) {
        if (parentId != null && parentId != 0 && pages.findById(parentId, visibleTo(status)).isEmpty()) {
            throw ProblemException.invalidQuery("parent", "names no published page (" + parentId
                    + "); use a published page's id, or 0 for top-level pages");
        }
        long total = pages.count(status, parentId);
        List<PageSummary> items = total == 0 ? List.of()
                : pages.list(status, parentId, page).stream().map(PageSummary::of).toList();
        return Paged.of(items, page, total);
    }

    /** @param editorial whether the caller is an editor: drafts too, with audit fields */
    @Transactional
    public PageResponse byId(long id, boolean editorial) {
        Page page = pages.findById(id, visible(editorial))
                .orElseThrow(() -> ProblemException.notFound("No published page has the id " + id));
        return response(page, editorial);
    }

    /** A former path (of the page or of an ancestor before a move) answers 301 with the current one. */
    @Transactional
    public PageResponse byPath(String path, boolean editorial) {
        String normalised = trimSlashes(path);
        var page = pages.findByPath(normalised, visible(editorial));
        if (page.isPresent()) {
            return response(page.get(), editorial);
        }
        pages.formerOwnerOf(normalised)
                .filter(moved -> editorial || pages.findById(moved.id, PageStatusFilter.PUBLISHED).isPresent())
                .ifPresent(moved -> {
                    throw new MovedPermanently("/api/pages/by-path/" + moved.path);
                });
        throw ProblemException.notFound("No published page has the path '" + normalised + "'");
    }

    @Transactional
    public PageResponse create(PageRequest request) {
        locks.lock(WriteLocks.Scope.PAGES);
        Page parent = parent(request.parentId(), null);
        String slug = slug(request, parent, null);
        String path = pathUnder(parent, slug);
        requireFree(path, null);
        requireShortEnough(path, 0);
        Page page = new Page();
        page.parent = parent;
        page.slug = slug;
        page.path = path;
        applyContent(page, request);
        place(page, pages.siblings(parent), request.position());
        pages.persist(page);
        pages.flush();
        pages.forgetFormerPaths(path);
        return response(page, true);
    }

    /** Renaming or moving rewrites the paths of the whole subtree, and every old path keeps redirecting. */
    @Transactional
    public PageResponse update(long id, PageRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.PAGES);
        Page page = editable(id, expected);
        Page parent = parent(request.parentId(), page);
        String slug = slug(request, parent, page);
        String oldPath = page.path;
        String newPath = pathUnder(parent, slug);
        boolean moves = !newPath.equals(oldPath);
        if (moves) {
            requireFree(newPath, page.id);
            requireShortEnough(newPath, pages.longestPathBelow(oldPath).map(longest -> longest - oldPath.length()).orElse(0));
            // While the page's own row still has its old path, which the redirects are read from.
            pages.moveSubtree(oldPath, newPath);
        }
        Page oldParent = page.parent;
        // Parent, slug and path change together: the table's checks tie them to each other, and the sibling
        // queries below flush the page as it is at that moment.
        page.parent = parent;
        page.slug = slug;
        page.path = newPath;
        if (!Objects.equals(parent, oldParent)) {
            List<Page> oldSiblings = pages.siblings(oldParent);
            oldSiblings.remove(page);
            renumber(oldSiblings);
            place(page, pages.siblings(parent), request.position());
        } else if (request.position() != null && request.position() != page.position) {
            place(page, pages.siblings(parent), request.position());
        }
        applyContent(page, request);
        pages.flush();
        if (moves) {
            pages.forgetFormerPaths(newPath);
        }
        return response(page, true);
    }

    @Transactional
    public PageRequest currentRequest(long id) {
        return response(pages.findByIdOptional(id).orElseThrow(() -> notFound(id)), true).asRequest();
    }

    /** Child pages must be moved or deleted first; menu links are refused or removed as asked. */
    @Transactional
    public void delete(long id, Expected expected, boolean removeMenuLinks) {
        locks.lock(WriteLocks.Scope.PAGES);
        Page page = editable(id, expected);
        List<PageRef> children = pages.children(id, PageStatusFilter.ANY);
        if (!children.isEmpty()) {
            throw ProblemException.conflict("The page has child pages: move or delete them first",
                    children.stream().map(child -> new Problem.Conflict("page", child.id(), child.title(),
                            "/" + child.path())).toList());
        }
        deletions.fire(new ContentDeletion(ContentDeletion.Kind.PAGE, id, removeMenuLinks));
        List<Page> siblings = pages.siblings(page.parent);
        siblings.remove(page);
        pages.delete(page);
        pages.flush();
        renumber(siblings);
        pages.flush();
    }

    /** Compares the expected version with the page's own: its breadcrumbs and child pages do not count. */
    private Page editable(long id, Expected expected) {
        Page page = pages.findByIdOptional(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(PageResponse.tagOf(page));
        return page;
    }

    private void applyContent(Page page, PageRequest request) {
        page.title = request.title().strip();
        page.status = request.status() == null ? PageStatus.DRAFT : request.status();
        page.summary = blankToNull(request.summary());
        page.bodyHtml = sanitizer.sanitize(request.bodyHtml(), site.settings().siteUrl);
        page.metaDescription = blankToNull(request.metaDescription());
    }

    /** The new parent; a page cannot move below itself or its own descendants. */
    private Page parent(Long parentId, Page moving) {
        if (parentId == null) {
            return null;
        }
        Page parent = pages.findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.invalidField("parentId", "no page has the id " + parentId));
        if (moving != null && (parent.equals(moving) || parent.path.startsWith(moving.path + "/"))) {
            throw ProblemException.conflict("A page cannot be moved below itself or one of its own descendants",
                    List.of(new Problem.Conflict("page", parent.id, parent.title, "/" + parent.path)));
        }
        return parent;
    }

    /** A slug the client did not choose never conflicts: it takes the first suffix free among its siblings. */
    private String slug(PageRequest request, Page parent, Page moving) {
        if (request.slug() != null) {
            if (parent == null && RESERVED_TOP_LEVEL_SLUGS.contains(request.slug())) {
                throw ProblemException.invalidField("slug", "'" + request.slug() + "' is reserved at the top level for the news pages");
            }
            return request.slug();
        }
        String base = Slugs.slugify(request.title());
        if (base.isEmpty()) {
            throw ProblemException.invalidField("slug", "cannot be made from this title; give one");
        }
        return Slugs.firstFree(base, candidate -> parent == null && RESERVED_TOP_LEVEL_SLUGS.contains(candidate)
                || pages.findByPath(pathUnder(parent, candidate)).filter(other -> !other.equals(moving)).isPresent());
    }

    /** @param deepestBelow how much longer than the page's own path the longest path below it is */
    private static void requireShortEnough(String path, int deepestBelow) {
        if (path.length() + deepestBelow > Page.MAX_PATH_LENGTH) {
            throw ProblemException.invalidField("slug", "makes the path of this page" + (deepestBelow > 0 ? " or one below it" : "")
                    + " longer than " + Page.MAX_PATH_LENGTH + " characters; choose a shorter slug or a shallower place");
        }
    }

    private void requireFree(String path, Long exceptId) {
        pages.findByPath(path).filter(other -> !other.id.equals(exceptId)).ifPresent(other -> {
            throw ProblemException.conflict("Another page already has the path '" + path + "'",
                    List.of(new Problem.Conflict("page", other.id, other.title, "/" + other.path)));
        });
    }

    /** Puts the page at {@code position} among its new siblings (last when null) and keeps positions dense. */
    private static void place(Page page, List<Page> siblings, Integer position) {
        siblings.remove(page);
        if (position != null && position > siblings.size()) {
            throw ProblemException.invalidField("position", "must be from 0 to " + siblings.size() + " here");
        }
        siblings.add(position == null ? siblings.size() : position, page);
        renumber(siblings);
    }

    private static void renumber(List<Page> siblings) {
        for (int position = 0; position < siblings.size(); position++) {
            if (siblings.get(position).position != position) {
                siblings.get(position).position = position;
            }
        }
    }

    private PageResponse response(Page page, boolean editorial) {
        List<Breadcrumb> breadcrumbs = pages.byPaths(ancestorPaths(page.path)).stream().map(Breadcrumb::of).toList();
        List<ChildPage> children = pages.children(page.id, visible(editorial)).stream().map(ChildPage::of).toList();
        return PageResponse.of(page, breadcrumbs, children, editorial ? auditTrail.of(page) : null);
    }

    private static PageStatusFilter visible(boolean editorial) {
        return editorial ? PageStatusFilter.ANY : PageStatusFilter.PUBLISHED;
    }

    private static PageStatusFilter visibleTo(PageStatusFilter listed) {
        return listed == PageStatusFilter.PUBLISHED ? PageStatusFilter.PUBLISHED : PageStatusFilter.ANY;
    }

    private static String pathUnder(Page parent, String slug) {
        return parent == null ? slug : parent.path + "/" + slug;
    }

    /** {@code a/b/c} has the ancestors {@code a} and {@code a/b}. */
    static List<String> ancestorPaths(String path) {
        List<String> ancestors = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            ancestors.add(path.substring(0, slash));
        }
        return ancestors;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No page has the id " + id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
