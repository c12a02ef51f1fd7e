#!/usr/bin/env python3
"""make_drift.py - writes drift.csv: a year of daily sales (2024-01-01 .. 2024-12-31)
with an upward drift (30 -> about 210 units a day) and AR(1) noise (phi 0.9, innovation
sd 8), rounded to whole units; fixed seed, so the file is reproducible. Its lag-1
autocorrelation as recorded is about 0.98 (drift and noise together)."""
import datetime
import random

rng = random.Random(20241)
a = 0.0
day = datetime.date(2024, 1, 1)
with open("drift.csv", "w") as f:
    f.write("date,units\n")
    for t in range(366):
        a = 0.9 * a + rng.gauss(0, 8)
        f.write(f"{day.isoformat()},{max(0, round(30 + 0.5 * t + a))}\n")
        day += datetime.timedelta(days=1)
