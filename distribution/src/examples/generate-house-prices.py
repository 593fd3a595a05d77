#!/usr/bin/env python3
"""Generates house-prices.csv, the course's two-feature regression example (shipped; rerun to reproduce it).

Each house i = 0..199 has
  area     ~ Uniform(0.5, 2.5)   living area in 100 m^2
  distance ~ Uniform(0.0, 3.0)   distance to the city centre in 10 km
  price    = 0.5 + 1.2 * area - 0.3 * distance + e,   e ~ Normal(0, 0.05)   price in 100,000 EUR
drawn from Python's random.Random(2024), values rounded to 4 decimals.
The noise variance 0.05^2 = 0.0025 is the lowest test MSE any model can expect; the price variance is about 0.55.
"""
import random

rng = random.Random(2024)
with open("house-prices.csv", "w", newline="\n") as f:
    f.write("area,distance,price\n")
    for _ in range(200):
        area = rng.uniform(0.5, 2.5)
        distance = rng.uniform(0.0, 3.0)
        price = 0.5 + 1.2 * area - 0.3 * distance + rng.gauss(0.0, 0.05)
        f.write(f"{area:.4f},{distance:.4f},{price:.4f}\n")
