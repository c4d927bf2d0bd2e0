create table post_categories (
    post_id     bigint not null references posts (id) on delete cascade,
    category_id bigint not null references categories (id) on delete cascade,
    primary key (post_id, category_id)
);

create index post_categories_category_idx on post_categories (category_id);
