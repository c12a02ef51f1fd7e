/* serve.h - `servlab serve --base BASE.ini`: a class session on the class network. An
 * HTTP server (libmicrohttpd) where students submit their edit of the base file and see
 * where they stand, while the instructor projects the leaderboard. It is compare
 * (cli/compare.h) one file at a time: the base's seed and replications for everyone,
 * its [locks] kept, the same ranking, table, CSV and charts (cli/debrief.h).
 *
 * Pages: GET / (the student page: the base, its locked keys, the form), POST /submit
 * (urlencoded or multipart: name, code, scenario or file), GET /result/ID, GET
 * /leaderboard (refreshes itself), GET /leaderboard.csv, GET /history (every submission,
 * for the instructor).
 *
 * Safety on a class network: loopback unless --bind says otherwise; the class code when
 * set; uploads of at most SERVE_UPLOAD_MAX bytes (413); names of letters, digits,
 * spaces, '-', '_' and '.' only, no control, bidi or zero-width character, no leading
 * '-' (400); a name is the browser's that first used it (an owner cookie, 409 for
 * another); every text HTML-escaped; SERVE_RATE_DEFAULT submissions a minute per client
 * (429); a bounded queue (503 with Retry-After); runs over SERVE_CPU_SECONDS of CPU time
 * refused with the command line's message (cli/workload.h, 422). IDs are made by the server and looked up in memory: no
 * part of a request ever names a file.
 *
 * State (STATE_DIR): submissions/ID.ini (the text) and submissions/ID.txt (who, when,
 * its hash, its owner cookie's hash), runs/HASH.csv (the replications' metrics),
 * history.csv (every submission, for the instructor), each written under a temporary
 * name and renamed (cli/outfile.h). A restart reloads them: the leaderboard survives. */
#ifndef CLI_SERVE_H
#define CLI_SERVE_H

#include "reader/scenario.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

enum {
    SERVE_UPLOAD_MAX = 64 * 1024,       /* bytes of a scenario, uploaded or pasted */
    SERVE_BODY_MAX = 256 * 1024,        /* bytes of a request (a pasted scenario is URL-encoded) */
    SERVE_DRAIN_MAX = 16 * 1024 * 1024, /* a larger body is read and dropped to answer 413; past
                                           this the connection is closed (a stream that never ends) */
    SERVE_QUEUE_MAX = 256,              /* runs waiting */
    SERVE_CPU_SECONDS = 120,            /* the CPU time a submission may ask for */
    SERVE_RATE_DEFAULT = 10,            /* submissions a minute per client */
    SERVE_PORT_DEFAULT = 8080,
    SERVE_LEADERBOARD_REFRESH = 10, /* seconds */
};

struct serve_opts {
    const char *base;                     /* BASE.ini */
    const char *bind;                     /* an IPv4 or IPv6 address; NULL: 127.0.0.1 */
    unsigned port;                        /* 0: any free port (printed) */
    const char *dir;                      /* STATE_DIR */
    const char *code;                     /* the class code, or NULL */
    unsigned workers;                     /* threads that run submissions (at most the cores: fewer are started) */
    unsigned rate;                        /* submissions a minute per client; 0: no limit */
    const struct scenario_override *sets; /* --set, applied to the base and every submission */
    size_t nsets;
    const char *command_line; /* for the pages' footer */
    const atomic_int *stop;   /* set by SIGINT or SIGTERM: stop */
};

/* Whether bind (an address) is beyond this computer's loopback (127.0.0.0/8, ::1). */
bool serve_beyond_loopback(const char *bind);

struct ifaddrs;
/* Say where the server listens (bind, port) on out: for loopback, its address; for 0.0.0.0
 * (or ::), every IPv4 address in ifs (getifaddrs') that is up and not loopback, the
 * addresses students type; beyond loopback, the class code again and the leaderboard's
 * address on this computer, for the projector, and without a code a warning on err that
 * anyone on the network can submit. */
void serve_say_where(FILE *out, FILE *err, const char *base_name, const char *bind, unsigned port, const char *code,
                     const struct ifaddrs *ifs);

/* Serve until *o->stop. Prints the address on out when listening. Returns 0, 2 (the base
 * does not load, a bad address) or 1 (the port is taken, the state dir unusable). */
int serve_run(const struct serve_opts *o, FILE *out, FILE *err);

#endif
