"""`ringkvall evening`: plan calling evenings, sign volunteers up, write the calendar file."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("evening", help="planned calling evenings and sign-ups")
    actions = parser.add_subparsers(dest="evening_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="plan an evening")
    add.add_argument("--campaign", required=True, metavar="NAME")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--start", required=True, metavar="HH:MM", help="local time in Sweden")
    add.add_argument("--end", required=True, metavar="HH:MM")
    add.add_argument("--link", default="", metavar="URL", help="the video meeting's address")
    add.add_argument("--place", default="", metavar="TEXT", help="where the team meets")
    add.add_argument("--group", action="append", default=[], metavar="NAME",
                     help="a target group to call (again for several)")
    add.add_argument("--notes", default="", metavar="TEXT", help="a word for the invitation")
    for goal in ("calls", "conversations", "recruits"):
        add.add_argument(f"--goal-{goal}", type=int, metavar="N",
                         help=f"the evening's goal for {goal}")
    add.add_argument("--json", action="store_true", help="print the evening as JSON")
    add.set_defaults(handler=run_add)
    lst = actions.add_parser("list", help="the campaign's evenings and who signed up")
    lst.add_argument("--campaign", required=True, metavar="NAME")
    lst.add_argument("--json", action="store_true", help="print one JSON object")
    lst.set_defaults(handler=run_list)
    signup = actions.add_parser("signup", help="sign a volunteer up for an evening")
    signup.add_argument("id", type=int, metavar="ID", help="the evening's id (see list)")
    signup.add_argument("--volunteer", required=True, metavar="NAME")
    signup.add_argument("--new", action="store_true",
                        help="register the name as a new volunteer if it is not known")
    signup.set_defaults(handler=run_signup)
    ics = actions.add_parser("ics", help="write the evenings as a calendar file")
    ics.add_argument("--campaign", required=True, metavar="NAME")
    ics.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    ics.add_argument("--language", choices=("sv", "en"), default="sv")
    ics.add_argument("--force", action="store_true", help="replace an existing file")
    ics.set_defaults(handler=run_ics)
    text = actions.add_parser("invitation", help="print an evening's invitation text")
    text.add_argument("id", type=int, metavar="ID")
    text.add_argument("--language", choices=("sv", "en"), default="sv")
    text.set_defaults(handler=run_invitation)


def _as_dict(evening: Any) -> dict[str, Any]:
    return {
        "id": evening.id, "campaign": evening.campaign, "date": evening.day.isoformat(),
        "start": evening.starts.strftime("%H:%M"), "end": evening.ends.strftime("%H:%M"),
        "place": evening.place, "link": evening.link, "notes": evening.notes,
        "groups": list(evening.groups),
        "goals": {"calls": evening.goals.calls, "conversations": evening.goals.conversations,
                  "recruits": evening.goals.recruits},
        "signups": [{"volunteer": s.volunteer, "signed_up_at": s.signed_up_at.isoformat(),
                     "recorded_by": s.recorded_by} for s in evening.signups],
    }


def _line(evening: Any) -> str:
    where = " ".join(p for p in (evening.place, evening.link) if p)
    signed = ", ".join(evening.volunteers) or "nobody yet"
    return (f"{evening.id}  {evening.day.isoformat()} {evening.starts:%H:%M}-{evening.ends:%H:%M}"
            f"{'  ' + where if where else ''}  signed up: {signed}")


def run_add(ctx: CliContext) -> int:
    from app.services.organising.evenings import (
        EveningGoals,
        EveningInput,
        add_evening,
        parse_clock,
        parse_day,
    )

    a = ctx.args
    data = EveningInput(
        day=parse_day(a.date), starts=parse_clock(a.start), ends=parse_clock(a.end),
        place=a.place, link=a.link, notes=a.notes, groups=tuple(a.group),
        goals=EveningGoals(a.goal_calls, a.goal_conversations, a.goal_recruits))
    evening = add_evening(ctx.db(), a.campaign, data)
    if a.json:
        print(json.dumps(_as_dict(evening), ensure_ascii=False), file=ctx.out)
    else:
        print(f"Planned evening {evening.id}: {evening.day.isoformat()} "
              f"{evening.starts:%H:%M}-{evening.ends:%H:%M} for '{evening.campaign}'",
              file=ctx.out)
    return 0


def run_list(ctx: CliContext) -> int:
    from app.services.organising.evenings import list_evenings

    evenings = list_evenings(ctx.db(), ctx.args.campaign)
    if ctx.args.json:
        print(json.dumps({"campaign": ctx.args.campaign, "count": len(evenings),
                          "evenings": [_as_dict(e) for e in evenings]}, ensure_ascii=False),
              file=ctx.out)
        return 0
    if not evenings:
        print(f"No evenings planned for '{ctx.args.campaign}'", file=ctx.out)
    for evening in evenings:
        print(_line(evening), file=ctx.out)
    return 0


def run_signup(ctx: CliContext) -> int:
    from app.services.organising.evenings import sign_up
    from app.settings import VOLUNTEER_NAME, Settings

    evening = sign_up(ctx.db(), ctx.args.id, ctx.args.volunteer, create=ctx.args.new,
                      recorded_by=str(Settings().get(VOLUNTEER_NAME) or "organiser"))
    print(f"Signed up for evening {evening.id}: {', '.join(evening.volunteers)}", file=ctx.out)
    return 0


def run_ics(ctx: CliContext) -> int:
    from app.cli.cmd_export import database_location
    from app.services.organising.evenings import list_evenings
    from app.services.organising.ics import write_calendar
    from app.services.output_paths import check_output, display_path

    target = check_output(ctx.args.output, database=database_location(ctx),
                          force=ctx.args.force)
    evenings = list_evenings(ctx.db(), ctx.args.campaign)
    path = write_calendar(target, evenings, language=ctx.args.language, force=ctx.args.force)
    print(f"Wrote {len(evenings)} evening(s) to {display_path(path)}", file=ctx.out)
    return 0


def run_invitation(ctx: CliContext) -> int:
    from app.services.organising.evenings import get_evening
    from app.services.organising.invitation import invitation_text

    print(invitation_text(get_evening(ctx.db(), ctx.args.id), ctx.args.language), file=ctx.out)
    return 0
