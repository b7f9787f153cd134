vcl 4.1;

import directors;

# The site file: the Strapi processes behind Varnish, then the shared rules (kabar.vcl). Copy it,
# list your processes, and point the include at kabar.vcl. Each is probed on
# Strapi's /_health; a process that stops answering leaves the round robin within a few seconds,
# and a request that fails on one is retried on the next (kabar.vcl, vcl_backend_error).
backend strapi1 {
    .host = "127.0.0.1";
    .port = "1337";
    .probe = { .url = "/_health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .expected_response = 204; }
}
backend strapi2 {
    .host = "127.0.0.1";
    .port = "1338";
    .probe = { .url = "/_health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .expected_response = 204; }
}
backend strapi3 {
    .host = "127.0.0.1";
    .port = "1339";
    .probe = { .url = "/_health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .expected_response = 204; }
}

sub kabar_backends {
    new strapi = directors.round_robin();
    strapi.add_backend(strapi1);
    strapi.add_backend(strapi2);
    strapi.add_backend(strapi3);
}

include "/etc/varnish/kabar.vcl";
