"""The stress benchmark's machinery, briefly: two app callers and two plain-driver callers on a
small campaign, each in its own process; no call claimed twice, none lost. No timings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.bench_stress import Target, server_url, stress
from tests.conftest import TEST_PG_ENV


# Under libfaketime (the CI pass with the clock a year ahead) the benchmark's forkserver
# callers never get past their start barrier: the timed waits of multiprocessing's
# semaphores do not return there. The benchmark has nothing to do with the date, and its
# claims and saves are the calling services the rest of the suite runs in that pass.
@pytest.mark.skipif("libfaketime" in os.environ.get("LD_PRELOAD", ""),
                    reason="multiprocessing's timed waits hang under libfaketime")
def test_two_callers_each_way_claim_nobody_twice_and_lose_nothing(
    db_backend: str, tmp_path: Path
) -> None:
    if db_backend == "postgresql":
        target = Target("postgresql", server=server_url(os.environ[TEST_PG_ENV]))
    else:
        target = Target("sqlite", folder=str(tmp_path))

    result = stress(target, callers=2, seconds=2, contacts=300)

    for run in (result.app, result.baseline):
        assert run.errors == [], run.kind
        assert run.saves > 0, run.kind
        assert {r.index for r in run.reports} == {0, 1}, run.kind
        assert all(r.saves > 0 for r in run.reports), run.kind
        assert run.rows == run.saves, run.kind
        assert run.double_claims == 0, run.kind
        assert run.lost == 0 and run.extra == 0, run.kind
        assert run.conflicts == 0, run.kind
    assert result.ok
    # The app's first caller counted the SQL of its saves (the benchmark prints it).
    assert result.app.statements
