"""Benchmark behind ``make bench``: training time, start-up time, REST latency."""
