"""Translated names for question kinds, outcomes, placeholders and validation problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.scripts import Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("scripts", text)


def kind_names() -> dict[str, str]:
    return {
        "": _t("No question"),
        "yes_no": _t("Yes or no"),
        "single": _t("One choice"),
        "multiple": _t("Several choices"),
        "scale": _t("Scale 1 to 5"),
        "text": _t("Free text"),
    }


def outcome_names() -> dict[str, str]:
    return {
        "": _t("(no outcome)"),
        "conversation": _t("Conversation held"),
        "recruited": _t("Became a member"),
        "refused": _t("Doesn't want to talk"),
        "do_not_call": _t("Do not call again"),
        "callback": _t("Call back"),
    }


def origin_name(origin: str) -> str:
    return {
        "builtin": _t("built-in"),
        "imported": _t("imported"),
        "edited": _t("edited"),
    }.get(origin, origin)


def placeholder_names() -> dict[str, str]:
    return {
        "first_name": _t("Contact's first name"),
        "volunteer": _t("Your name (the caller)"),
        "association": _t("The association"),
        "local_issue": _t("The local issue"),
        "local_message": _t("Our message on the issue"),
        "meeting_title": _t("Meeting title"),
        "meeting_time": _t("Meeting time"),
        "meeting_link": _t("Meeting link"),
        "meeting_guest": _t("Meeting guest"),
    }


def problem_text(problem: Problem) -> str:
    """A validation problem in the UI language, with its step and line."""
    template = QCoreApplication.translate("app", problem.template)
    try:
        message = template.format(**problem.params) if problem.params else template
    except (KeyError, IndexError, ValueError):
        message = problem.message
    if problem.step is not None and problem.line is not None:
        return _t("Step '%1', line %2: %3").replace("%1", problem.step) \
            .replace("%2", str(problem.line)).replace("%3", message)
    if problem.step is not None:
        return _t("Step '%1': %2").replace("%1", problem.step).replace("%2", message)
    if problem.line is not None:
        return _t("Line %1: %2").replace("%1", str(problem.line)).replace("%2", message)
    return message
