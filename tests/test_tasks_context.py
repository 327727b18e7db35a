"""Task results reach their callbacks only while the task's context (its widget) lives.

Real widgets, a real task runner and real threads; a gate (threading.Event) decides when a task
finishes, so the order "context deleted, then result ready" is certain, not a race.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import UserError
from app.progress import Progress
from app.services.campaigns import get_or_create_campaign
from ui.context import UiContext
from ui.tasks import TaskRunner, run_with_progress


def _delete_now(widget: QObject) -> None:
    """Delete as the event loop would after close() with WA_DeleteOnClose or deleteLater()."""
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(widget)


@pytest.fixture
def recorded_bugs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every bug dialog and excepthook call (recorded, then passed on as before)."""
    from ui import errors

    bugs: list[object] = []
    show_bug = errors.show_bug
    hook = sys.excepthook

    def record_bug(*args: object) -> None:
        bugs.append(args)
        show_bug(*args)  # type: ignore[arg-type]

    def record_hook(*args: object) -> None:
        bugs.append(args)
        hook(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(errors, "show_bug", record_bug)
    monkeypatch.setattr(sys, "excepthook", record_hook)
    return bugs


def test_callbacks_run_while_the_context_lives(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner = QWidget()
    qtbot.addWidget(owner)
    results: list[object] = []
    runner.run(lambda _progress: 42, context=owner, on_success=results.append)
    runner.run(lambda _progress: 1 / 0, context=owner, on_failure=results.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert 42 in results and any(isinstance(r, ZeroDivisionError) for r in results)
    # Relays do not pile up on a long-lived context (the calling screen runs many tasks).
    qtbot.waitUntil(lambda: owner.findChildren(QObject, options=Qt.FindChildOption.
                                               FindDirectChildrenOnly) == [])


def test_a_result_for_a_deleted_context_is_dropped(
    qtbot: QtBot, recorded_bugs: list[object]
) -> None:
    runner = TaskRunner()
    owner = QPushButton()
    gate = threading.Event()
    delivered: list[object] = []

    def work(_progress: Progress) -> str:
        gate.wait(10)
        return "klart"

    # A lambda that touches the widget: it must never run once the widget is gone.
    handle = runner.run(work, context=owner,
                        on_success=lambda text: delivered.append(owner.setText(text)))
    _delete_now(owner)
    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert delivered == [] and recorded_bugs == [] and not runner.busy


def test_a_bug_in_a_task_whose_context_is_gone_is_logged_not_shown(
    qtbot: QtBot, recorded_bugs: list[object], caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner()
    gate = threading.Event()

    def broken(_progress: Progress) -> None:
        gate.wait(10)
        raise KeyError("trasig")

    def mistake(_progress: Progress) -> None:
        gate.wait(10)
        raise UserError("a mistake the user made")

    first, second = QWidget(), QWidget()
    bug = runner.run(broken, context=first)
    user = runner.run(mistake, context=second)
    _delete_now(first)
    _delete_now(second)
    with caplog.at_level(logging.ERROR, logger="ui.tasks"):
        gate.set()
        qtbot.waitUntil(lambda: bug.done and user.done)
    assert recorded_bugs == []
    logged = [r for r in caplog.records if r.name == "ui.tasks"]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert logged[0].exc_info[0] is KeyError


def test_progress_dialog_whose_parent_is_deleted_is_left_alone(
    qtbot: QtBot, recorded_bugs: list[object]
) -> None:
    runner = TaskRunner()
    parent = QWidget()
    gate = threading.Event()
    done: list[int] = []

    def work(progress: Progress) -> int:
        gate.wait(10)
        progress.report(1, 2, "halvvägs")
        return 2

    handle = run_with_progress(parent, runner, "Arbetar", work, on_success=done.append)
    _delete_now(parent)
    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert done == [] and recorded_bugs == []


def test_closing_the_import_wizard_while_it_reads_a_file(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path, recorded_bugs: list[object]
) -> None:
    from ui.importing.wizard import ImportWizard

    big = tmp_path / "stor_lista.csv"
    with big.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Förnamn;Efternamn;Mobil;Postort\r\n")
        for i in range(200_000):
            fh.write(f"Person{i};Exempel;070-174 06 {5 + i % 95:02d};Tensta\r\n")
    with ui_ctx.db.transaction() as session:
        ui_ctx.campaign_id = get_or_create_campaign(session, "Höstkampanj").id
    wizard = ImportWizard(ui_ctx)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the menu opens it
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.load(str(big))
    assert wizard.file_page.loading and ui_ctx.runner.busy
    wizard.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(wizard)
    qtbot.waitUntil(lambda: not ui_ctx.runner.busy, timeout=60_000)
    assert recorded_bugs == []


def test_a_context_only_its_callbacks_keep_alive_is_freed_safely(qtbot: QtBot) -> None:
    # A dialog without a parent that nothing but its task's callbacks refers to: the runner
    # lets go of them from the event loop, never from inside the relay being deleted (which
    # freed the dialog, the relay's parent, from within the relay and corrupted memory).
    import weakref

    runner = TaskRunner()
    for _ in range(100):
        holder = [QWidget()]
        alive = weakref.ref(holder[0])
        seen: list[int] = []

        def delivered(value: int, owner: QWidget = holder[0], holder: list[QWidget] = holder,
                      seen: list[int] = seen) -> None:
            seen.append(value + owner.x() * 0)
            holder.clear()  # from now on only the task's callbacks refer to the widget

        runner.run(lambda _progress: 1, context=holder[0], on_success=delivered)
        del delivered
        qtbot.waitUntil(lambda alive=alive: alive() is None)
        assert seen == [1]
