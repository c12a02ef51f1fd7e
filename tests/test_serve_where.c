/* test_serve_where.c - cli/serve.c's serve_say_where: what the instructor is told to
 * write on the board. Bound beyond loopback (0.0.0.0), the server lists this computer's
 * network addresses, never 0.0.0.0, repeats the class code, gives the leaderboard's
 * address for the projector, and without a code warns that anyone on the network can
 * submit; on loopback it says what it always said. A made-up list of interfaces stands
 * for getifaddrs': no test binds beyond loopback. */
#include "check.h"
#include "cli/serve.h"
#include "lang/lang.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

static struct sockaddr_in v4(const char *a)
{
    struct sockaddr_in s = {.sin_family = AF_INET};
    inet_pton(AF_INET, a, &s.sin_addr);
    return s;
}

/* what serve_say_where writes on out and on err, each in a buffer of its own (free both) */
static void say(const char *bind, const char *code, const struct ifaddrs *ifs, char **out, char **err)
{
    size_t n1, n2;
    FILE *o = open_memstream(out, &n1), *e = open_memstream(err, &n2);
    if (!o || !e) abort();
    serve_say_where(o, e, "base.ini", bind, 8080, code, ifs);
    fclose(o), fclose(e);
}

int main(int argc, char **argv)
{
    (void)argc;
    check_use_build_catalogue(argv[0]);
    lang_init("en", NULL);
    struct sockaddr_in lo = v4("127.0.0.1"), eth = v4("192.168.1.23"), wifi = v4("10.0.0.7"), down = v4("172.16.0.9");
    struct sockaddr_in6 six = {.sin6_family = AF_INET6};
    inet_pton(AF_INET6, "fe80::1", &six.sin6_addr);
    /* up and down flags as Linux's net/if.h: IFF_UP 0x1, IFF_LOOPBACK 0x8 */
    struct ifaddrs i5 = {.ifa_name = "docker0", .ifa_flags = 0x0, .ifa_addr = (struct sockaddr *)&down};
    struct ifaddrs i4 = {.ifa_next = &i5, .ifa_name = "eth0", .ifa_flags = 0x1, .ifa_addr = (struct sockaddr *)&six};
    struct ifaddrs i3 = {.ifa_next = &i4, .ifa_name = "wlan0", .ifa_flags = 0x1, .ifa_addr = (struct sockaddr *)&wifi};
    struct ifaddrs i2 = {.ifa_next = &i3, .ifa_name = "eth0", .ifa_flags = 0x1, .ifa_addr = (struct sockaddr *)&eth};
    struct ifaddrs i1 = {.ifa_next = &i2, .ifa_name = "lo", .ifa_flags = 0x9, .ifa_addr = (struct sockaddr *)&lo};
    char *out, *err;

    say("0.0.0.0", "tulip", &i1, &out, &err);
    check(strcmp(out,
                 "servlab: serving base.ini on every network of this computer, port 8080; Ctrl-C stops\n"
                 "  students open: http://192.168.1.23:8080/ (network eth0)\n"
                 "  students open: http://10.0.0.7:8080/ (network wlan0)\n"
                 "  class code: tulip\n"
                 "  the leaderboard, for the projector (on this computer): http://localhost:8080/leaderboard\n") == 0 &&
              !strstr(out, "0.0.0.0") && !*err,
          "serve-where-1.1 0.0.0.0: the addresses students type (up, not loopback, IPv4), the code, the "
          "projector's address; no warning:\n%s%s",
          out, err);
    free(out), free(err);

    say("0.0.0.0", NULL, &i1, &out, &err);
    check(!strstr(out, "class code") &&
              strstr(err, "servlab: warning: no --code: anyone on the network who opens the address can submit") ==
                  err &&
              strstr(err, "(--code WORD)\n"),
          "serve-where-1.2 0.0.0.0 without --code: the warning that anyone on the network can submit:\n%s", err);
    free(out), free(err);

    say("0.0.0.0", "tulip", &i5, &out, &err);
    check(strstr(out, "this computer has no network address besides its own") != NULL && !strstr(out, "http://172."),
          "serve-where-1.3 no address up but loopback: says to connect to the class network:\n%s", out);
    free(out), free(err);

    say("192.168.1.23", "tulip", &i1, &out, &err);
    check(strstr(out, "servlab: serving base.ini on http://192.168.1.23:8080/ (leaderboard: /leaderboard)") == out &&
              strstr(out, "  class code: tulip\n") && !strstr(out, "10.0.0.7") && !*err,
          "serve-where-1.4 one address: that address, the code again:\n%s", out);
    free(out), free(err);

    say("127.0.0.1", NULL, NULL, &out, &err);
    check(strcmp(out, "servlab: serving base.ini on http://127.0.0.1:8080/ (leaderboard: /leaderboard); Ctrl-C "
                      "stops\n") == 0 &&
              !*err,
          "serve-where-1.5 loopback: the one line as before, no warning:\n%s%s", out, err);
    free(out), free(err);
    check(!serve_beyond_loopback("127.0.0.2") && !serve_beyond_loopback("::1") && serve_beyond_loopback("0.0.0.0") &&
              serve_beyond_loopback("::") && serve_beyond_loopback("10.1.2.3"),
          "serve-where-1.6 loopback is 127.0.0.0/8 and ::1");

    lang_init("zh", NULL);
    say("0.0.0.0", NULL, &i1, &out, &err);
    check(strstr(out, "http://192.168.1.23:8080/") && !strstr(out, "students open") &&
              strstr(err, "servlab: ") == err && !strstr(err, "anyone"),
          "serve-where-1.7 zh: translated, with the addresses and the warning:\n%s%s", out, err);
    free(out), free(err);
    return check_done("test_serve_where");
}
