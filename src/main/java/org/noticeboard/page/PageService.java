package org.noticeboard.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.PageRequest;
import org.noticeboard.common.Paged;
import org.noticeboard.common.ProblemException;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class PageService {

    private final PageRepository pages;

    PageService(PageRepository pages) {
        this.pages = pages;
    }

    /** @param parentId null for all pages, 0 for top-level pages, otherwise the parent's id */
    @Transactional
    public Paged<PageSummary> listPublic(Long parentId, PageRequest page) {
        if (parentId != null && parentId != 0 && pages.findPublicById(parentId).isEmpty()) {
            throw ProblemException.invalidQuery("parent", "names no published page (" + parentId
                    + "); use a published page's id, or 0 for top-level pages");
        }
        long total = pages.countPublic(parentId);
        List<PageSummary> items = total == 0 ? List.of()
                : pages.listPublic(parentId, page).stream().map(PageSummary::of).toList();
        return Paged.of(items, page, total);
    }

    @Transactional
    public PageResponse publicById(long id) {
        return toResponse(pages.findPublicById(id).orElseThrow(
                () -> ProblemException.notFound("No published page has the id " + id)));
    }

    @Transactional
    public PageResponse publicByPath(String path) {
        String normalised = trimSlashes(path);
        return toResponse(pages.findPublicByPath(normalised).orElseThrow(
                () -> ProblemException.notFound("No published page has the path '" + normalised + "'")));
    }

    private PageResponse toResponse(Page page) {
        List<Breadcrumb> breadcrumbs = pages.byPaths(ancestorPaths(page.path)).stream().map(Breadcrumb::of).toList();
        List<ChildPage> children = pages.publicChildren(page.id).stream().map(ChildPage::of).toList();
        return PageResponse.of(page, breadcrumbs, children);
    }

    /** {@code a/b/c} has the ancestors {@code a} and {@code a/b}. */
    static List<String> ancestorPaths(String path) {
        List<String> ancestors = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            ancestors.add(path.substring(0, slash));
        }
        return ancestors;
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
