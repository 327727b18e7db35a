"""`ringkvall pack local` and `pack delete`: the packs a volunteer's laptop keeps, and their
end (app/services/packs/on_laptop.py)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext
from app.errors import QT_TRANSLATE_NOOP, UserError


def register(actions: argparse._SubParsersAction[Any]) -> None:
    local = actions.add_parser("local", help="the packs opened on this computer")
    local.add_argument("--json", action="store_true", help="print one JSON object")
    local.set_defaults(handler=run_local)
    delete = actions.add_parser("delete", help="delete this computer's copy of a pack")
    delete.add_argument("pack_id", metavar="ID")
    delete.add_argument("--force", action="store_true",
                        help="also when calls in it were never returned")
    delete.set_defaults(handler=run_delete)


def run_local(ctx: CliContext) -> int:
    from app.clock import utcnow
    from app.services.packs.on_laptop import laptop_packs

    now = utcnow()
    packs = laptop_packs()
    if ctx.args.json:
        print(json.dumps({"packs": [{
            "pack_id": p.pack_id, "campaign": p.campaign, "volunteer": p.volunteer,
            "expires_at": p.expires_at.isoformat() if p.expires_at else None,
            "calls": p.calls, "unreturned": p.unreturned, "due": p.due(now)}
            for p in packs]}, ensure_ascii=False), file=ctx.out)
        return 0
    for p in packs:
        expires = f"{p.expires_at:%Y-%m-%d}" if p.expires_at else "-"
        due = "\tdue for deletion" if p.due(now) else ""
        print(f"{p.pack_id}\t{p.campaign}\t{p.volunteer}\texpires {expires}\t{p.calls} calls, "
              f"{p.unreturned} not returned{due}", file=ctx.out)
    print(f"{len(packs)} pack(s) on this computer", file=ctx.out)
    return 0


def run_delete(ctx: CliContext) -> int:
    from app.services.packs.on_laptop import delete_laptop_pack, laptop_packs

    pack_id = ctx.args.pack_id
    found = next((p for p in laptop_packs() if p.pack_id == pack_id), None)
    if found is not None and found.unreturned and not ctx.args.force:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "Pack {id} holds {count} call(s) never returned to the organiser: return "
            "it first ('ringkvall pack return'), or delete it anyway with --force"),
            id=pack_id, count=found.unreturned)
    delete_laptop_pack(pack_id)
    print(f"Pack {pack_id} deleted from this computer", file=ctx.out)
    return 0
