"""Run the benchmarks: `python -m bench` (all) or `python -m bench NAME...` (pack-merge or
pack_merge alike).

Each module bench/bench_<name>.py has `run() -> list[Figure]`. Every figure is printed as
`BENCH <name>: <value> <unit> (baseline <value> <unit>, ratio <x>)`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import bench
from bench.common import Figure


def available() -> list[str]:
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(Path(bench.__file__).parent)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    names, options = argv or available(), []
    if argv[1:2] and argv[1].startswith("-"):
        # Options after one benchmark's name are its own: python -m bench stress --seconds 10
        names, options = argv[:1], argv[1:]
    # A module's name with dashes, as typed: python -m bench pack-merge
    names = [n.replace("-", "_") for n in names]
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}",
              file=sys.stderr)
        return 2
    figures: list[Figure] = []
    for name in names:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        for figure in module.run(*options):
            print(figure.line(), flush=True)
            figures.append(figure)
    if len(names) > 1:
        print("== summary")
        for figure in figures:
            print(figure.line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
