"""Translated names for question kinds, outcomes, placeholders and validation problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.scripts import Problem


def kind_names() -> dict[str, str]:
    return {
        "": QCoreApplication.translate("scripts", "No question"),
        "yes_no": QCoreApplication.translate("scripts", "Yes or no"),
        "single": QCoreApplication.translate("scripts", "One choice"),
        "multiple": QCoreApplication.translate("scripts", "Several choices"),
        "scale": QCoreApplication.translate("scripts", "Scale 1 to 5"),
        "text": QCoreApplication.translate("scripts", "Free text"),
    }


def outcome_names() -> dict[str, str]:
    return {
        "": QCoreApplication.translate("scripts", "(no outcome)"),
        "conversation": QCoreApplication.translate("scripts", "Conversation held"),
        "recruited": QCoreApplication.translate("scripts", "Became a member"),
        "refused": QCoreApplication.translate("scripts", "Doesn't want to talk"),
        "do_not_call": QCoreApplication.translate("scripts", "Do not call again"),
        "callback": QCoreApplication.translate("scripts", "Call back"),
    }


def origin_name(origin: str) -> str:
    return {
        "builtin": QCoreApplication.translate("scripts", "built-in"),
        "imported": QCoreApplication.translate("scripts", "imported"),
        "edited": QCoreApplication.translate("scripts", "edited"),
    }.get(origin, origin)


def placeholder_names() -> dict[str, str]:
    return {
        "first_name": QCoreApplication.translate("scripts", "Contact's first name"),
        "volunteer": QCoreApplication.translate("scripts", "Your name (the caller)"),
        "association": QCoreApplication.translate("scripts", "The association"),
        "local_issue": QCoreApplication.translate("scripts", "The local issue"),
        "local_message": QCoreApplication.translate("scripts", "Our message on the issue"),
        "meeting_title": QCoreApplication.translate("scripts", "Meeting title"),
        "meeting_time": QCoreApplication.translate("scripts", "Meeting time"),
        "meeting_link": QCoreApplication.translate("scripts", "Meeting link"),
        "meeting_guest": QCoreApplication.translate("scripts", "Meeting guest"),
    }


def problem_text(problem: Problem) -> str:
    """A validation problem in the UI language, with its step and line."""
    template = QCoreApplication.translate("app", problem.template)
    params = {k: QCoreApplication.translate("app", v) if isinstance(v, str) else v
              for k, v in problem.params.items()}
    try:
        message = template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        message = problem.message
    line = str(problem.line)
    if problem.step is not None and problem.line is not None:
        text = QCoreApplication.translate("scripts", "Step '%1', line %2: %3")
        return text.replace("%1", problem.step).replace("%2", line).replace("%3", message)
    if problem.step is not None:
        text = QCoreApplication.translate("scripts", "Step '%1': %2")
        return text.replace("%1", problem.step).replace("%2", message)
    if problem.line is not None:
        text = QCoreApplication.translate("scripts", "Line %1: %2")
        return text.replace("%1", line).replace("%2", message)
    return message
