/* test_sim_seq.c - the sequence counter's end (sim/sim.c, SEQ_MASK) on each path that takes a
 * number from it: sim_schedule, sim_reserve and sim_recur's chain. 2^56 events are out of a
 * test's reach, so this program compiles sim/sim.c into itself (white-box: the counter is set
 * where it ends) and links the rest of sim/ without sim.o (Makefile). */
#include "check.h"
#include "child.h"
#include "sim/sim.c"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t counter_at;
static sim_place place;
static bool chained;

/* An event whose handler sets the counter to counter_at, then chains its next one at once
 * (nothing else pending: sim_recur's common case, chain). */
static void recur_at_end(struct sim *sim, void *ctx)
{
    sim->seq = counter_at;
    chained = sim_recur(sim, sim->clock.now + 1, &place, recur_at_end, ctx);
    sim->chain_left = 0; /* one chained event is enough */
}

static void chain_at_end(void)
{
    struct sim *sim = sim_new(NULL);
    place = sim_reserve(sim, 0);
    sim_schedule(sim, 1, 0, recur_at_end, NULL);
    sim_run_before(sim, 10, 1);
    if (!chained) _exit(2); /* scheduled, not chained: not the path tested */
    sim_free(sim);
}

static void schedule_at_end(void)
{
    struct sim *sim = sim_new(NULL);
    sim->seq = counter_at;
    sim_schedule(sim, 1, 0, recur_at_end, NULL);
    sim_free(sim);
}

int main(void)
{
    counter_at = SEQ_MASK - 1;
    check(!aborts(chain_at_end), "simseq-1.1 sim_recur chains with the last sequence number left");
    counter_at = SEQ_MASK;
    check(aborts(chain_at_end), "simseq-1.2 sim_recur's chain with the counter at its end is caught by an assert");
    check(aborts(schedule_at_end), "simseq-1.3 ... as sim_schedule's is");
    return check_done("test_sim_seq");
}
