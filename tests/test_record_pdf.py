"""The record of processing (GDPR Art. 30): filled from the campaign, edited in its dialog,
printed to a PDF whose first page says what the campaign does with personal data.

The PDF is read back with Qt's own PDF module (QtPdf, in PySide6-Addons): no other tool."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database
from app.db.models import AuditEvent, Campaign
from app.services.importing.pipeline import import_file
from app.services.privacy.record import RecordFields, processing_record, save_record
from tests.importing_helpers import write_csv
from ui.context import UiContext
from ui.launcher import main as ringkvall

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CAMPAIGN = "Registerkampanj"
PURPOSE = "Ringa väljare i Tensta om kvällsbussarna och bjuda in till stormöte"


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


def _campaign(db: Database, tmp_path: Path) -> int:
    path = write_csv(tmp_path / "köpt-lista.csv", [
        ["Förnamn", "Efternamn", "Telefon", "Födelseår", "Valdistrikt"],
        ["Anna", "Exempel", "070-174 06 05", "1950", "Tensta 3"],
        ["Bo", "Exempel", "070-174 06 06", "1960", "Tensta 4"]])
    report = import_file(db, path, campaign=CAMPAIGN, group="Tensta centrum",
                         overrides=[("Valdistrikt", "extra")])
    with db.transaction() as session:
        campaign = session.get_one(Campaign, report.campaign_id)
        campaign.delete_after = date(2027, 3, 31)
    return report.campaign_id


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as Qt's PDF module reads it."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return [" ".join(document.getAllText(page).text().split())
                for page in range(document.pageCount())]
    finally:
        document.close()


def test_the_command_prints_the_record(db: Database, db_url: str, tmp_path: Path,
                                       qapp: object) -> None:
    cid = _campaign(db, tmp_path)
    save_record(db, cid, RecordFields(purpose=PURPOSE, legal_basis="legitimate_interest",
                                      contact="Sekreteraren, dataskydd@exempel.invalid"),
                now=NOW)
    out = tmp_path / "register.pdf"
    assert ringkvall(["record", "--db", db_url, "--campaign", CAMPAIGN, "-o", str(out),
                      "--language", "sv"]) == 0
    pages = pdf_pages(out)
    first = pages[0]
    assert first.startswith("Register över behandling av personuppgifter")
    for expected in (f"Kampanj: {CAMPAIGN}", PURPOSE, "Berättigat intresse (artikel 6.1 f)",
                     "dataskydd@exempel.invalid", "Tensta centrum: 2 personer",
                     "Telefonnummer", "Födelseår"):
        assert expected in first, expected
    everything = " ".join(pages)
    for expected in ("Valdistrikt", "Fråga vad personen tycker", "raderas efter 2027-03-31",
                     "Distriktet", "granskningsloggen"):
        assert expected in everything, expected
    # Never the people themselves.
    assert "Anna" not in everything and "070-174" not in everything
    # An existing file only with --force; a campaign that does not exist: one line, exit 2.
    assert ringkvall(["record", "--db", db_url, "--campaign", CAMPAIGN, "-o", str(out)]) == 2
    assert ringkvall(["record", "--db", db_url, "--campaign", "Ingen", "-o",
                      str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_english_record_with_suggestions(db: Database, db_url: str, tmp_path: Path,
                                         qapp: object) -> None:
    _campaign(db, tmp_path)
    out = tmp_path / "record.pdf"
    assert ringkvall(["record", "--db", db_url, "--campaign", CAMPAIGN, "-o", str(out),
                      "--language", "en"]) == 0
    first = pdf_pages(out)[0]
    assert first.startswith("Record of processing activities")
    assert "Calling voters in the association's target groups" in first  # the suggestion
    assert "(not filled in)" in first  # the legal basis nobody chose


def test_saved_fields_are_kept_and_too_long_text_is_refused(db: Database,
                                                            tmp_path: Path) -> None:
    from app.errors import UserError

    cid = _campaign(db, tmp_path)
    view = processing_record(db, cid, language="sv", now=NOW)
    assert not view.saved and view.fields.controller == ""  # the import set no association
    assert view.extra_columns == ("Valdistrikt",)
    assert view.data_fields == ("name", "phone", "birth_year")
    saved = save_record(db, cid, RecordFields(controller="S-föreningen", purpose=PURPOSE),
                        now=NOW)
    assert saved.saved and saved.fields.purpose == PURPOSE
    assert saved.fields.recipients.startswith("Distriktet")  # empty: still the suggestion
    with pytest.raises(UserError, match="too long"):
        save_record(db, cid, RecordFields(controller="x" * 301), now=NOW)
    with pytest.raises(UserError, match="not a legal basis"):
        save_record(db, cid, RecordFields(legal_basis="because"), now=NOW)
    assert processing_record(db, cid, now=NOW).fields.controller == "S-föreningen"


def test_the_campaign_settings_open_the_record_and_print_it(
        qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path, windows: list[QWidget]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.campaign_dialog import CampaignDialog

    cid = _campaign(ui_ctx.db, tmp_path)
    settings = CampaignDialog(ui_ctx, cid)
    qtbot.addWidget(settings)
    windows.append(settings)
    settings.show()
    settings.activateWindow()
    settings.record_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is settings.record_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    dialog = settings.record_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    dialog.purpose.setFocus()
    dialog.purpose.selectAll()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.purpose)
    typed = "Ringa om bussen i Tensta"  # QTest types ASCII only
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData("members"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.handle is None and dialog.view.saved)
    out = tmp_path / "från-dialogen.pdf"
    assert dialog.write_pdf(out)
    first = pdf_pages(out)[0]
    assert typed in first and "Ideell förening med politiskt syfte" in first
    with ui_ctx.db.session() as session:
        assert session.scalars(select(AuditEvent.action).where(
            AuditEvent.action == "record_updated")).all() == ["record_updated"]
