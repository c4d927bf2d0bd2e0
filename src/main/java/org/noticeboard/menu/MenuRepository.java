package org.noticeboard.menu;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MenuRepository implements PanacheRepository<Menu> {

    public Optional<Menu> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Menu> listBySlug() {
        return list("order by slug");
    }

    /** Every item of these menus, with its link target, in one statement however deep the trees are. */
    public List<MenuItemRow> itemRows(Collection<Long> menuIds) {
        if (menuIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select new org.noticeboard.menu.MenuItemRow(
                            i.menu.id, i.id, i.parent.id, i.position, i.label, i.linkType,
                            page.path, page.status, post.slug, post.status, post.publishedAt,
                            category.slug, i.archiveYear, i.archiveMonth, i.url)
                        from MenuItem i
                        left join i.page page
                        left join i.post post
                        left join i.category category
                        where i.menu.id in :menuIds
                        order by i.position, i.id""", MenuItemRow.class)
                .setParameter("menuIds", menuIds)
                .getResultList();
    }
}
