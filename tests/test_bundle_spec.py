"""The bundle, checked without building it (a build takes minutes; .ci/run builds and
smoke-tests it): packaging/ringkvall.spec takes along everything the app loads by path or by
name, so a new migration, translation, resource or command cannot silently go missing from the
volunteers' download. And what the bundled app shows a volunteer: the first start, the About box.
"""

from __future__ import annotations

import argparse
import importlib.util
import tarfile
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.cli.main import COMMAND_MODULES
from app.db.database import Database
from app.services.demo import PRACTICE_NAME
from app.settings import PRACTICE_OFFERED, UPDATE_CHECK, UPDATE_URL, VOLUNTEER_NAME, Settings
from tests.conftest import ROOT
from tests.qt_helpers import on_next_modal
from ui.cli import COMMAND_MODULES as UI_COMMAND_MODULES
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

SPEC = ROOT / "packaging" / "ringkvall.spec"
WELCOME_TEXT = ("Welcome! Ringkväll opens a practice campaign with made-up people, so you can "
                "try calling before a real evening.\n\nWhat is your name? The organiser sees it "
                "beside your calls.\n\nIf you get stuck, ask the evening's organiser, or open "
                "the Help menu.")
OFFLINE_TEXT = " Ringkväll never goes on the internet by itself to look for them."


def _packaging(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}",
                                                  ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle_data() -> ModuleType:
    return _packaging("bundle_data")


def _bundled(bundle_data: ModuleType) -> set[str]:
    """Every data file's path inside the bundle."""
    return {f"{dest}/{Path(source).name}" for source, dest in bundle_data.data_files()}


def test_the_spec_uses_the_checked_lists() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for used in ("bundle_data.data_files()", "bundle_data.qt_translation_files(",
                 "bundle_data.command_modules()", "bundle_data.migration_imports()",
                 "bundle_data.EXCLUDED_MODULES", "bundle_data.keep_in_bundle(", "COLLECT("):
        assert used in text, used
    assert 'name="ringkvall"' in text


def test_every_migration_file_goes_into_the_bundle_as_python_source(
        bundle_data: ModuleType) -> None:
    bundled = _bundled(bundle_data)
    folder = ROOT / "app" / "db" / "migrations"
    sources = {p.relative_to(ROOT).as_posix() for p in folder.rglob("*.py")
               if "__pycache__" not in p.parts}
    assert "app/db/migrations/env.py" in sources
    assert "app/db/migrations/versions/0001_initial_schema.py" in sources
    assert sources <= bundled, sources - bundled


