-- The site's own settings: exactly one row, created here so that every read finds it.
create table site_settings (
    id                          smallint     primary key default 1 check (id = 1),
    name                        varchar(200) not null check (btrim(name) <> ''),
    tagline                     varchar(300),
    about                       text,
    contact_email               varchar(320),
    contact_phone               varchar(50),
    contact_address             varchar(500),
    site_url                    varchar(500) check (site_url ~ '^https?://[^/\s]+(/\S*)?$'),
    timezone                    varchar(64)  not null default 'Europe/London',
    comments_open_by_default    boolean      not null default true,
    comments_auto_close_days    integer      check (comments_auto_close_days > 0),
    comments_require_moderation boolean      not null default true,
    version                     bigint       not null default 0,
    updated_at                  timestamptz  not null default now()
);

insert into site_settings (id, name) values (1, 'Noticeboard');
