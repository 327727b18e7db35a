"""`ringkvall purge`: delete the personal data of campaigns whose retention date has come
(or of one campaign earlier, with --yes); the figures and the do-not-call list stay."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext
from app.errors import UserError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "purge", help="delete the personal data of campaigns past their retention date "
                      "(figures and the do-not-call list stay)")
    parser.add_argument("--campaign", metavar="NAME",
                        help="only this campaign (before its date only with --yes)")
    parser.add_argument("--dry-run", action="store_true",
                        help="show what would be deleted, delete nothing")
    parser.add_argument("--yes", action="store_true",
                        help="confirm deleting a campaign's data before its date")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(ctx: CliContext) -> int:
    from app.services.campaigns import get_campaign
    from app.services.privacy.purge import PurgeResult, purge_campaign, purge_due
    from app.services.privacy.retention import campaign_retention

    db = ctx.db()
    args = ctx.args
    results: list[PurgeResult]
    if args.campaign:
        with db.session() as session:
            campaign_id = get_campaign(session, args.campaign).id
        retention = campaign_retention(db, campaign_id)
        assert retention is not None
        early = not retention.due and retention.purged_at is None
        if early and not args.yes and not args.dry_run:
            until = (f"keeps its personal data until {retention.delete_after.isoformat()}"
                     if retention.delete_after else "has no date for deleting its personal data")
            raise UserError("Campaign '{name}' {until}; add --yes to delete it now",
                            name=retention.name, until=until)
        results = [purge_campaign(db, campaign_id, confirmed_early=args.yes,
                                  dry_run=args.dry_run, actor=_actor())]
    else:
        results = purge_due(db, dry_run=args.dry_run, actor=_actor())
    if args.json:
        print(json.dumps({"dry_run": bool(args.dry_run),
                          "campaigns": [r.as_dict() for r in results]}, ensure_ascii=False),
              file=ctx.out)
        return 0
    if not results:
        print("No campaign's personal data is due for deletion", file=ctx.out)
    for r in results:
        verb = "would delete" if r.dry_run else "deleted"
        print(f"{r.campaign}: {verb} the personal data of {r.rows.contacts} people "
              f"({r.rows.numbers} numbers; the notes of {r.rows.calls} calls; "
              f"{r.rows.answers} answers made counts; {r.rows.recruits} member forms; "
              f"{r.rejected_rows} rejected rows); the figures stay", file=ctx.out)
        if r.file is not None and r.file.backups_removed:
            print(f"  {r.file.backups_removed} older backup(s) of the database deleted",
                  file=ctx.out)
        if r.file is not None and not (r.file.vacuumed and r.file.checkpointed):
            print(f"ringkvall: warning: another program has the database open, so deleted "
                  f"data may stay in the file's free space; close it and run `ringkvall "
                  f"purge --campaign \"{r.campaign}\"` again", file=ctx.err)
    return 0


def _actor() -> str:
    """The name this computer's Ringkväll knows its user by (the audit trail adds the
    computer's own user name)."""
    from app.settings import VOLUNTEER_NAME, Settings

    return str(Settings().get(VOLUNTEER_NAME))
