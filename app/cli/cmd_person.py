"""`ringkvall person`: one person's data on request (GDPR): `erase` (art. 17) here, `export`
(art. 15) in app/cli/cmd_person_export.py. Another subcommand of the group goes in a module
of its own with an `add_<name>(actions)` function, called from `register` below."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext
from app.settings import PHONE_REGION, Settings


def register(sub: argparse._SubParsersAction[Any]) -> None:
    from app.cli.cmd_person_export import add_export

    parser = sub.add_parser("person", help="one person's data: export it or erase it")
    actions = parser.add_subparsers(dest="person_action", metavar="ACTION", required=True)
    add_erase(actions)
    add_export(actions)


def add_erase(actions: argparse._SubParsersAction[Any]) -> None:
    erase = actions.add_parser(
        "erase", help="delete one person in every campaign (the figures stay as counts)")
    erase.add_argument("person", metavar="NUMBER-or-ID",
                       help="one of the person's phone numbers, or their id")
    dnc = erase.add_mutually_exclusive_group()
    dnc.add_argument("--keep-dnc", dest="keep_dnc", action="store_true", default=True,
                     help="keep (or put) their numbers on the do-not-call list (default)")
    dnc.add_argument("--no-dnc", dest="keep_dnc", action="store_false",
                     help="take their numbers off the do-not-call list too")
    erase.add_argument("--region", help="default phone region (default: the setting, SE)")
    erase.add_argument("--json", action="store_true", help="print one JSON object")
    erase.set_defaults(handler=run_erase)


def run_erase(ctx: CliContext) -> int:
    from app.services.importing.numbers import check_region
    from app.services.privacy.erase import erase_person

    region = check_region(str(ctx.args.region or Settings().get(PHONE_REGION)))
    result = erase_person(ctx.db(), ctx.args.person, keep_dnc=ctx.args.keep_dnc,
                          region=region, actor=_actor())
    if not (result.file.vacuumed and result.file.checkpointed):
        print("ringkvall: warning: another program has the database open, so the deleted "
              "data may stay in the file's free space until the next purge or erasure made "
              "while it is closed", file=ctx.err)
    if ctx.args.json:
        print(json.dumps(result.as_dict()), file=ctx.out)
        return 0
    dnc = ("their numbers are on the do-not-call list" if result.do_not_call == "kept"
           else "their numbers are not kept, not even on the do-not-call list")
    print(f"Erased in {result.campaigns} campaign(s): {result.contacts} person row(s), "
          f"the notes of {result.rows.calls} calls, {result.rows.answers} answers made counts; "
          f"{dnc}", file=ctx.out)
    return 0


def _actor() -> str:
    """The name this computer's Ringkväll knows its user by (the audit trail adds the
    computer's own user name)."""
    from app.settings import VOLUNTEER_NAME, Settings

    return str(Settings().get(VOLUNTEER_NAME))
