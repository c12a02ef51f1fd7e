#!/usr/bin/python3
"""simpy_inventory.py - bench/inventory.ini written with SimPy 3 (Debian's python3-simpy3).

Poisson orders at 100 a day of 1 unit; continuous (s, Q) review with s = 120, Q = 300
(after every allocation, if the inventory position is at or below s, order the
smallest multiple of Q that lifts it above s); constant lead time 1 day; lost sales;
10,000 days; starts with s + Q = 420 on hand, like servlab's default.

Prints CSV lines: fill_rate, mean_on_hand, orders, events (SimPy events processed) and
seconds (wall time of env.run alone: start-up and imports are not timed).
Usage: /usr/bin/python3 bench/simpy_inventory.py [SEED] [HORIZON_DAYS]
"""
import random
import sys
import time

import simpy

RATE, S, Q, LEAD, UNITS = 100.0, 120.0, 300.0, 1.0, 1.0


class Stock:
    def __init__(self, env):
        self.env = env
        self.on_hand = S + Q
        self.on_order = 0.0
        self.area = 0.0      # integral of on hand over time
        self.last = 0.0
        self.demanded = 0.0
        self.filled = 0.0

    def set_on_hand(self, level):
        now = self.env.now
        self.area += self.on_hand * (now - self.last)
        self.last = now
        self.on_hand = level

    def replenish(self, amount):
        yield self.env.timeout(LEAD)
        self.on_order -= amount
        self.set_on_hand(self.on_hand + amount)

    def allocate(self, units):
        self.demanded += units
        take = min(self.on_hand, units)      # the rest is lost
        self.filled += take
        self.set_on_hand(self.on_hand - take)
        position = self.on_hand + self.on_order
        if position <= S:
            amount = ((S - position) // Q + 1) * Q
            self.on_order += amount
            self.env.process(self.replenish(amount))


def customers(env, stock, rng, counter):
    while True:
        yield env.timeout(rng.expovariate(RATE))
        counter[0] += 1
        stock.allocate(UNITS)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    horizon = float(sys.argv[2]) if len(sys.argv) > 2 else 10000.0
    rng = random.Random(seed)
    env = simpy.Environment()
    stock = Stock(env)
    counter = [0]
    env.process(customers(env, stock, rng, counter))
    t0 = time.perf_counter()
    env.run(until=horizon)
    seconds = time.perf_counter() - t0
    stock.set_on_hand(stock.on_hand)         # close the time average at the horizon
    print("fill_rate,%.10g" % (stock.filled / stock.demanded))
    print("mean_on_hand,%.10g" % (stock.area / horizon))
    print("orders,%d" % counter[0])
    print("seconds,%.6f" % seconds)


if __name__ == "__main__":
    main()
