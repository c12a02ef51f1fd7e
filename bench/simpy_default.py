#!/usr/bin/python3
"""simpy_default.py - scenarios/default.ini written with SimPy 3 (Debian's python3-simpy3),
the way SimPy's documentation writes models: one process per order, a simpy.Resource for
each staffed stage, timeouts for the others.

An order arrives (Poisson, 40 a day) for geometric(2) units; it is transmitted
(exponential, mean 0.01 day), processed by one clerk (exponential, mean 0.02), allocated
from stock (what is on hand; the rest is backordered and the order waits until receipts
fill it, first come first served), picked by one packer (exponential, mean 0.015) and
delivered (triangular(1, 1.5, 3)). Stock: continuous (s, Q) = (500, 1200), after every
allocation order the smallest multiple of Q that lifts the position above s; lead time
gamma with mean 5 and sd 1.5; 1,700 = s + Q on hand at the start. A warm-up of 30 days,
then HORIZON_DAYS counted (default 365, as the scenario).

Prints CSV lines: fill_rate (units filled from stock at allocation / units demanded),
order_cycle_days_mean (orders delivered in the window), mean_on_hand,
replenishments_per_day, orders (placed in the window) and seconds (wall time of env.run
alone: start-up and imports are not timed).
Usage: /usr/bin/python3 bench/simpy_default.py [SEED] [HORIZON_DAYS]
"""
import math
import random
import sys
import time

import simpy

RATE, UNITS_MEAN = 40.0, 2.0
TRANSMISSION, PROCESSING, PICKING = 0.01, 0.02, 0.015
DELIVERY = (1.0, 3.0, 1.5)  # low, high, mode
S, Q = 500.0, 1200.0
LEAD_MEAN, LEAD_SD = 5.0, 1.5
WARMUP = 30.0
LOG_Q = math.log(1 - 1 / UNITS_MEAN)


class Shop:
    def __init__(self, env, rng):
        self.env = env
        self.rng = rng
        self.clerk = simpy.Resource(env, capacity=1)
        self.packer = simpy.Resource(env, capacity=1)
        self.on_hand = S + Q
        self.on_order = 0.0
        self.backordered = 0.0
        self.waiting = []  # [units owed, event] of backordered orders, first come first served
        self.area = 0.0  # integral of on hand over the window
        self.last = 0.0
        self.counting = False
        self.demanded = self.filled = 0.0
        self.delivered = 0
        self.cycle_sum = 0.0
        self.replenishments = 0
        self.placed = 0

    def level(self):
        """On hand is about to change: add its area since the last change."""
        now = self.env.now
        if self.counting:
            self.area += self.on_hand * (now - self.last)
        self.last = now

    def review(self):
        position = self.on_hand + self.on_order - self.backordered
        if position <= S:
            amount = (math.floor((S - position) / Q) + 1) * Q
            self.on_order += amount
            if self.counting:
                self.replenishments += 1
            self.env.process(self.replenish(amount))

    def replenish(self, amount):
        shape = (LEAD_MEAN / LEAD_SD) ** 2
        yield self.env.timeout(self.rng.gammavariate(shape, LEAD_SD * LEAD_SD / LEAD_MEAN))
        self.level()
        self.on_hand += amount
        self.on_order -= amount
        while self.waiting and self.on_hand > 0:
            entry = self.waiting[0]
            give = min(self.on_hand, entry[0])
            self.on_hand -= give
            self.backordered -= give
            entry[0] -= give
            if entry[0] > 0:
                break
            self.waiting.pop(0)
            entry[1].succeed()

    def order(self, units, transmit, process, pick, deliver):
        env = self.env
        placed = env.now
        yield env.timeout(transmit)
        with self.clerk.request() as req:
            yield req
            yield env.timeout(process)
        # allocation
        filled = min(self.on_hand, units)
        if self.counting:
            self.demanded += units
            self.filled += filled
        self.level()
        self.on_hand -= filled
        short = units - filled
        wait = None
        if short > 0:
            self.backordered += short
            wait = env.event()
            self.waiting.append([short, wait])
        self.review()
        if wait is not None:
            yield wait
        with self.packer.request() as req:
            yield req
            yield env.timeout(pick)
        yield env.timeout(deliver)
        if self.counting:
            self.delivered += 1
            self.cycle_sum += env.now - placed

    def arrivals(self):
        rng = self.rng
        while True:
            yield self.env.timeout(rng.expovariate(RATE))
            units = int(math.log(1.0 - rng.random()) / LOG_Q) + 1  # geometric: 1, 2, ... with mean 2
            if self.counting:
                self.placed += 1
            self.env.process(self.order(units, rng.expovariate(1 / TRANSMISSION), rng.expovariate(1 / PROCESSING),
                                        rng.expovariate(1 / PICKING), rng.triangular(*DELIVERY)))

    def warmup(self):
        yield self.env.timeout(WARMUP)
        self.level()
        self.counting = True


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    horizon = float(sys.argv[2]) if len(sys.argv) > 2 else 365.0
    env = simpy.Environment()
    shop = Shop(env, random.Random(seed))
    env.process(shop.warmup())
    env.process(shop.arrivals())
    t0 = time.perf_counter()
    env.run(until=WARMUP + horizon)
    seconds = time.perf_counter() - t0
    shop.level()
    print("fill_rate,%.10g" % (shop.filled / shop.demanded))
    print("order_cycle_days_mean,%.10g" % (shop.cycle_sum / shop.delivered))
    print("mean_on_hand,%.10g" % (shop.area / horizon))
    print("replenishments_per_day,%.10g" % (shop.replenishments / horizon))
    print("orders,%d" % shop.placed)
    print("seconds,%.6f" % seconds)


if __name__ == "__main__":
    main()
