package org.noticeboard.category;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.noticeboard.common.ContentDeletion;
import org.noticeboard.common.Expected;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.Slugs;
import org.noticeboard.common.WriteLocks;
import org.noticeboard.user.AuditTrail;

import java.util.List;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final AuditTrail auditTrail;
    private final Event<ContentDeletion> deletions;
    private final WriteLocks locks;

    CategoryService(CategoryRepository categories, AuditTrail auditTrail, Event<ContentDeletion> deletions,
                    WriteLocks locks) {
        this.categories = categories;
        this.auditTrail = auditTrail;
        this.deletions = deletions;
        this.locks = locks;
    }

    @Transactional
    public List<CategoryResponse> list() {
        return categories.listWithPublicPostCounts();
    }

    /** @param editorial whether to include the audit fields (signed-in editors) */
    @Transactional
    public CategoryResponse bySlug(String slug, boolean editorial) {
        CategoryResponse category = categories.findWithPublicPostCount(slug).orElseThrow(() -> notFound(slug));
        return editorial ? category.withAudit(auditTrail.of(categories.findById(category.id()))) : category;
    }

    @Transactional
    public CategoryResponse create(CategoryRequest request) {
        locks.lock(WriteLocks.Scope.CATEGORIES);
        Category category = new Category();
        apply(category, request);
        categories.persist(category);
        categories.flush();
        return bySlug(category.slug, true);
    }

    @Transactional
    public CategoryResponse update(String slug, CategoryRequest request, Expected expected) {
        locks.lock(WriteLocks.Scope.CATEGORIES);
        Category category = editable(slug, expected);
        apply(category, request);
        categories.flush();
        return bySlug(category.slug, true);
    }

    @Transactional
    public CategoryRequest currentRequest(String slug) {
        return categories.findWithPublicPostCount(slug).orElseThrow(() -> notFound(slug)).asRequest();
    }

    /** Posts lose the category; subcategories must be moved or deleted first. */
    @Transactional
    public void delete(String slug, Expected expected, boolean removeMenuLinks) {
        locks.lock(WriteLocks.Scope.CATEGORIES);
        Category category = editable(slug, expected);
        List<Category> children = categories.list("parent", category);
        if (!children.isEmpty()) {
            throw ProblemException.conflict("The category has subcategories: move or delete them first",
                    children.stream().map(child -> new Problem.Conflict("category", child.id, child.name,
                            "/api/categories/" + child.slug)).toList());
        }
        deletions.fire(new ContentDeletion(ContentDeletion.Kind.CATEGORY, category.id, removeMenuLinks));
        categories.delete(category);
        categories.flush();
    }

    public static ProblemException notFound(String slug) {
        return ProblemException.notFound("No category has the slug '" + slug + "'");
    }

    /** Compares the expected version with the category's own: its post count does not count. */
    private Category editable(String slug, Expected expected) {
        Category category = categories.findBySlug(slug).orElseThrow(() -> notFound(slug));
        expected.requireMatch(CategoryResponse.tagOf(category.id, category.version));
        return category;
    }

    /** Checks everything before changing anything, so that no query flushes a half-applied change. */
    private void apply(Category category, CategoryRequest request) {
        String slug = request.slug() != null ? request.slug() : generatedSlug(category, request.name());
        categories.findBySlug(slug).filter(other -> !other.equals(category)).ifPresent(other -> {
            throw ProblemException.conflict("Another category already has the slug '" + slug + "'",
                    List.of(new Problem.Conflict("category", other.id, other.name, "/api/categories/" + other.slug)));
        });
        Category parent = request.parentSlug() == null ? null : parent(category, request.parentSlug());
        category.name = request.name().strip();
        category.slug = slug;
        category.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        category.parent = parent;
    }

    /** A slug the client did not choose never conflicts: it takes the first free suffix. */
    private String generatedSlug(Category category, String name) {
        String base = Slugs.slugify(name);
        if (base.isEmpty()) {
            throw ProblemException.invalidField("slug", "cannot be made from this name; give one");
        }
        return Slugs.firstFree(base, candidate -> categories.findBySlug(candidate)
                .filter(other -> !other.equals(category)).isPresent());
    }

    /** A category cannot sit below itself or one of its own subcategories. */
    private Category parent(Category category, String parentSlug) {
        Category parent = categories.findBySlug(parentSlug)
                .orElseThrow(() -> ProblemException.invalidField("parentSlug", "no category has the slug '" + parentSlug + "'"));
        for (Category ancestor = parent; ancestor != null; ancestor = ancestor.parent) {
            if (ancestor.equals(category)) {
                throw ProblemException.conflict("A category cannot be placed under itself or its own subcategory",
                        List.of(new Problem.Conflict("category", parent.id, parent.name, "/api/categories/" + parent.slug)));
            }
        }
        return parent;
    }
}
