"""The pack-merge benchmark's machinery at a small size: a genuine pack made, opened, called,
returned and merged, and the baseline's rows, all counted. No timings."""

from __future__ import annotations

from pathlib import Path

from bench.bench_pack_merge import outcome_of, pack_merge

SIZE = 300


def test_the_merge_and_its_baseline_store_every_row(tmp_path: Path) -> None:
    result = pack_merge(tmp_path, SIZE)

    outcomes = [outcome_of(i) for i in range(SIZE)]
    talked = sum(o in ("conversation", "recruited") for o in outcomes)
    assert "do_not_call" in outcomes  # the run covers every kind of row
    assert result.people == SIZE
    assert result.calls == SIZE
    assert result.answers == 2 * talked
    assert result.recruits == outcomes.count("recruited")
    assert result.follow_ups == outcomes.count("conversation")
    assert result.do_not_calls == outcomes.count("do_not_call")
    # Those still to reach stay in the open pack, for the laptop to call again.
    assert result.packed_after == sum(
        o in ("no_answer", "busy", "voicemail", "callback") for o in outcomes)
    # The baseline inserts the same rows the merge does.
    assert result.baseline_rows == {"call": SIZE, "call_in_pack": SIZE, "answer": 2 * talked,
                                    "recruit": result.recruits,
                                    "follow_up": result.follow_ups}
    assert result.repeated  # the same file merged again changed nothing
    assert result.merge_seconds > 0 and result.baseline_seconds > 0
