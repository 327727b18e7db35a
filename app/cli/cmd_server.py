"""`ringkvall server`: a shared PostgreSQL server for the team (roles, logins, upload).

`setup` is run by the organiser with the database owner's login, once and again after each
upgrade; `add-volunteer` prints a login's one-time password and the address to hand over.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
from typing import Any

from app.cli.context import CliContext
from app.db.database import Database, resolve_location
from app.errors import UserError
from app.services.server.roles import NEEDS_SERVER, Kind, NewLogin, add_login, setup_server

UPLOAD_MODULE = "app.cli.cmd_server_upload"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "server", help="a shared PostgreSQL server: roles, logins for volunteers, upload")
    actions = parser.add_subparsers(dest="server_action", metavar="ACTION", required=True)
    setup = actions.add_parser(
        "setup", help="create or update the schema and the organiser and volunteer roles "
                      "(run with the database owner's login, again after each upgrade)")
    setup.add_argument("--json", action="store_true", help="print JSON")
    setup.set_defaults(handler=run_setup)
    for kind, what in (("volunteer", "a volunteer's login: calling only"),
                       ("organiser", "an organiser's login: everything")):
        login = actions.add_parser(f"add-{kind}", help=f"create {what}; prints its one-time "
                                                       "password and connection address")
        login.add_argument("name", metavar="NAME", help="the person's name")
        login.add_argument("--host", metavar="HOST",
                           help="the server's address as the person reaches it "
                                "(default: the host in --db)")
        login.add_argument("--reset", action="store_true",
                           help="give an existing login a new password")
        login.add_argument("--json", action="store_true", help="print JSON")
        login.set_defaults(handler=run_add_login, login_kind=kind)
    # `server upload` comes from its own module, once it exists.
    if importlib.util.find_spec(UPLOAD_MODULE) is not None:
        importlib.import_module(UPLOAD_MODULE).register_upload(actions)


def _server(ctx: CliContext) -> Database:
    """The server's database, opened (and migrated) only once it is known to be a server:
    `server setup --db file.sqlite` must not create the file."""
    location = resolve_location(ctx.args.db)
    if location.url.get_backend_name() != "postgresql":
        raise UserError(NEEDS_SERVER, db=location.display())
    return ctx.db()


def run_setup(ctx: CliContext) -> int:
    result = setup_server(_server(ctx))
    if ctx.args.json:
        json.dump({"database": result.database, "organiser_role": result.organiser,
                   "volunteer_role": result.volunteer, "created": list(result.created),
                   "tables": result.tables}, ctx.out, indent=2)
        print(file=ctx.out)
        return 0
    state = "created" if result.created else "updated"
    print(f"Server roles {state} for database {result.database}:", file=ctx.out)
    print(f"  organisers: {result.organiser} (everything)", file=ctx.out)
    print(f"  volunteers: {result.volunteer} (calling only)", file=ctx.out)
    print("Add logins with 'ringkvall server add-volunteer NAME' "
          "(or add-organiser).", file=ctx.out)
    return 0


def run_add_login(ctx: CliContext) -> int:
    kind: Kind = "organiser" if ctx.args.login_kind == "organiser" else "volunteer"
    login = add_login(_server(ctx), ctx.args.name, kind, host=ctx.args.host, reset=ctx.args.reset)
    if ctx.args.json:
        json.dump(_as_dict(login), ctx.out, indent=2)
        print(file=ctx.out)
        return 0
    print(f"{'New password for' if login.reset else 'Login'} {login.user} "
          f"({login.group})", file=ctx.out)
    print(f"  password: {login.password}", file=ctx.out)
    print(f"  connect:  {login.url}", file=ctx.out)
    print("The password is shown only now and stored nowhere: hand it over privately.",
          file=ctx.out)
    return 0


def _as_dict(login: NewLogin) -> dict[str, object]:
    return {"user": login.user, "password": login.password, "group": login.group,
            "url": login.url, "reset": login.reset}
