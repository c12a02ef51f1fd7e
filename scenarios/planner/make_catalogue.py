#!/usr/bin/python3
"""make_catalogue.py - write the planner example's made-up catalogue: items.csv (one row
per item: its history file, order quantity, lead time, unit cost, holding cost, price)
and history/ITEM.csv (a year of daily sales each). Fixed seed: running it again gives
the same files. Not needed to use the example; kept so the data can be remade."""
import datetime, math, os, random

random.seed(2024)
here = os.path.dirname(os.path.abspath(__file__))
families = [  # name, unit cost range, daily demand range, kind of demand
    ("bolt", (0.2, 1.5), (20, 60), "smooth"), ("hinge", (2, 8), (4, 15), "smooth"),
    ("drill", (30, 90), (0.5, 3), "erratic"), ("paint", (8, 25), (3, 12), "seasonal"),
    ("saw", (15, 40), (0.8, 4), "erratic"), ("glue", (2, 6), (5, 20), "smooth"),
    ("ladder", (40, 120), (0.2, 1.2), "intermittent"), ("tape", (1, 3), (10, 40), "smooth"),
    ("lamp", (10, 35), (1, 6), "erratic"), ("hose", (12, 30), (1, 5), "seasonal"),
]
def poisson(lam):
    if lam > 50:
        return max(0, round(random.gauss(lam, math.sqrt(lam))))
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= random.random()
        if p <= l:
            return k
        k += 1
start = datetime.date(2024, 1, 1)
rows = []
for i in range(50):
    name, cost_range, rate_range, kind = families[i % len(families)]
    item = f"{name}_{i // len(families) + 1:02d}"
    cost = round(random.uniform(*cost_range), 2)
    price = round(cost * random.uniform(1.15, 2.6), 2)
    rate = random.uniform(*rate_range)
    lead = random.choice([2, 3, 5, 7, 10, 14])
    lines = ["date,units_sold"]
    total = 0
    for d in range(366):
        day = start + datetime.timedelta(days=d)
        lam = rate * (1.25 if day.weekday() == 5 else 0.85 if day.weekday() == 6 else 1.0)
        if kind == "seasonal":
            lam *= 1 + 0.6 * math.sin(2 * math.pi * (d - 80) / 366)
        if kind == "erratic":  # a gamma-mixed Poisson: lumpy days
            lam *= random.gammavariate(0.8, 1 / 0.8)
        if kind == "intermittent":
            lam = 0 if random.random() < 0.6 else lam / 0.4 * random.gammavariate(2, 0.5)
        q = poisson(lam)
        total += q
        lines.append(f"{day.isoformat()},{q}")
    with open(os.path.join(here, "history", item + ".csv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    holding = cost * 0.25 / 365
    eoq = math.sqrt(2 * (total / 366) * 40 / holding)
    rows.append(f"{item},history/{item}.csv,{max(1, round(eoq))},{lead},{cost},{holding:.5f},{price}")
with open(os.path.join(here, "items.csv"), "w") as f:
    f.write("id,demand.history,inventory.order_quantity,inventory.lead_time_days,costs.order_per_unit,"
            "costs.holding_per_unit_day,revenue.price_per_unit\n")
    f.write("\n".join(rows) + "\n")
