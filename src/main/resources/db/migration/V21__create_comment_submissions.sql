-- Every comment submission that passed the form checks, by the network it came from (an IPv4 /24 or IPv6 /48 by
-- default), so that the rate limit counts the same for every instance. Pruned by CommentSubmissions.prune.
create table comment_submissions (
    network      cidr        not null,
    submitted_at timestamptz not null default now()
);

create index comment_submissions_network_idx on comment_submissions (network, submitted_at);
create index comment_submissions_age_idx on comment_submissions (submitted_at);
