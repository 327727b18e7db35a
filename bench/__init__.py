"""Benchmarks: each measures a figure of Ringkväll beside a baseline measured in the same run."""
