"""`ringkvall server upload FILE --db URL`: move the campaigns of a Ringkväll SQLite file to
the association's PostgreSQL server, all or nothing (app/services/server/upload.py)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.context import CliContext
from app.errors import QT_TRANSLATE_NOOP, UserError

# The rows worth naming on the command line, in this order; the JSON has them all.
SHOWN = (
    ("campaign", "campaigns"), ("target_group", "target groups"), ("contact", "people"),
    ("phone_number", "numbers"), ("call", "calls"), ("answer", "answers"),
    ("recruit", "new members"), ("follow_up", "follow-ups"), ("script", "script versions"),
    ("import_run", "imports"),
)


def register_upload(server_actions: argparse._SubParsersAction[Any]) -> None:
    parser = server_actions.add_parser(
        "upload", help="move the campaigns of a Ringkväll file to the server (all or nothing)",
        description="Copy the campaigns of a Ringkväll SQLite file (every campaign except the "
        "practice campaign, or only --campaign) to the PostgreSQL server named by --db, in "
        "one transaction: on any error nothing is uploaded. A campaign the server already has "
        "is refused. The file itself is never changed.",
    )
    parser.add_argument("file", metavar="FILE", help="the Ringkväll file (.sqlite)")
    parser.add_argument("--campaign", metavar="NAME", help="upload only this campaign")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_upload)


def run_upload(ctx: CliContext) -> int:
    from app.db.database import resolve_location
    from app.services.server.upload import check_source_file, upload_database

    location = resolve_location(ctx.args.db)
    # Checked before anything is opened: a file path given as --db would otherwise be created.
    if location.url.get_backend_name() != "postgresql":
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "--db must name the association's PostgreSQL server "
            "(postgresql://USER@HOST/DATABASE), not {db}"), db=location.display())
    source = Path(ctx.args.file).expanduser()
    check_source_file(source)
    db = ctx.db()
    result = upload_database(source, db, campaign=ctx.args.campaign)
    if ctx.args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False), file=ctx.out)
        return 0
    print(f"Uploaded to {db.location.display()}: {', '.join(result.campaigns)}", file=ctx.out)
    for table, label in SHOWN:
        print(f"  {label + ':':<17}{result.rows.get(table, 0)}", file=ctx.out)
    volunteers = result.rows.get("volunteer", 0)
    print(f"  {'volunteers:':<17}{volunteers} new, {result.volunteers_matched} already on "
          "the server", file=ctx.out)
    print(f"  {'do-not-call:':<17}{result.rows.get('do_not_call', 0)} new, "
          f"{result.dnc_already} already on the server", file=ctx.out)
    if result.left_queue:
        print(f"{result.left_queue} person(s) left the queue: their number is on the "
              "do-not-call list.", file=ctx.out)
    return 0
