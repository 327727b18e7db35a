"""A volunteer's laptop and the packs it keeps: listed, due for deletion two weeks after the
pack expired, refused for deletion while calls were never returned, deleted whole; and the
offer at start-up. Times are relative to the app's clock, so the tests hold on any day."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli.main import main
from app.clock import utcnow
from app.db.database import Database
from app.services.packs.create import create_pack
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.on_laptop import GRACE, due_laptop_packs, laptop_packs
from tests.calling_helpers import make_campaign
from tests.packs_helpers import CODE, call_on_laptop, laptop
from tests.privacy_helpers import dispose
from tests.qt_helpers import on_next_modal
from ui.context import UiContext

CAMPAIGN = "Höstkampanj"


def _two_packs(db: Database, tmp_path: Path) -> tuple[int, Path, Path]:
    """An old pack of three (expired three weeks ago) and a current one of two, for Ann."""
    now = utcnow()
    with db.transaction() as s:
        campaign_id = make_campaign(s, CAMPAIGN, contacts=5).id
    old, current = tmp_path / "old.ringkvall", tmp_path / "current.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=3, out=old, code=CODE,
                expires_at=now - GRACE - timedelta(days=7), now=now - timedelta(days=30))
    create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=2, out=current, code=CODE,
                expires_at=now + timedelta(days=7), now=now)
    return campaign_id, old, current


def _files(home: Path) -> list[str]:
    return sorted(p.name.split(".")[0] + p.suffix for p in (home / "packs").iterdir())


def test_a_laptop_lists_its_packs_and_deletes_only_what_was_handed_back(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    campaign_id, old_file, current_file = _two_packs(db, tmp_path)
    with laptop(tmp_path / "ann") as home:
        old = open_pack(old_file, CODE)
        current = open_pack(current_file, CODE)
        call_on_laptop(old.path, campaign_id, "Ann", ["refused"])
        [found] = [p for p in laptop_packs() if p.pack_id == old.pack_id]
        assert (found.calls, found.unreturned, found.campaign) == (1, 1, CAMPAIGN)
        assert [p.pack_id for p in due_laptop_packs()] == [old.pack_id]
        # The window open on the pack's own copy: not offered while in use.
        assert due_laptop_packs(open_database=old.path) == []

        assert main(["pack", "local", "--json"]) == 0
        listed = {p["pack_id"]: p for p in json.loads(capsys.readouterr().out)["packs"]}
        assert listed[old.pack_id]["due"] and not listed[current.pack_id]["due"]
        assert listed[old.pack_id]["unreturned"] == 1
        # A call never handed back: refused with one line, nothing deleted.
        assert main(["pack", "delete", old.pack_id]) == 2
        err = capsys.readouterr().err
        assert "never returned" in err and err.strip().count("\n") == 0
        assert old.path.exists()

        return_pack(old_file, CODE, tmp_path / "back.ringkvall")
        assert next(p for p in laptop_packs() if p.pack_id == old.pack_id).unreturned == 0
        assert main(["pack", "delete", old.pack_id]) == 0
        capsys.readouterr()
        # The copy, its log and its notes are gone; the current pack is untouched.
        assert not [name for name in _files(home) if name.startswith(old.pack_id)]
        assert f"{current.pack_id}.sqlite" in _files(home)
        assert [p.pack_id for p in laptop_packs()] == [current.pack_id]
        assert main(["pack", "delete", old.pack_id]) == 2
        assert "not on this computer" in capsys.readouterr().err


def test_calls_made_after_a_return_count_as_not_returned(db: Database, tmp_path: Path) -> None:
    campaign_id, old_file, _ = _two_packs(db, tmp_path)
    with laptop(tmp_path / "ann"):
        old = open_pack(old_file, CODE)
        call_on_laptop(old.path, campaign_id, "Ann", ["refused"])
        return_pack(old_file, CODE, tmp_path / "back.ringkvall")
        # (The first evening still holds the next person: the third is called.)
        call_on_laptop(old.path, campaign_id, "Ann", ["conversation"])
        [found] = [p for p in laptop_packs() if p.pack_id == old.pack_id]
        assert (found.calls, found.returned_calls, found.unreturned) == (2, 1, 1)


def _answer(answer: str, seen: list[tuple[str, str, bool]]) -> None:
    """Answer the next message box; note its text, its detail and whether No was default."""
    from PySide6.QtWidgets import QMessageBox

    def act(box: QMessageBox) -> None:
        no = box.button(QMessageBox.StandardButton.No)
        seen.append((box.text(), box.informativeText(), box.defaultButton() is no))
        box.button(QMessageBox.StandardButton.Yes if answer == "yes"
                   else QMessageBox.StandardButton.No).click()

    on_next_modal(QMessageBox, act)


def _start(ui_ctx: UiContext) -> object:
    from ui.app import _after_show
    from ui.main_window import MainWindow

    window = MainWindow(ui_ctx)
    _after_show(window, argparse.Namespace(practice=False, gui_screen=None), ui_ctx.db)
    return window


def test_start_up_offers_to_delete_packs_past_their_time(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path,
) -> None:
    campaign_id, old_file, current_file = _two_packs(ui_ctx.db, tmp_path)
    with laptop(tmp_path / "ann"):
        old = open_pack(old_file, CODE)
        current = open_pack(current_file, CODE)
        call_on_laptop(old.path, campaign_id, "Ann", ["refused"])
        # A call never handed back: said so, and "No" is the default. No keeps everything.
        seen: list[tuple[str, str, bool]] = []
        _answer("no", seen)
        window = _start(ui_ctx)
        [(text, detail, no_is_default)] = seen
        assert CAMPAIGN in text and "Ann" in text and "ta bort" in text.lower()
        assert "1 samtal" in detail and no_is_default
        assert old.path.exists()
        dispose(window)

        return_pack(old_file, CODE, tmp_path / "back.ringkvall")
        seen.clear()
        _answer("yes", seen)
        window = _start(ui_ctx)
        [(text, detail, no_is_default)] = seen
        assert detail == "" and not no_is_default  # all handed back: Yes is the default
        assert not old.path.exists() and current.path.exists()
        dispose(window)
        # Nothing more is due: the next start asks nothing.
        seen.clear()
        window = _start(ui_ctx)
        assert seen == []
        dispose(window)


def test_the_end_of_an_evening_on_a_pack_offers_to_return_it(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.db.database import open_database
    from app.settings import Settings
    from tests.privacy_helpers import when_modal
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.packs.entry import offer_return_after_evening
    from ui.tasks import TaskRunner

    i18n.set_language("sv")
    campaign_id, _old, current_file = _two_packs(db, tmp_path)
    with laptop(tmp_path / "ann"):
        current = open_pack(current_file, CODE)
        call_on_laptop(current.path, campaign_id, "Ann", ["refused", "no_answer"])
        copy = open_database(str(current.path))
        ctx = UiContext(db=copy, settings=Settings(), runner=TaskRunner())
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        try:
            asked = when_modal("no")
            assert offer_return_after_evening(window) is None
            assert len(asked) == 1 and "2 av dina samtal" in asked[0]
            return_pack(current_file, CODE, tmp_path / "back.ringkvall")
            # All handed back: nothing to ask.
            monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("asked again"))
            assert offer_return_after_evening(window) is None
        finally:
            ctx.runner.wait()
            dispose(window)
            copy.close()
