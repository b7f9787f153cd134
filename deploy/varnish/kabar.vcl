# Varnish in front of the Kabar Strapi processes (README, "Scaling out"). Varnish 7.1 (Debian
# bookworm's `varnish`) with vmod xkey from `varnish-modules`.
#
# Public reads are cached when Strapi names what they show in `xkey` (src/cache/surrogate-keys.ts);
# Strapi purges those keys after each change with `PURGE /` and an `xkey-purge` header, from an
# allowed address. Everything else (the admin, writes, callers with a token) passes through.
#
# The backends are declared by a site file that includes this one (kabar-site.example.vcl): run
# `varnishd -f /etc/varnish/kabar-site.vcl`, with this file where that one includes it from.
vcl 4.1;

import std;
import xkey;
import directors;

# The backends and `sub kabar_backends` come from the site file that includes this one
# (see kabar-site.example.vcl).

# Who may purge: the Strapi hosts (loopback on one machine; add the app servers' addresses).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # Defined in kabar-backends.vcl: creates the `strapi` round-robin director over the processes.
    call kabar_backends;
}

sub vcl_recv {
    set req.backend_hint = strapi.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header with the keys"));
        }
        # A hard purge: the next reader gets the new version, never the purged one in grace.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A token may read drafts; a shared cache must never keep those answers.
    if (req.http.Authorization) {
        return (pass);
    }
    # Public content reads do not depend on cookies (the admin's session cookie is for /admin).
    if (req.url ~ "^/api/(articles|reporters|photos|related-links)(/|\?|$)" || req.url ~ "^/api/(feeds/|sitemap/|sitemap\.xml)") {
        unset req.http.Cookie;
    }
    # Serve stale objects longer only while every backend is down (beresp.grace below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Retries go to the next process of the round robin (one killed mid-request).
    set bereq.http.X-Kabar-Attempt = bereq.retries;
}

sub vcl_backend_error {
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
}

sub vcl_backend_response {
    if (beresp.status >= 500 && (bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
    # Only responses that name their keys can be purged, so only those are kept.
    if (!beresp.http.xkey || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Purged on every change, so a keyed response can live longer here than in browsers
    # (Cache-Control max-age=60 for them); grace serves it while every process is down.
    set beresp.ttl = 1h;
    # Feeds and sitemaps also change with the clock alone (an embargo ending, the News sitemap's
    # 48 hours), which no purge announces: kept no longer than Strapi's max-age.
    if (bereq.url ~ "^/api/(feeds/|sitemap/|sitemap\.xml)") {
        set beresp.ttl = 60s;
    }
    # An embargo passing or a withdrawal taking effect changes what is public with no write, so no
    # purge: Strapi says how many seconds remain until the next such instant (src/middlewares/
    # visibility-ttl.ts), and the copy expires then. Only ever shortens; `none`: nothing pending.
    if (beresp.http.Kabar-Visibility-Change-In ~ "^[0-9]+$") {
        if (std.duration(beresp.http.Kabar-Visibility-Change-In + "s", 0s) < beresp.ttl) {
            set beresp.ttl = std.duration(beresp.http.Kabar-Visibility-Change-In + "s", 0s);
        }
    }
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    # The keys are for this cache; readers need not see them (kept for a request with X-Kabar-Debug).
    if (!req.http.X-Kabar-Debug) {
        unset resp.http.xkey;
        unset resp.http.Kabar-Visibility-Change-In;
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
