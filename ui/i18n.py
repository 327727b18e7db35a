"""Qt's translation system: English source strings, Swedish by default, English selectable.

Each area of the UI has its own .ts file (resources/translations/<area>_<lang>.ts) so parallel
work does not collide; all compiled .qm files for the chosen language are installed together.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource

LANGUAGES = ("sv", "en")
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resource("translations"))


def current_language() -> str:
    """The UI's language now ("sv" or "en"), as set_language left it."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def set_language(language: str) -> None:
    """Install the translators for `language`, replacing the previous ones.

    Installing or removing translators makes Qt send LanguageChange to every widget, which
    retranslates itself.
    """
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv"
                               else QLocale.Language.English, QLocale.Country.Sweden))
    if language == "en":
        return
    folder = resource("translations")
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
