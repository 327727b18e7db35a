"""`ringkvall stats`: a campaign's figures as text, or as JSON for other tools."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import Any

from app.cli.context import CliContext
from app.services.campaigns import get_campaign
from app.services.results import COUNT_KEYS, QUEUE_KEYS, Report, build_report


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("stats", help="a campaign's figures (calls, reached, members, ...)")
    parser.add_argument("--campaign", required=True, metavar="NAME", help="the campaign")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    db = ctx.db()
    with db.session() as session:
        campaign = get_campaign(session, ctx.args.campaign)
        report = build_report(session, campaign.id)
    if ctx.args.json:
        json.dump(report.as_dict(), ctx.out, ensure_ascii=False, indent=2, default=_json_default)
        print(file=ctx.out)
    else:
        print_table(report, ctx)
    return 0


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


def print_table(report: Report, ctx: CliContext) -> None:
    out = ctx.out
    print(f"{report.campaign.name}"
          + (f" ({report.campaign.association})" if report.campaign.association else ""),
          file=out)
    names = [r.label for r in report.groups]
    width = max([len(k) for k in (*COUNT_KEYS, *QUEUE_KEYS)] + [10])
    cols = [*names, "total"]
    cell = max([14, *(len(n) + 2 for n in cols)])
    print(f"{'':<{width}}" + "".join(f"{n:>{cell}}" for n in cols), file=out)
    counts = [r.counts for r in report.groups] + [report.total]
    for key in COUNT_KEYS:
        print(f"{key:<{width}}" + "".join(f"{getattr(c, key):>{cell}}" for c in counts),
              file=out)
    for key in ("reached_rate", "conversation_rate"):
        print(f"{key:<{width}}" + "".join(f"{_pct(getattr(c, key)):>{cell}}" for c in counts),
              file=out)
    print(f"{'recruited_per_100':<{width}}"
          + "".join(f"{_num(c.recruited_per_100):>{cell}}" for c in counts), file=out)
    print(f"{'talk_minutes':<{width}}"
          + "".join(f"{c.talk_seconds / 60:>{cell}.1f}" for c in counts), file=out)
    print(f"{'median_talk_seconds':<{width}}"
          + "".join(f"{_num(c.median_talk_seconds):>{cell}}" for c in counts), file=out)
    print("queue:", file=out)
    for key in QUEUE_KEYS:
        print(f"  {key:<{width - 2}}{getattr(report.queue, key):>{cell}}", file=out)
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report.total.outcomes.items()))
    print(f"outcomes: {outcomes or '-'}", file=out)
    print_questions(report, ctx)


def print_questions(report: Report, ctx: CliContext) -> None:
    """Answers per question: choices per option value, free text only as a number (what
    people said never leaves the database here)."""
    if not report.questions:
        return
    print("questions:", file=ctx.out)
    for q in report.questions:
        parts = [f"{o.value} {o.count}" for o in q.options]
        if q.free_text:
            parts.append(f"free text {q.free_text}")
        if q.mean is not None:
            parts.append(f"mean {q.mean:.2f}")
        print(f"  {q.key}: {', '.join(parts) or '-'}", file=ctx.out)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
