"""What the bundle must carry that PyInstaller does not find by following imports.

Used by packaging/ringkvall.spec and by tests/test_bundle_spec.py (which checks, without a
build, that nothing the app loads by path is left out). Standard library only: the test
imports it without PyInstaller.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Loaded by path, not imported: Alembic reads env.py and versions/*.py from the folder
# (app/db/migrate.py), so the .py files themselves must be there, beside the compiled app.
MIGRATIONS = Path("app/db/migrations")
# resources/ is found through resources.__file__ (app/paths.py): translations, scripts, the
# practice list, the icon. The .ts sources and Python files are not needed at run time.
RESOURCES = Path("resources")
RESOURCE_SUFFIXES = (".qm", ".yaml", ".csv", ".json", ".png", ".svg", ".xml", ".desktop")
# Qt's own Swedish texts ("Avbryt" for Cancel, the file dialogs' words); the PySide6 hooks do
# not always take them, and without them every standard button stays English.
QT_TRANSLATIONS = ("qtbase_sv.qm", "qt_sv.qm")

# Imported by name (importlib) from COMMAND_MODULES, so PyInstaller cannot see them.
COMMAND_PACKAGES = ("app.cli", "ui.cli")

# Qt modules the app never uses: left out so the folder stays small (each pulls in its
# libraries and plugins). The app uses QtCore, QtGui, QtWidgets and QtCharts.
EXCLUDED_MODULES = (
    "tkinter",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DCore", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DRender",
    "PySide6.QtBluetooth", "PySide6.QtDataVisualization", "PySide6.QtDesigner",
    "PySide6.QtGraphs", "PySide6.QtGraphsWidgets", "PySide6.QtHelp", "PySide6.QtHttpServer",
    "PySide6.QtLocation", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth", "PySide6.QtNfc", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtQuickWidgets", "PySide6.QtRemoteObjects",
    "PySide6.QtScxml", "PySide6.QtSensors", "PySide6.QtSerialBus", "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio", "PySide6.QtSql", "PySide6.QtStateMachine", "PySide6.QtSvg",
    "PySide6.QtSvgWidgets", "PySide6.QtTest", "PySide6.QtTextToSpeech", "PySide6.QtUiTools",
    "PySide6.QtWebChannel", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.QtXml", "PySide6.QtCanvasPainter",
)


# Qt plugins and libraries the PySide6 hooks take along that Ringkväll never loads: the virtual
# keyboard (it alone pulls in QtQuick and QtQml, about 20 MB), PDF pictures, the embedded-device
# platforms, network information. Kept: xcb, wayland, offscreen and minimal, the desktop
# themes (file dialogs), the input methods (dead keys, ibus), pictures, GL integration.
DROPPED_PARTS = (
    "plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    "plugins/imageformats/libqpdf", "plugins/imageformats/qpdf",
    "plugins/egldeviceintegrations/", "plugins/generic/", "plugins/networkinformation/",
    "plugins/tls/", "plugins/platforms/libqeglfs", "plugins/platforms/libqlinuxfb",
    "plugins/platforms/libqminimalegl", "plugins/platforms/libqvnc",
    "plugins/platforms/libqvkkhrdisplay", "Qt/lib/libQt6VirtualKeyboard",
    "Qt/lib/libQt6Quick", "Qt/lib/libQt6Qml", "Qt/lib/libQt6Pdf", "Qt/lib/libQt6EglFs",
    "Qt/lib/libQt6EglFS",
)
# Of Qt's own translations only the Swedish ones are shown (English is the source language).
QT_TRANSLATION_FOLDER = "PySide6/Qt/translations/"


def keep_in_bundle(destination: str) -> bool:
    """Whether a file PyInstaller collected (by its path inside the bundle) stays."""
    path = destination.replace("\\", "/")
    if any(part in path for part in DROPPED_PARTS):
        return False
    if path.startswith(QT_TRANSLATION_FOLDER):
        return path.endswith("_sv.qm")
    return True


def _files(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts
                  and (suffixes is None or p.suffix in suffixes))


def data_files() -> list[tuple[str, str]]:
    """(source file, destination folder inside the bundle) pairs, PyInstaller's `datas`."""
    pairs: list[tuple[str, str]] = []
    for path in (*_files(MIGRATIONS), *_files(RESOURCES, RESOURCE_SUFFIXES)):
        pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def qt_translation_files(qt_translations_dir: Path) -> list[tuple[str, str]]:
    """Qt's own Swedish .qm files, where the bundled PySide6 looks for them."""
    return [(str(qt_translations_dir / name), "PySide6/Qt/translations")
            for name in QT_TRANSLATIONS if (qt_translations_dir / name).exists()]


def command_modules() -> list[str]:
    """Every cmd_*.py under the packages of COMMAND_PACKAGES, as module names."""
    names: list[str] = []
    for package in COMMAND_PACKAGES:
        folder = ROOT.joinpath(*package.split("."))
        names += [f"{package}.{p.stem}" for p in sorted(folder.glob("cmd_*.py"))]
    return names


def migration_imports() -> list[str]:
    """What the migrations (and their env.py) import: they are read by path at run time, so
    PyInstaller never sees their imports unless they are named."""
    names: set[str] = set()
    for path in _files(MIGRATIONS, (".py",)):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names
                             if node.module == "alembic")
    names.discard("__future__")
    return sorted(names)
