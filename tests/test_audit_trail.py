"""The audit trail: every action on personal data writes exactly one entry (when, who, what),
and no entry holds a name or a number of the people called."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.cli.main import main as cli_main
from app.db.database import Database
from app.db.models import AuditEvent, Call, Campaign, Contact, PhoneNumber
from app.services import audit, dnc_edit
from app.services.dnc import normalise_for_dnc
from app.services.importing.pipeline import import_file
from app.services.packs.create import create_pack
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.manage import revoke_pack
from app.services.packs.merge import merge_results
from app.services.privacy.access import export_person
from app.services.privacy.audit_log import audit_entries
from app.services.privacy.erase import erase_person
from app.services.privacy.purge import purge_campaign
from app.services.privacy.record import RecordFields, save_record
from app.services.results import Privacy, export_campaign_file, export_csv, write_rollup
from app.services.scripts.actions import (
    export_script_file,
    import_script_file,
    save_script_version,
    scripts_overview,
)
from tests.importing_helpers import write_csv
from tests.packs_helpers import CODE, call_on_laptop, laptop
from ui.context import UiContext

NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
CAMPAIGN = "Loggkampanj"
ORGANISER = "Organisatör Olle"
# Distinctive people: any of these in an audit entry is personal data that leaked.
PEOPLE = [("Zebulon", "Hemligsson", "070-174 06 77"), ("Ottaviana", "Diskretia", "08-465 004 88"),
          ("Quirinus", "Tystnadsson", "031-390 06 44"), ("Xerxesia", "Anonymdotter",
                                                        "070-174 06 78")]
FREE_TEXT = "Pratade länge om grannens hund"


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[QWidget]]:
    """The test's windows, deleted when it ends and before its database goes: one left behind
    would answer the next test's language change by reading a dropped database."""
    made: list[QWidget] = []
    yield made
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in made:
        widget.close()
        ctx = getattr(widget, "ctx", None)
        if ctx is not None:
            ctx.runner.wait()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _number_forms(national: str) -> list[str]:
    e164 = normalise_for_dnc(national)
    digits = "".join(c for c in national if c.isdigit())
    return [national, digits, e164, e164.lstrip("+"), e164[3:]]


def _needles() -> list[str]:
    needles = [FREE_TEXT]
    for first, last, number in PEOPLE:
        needles += [first, last, *_number_forms(number)]
    return needles


def _entries(db: Database) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _campaign_setup(db: Database, tmp_path: Path) -> int:
    rows = [["Förnamn", "Efternamn", "Telefon", "Anteckning"]]
    rows += [[first, last, number, f"{first} bor på hörnet"] for first, last, number in PEOPLE]
    path = write_csv(tmp_path / "lista.csv", rows)
    report = import_file(db, path, campaign=CAMPAIGN, group="Centrum",
                         overrides=[("Anteckning", "extra")], actor=ORGANISER)
    with db.transaction() as session:
        # Open around the clock: the laptop's calling screen must not depend on the hour.
        campaign = session.get_one(Campaign, report.campaign_id)
        campaign.weekday_hours = campaign.weekend_hours = "00:00-24:00"
        contact = session.scalars(select(Contact).where(
            Contact.campaign_id == report.campaign_id).order_by(Contact.id)).first()
        assert contact is not None
        phone = session.scalars(select(PhoneNumber).where(
            PhoneNumber.contact_id == contact.id)).one()
        session.add(Call(campaign_id=report.campaign_id, target_group_id=contact.target_group_id,
                         contact_id=contact.id, number_dialled=phone.e164, outcome="conversation",
                         notes=FREE_TEXT, started_at=NOW - timedelta(days=1),
                         ended_at=NOW - timedelta(days=1) + timedelta(minutes=3)))
    return report.campaign_id


def _one_entry(db: Database, action: Callable[[], Any], expected: str) -> dict[str, Any]:
    before = _count(db)
    action()
    new = _entries(db)[before:]
    assert [e.action for e in new] == [expected], expected
    entry = new[0]
    assert entry.detail["os_user"] == audit.computer_user()
    return {"actor": entry.actor, **entry.detail}


