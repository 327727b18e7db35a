"""Shared pieces of the benchmarks: a figure and how it is printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    baseline: float
    unit: str
    higher_is_better: bool = False

    def line(self) -> str:
        ratio = self.value / self.baseline if self.baseline else float("inf")
        return (f"BENCH {self.name}: {self.value:.4g} {self.unit} "
                f"(baseline {self.baseline:.4g} {self.unit}, ratio {ratio:.2f})")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
