"""`ringkvall inbox`: what was promised or must be passed on after the calls; mark items done."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext

_KIND_WORDS = {"follow_up": "follow-up", "callback": "callback", "wrong_number": "wrong number",
               "new_member": "new member", "flagged": "flagged"}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("inbox", help="follow-ups, callbacks, wrong numbers, new members "
                                          "and flagged calls to act on")
    parser.add_argument("--campaign", metavar="NAME", help="one campaign (default: all)")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--open", dest="state", action="store_const", const="open",
                       help="only what is still to do")
    state.add_argument("--done", dest="state", action="store_const", const="done",
                       help="only what is done")
    parser.add_argument("--kind", choices=tuple(_KIND_WORDS), help="only one kind")
    parser.add_argument("--owner", metavar="NAME", help="only items this person owns")
    parser.add_argument("--overdue", action="store_true", help="only overdue items")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_list, state="all")
    actions = parser.add_subparsers(dest="inbox_action", metavar="ACTION")
    done = actions.add_parser("done", help="mark an item done (klar)")
    done.add_argument("id", metavar="ID", help="the item's id, e.g. f12 (see the list)")
    done.add_argument("--undo", action="store_true", help="open it again")
    done.set_defaults(handler=run_done)


def _as_dict(e: Any) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {"id": e.id, "kind": e.kind, "campaign": e.campaign, "person": e.person,
            "number": e.number, "group": e.group, "what": e.what, "caller": e.caller,
            "at": iso(e.at), "owner": e.owner, "due_at": iso(e.due_at),
            "done_at": iso(e.done_at), "done_by": e.done_by, "overdue": e.overdue}


def run_list(ctx: CliContext) -> int:
    from app.services.organising.inbox import InboxFilter, inbox

    a = ctx.args
    entries = inbox(ctx.db(), InboxFilter(campaign=a.campaign, kind=a.kind, state=a.state,
                                          owner=a.owner, overdue_only=a.overdue))
    if a.json:
        print(json.dumps({"count": len(entries), "items": [_as_dict(e) for e in entries]},
                         ensure_ascii=False), file=ctx.out)
        return 0
    if not entries:
        print("The inbox is empty", file=ctx.out)
    for e in entries:
        mark = "done" if e.done else ("OVERDUE" if e.overdue else "open")
        due = f" due {e.due_at.astimezone():%Y-%m-%d %H:%M}" if e.due_at else ""
        owner = f" owner {e.owner}" if e.owner else ""
        what = f": {e.what}" if e.what else ""
        print(f"{e.id:<7} {mark:<8} {_KIND_WORDS[e.kind]:<13} {e.person} {e.number}"
              f"{what}{owner}{due}", file=ctx.out)
    return 0


def run_done(ctx: CliContext) -> int:
    from app.services.organising.inbox import mark_done
    from app.settings import VOLUNTEER_NAME, Settings

    entry = mark_done(ctx.db(), ctx.args.id, done=not ctx.args.undo,
                      by=str(Settings().get(VOLUNTEER_NAME) or ""))
    print(f"{entry.id} is {'done' if entry.done else 'open again'}", file=ctx.out)
    return 0