def test_every_action_writes_one_entry_without_personal_data(db: Database,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    recorded: dict[str, dict[str, Any]] = {}
    box: dict[str, Any] = {}

    def imported() -> None:
        box["campaign"] = _campaign_setup(db, tmp_path)

    # The import: the campaign, its scripts and its people come in one action.
    before = _count(db)
    imported()
    new = _entries(db)[before:]
    assert [e.action for e in new] == ["list_imported"]
    assert new[0].actor == ORGANISER and new[0].detail["campaign_id"] == box["campaign"]
    cid = box["campaign"]

    recorded["full"] = _one_entry(db, lambda: export_campaign_file(
        db, cid, out / "full.xlsx", privacy=Privacy.FULL), "results_exported")
    assert (recorded["full"]["privacy"], recorded["full"]["file"],
            recorded["full"]["format"]) == ("full", "full.xlsx", "xlsx")
    recorded["district"] = _one_entry(db, lambda: export_campaign_file(
        db, cid, out / "district.xlsx"), "results_exported")

    def csv() -> None:
        with db.session() as session:
            export_csv(session, cid, out / "samtal.csv", privacy=Privacy.FULL)

    recorded["csv"] = _one_entry(db, csv, "results_exported")
    assert recorded["csv"]["format"] == "csv" and recorded["csv"]["calls"] == 1
    recorded["rollup"] = _one_entry(db, lambda: write_rollup(
        [out / "district.xlsx"], out / "rollup.xlsx", database=db), "rollup_written")
    assert recorded["rollup"]["files"] == 1

    recorded["dnc"] = _one_entry(db, lambda: dnc_edit.add_typed_number(
        db, PEOPLE[1][2], "SE"), "dnc_added")
    dnc_file = write_csv(tmp_path / "spärr.csv", [["Telefon"], [PEOPLE[2][2]]])
    recorded["dnc_file"] = _one_entry(db, lambda: dnc_edit.add_numbers_from_file(
        db, dnc_file, "SE"), "dnc_added")

    overview = scripts_overview(db, cid)
    active = next(s for s in overview.scripts if s.id == overview.active_id)
    yaml_file = export_script_file(db, active.id, tmp_path / "manus.yaml")
    recorded["script_import"] = _one_entry(
        db, lambda: import_script_file(db, cid, yaml_file), "script_imported")
    recorded["script_edit"] = _one_entry(
        db, lambda: save_script_version(db, active.id, active.script), "script_edited")

    made: dict[str, Any] = {}
    recorded["pack"] = _one_entry(db, lambda: made.setdefault("a", create_pack(
        db, campaign=CAMPAIGN, volunteer="Ringare Rut", size=1, out=out / "a.ringkvall",
        code=CODE, now=NOW)), "pack_created")
    recorded["revoke"] = _one_entry(db, lambda: revoke_pack(db, made["a"].pack_id, now=NOW),
                                    "pack_revoked")
    create_pack(db, campaign=CAMPAIGN, volunteer="Ringare Rut", size=1,
                out=out / "b.ringkvall", code=CODE, now=NOW)
    with laptop(tmp_path / "laptop"):
        opened = open_pack(out / "b.ringkvall", CODE)
        # Asked not to be called again: the merge puts the number on the list, within its
        # own single entry.
        call_on_laptop(opened.path, cid, "Ringare Rut", ["do_not_call"])
        back = return_pack(out / "b.ringkvall", CODE, out / "b-results.ringkvall").path
    recorded["merge"] = _one_entry(db, lambda: merge_results(db, back, CODE, now=NOW),
                                   "pack_merged")

    assert recorded["merge"]["do_not_calls"] == 1
    recorded["access"] = _one_entry(db, lambda: export_person(
        db, PEOPLE[0][2], out / "utdrag.xlsx", now=NOW), "person_exported")
    recorded["record"] = _one_entry(db, lambda: save_record(
        db, cid, RecordFields(purpose="Ringa om bussen", contact=f"{PEOPLE[3][0]} (dataskydd)"),
        actor=ORGANISER, now=NOW), "record_updated")
    recorded["erase"] = _one_entry(db, lambda: erase_person(db, PEOPLE[3][2], now=NOW),
                                   "erase")
    recorded["purge"] = _one_entry(db, lambda: purge_campaign(
        db, cid, confirmed_early=True, now=NOW), "purge")

    for key in ("full", "district", "csv", "script_import", "script_edit", "pack", "revoke",
                "merge", "record", "purge"):
        assert recorded[key]["campaign_id"] == cid, key
    # No name, number or free text of the people called, in any entry, in any column.
    texts = [" ".join([e.action, e.actor, e.entity,
                       json.dumps(e.detail, ensure_ascii=False)]) for e in _entries(db)]
    for needle in _needles():
        leaks = [t for t in texts if needle in t]
        assert not leaks, needle
    # The campaign's own trail holds every action of the campaign, and only those.
    mine = {e.action for e in audit_entries(db, CAMPAIGN)}
    assert mine == {"list_imported", "results_exported", "script_imported", "script_edited",
                    "pack_created", "pack_revoked", "pack_merged", "record_updated", "purge"}


def test_the_command_prints_the_trail(db: Database, db_url: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    cid = _campaign_setup(db, tmp_path)
    export_campaign_file(db, cid, tmp_path / "d.xlsx")
    dnc_edit.add_typed_number(db, PEOPLE[1][2], "SE")
    assert cli_main(["audit", "--db", db_url, "--campaign", CAMPAIGN, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in document["entries"]] == ["results_exported", "list_imported"]
    assert document["entries"][0]["campaign"] == CAMPAIGN
    assert document["entries"][0]["os_user"] == audit.computer_user()
    assert document["entries"][0]["detail"]["privacy"] == "district"
    assert cli_main(["audit", "--db", db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "3 entries" and lines[0].split("\t")[1] == "dnc_added"
    assert cli_main(["audit", "--db", db_url, "--campaign", "Finns inte"]) == 2
    assert "No campaign named 'Finns inte'" in capsys.readouterr().err



def test_the_log_page_lists_and_filters(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path,
                                        windows: list[QWidget]) -> None:
    from ui.main_window import MainWindow
    from ui.privacy.audit_page import AuditPage

    cid = _campaign_setup(ui_ctx.db, tmp_path)
    export_campaign_file(ui_ctx.db, cid, tmp_path / "d.xlsx")
    dnc_edit.add_typed_number(ui_ctx.db, PEOPLE[1][2], "SE")
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    window.act_audit.trigger()
    page = window.pages.currentWidget()
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.loads >= 1 and page.campaign.count() == 2)
    assert page.table.rowCount() == 3
    whats = [page.table.item(r, 1).text() for r in range(3)]  # type: ignore[union-attr]
    assert whats == [page.action_text(a) for a in
                     ("dnc_added", "results_exported", "list_imported")]
    assert page.table.item(2, 2).text() == ORGANISER  # type: ignore[union-attr]
    assert page.table.item(1, 3).text() == audit.computer_user()  # type: ignore[union-attr]
    # The details in the screen's language, not the key=value the command line keeps.
    details = [page.table.item(r, 5).text() for r in range(3)]  # type: ignore[union-attr]
    assert not any("=" in d for d in details), details
    assert "Fil: d.xlsx" in details[1] and "Nivå: distrikt" in details[1]
    assert "Importerade: " in details[2]
    loads = page.loads
    page.campaign.setCurrentIndex(page.campaign.findData(CAMPAIGN))
    qtbot.waitUntil(lambda: page.loads > loads)
    assert page.table.rowCount() == 2  # the do-not-call list belongs to no campaign
    page.back_button.click()
    assert window.pages.currentWidget() is window.home
