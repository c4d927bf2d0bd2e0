package org.noticeboard.category;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeboard.common.ProblemException;

import java.util.List;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;

    CategoryService(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional
    public List<CategoryResponse> list() {
        return categories.listWithPublicPostCounts();
    }

    @Transactional
    public CategoryResponse bySlug(String slug) {
        return categories.findWithPublicPostCount(slug)
                .orElseThrow(() -> notFound(slug));
    }

    public static ProblemException notFound(String slug) {
        return ProblemException.notFound("No category has the slug '" + slug + "'");
    }
}
