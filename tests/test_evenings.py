"""Calling evenings: planning, sign-ups, tonight's goals, the invitation, and the calendar
file parsed back with the icalendar library."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import func, select

from app.cli.main import main
from app.db.database import Database
from app.db.models_organising import CallingEvening, EveningSignup
from app.errors import UserError
from app.services.calling.evening import begin_evening
from app.services.organising.evenings import (
    EveningGoals,
    EveningInput,
    add_evening,
    get_evening,
    list_evenings,
    sign_up,
    tonights_evening,
    update_evening,
)
from app.services.organising.ics import calendar_text, fold, write_calendar
from app.services.organising.invitation import invitation_text
from tests.calling_helpers import add_group, make_campaign, volunteer_id

STOCKHOLM = ZoneInfo("Europe/Stockholm")
LINK = "https://meet.example.org/ringkvall?room=tensta,norr"
# Midday UTC on the evening's day: the same date in Sweden and on a machine in UTC.
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _campaign(db: Database) -> int:
    with db.transaction() as s:
        campaign = make_campaign(s, "Höstkampanj", group="Norr")
        add_group(s, campaign, "Söder", contacts=2, first_number=20)
        return campaign.id


def _winter(**fields: object) -> EveningInput:
    values: dict[str, object] = dict(
        day=date(2026, 12, 3), starts=time(18, 0), ends=time(20, 30),
        place="Folkets hus, sal 2; ingång B", link=LINK, groups=("Norr", "Söder"),
        goals=EveningGoals(calls=80, conversations=20, recruits=3), notes="Ta med laddare")
    values.update(fields)
    return EveningInput(**values)  # type: ignore[arg-type]


def test_two_volunteers_sign_up_for_one_evening(db: Database) -> None:
    campaign_id = _campaign(db)
    volunteer_id(db, "Kim")
    evening = add_evening(db, campaign_id, _winter())
    sign_up(db, evening.id, "Kim", now=NOW)
    sign_up(db, evening.id, "Ann Öberg", recorded_by="Organisatören",
            now=NOW + timedelta(minutes=5))
    again = sign_up(db, evening.id, "Kim", now=NOW + timedelta(minutes=9))  # changes nothing
    assert again.volunteers == ("Kim", "Ann Öberg")
    assert [s.recorded_by for s in again.signups] == ["", "Organisatören"]
    listed = list_evenings(db, "Höstkampanj")
    assert [e.volunteers for e in listed] == [("Kim", "Ann Öberg")]
    assert listed[0].groups == ("Norr", "Söder")
    assert listed[0].goals == EveningGoals(80, 20, 3)
    with db.session() as s:
        assert s.scalar(select(func.count(EveningSignup.id))) == 2


def test_an_evening_can_be_changed_and_tonight_is_found(db: Database) -> None:
    campaign_id = _campaign(db)
    early = add_evening(db, campaign_id, _winter(starts=time(10, 0), ends=time(11, 0),
                                                 goals=EveningGoals(calls=5)))
    late = add_evening(db, campaign_id, _winter())
    changed = update_evening(db, late.id, _winter(groups=("Söder",), link=""))
    assert (changed.groups, changed.link) == (("Söder",), "")
    # After the morning session has ended, tonight is the evening one.
    after_morning = datetime(2026, 12, 3, 12, 0, tzinfo=STOCKHOLM)
    found = tonights_evening(db, campaign_id, after_morning)
    assert found is not None and found.id == late.id
    assert tonights_evening(db, campaign_id, after_morning + timedelta(days=1)) is None
    assert get_evening(db, early.id).goals.calls == 5


def test_the_calling_screen_gets_tonights_goals(db: Database) -> None:
    campaign_id = _campaign(db)
    add_evening(db, campaign_id, _winter())
    with db.transaction() as s:
        tonight = begin_evening(s, "Höstkampanj", None, "Kim", now=NOW)
        other_day = begin_evening(s, "Höstkampanj", None, "Kim", now=NOW + timedelta(days=2))
    assert tonight.planned_goals == EveningGoals(80, 20, 3)
    assert other_day.planned_goals is None


def test_the_calendar_file_parses_back_with_icalendar(db: Database, tmp_path: Path) -> None:
    campaign_id = _campaign(db)
    winter = add_evening(db, campaign_id, _winter())
    summer = add_evening(db, campaign_id, _winter(day=date(2027, 6, 10), starts=time(17, 30),
                                                  ends=time(19, 0), place=""))
    path = write_calendar(tmp_path / "kvallar.ics", list_evenings(db, campaign_id), now=NOW)
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    by_uid = {str(e["UID"]): e for e in events}
    first, second = by_uid[f"{winter.uid}@ringkvall"], by_uid[f"{summer.uid}@ringkvall"]
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert (start.date(), start.time(), end.time()) == (date(2026, 12, 3), time(18), time(20, 30))
    assert str(start.tzinfo) == "Europe/Stockholm" or start.tzname() == "CET"
    assert start.utcoffset() == timedelta(hours=1)  # winter time
    assert start.astimezone(UTC) == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    summer_start = second.decoded("DTSTART")
    assert summer_start.utcoffset() == timedelta(hours=2)  # summer time
    assert summer_start.astimezone(UTC) == datetime(2027, 6, 10, 15, 30, tzinfo=UTC)
    # The link, whole, with its comma; the place with its comma and semicolon unescaped.
    assert str(first["URL"]) == LINK
    assert str(first["LOCATION"]) == f"Folkets hus, sal 2; ingång B, {LINK}"
    description = str(first["DESCRIPTION"])
    assert LINK in description and "torsdag 3 december" in description
    assert "Ta med laddare" in description and "\n" in description
    assert str(first["SUMMARY"]) == "Ringkväll: Höstkampanj"


def test_english_calendar_and_invitation(db: Database) -> None:
    campaign_id = _campaign(db)
    evening = add_evening(db, campaign_id, _winter())
    text = invitation_text(evening, "en")
    assert "Thursday 3 December, 18:00–20:30" in text and LINK in text
    assert "80 calls, 20 conversations, 3 new members" in text
    sv = invitation_text(evening, "sv")
    assert "torsdag 3 december, kl. 18:00–20:30" in sv and "Vi ringer: Norr, Söder" in sv
    parsed = icalendar.Calendar.from_ical(calendar_text([evening], "en", NOW))
    assert str(next(iter(parsed.walk("VEVENT")))["SUMMARY"]) == "Calling evening: Höstkampanj"


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "åäö" * 60
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert b"".join(p[1:] if i else p for i, p in enumerate(folded)).decode() == line


def test_the_cli_plans_lists_signs_up_and_writes_the_calendar(
        db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _campaign(db)
    volunteer_id(db, "Kim")
    assert main(["--db", db_url, "evening", "add", "--campaign", "Höstkampanj",
                 "--date", "2026-12-03", "--start", "18:00", "--end", "20:30",
                 "--link", LINK, "--place", "Folkets hus", "--group", "Norr",
                 "--goal-calls", "80", "--goal-recruits", "3"]) == 0
    assert "Planned evening" in capsys.readouterr().out
    evening_id = list_evenings(db, "Höstkampanj")[0].id
    assert main(["--db", db_url, "evening", "signup", str(evening_id),
                 "--volunteer", "Kim"]) == 0
    assert main(["--db", db_url, "evening", "signup", str(evening_id),
                 "--volunteer", "Ann", "--new"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "evening", "list", "--campaign", "Höstkampanj",
                 "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["count"] == 1
    only = listed["evenings"][0]
    assert (only["date"], only["start"], only["end"], only["link"]) == (
        "2026-12-03", "18:00", "20:30", LINK)
    assert only["groups"] == ["Norr"] and only["goals"]["calls"] == 80
    assert [s["volunteer"] for s in only["signups"]] == ["Kim", "Ann"]
    out = tmp_path / "kvallar.ics"
    assert main(["--db", db_url, "evening", "ics", "--campaign", "Höstkampanj",
                 "-o", str(out)]) == 0
    event = next(iter(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")))
    assert str(event["URL"]) == LINK
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 3, 17, tzinfo=UTC)
    # An existing file is replaced only with --force.
    capsys.readouterr()
    assert main(["--db", db_url, "evening", "ics", "--campaign", "Höstkampanj",
                 "-o", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["--db", db_url, "evening", "ics", "--campaign", "Höstkampanj",
                 "-o", str(out), "--force"]) == 0


@pytest.mark.parametrize(("argv", "message"), [
    (["add", "--date", "2026-12-33"], "'2026-12-33' is not a date like 2026-12-03"),
    (["add", "--date", "3/12"], "'3/12' is not a date"),
    (["add", "--start", "18.00"], "'18.00' is not a time like 18:30"),
    (["add", "--end", "17:30"], "The evening ends (17:30) before it starts (18:00)"),
    (["add", "--end", "18:00"], "ends (18:00) before it starts"),
    (["add", "--link", "javascript:alert(1)"], "is not a web address"),
    (["add", "--link", "ftp://example.org/x"], "is not a web address"),
    (["add", "--campaign", "Vårkampanj"], "No campaign named 'Vårkampanj'"),
    (["add", "--group", "Väster"], "has no target group named 'Väster'"),
    (["add", "--goal-calls", "-4"], "A goal for the evening must be a number"),
    (["signup", "999", "--volunteer", "Kim"], "There is no calling evening with id 999"),
    (["signup", "EVENING", "--volunteer", "Okänd"], "There is no volunteer named 'Okänd'"),
    (["list", "--campaign", "Vårkampanj"], "No campaign named 'Vårkampanj'"),
])
def test_bad_input_is_one_line_and_changes_nothing(
        db: Database, db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str],
        message: str) -> None:
    campaign_id = _campaign(db)
    volunteer_id(db, "Kim")
    existing = add_evening(db, campaign_id, _winter())
    defaults = {"--campaign": "Höstkampanj", "--date": "2026-12-04", "--start": "18:00",
                "--end": "20:00"}
    action, *rest = argv
    args = [a if a != "EVENING" else str(existing.id) for a in rest]
    if action == "add":
        for key, value in defaults.items():
            if key not in args:
                args += [key, value]
    capsys.readouterr()
    code = main(["--db", db_url, "evening", action, *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1, err
    with db.session() as s:
        assert s.scalar(select(func.count(CallingEvening.id))) == 1
        assert s.scalar(select(func.count(EveningSignup.id))) == 0


def test_the_services_refuse_bad_values(db: Database) -> None:
    campaign_id = _campaign(db)
    with pytest.raises(UserError, match="before it starts"):
        add_evening(db, campaign_id, _winter(starts=time(20), ends=time(19)))
    with pytest.raises(UserError, match="too long"):
        add_evening(db, campaign_id, _winter(place="x" * 400))
    with pytest.raises(UserError, match="no target group"):
        add_evening(db, campaign_id, _winter(groups=("Norr", "Väster")))
    assert list_evenings(db, campaign_id) == []
