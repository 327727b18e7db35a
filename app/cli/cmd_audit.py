"""`ringkvall audit`: the audit trail (who did what, when), newest first."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("audit", help="the audit trail: imports, exports, erasures and "
                                          "other actions on personal data")
    parser.add_argument("--campaign", metavar="NAME", help="only this campaign's entries")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_audit)


def run_audit(ctx: CliContext) -> int:
    from app.services.privacy.audit_log import audit_entries

    entries = audit_entries(ctx.db(), ctx.args.campaign)
    if ctx.args.json:
        print(json.dumps({"count": len(entries), "entries": [e.as_dict() for e in entries]},
                         ensure_ascii=False), file=ctx.out)
        return 0
    for e in entries:
        who = " / ".join(x for x in (e.actor, e.os_user) if x) or "-"
        print(f"{e.at.astimezone():%Y-%m-%d %H:%M}\t{e.action}\t{who}\t{e.campaign or '-'}\t"
              f"{e.summary()}", file=ctx.out)
    print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}", file=ctx.out)
    return 0
