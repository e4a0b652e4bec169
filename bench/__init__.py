"""Benchmarks of Opinion Desktop at clinic scale (issue 8): ``make bench``."""
