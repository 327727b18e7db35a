"""Access on request: the extract holds every kind of data stored about one person, in every
campaign, and nothing about anyone else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database
from app.db.models import (
    Answer,
    AuditEvent,
    Call,
    Campaign,
    Contact,
    FollowUp,
    PhoneNumber,
    Recruit,
)
from app.db.models_review import CallVersion
from app.errors import UserError
from app.services import dnc
from app.services.importing.pipeline import import_file
from app.services.privacy.access import export_person
from app.services.scripts.storage import active_script
from tests.importing_helpers import write_csv
from ui.context import UiContext

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
NUMBER = "070-174 06 05"
E164 = "+46701740605"
OTHER_NUMBER = "070-174 06 06"
CONSENT = "Jag vill bli medlem i Föreningen Exempel (version 3)."
NOTE = "Vill ha info om kvällsbussen"
OTHER_NOTE = "Anteckning om någon helt annan"
FIRST_NOTE = "Första versionen: ville ha info om bussen"
PROMISE = "Skicka inbjudan till mötet om bussen"


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


@dataclass
class Built:
    autumn: int
    spring: int
    question_label: str


def _build(db: Database, tmp_path: Path) -> Built:
    path = write_csv(tmp_path / "lista.csv", [
        ["Förnamn", "Efternamn", "Gatuadress", "Postnr", "Postort", "Telefon", "Födelseår",
         "Valkrets"],
        ["Ottilia", "Insynsdotter", "Provgatan 7", "163 04", "Spånga", NUMBER, "1951",
         "Valkrets Nordväst"],
        ["Annan", "Personsson", "Annangatan 1", "163 05", "Spånga", OTHER_NUMBER, "1970",
         "Valkrets Syd"],
    ])
    extra = [("Valkrets", "extra")]
    first = import_file(db, path, campaign="Höstkampanj", group="Centrum", overrides=extra)
    second = import_file(db, path, campaign="Vårkampanj", group="Söder", overrides=extra)
    with db.transaction() as session:
        stored = active_script(session, first.campaign_id)
        assert stored is not None
        _step, question = next((s, q) for s, q in stored.script.questions() if q.options)
        option = question.options[0]
        ids = {cid: session.scalars(select(PhoneNumber.contact_id).where(
            PhoneNumber.e164 == E164, PhoneNumber.campaign_id == cid)).one()
            for cid in (first.campaign_id, second.campaign_id)}
        other = session.scalars(select(PhoneNumber.contact_id).where(
            PhoneNumber.e164 != E164, PhoneNumber.campaign_id == first.campaign_id)).one()
        contact = session.get(Contact, ids[first.campaign_id])
        assert contact is not None
        contact.notes_for_next = "Ring efter sex"
        call = _call(session, first.campaign_id, contact, "recruited", NOTE, stored.id)
        call.answers = [Answer(question_key=question.key, value=option.value)]
        session.flush()
        # The call as first saved, before an organiser corrected it.
        session.add(CallVersion(call_id=call.id, version=1, outcome="conversation",
                                notes=FIRST_NOTE, answers={question.key: option.value},
                                changed_by="Kim", changed_at=NOW - timedelta(minutes=50)))
        session.add(Recruit(call_id=call.id, first_name="Ottilia", last_name="Insynsdotter",
                            email="ottilia@exempel.invalid", phone=E164, consent_membership=True,
                            consent_contact=True, consent_text=CONSENT, consented_at=NOW))
        session.add(FollowUp(contact_id=contact.id, call_id=call.id, promised=PROMISE,
                             assigned_to="Organisatören", due_at=NOW + timedelta(days=7),
                             created_at=NOW))
        spring = session.get(Contact, ids[second.campaign_id])
        assert spring is not None
        _call(session, second.campaign_id, spring, "do_not_call", "", None)
        someone = session.get(Contact, other)
        assert someone is not None
        _call(session, first.campaign_id, someone, "conversation", OTHER_NOTE, None)
        dnc.add_numbers(session, [E164], reason=dnc.REASON_CALL, source="calling")
    return Built(first.campaign_id, second.campaign_id, option.label)


def _call(session: object, campaign_id: int, contact: Contact, outcome: str, notes: str,
          script_id: int | None) -> Call:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    call = Call(campaign_id=campaign_id, target_group_id=contact.target_group_id,
                contact_id=contact.id, number_dialled=E164, started_at=NOW - timedelta(hours=1),
                ended_at=NOW - timedelta(minutes=50), outcome=outcome, notes=notes,
                script_id=script_id)
    session.add(call)
    session.flush()
    return call


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def _texts(rows: list[list[object]]) -> str:
    return "\n".join(" | ".join("" if v is None else str(v) for v in row) for row in rows)


def test_the_extract_holds_every_kind_of_row_for_the_person(db: Database,
                                                            tmp_path: Path) -> None:
    built = _build(db, tmp_path)
    out = tmp_path / "utdrag.xlsx"
    result = export_person(db, NUMBER, out, language="sv", now=NOW)
    assert (result.contacts, result.campaigns, result.calls, result.answers,
            result.follow_ups, result.recruits, result.do_not_call) == (2, 2, 2, 1, 1, 1, 1)
    sheets = _sheets(out)
    assert list(sheets) == ["Om utdraget", "Personuppgifter", "Telefonnummer", "Varifrån",
                            "Samtal", "Rättade samtal", "Svar", "Uppföljning",
                            "Medlemsansökan", "Spärrlista"]
    person = _texts(sheets["Personuppgifter"])
    for expected in ("Höstkampanj", "Vårkampanj", "Ottilia", "Insynsdotter", "Provgatan 7",
                     "1951", "Valkrets: Valkrets Nordväst", "Ring efter sex"):
        assert expected in person
    assert len(sheets["Personuppgifter"]) == 3  # header + one row per campaign
    assert NUMBER in _texts(sheets["Telefonnummer"])
    source = _texts(sheets["Varifrån"])
    assert "lista.csv" in source and "Centrum" in source and "Söder" in source
    calls = _texts(sheets["Samtal"])
    assert NOTE in calls and "Blev medlem" in calls and "Ring aldrig igen" in calls
    assert len(sheets["Samtal"]) == 3
    versions = _texts(sheets["Rättade samtal"])
    assert FIRST_NOTE in versions and "Samtal" in versions
    assert built.question_label in _texts(sheets["Svar"])
    assert PROMISE in _texts(sheets["Uppföljning"])
    membership = _texts(sheets["Medlemsansökan"])
    assert CONSENT in membership and "ottilia@exempel.invalid" in membership
    assert NUMBER in _texts(sheets["Spärrlista"])
    everything = "\n".join(_texts(rows) for rows in sheets.values())
    for other in ("Personsson", "Annangatan", OTHER_NOTE, OTHER_NUMBER, "Valkrets Syd"):
        assert other not in everything
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "person_exported")).all()
        assert [e.detail["file"] for e in events] == ["utdrag.xlsx"]
        assert "Ottilia" not in str(events[0].detail) and E164 not in str(events[0].detail)


def test_by_id_and_in_english(db: Database, tmp_path: Path) -> None:
    built = _build(db, tmp_path)
    with db.session() as session:
        cid = session.scalars(select(PhoneNumber.contact_id).where(
            PhoneNumber.e164 == E164, PhoneNumber.campaign_id == built.spring)).one()
        assert session.get(Campaign, built.spring) is not None
    out = tmp_path / "extract.xlsx"
    result = export_person(db, str(cid), out, language="en", now=NOW)
    assert result.campaigns == 2  # found in the other campaign through the number
    sheets = _sheets(out)
    assert "Personal data" in sheets and "Do-not-call list" in sheets
    assert "Everything Ringkväll stores" in _texts(sheets["About"])


def test_nobody_found_writes_nothing(db: Database, tmp_path: Path) -> None:
    _build(db, tmp_path)
    out = tmp_path / "ingen.xlsx"
    with pytest.raises(UserError, match="Nobody with the number or id '08-465 004 99'"):
        export_person(db, "08-465 004 99", out, now=NOW)
    assert not out.exists()
    with db.session() as session:
        assert session.scalars(select(AuditEvent).where(
            AuditEvent.action == "person_exported")).all() == []


def test_the_window_writes_the_extract(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path,
                                       windows: list[QWidget]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.privacy.access_dialog import AccessDialog

    _build(ui_ctx.db, tmp_path)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    window.act_access_person.trigger()
    dialog = window.findChild(AccessDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ok.isEnabled()  # nobody named yet
    out = tmp_path / "till-personen.xlsx"
    dialog.path.setText(str(out))
    dialog.activateWindow()
    dialog.person.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.person)
    qtbot.keyClicks(QApplication.focusWidget(), NUMBER)
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "Ottilia" in _texts(_sheets(out)["Personuppgifter"])


def test_the_command_writes_the_extract(db: Database, db_url: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import main as cli_main

    _build(db, tmp_path)
    out = tmp_path / "cli.xlsx"
    assert cli_main(["person", "export", NUMBER, "-o", str(out), "--db", db_url,
                     "--language", "en", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["contacts"], document["campaigns"], document["calls"]) == (2, 2, 2)
    assert "Membership" in _sheets(out)
    # An existing file only with --force; nobody found: one line on stderr, exit 2.
    assert cli_main(["person", "export", NUMBER, "-o", str(out), "--db", db_url]) == 2
    assert "--force" in capsys.readouterr().err or out.exists()
    assert cli_main(["person", "export", "031-390 06 99", "-o", str(tmp_path / "n.xlsx"),
                     "--db", db_url]) == 2
    assert "Nobody with the number or id" in capsys.readouterr().err
    assert not (tmp_path / "n.xlsx").exists()
