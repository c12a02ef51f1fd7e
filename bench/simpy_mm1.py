#!/usr/bin/python3
"""simpy_mm1.py - bench/mm1.ini written with SimPy 3 (Debian's python3-simpy3).

M/M/1 order processing: orders arrive at 0.9 a day, one clerk (a simpy.Resource)
serves each first come first served in an exponential time with mean 1 day; stock is
unlimited. 1,111,111 days (about 1,000,000 orders). The mean time in system counts
the orders that finished inside the horizon; exact value 1 / (1 - 0.9) = 10 days.

Prints CSV lines: order_cycle_days_mean, orders, seconds (wall time of env.run alone).
Usage: /usr/bin/python3 bench/simpy_mm1.py [SEED] [HORIZON_DAYS]
"""
import random
import sys
import time

import simpy

LAMBDA, MU = 0.9, 1.0


def order(env, clerk, rng, done):
    placed = env.now
    with clerk.request() as req:
        yield req
        yield env.timeout(rng.expovariate(MU))
    done[0] += 1
    done[1] += env.now - placed


def arrivals(env, clerk, rng_arrival, rng_service, done, counter):
    while True:
        yield env.timeout(rng_arrival.expovariate(LAMBDA))
        counter[0] += 1
        env.process(order(env, clerk, rng_service, done))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    horizon = float(sys.argv[2]) if len(sys.argv) > 2 else 1111111.0
    rng_arrival, rng_service = random.Random(2 * seed), random.Random(2 * seed + 1)
    env = simpy.Environment()
    clerk = simpy.Resource(env, capacity=1)
    done, counter = [0, 0.0], [0]
    env.process(arrivals(env, clerk, rng_arrival, rng_service, done, counter))
    t0 = time.perf_counter()
    env.run(until=horizon)
    seconds = time.perf_counter() - t0
    print("order_cycle_days_mean,%.10g" % (done[1] / done[0]))
    print("orders,%d" % counter[0])
    print("seconds,%.6f" % seconds)


if __name__ == "__main__":
    main()
