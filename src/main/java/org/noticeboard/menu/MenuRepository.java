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
                            page.id, page.path, page.status, post.id, post.slug, post.visible,
                            category.id, category.slug, i.archiveYear, i.archiveMonth, i.url)
                        from MenuItem i
                        left join i.page page
                        left join i.post post
                        left join i.category category
                        where i.menu.id in :menuIds
                        order by i.position, i.id""", MenuItemRow.class)
                .setParameter("menuIds", menuIds)
                .getResultList();
    }

    /** The items of one menu as entities, for changing the tree. */
    public List<MenuItem> items(Menu menu) {
        return getEntityManager().createQuery("from MenuItem i where i.menu = :menu order by i.position, i.id", MenuItem.class)
                .setParameter("menu", menu)
                .getResultList();
    }

    public void deleteItems(Menu menu) {
        getEntityManager().createQuery("delete from MenuItem i where i.menu = :menu")
                .setParameter("menu", menu)
                .executeUpdate();
    }

    /** Items, in any menu, that link to this page, post or category. */
    public List<MenuItem> itemsLinkingTo(String targetField, long targetId) {
        return getEntityManager().createQuery("from MenuItem i join fetch i.menu where i." + targetField + ".id = :id "
                        + "order by i.menu.slug, i.id", MenuItem.class)
                .setParameter("id", targetId)
                .getResultList();
    }

    public void persistItem(MenuItem item) {
        getEntityManager().persist(item);
    }

    public void removeItem(MenuItem item) {
        getEntityManager().remove(item);
    }
}
