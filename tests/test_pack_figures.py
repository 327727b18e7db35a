"""Where calls came from (issue 13): figures per calling pack, the packed people's own place
in the queue, the dashboard's pack table and the export's pack sheet."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.cli.main import main
from app.db.database import Database
from app.db.models import Contact, PhoneNumber
from app.services.packs.create import create_pack
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.manage import list_packs, revoke_pack
from app.services.packs.merge import merge_results
from app.services.results import QueueState, build_report
from app.services.results.calls import Pseudonyms
from app.services.results.labels import Labels
from app.services.results.pack_figures import PackFigures, pack_figures
from app.services.results.pack_sheet import pack_sheet_name, write_pack_sheet
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import SheetWriter
from tests.calling_helpers import make_campaign
from tests.packs_helpers import CODE, NOW, call_on_laptop, laptop
from ui.context import UiContext
from ui.results.dashboard import DashboardPage

CAMPAIGN = "Höstkampanj"


@dataclass(frozen=True)
class Evening:
    campaign_id: int
    packs: dict[str, str]  # volunteer -> pack id


def _make(db: Database, tmp_path: Path, volunteer: str, size: int) -> Path:
    out = tmp_path / f"{volunteer}.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer=volunteer, size=size, out=out, code=CODE,
                expires_at=NOW + timedelta(days=7), now=NOW)
    return out


def _call_and_return(tmp_path: Path, pack: Path, campaign_id: int, volunteer: str,
                     outcomes: list[str]) -> Path:
    with laptop(tmp_path / volunteer):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, volunteer, outcomes)
        return return_pack(pack, CODE, tmp_path / f"{volunteer}-back.ringkvall").path


def _evening(db: Database, tmp_path: Path) -> Evening:
    """Ten people: Ann's pack of 3 called and merged, Bo's pack of 3 two-thirds called and
    merged, Cid's pack of 2 revoked and its late return merged, Dan's pack of 1 still out,
    one person in no pack."""
    with db.transaction() as s:
        campaign_id = make_campaign(s, CAMPAIGN, contacts=10).id
    packs = {name: _make(db, tmp_path, name, size)
             for name, size in (("Ann", 3), ("Bo", 3), ("Cid", 2), ("Dan", 1))}
    ann = _call_and_return(tmp_path, packs["Ann"], campaign_id, "Ann",
                           ["conversation", "recruited", "do_not_call"])
    bo = _call_and_return(tmp_path, packs["Bo"], campaign_id, "Bo", ["no_answer", "callback"])
    cid = _call_and_return(tmp_path, packs["Cid"], campaign_id, "Cid", ["refused"])
    ids = {p.volunteer: p.pack_id for p in list_packs(db, CAMPAIGN, now=NOW)}
    assert revoke_pack(db, ids["Cid"], now=NOW) == 2
    for back in (ann, bo, cid):
        merge_results(db, back, CODE, now=NOW)
    return Evening(campaign_id, ids)


def test_figures_per_pack(db: Database, tmp_path: Path) -> None:
    evening = _evening(db, tmp_path)
    with db.session() as s:
        found = {p.volunteer: p for p in pack_figures(s, evening.campaign_id)}
        # Another campaign's packs are not this one's.
        assert pack_figures(s, evening.campaign_id + 1000) == []
    assert list(found) == ["Ann", "Bo", "Cid", "Dan"]  # in the order they were made
    assert {v: p.pack_id for v, p in found.items()} == evening.packs
    assert found["Ann"] == PackFigures(
        evening.packs["Ann"], "Ann", people=3, called=3, calls=3, conversations=2, recruits=1,
        follow_ups=1, do_not_call=1, flagged=0, returned_at=NOW,
        volunteer_id=found["Ann"].volunteer_id)
    assert found["Ann"].volunteer_id is not None
    bo = found["Bo"]
    assert (bo.people, bo.called, bo.calls, bo.conversations, bo.recruits, bo.follow_ups,
            bo.do_not_call, bo.flagged) == (3, 2, 2, 0, 0, 0, 0, 0)
    cid = found["Cid"]  # revoked: its late call is stored and to be reviewed
    assert (cid.people, cid.called, cid.calls, cid.flagged) == (2, 1, 1, 1)
    assert cid.returned_at == NOW
    dan = found["Dan"]  # never returned
    assert (dan.people, dan.calls, dan.returned_at, dan.volunteer_id) == (1, 0, None, None)
    assert dan.short_id == dan.pack_id[:8]


def test_people_in_an_open_pack_are_their_own_queue_key(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    evening = _evening(db, tmp_path)
    with db.session() as s:
        report = build_report(s, evening.campaign_id)
    # Bo's three (two called, still to reach; one not called yet) and Dan's one are out on
    # laptops: nobody can call them here, so they are not "callable now".
    assert report.queue.packed == 4
    assert report.queue.callable_now == 2  # Cid's uncalled person (revoked) and the last one
    assert (report.queue.done, report.queue.do_not_call) == (3, 1)
    assert sum(report.queue.as_dict().values()) == 10
    assert report.groups[0].queue is not None and report.groups[0].queue.packed == 4

    capsys.readouterr()
    assert main(["stats", "--campaign", CAMPAIGN, "--json", "--db", db_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["queue"]["packed"] == 4 and data["queue"]["callable_now"] == 2
    assert data["groups"]["Norr"]["queue"]["packed"] == 4


def _sheet(tmp_path: Path, packs: list[PackFigures], privacy: Privacy,
           language: str = "sv") -> list[tuple[object, ...]]:
    labels = Labels(language)
    wb = Workbook(write_only=True)
    writer = SheetWriter(wb.create_sheet(pack_sheet_name(language)), fit=True)
    alias = Pseudonyms(labels["volunteer_pseudonym"])
    assert write_pack_sheet(writer, packs, labels, privacy, alias) == len(packs)
    path = tmp_path / f"packs-{privacy.value}-{language}.xlsx"
    wb.save(path)
    sheet = load_workbook(path)[pack_sheet_name(language)]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_export_sheet_per_pack(db: Database, tmp_path: Path) -> None:
    evening = _evening(db, tmp_path)
    with db.session() as s:
        packs = pack_figures(s, evening.campaign_id)
        people = [f"{c.first_name} {c.last_name}" for c in s.scalars(select(Contact))]
        numbers = list(s.scalars(select(PhoneNumber.e164)))
    rows = _sheet(tmp_path, packs, Privacy.DISTRICT)
    assert rows[0][:4] == ("Paket", "Ringare", "Personer i paketet", "Ringda personer")
    assert len(rows) == 5
    by_id = {row[0]: row for row in rows[1:]}
    ann = by_id[evening.packs["Ann"][:8]]
    assert ann[2:10] == (3, 3, 3, 2, 1, 1, 1, 0)
    assert ann[10] is not None  # returned: a real date
    assert by_id[evening.packs["Cid"][:8]][9] == 1  # to review
    assert by_id[evening.packs["Dan"][:8]][10] is None
    # Below full: pseudonyms, never the volunteers' names; and never anyone called.
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert ann[1] == "Ringare 1"
    for secret in ("Ann", "Bo", "Cid", "Dan", *people, *numbers, *(n[3:] for n in numbers)):
        assert secret not in text, secret
    # The association's own full file names its volunteers.
    full = _sheet(tmp_path, packs, Privacy.FULL, "en")
    assert full[0][0] == "Pack" and [row[1] for row in full[1:]] == ["Ann", "Bo", "Cid", "Dan"]


def test_the_dashboard_shows_packs_only_when_there_are_some(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path,
) -> None:
    evening = _evening(ui_ctx.db, tmp_path)
    page = DashboardPage(ui_ctx, evening.campaign_id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    index = page.tabs.indexOf(page.packs_table)
    assert page.tabs.isTabVisible(index)
    model = page.packs_table.figures
    assert model.rowCount() == 4 and model.columnCount() == 11
    ann = next(r for r in range(4) if model.item(r, 1).text() == "Ann")
    assert [model.item(ann, c).text() for c in range(2, 10)] == \
        ["3", "3", "3", "2", "1", "1", "1", "0"]
    # The queue table has its own row for people out in packs, and they are not callable.
    queue = page.queue_table.figures
    total = queue.columnCount() - 1
    keys = list(QueueState().as_dict())
    assert queue.rowCount() == len(keys)
    assert queue.item(keys.index("packed"), total).text() == "4"
    assert queue.item(keys.index("callable_now"), total).text() == "2"
    # The volunteers' own table, as before, by who made the calls.
    volunteers = page.volunteers_table.figures
    assert {volunteers.item(r, 0).text() for r in range(volunteers.rowCount())} == \
        {"Ann", "Bo", "Cid"}

    with ui_ctx.db.transaction() as s:
        other = make_campaign(s, "Vårkampanj", contacts=1, first_number=20).id
    plain = DashboardPage(ui_ctx, other)
    qtbot.addWidget(plain)
    plain.show()
    qtbot.waitUntil(lambda: plain.report is not None, timeout=10_000)
    assert not plain.tabs.isTabVisible(plain.tabs.indexOf(plain.packs_table))
    assert plain.packs_table.figures.rowCount() == 0