def test_every_translation_and_resource_goes_into_the_bundle(bundle_data: ModuleType) -> None:
    bundled = _bundled(bundle_data)
    qm = {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*.qm")}
    assert "resources/translations/core_sv.qm" in qm
    assert qm <= bundled, qm - bundled
    # Whatever else resources/ holds (scripts, the practice list, the icon) but its sources.
    others = {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts
              and p.suffix not in (".py", ".ts", ".ico", ".icns")}
    assert {"resources/scripts/local_issue_sv.yaml",
            "resources/demo/practice_contacts.csv"} <= others
    assert others <= bundled, others - bundled


def test_qts_own_swedish_texts_go_in_and_other_languages_stay_out(
        bundle_data: ModuleType) -> None:
    qt_dir = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    pairs = bundle_data.qt_translation_files(qt_dir)
    assert (str(qt_dir / "qtbase_sv.qm"), "PySide6/Qt/translations") in pairs
    assert bundle_data.keep_in_bundle("PySide6/Qt/translations/qtbase_sv.qm")
    assert not bundle_data.keep_in_bundle("PySide6/Qt/translations/qtbase_de.qm")
    # What the window needs stays; what pulls in QtQuick for nothing goes.
    assert bundle_data.keep_in_bundle("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert bundle_data.keep_in_bundle("PySide6/Qt/lib/libQt6Charts.so.6")
    assert not bundle_data.keep_in_bundle(
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert "PySide6.QtCharts" not in bundle_data.EXCLUDED_MODULES


def test_commands_loaded_by_name_are_hidden_imports(bundle_data: ModuleType) -> None:
    hidden = set(bundle_data.command_modules())
    assert {*COMMAND_MODULES, *UI_COMMAND_MODULES} <= hidden
    # What the migrations import is named too: PyInstaller never reads them as code.
    assert {"alembic.op", "alembic.context", "sqlalchemy", "app.db.types"} <= set(
        bundle_data.migration_imports())


def test_the_linux_download_holds_the_menu_entry_and_the_pack_type(tmp_path: Path) -> None:
    # A stand-in for dist/ringkvall (the real one is built in .ci/run).
    bundle = tmp_path / "ringkvall"
    bundle.mkdir()
    (bundle / "ringkvall").write_text("#!/bin/sh\n")
    out = _packaging("make_tarball").make_tarball(bundle, tmp_path)
    with tarfile.open(out) as archive:
        names = set(archive.getnames())
        top = next(iter(names)).split("/")[0]
        pack = archive.extractfile(f"{top}/ringkvall-pack.desktop")
        mime = archive.extractfile(f"{top}/ringkvall-mime.xml")
        assert pack is not None and mime is not None
        pack_text, mime_text = pack.read().decode(), mime.read().decode()
    assert {f"{top}/ringkvall/ringkvall", f"{top}/install.sh", f"{top}/ringkvall.desktop",
            f"{top}/ringkvall.png"} <= names
    assert 'Exec="@BUNDLE@/ringkvall" pack open %f' in pack_text
    assert "MimeType=application/x-ringkvall-pack;" in pack_text
    assert '<glob pattern="*.ringkvall"/>' in mime_text


def test_the_installers_package_this_version_of_the_bundle() -> None:
    import tomllib

    from app import __version__

    config = tomllib.loads((ROOT / "packaging" / "briefcase" / "pyproject.toml").read_text(
        encoding="utf-8"))["tool"]["briefcase"]
    assert config["version"] == __version__
    app = config["app"]["ringkvall"]
    assert app["windows"]["external_package_path"] == "../../dist/ringkvall"
    assert app["document_type"]["pack"]["extension"] == "ringkvall"
    # The Windows program without a console is made by the spec, beside ringkvall.exe.
    assert f'"{Path(app["windows"]["external_package_executable_path"]).stem}"' in \
        SPEC.read_text(encoding="utf-8")


# --- what the bundled app shows a volunteer ---------------------------------------------------


def _answer_welcome(qtbot: QtBot, name: str, seen: list[str]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if not isinstance(dialog, QInputDialog) or focus is None:
            QTimer.singleShot(20, answer)  # not shown, or not yet given the focus
            return
        label = dialog.findChild(QLabel)
        seen.append(label.text() if label is not None else "")
        QTest.keyClicks(focus, name)
        QTest.keyClick(focus, "\r")

    QTimer.singleShot(0, answer)


def test_first_start_opens_the_practice_campaign_and_asks_the_name_once(
        qtbot: QtBot, db: Database, qapp: QApplication) -> None:
    from ui import i18n
    from ui.app import _after_show

    i18n.set_language("sv")
    settings = Settings()
    ctx = UiContext(settings=settings, runner=TaskRunner(), opener=lambda: db, location="x")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    _answer_welcome(qtbot, "Anna", seen)
    _after_show(window, argparse.Namespace(practice=False), db)
    ctx.runner.wait()
    qtbot.waitUntil(lambda: window.home.campaigns.count() == 1)
    assert PRACTICE_NAME in window.home.campaigns.item(0).text()
    assert settings.get(VOLUNTEER_NAME) == "Anna"
    assert settings.get(PRACTICE_OFFERED)
    assert seen[0] == QCoreApplication.translate("welcome", WELCOME_TEXT)
    # The next start asks nothing: a modal dialog would block here.
    _after_show(window, argparse.Namespace(practice=False), db)
    assert QApplication.activeModalWidget() is None


def test_about_shows_the_version_and_where_newer_ones_are(
        qtbot: QtBot, db: Database, qapp: QApplication) -> None:
    from app import __version__

    ui_ctx = UiContext(db=db, settings=Settings(), runner=TaskRunner())
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    texts: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        texts.append(box.text())
        box.accept()

    on_next_modal(QMessageBox, read_and_close)
    window.show_about()
    url = ui_ctx.settings.get(UPDATE_URL)
    assert f"version {__version__}" in texts[0] and f'href="{url}"' in texts[0]
    assert not ui_ctx.settings.get(UPDATE_CHECK)
    # It says it does not go on the internet by itself.
    assert QCoreApplication.translate("MainWindow", OFFLINE_TEXT).strip() in texts[0]
