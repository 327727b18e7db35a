"""The one-page PDF report: one page, the key figures in its text, no personal data.

The PDF is read back with Qt's own PDF module (QtPdf, part of PySide6): its page count and
its text, so the test needs nothing beyond the app's own dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.models import Call, Campaign, Contact, PhoneNumber, TargetGroup, Volunteer
from app.services.results.report_data import report_data
from tests.results_helpers import (
    EXPECTED,
    FREE_TEXT,
    NOTE,
    NOW,
    build_campaign,
    number_forms,
)
from ui.context import UiContext

ROOT = Path(__file__).resolve().parent.parent


def pdf_pages_and_text(path: Path) -> tuple[int, str]:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    pages = doc.pageCount()
    text = "\n".join(doc.getAllText(page).text() for page in range(pages))
    doc.close()
    return pages, text


def write(db: Database, campaign_id: int, target: Path, language: str = "sv") -> Path:
    from ui.printing.report_pdf import write_report_pdf

    data = report_data(db, campaign_id, language=language, now=NOW)
    return write_report_pdf(data, target)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_report_is_one_page_with_the_key_figures_and_no_personal_data(
        db: Database, qapp: object, tmp_path: Path, language: str) -> None:
    known = build_campaign(db)
    path = write(db, known.campaign_id, tmp_path / "rapport.pdf", language)
    pages, text = pdf_pages_and_text(path)
    assert pages == 1
    flat = " ".join(text.split())
    words = {"sv": ("Nyckeltal", "Samtal", "Nådda", "Nya medlemmar", "Kväll för kväll",
                    "Svar på frågorna", "78 %", "57 %"),
             "en": ("Key figures", "Calls", "Reached", "New members", "Evening by evening",
                    "Answers to the questions", "78%", "57%")}[language]
    for word in words:
        assert word in flat, word
    assert "Höstkampanj" in flat and "Centrum" in flat and "Norr" in flat
    tokens = flat.split()
    for key in ("calls", "tried", "reached", "conversations", "recruited", "contacts"):
        assert str(EXPECTED[key]) in tokens, key
    # The funnel's total row: contacts, tried, reached, conversations, new members.
    total = {"sv": "Totalt", "en": "Total"}[language]
    assert f"{total} 10 9 7 4 2" in flat
    # Figures only: no contact's name or number in any spelling, no note, no free text,
    # no volunteer, no new member's email.
    for key, name in known.names.items():
        assert name not in flat, key
        for form in number_forms(*known.numbers[key]):
            assert form not in flat and form not in text.replace("\n", ""), form
    for secret in (NOTE, FREE_TEXT, "exempel.invalid", "Jag vill bli medlem", "Kontakt 1",
                   *known.volunteers):
        assert secret not in flat, secret


def big_campaign(db: Database) -> int:
    """Twenty target groups, forty-five evenings: more than a page holds at full size."""
    start = datetime(2026, 9, 1, 17, 0, tzinfo=UTC)
    with db.transaction() as session:
        campaign = Campaign(name="Stor kampanj", association="Distriktet",
                            starts_on=date(2026, 9, 1), ends_on=date(2026, 10, 15))
        session.add(campaign)
        session.flush()
        volunteer = Volunteer(name="Ringare Stor")
        session.add(volunteer)
        session.flush()
        for g in range(20):
            group = TargetGroup(campaign_id=campaign.id, name=f"Område {g + 1:02d}")
            session.add(group)
            session.flush()
            for i in range(3):
                contact = Contact(campaign_id=campaign.id, target_group_id=group.id,
                                  first_name="Stina", last_name=f"Storsson{g}x{i}",
                                  next_call_at=start)
                contact.phones.append(PhoneNumber(campaign_id=campaign.id,
                                                  e164=f"+46701740{605 + (g * 3 + i) % 90}",
                                                  raw="", kind="mobile"))
                session.add(contact)
                session.flush()
                day = start + timedelta(days=(g * 3 + i) % 45)
                session.add(Call(campaign_id=campaign.id, target_group_id=group.id,
                                 contact_id=contact.id, volunteer_id=volunteer.id,
                                 phone_number_id=contact.phones[0].id,
                                 number_dialled=contact.phones[0].e164, started_at=day,
                                 ended_at=day + timedelta(minutes=2),
                                 outcome="conversation" if i else "no_answer",
                                 meeting_signup=False, notes=""))
        return campaign.id


def test_a_large_campaign_still_fits_one_page(db: Database, qapp: object,
                                              tmp_path: Path) -> None:
    campaign_id = big_campaign(db)
    pages, text = pdf_pages_and_text(write(db, campaign_id, tmp_path / "stor.pdf"))
    assert pages == 1
    flat = " ".join(text.split())
    assert "Område 01" in flat and "Område 12" in flat
    assert "Område 13" not in flat  # the rest are counted in the line below the table
    assert "… och 8 till i Excel-exporten" in flat
    assert "Totalt 60 60 40 40 0" in flat
    assert "Storsson" not in flat


def test_command_writes_the_report_without_a_display(db_url: str, db: Database,
                                                     qapp: object, tmp_path: Path) -> None:
    build_campaign(db)
    target = tmp_path / "rapport.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                            "WAYLAND_DISPLAY")}
    env["RINGKVALL_HOME"] = str(tmp_path / "home")
    run = [sys.executable, "-m", "ui", "report", "--db", db_url, "--campaign", "Höstkampanj",
           "-o", str(target), "--language", "en"]
    done = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and target.is_file()
    pages, text = pdf_pages_and_text(target)
    assert pages == 1 and "Key figures" in text
    # An existing file is kept without --force; a wrong campaign is one line, exit 2.
    again = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "--force" in again.stderr
    wrong = subprocess.run([*run[:6], "Ingen sådan", "-o", str(tmp_path / "x.pdf")], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_results_menu_writes_the_report_in_the_background(qtbot: QtBot, ui_ctx: UiContext,
                                                          tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.printing.report_dialog import ReportDialog

    known = build_campaign(ui_ctx.db)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    ui_ctx.campaign_id = known.campaign_id
    assert window.act_report in window.menu_results.actions()
    window.act_report.trigger()
    dialogs = window.findChildren(ReportDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitExposed(dialog)
    assert "Höstkampanj" in dialog.intro.text()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.path)  # focus on the name
    dialog.path.setText(str(tmp_path / "rapport"))  # .pdf is added
    focused = QApplication.focusWidget()
    with qtbot.waitSignal(dialog.written, timeout=30_000) as done:
        qtbot.keyClick(focused, Qt.Key.Key_Return)  # Save is the default button
    target = tmp_path / "rapport.pdf"
    assert done.args == [target]
    pages, text = pdf_pages_and_text(target)
    assert pages == 1 and "Nyckeltal" in text and "Anna" not in text
    assert "rapport.pdf" in window.statusBar().currentMessage()
