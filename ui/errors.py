"""The GUI's one error path: a clear message for the user's mistakes, a details dialog for bugs."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import DatabaseBusy, UserError
from app.paths import log_file_path

log = logging.getLogger(__name__)


# Contexts that app/ code marks its messages with (QT_TRANSLATE_NOOP's first argument).
APP_CONTEXTS = ("app", "importing", "scripts", "calling", "results")


def translate_app_text(text: str) -> str:
    for context in APP_CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


def user_message(exc: UserError) -> str:
    """The UserError's message in the UI language: its template and text parameters translated."""
    template = translate_app_text(exc.template)
    translated_params = {
        k: translate_app_text(v) if isinstance(v, str) else v for k, v in exc.params.items()
    }
    try:
        return template.format(**translated_params) if exc.params else template
    except (KeyError, IndexError, ValueError):
        return str(exc)


def show_error(
    parent: QWidget | None, exc: BaseException, retry: Callable[[], None] | None = None
) -> None:
    """Tell the user what went wrong. "Database busy" and a lost server connection pass with a
    moment's wait, so with a `retry` they offer to try again at once."""
    retryable = isinstance(exc, DatabaseBusy) or getattr(exc, "retryable", False)
    if isinstance(exc, UserError) and retryable and retry is not None:
        if ask_retry(parent, exc):
            retry()
        return
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "Ringkväll"),
                            user_message(exc))
        return
    show_bug(parent, type(exc), exc, exc.__traceback__)


def ask_retry(parent: QWidget | None, exc: UserError) -> bool:
    """The message with "Try again" (the default, for Enter) and "Cancel"; True to try again."""
    box = QMessageBox(parent)
    box.setObjectName("retryBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "Ringkväll"))
    box.setText(user_message(exc))
    again = box.addButton(QCoreApplication.translate("errors", "&Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    again.setObjectName("retryButton")
    cancel = box.addButton(QCoreApplication.translate("errors", "Cancel"),
                           QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(again)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is again


def show_bug(
    parent: QWidget | None, kind: type[BaseException], exc: BaseException,
    tb: TracebackType | None,
) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("Unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Ringkväll ran into an error it did not expect. Your saved calls are safe.\n"
            "Please send the log file to whoever helps you with Ringkväll:\n{path}",
        ).format(path=log_file_path())
    )
    # True because of app/logs.py and hide_parameters in app/db/database.py.
    box.setInformativeText(QCoreApplication.translate(
        "errors", "The log file holds error details and technical information, never the "
        "names, numbers or answers of the people you call."))
    box.setDetailedText(details)
    box.exec()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, UserError):
            show_error(None, exc)
        else:
            show_bug(None, kind, exc, tb)

    sys.excepthook = hook
