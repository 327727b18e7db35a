"""Erasing one person on request: found in every campaign by any form of their number (or
their id), deleted there, the figures unchanged, the others untouched, and the name gone
from the database file's bytes."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.cli.main import main
from app.db.database import Database
from app.db.models import AuditEvent, Campaign, Contact, DoNotCall, PhoneNumber, Recruit
from app.errors import UserError
from app.services.privacy.erase import erase_person
from tests.calling_helpers import add_group
from tests.privacy_helpers import dispose, file_bytes, found_in, stats_json, when_modal
from tests.results_helpers import build_campaign
from ui.context import UiContext

# Bertil Berg, recruited on the first day: a contact, a call, answers, a member form.
BERTIL = "+46701740606"


def _other_campaign(db: Database) -> int:
    """Bertil again, in another campaign (the same number), with someone else."""
    from tests.calling_helpers import make_campaign

    with db.transaction() as s:
        campaign = make_campaign(s, "Vårkampanj", contacts=2, first_number=1)  # 070-174 06 06
        return campaign.id


def _names(db: Database) -> set[str]:
    with db.session() as s:
        return {f"{c.first_name} {c.last_name}".strip()
                for c in s.execute(select(Contact.first_name, Contact.last_name))}


def test_erase_by_a_number_in_every_campaign_keeps_the_figures(
        db: Database, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    known = build_campaign(db)
    other = _other_campaign(db)
    before = stats_json(db_url, known.campaign_name, capsys)
    names = _names(db)

    # Written as a volunteer would read it off a list: national format with spaces.
    assert main(["--db", db_url, "person", "erase", "070-174 06 06", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["contacts"] == 2 and result["campaigns"] == 2
    assert result["do_not_call"] == "kept"

    assert stats_json(db_url, known.campaign_name, capsys) == before
    gone = {"Bertil Berg", "Person0 Norr"}  # his row in each campaign
    assert _names(db) == (names - gone) | {""}
    with db.session() as s:
        assert s.scalar(select(DoNotCall.e164).where(DoNotCall.e164 == BERTIL)) == BERTIL
        assert s.scalar(select(func.count()).select_from(PhoneNumber)
                        .where(PhoneNumber.e164 == BERTIL)) == 0
        member = s.scalars(select(Recruit).where(Recruit.first_name == "")).one()
        assert (member.email, member.phone, member.street) == ("", "", "")
        assert s.scalar(select(func.count()).select_from(Recruit)) == 2  # still counted
        # The others keep everything.
        assert s.scalar(select(func.count()).where(Contact.first_name == "Anna")) == 1
        assert s.scalar(select(func.count()).select_from(Contact).where(
            Contact.campaign_id == other, Contact.first_name != "")) == 1
        erased = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "erase")).all()
        assert len(erased) == 1 and BERTIL not in json.dumps(erased[0])
    # Asked again: nobody is stored under the number (only the do-not-call entry).
    assert main(["--db", db_url, "person", "erase", "0701740606", "--no-dnc"]) == 0
    capsys.readouterr()
    with db.session() as s:
        assert s.scalar(select(DoNotCall.e164).where(DoNotCall.e164 == BERTIL)) is None
    assert main(["--db", db_url, "person", "erase", "0701740606"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "0701740606" in err


def test_erase_by_id_without_the_do_not_call_list(db: Database) -> None:
    build_campaign(db)
    with db.session() as s:
        anna = s.scalar(select(Contact.id).where(Contact.first_name == "Anna"))
    result = erase_person(db, str(anna), keep_dnc=False)
    assert result.contacts == 1 and result.do_not_call == "removed"
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Contact.first_name == "Anna")) == 0
        assert s.scalar(select(func.count()).select_from(DoNotCall)) == 0
        # Nobody calls a shell: Anna was done; an open person leaves the queue.
        assert s.scalar(select(Contact.status).where(Contact.id == anna)) == "done"
    with pytest.raises(UserError, match="999999"):
        erase_person(db, "999999")


def test_an_open_person_leaves_the_queue(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as s:
        david = s.scalar(select(Contact.id).where(Contact.first_name == "David"))
    erase_person(db, "070-174 06 09", keep_dnc=False)
    with db.session() as s:
        assert s.scalar(select(Contact.status).where(Contact.id == david)) == "no_number"
        campaign = s.get_one(Campaign, known.campaign_id)
        assert campaign.purged_at is None  # one person, not the campaign


@pytest.mark.sqlite_only("secure_delete and the write-ahead log are SQLite's own")
def test_erasure_leaves_no_name_in_the_file(db: Database) -> None:
    build_campaign(db)
    with db.transaction() as s:  # rows rewritten before: stale copies in the pages
        s.execute(update(Contact).where(Contact.first_name == "Bertil")
                  .values(notes_for_next="Ring efter sex"))
    assert found_in(file_bytes(db), "Bertil", "Ring efter sex") == ["Bertil", "Ring efter sex"]
    erase_person(db, BERTIL)
    data = file_bytes(db)
    assert found_in(data, "Bertil", "Ring efter sex", "bertil@exempel.invalid") == []
    assert found_in(data, "Cecilia", "Ivarsson") == ["Cecilia", "Ivarsson"]  # others stay


def test_erase_from_the_window(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from PySide6.QtCore import Qt

    from ui.privacy.erase_dialog import EraseDialog

    build_campaign(ui_ctx.db)
    with ui_ctx.db.transaction() as s:
        campaign = s.scalars(select(Campaign)).one()
        add_group(s, campaign, "Söder", contacts=1, first_number=1)  # Bertil's number again
    dialog = EraseDialog(ui_ctx)
    dialog.show()
    dialog.query.setFocus()
    qtbot.keyClicks(dialog.query, "070-174 06 06")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert "Höstkampanj" in dialog.found.text() and dialog.erase_button.isEnabled()
    dialog.keep_dnc.setChecked(False)
    asked = when_modal("yes")
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: bool(asked) and not dialog.query.text(), timeout=10_000)
    ui_ctx.runner.wait()
    with ui_ctx.db.session() as s:
        assert s.scalar(select(func.count()).where(Contact.first_name == "Bertil")) == 0
        assert s.scalar(select(func.count()).where(Contact.last_name == "Söder")) == 0
        assert s.scalar(select(func.count()).select_from(DoNotCall)) == 0
    dispose(dialog)
