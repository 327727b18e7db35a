"""Labels shared by the calling widgets: outcomes, phone kinds, queue reasons."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from app.clock import local
from app.domain.outcomes import outcome_label
from app.services.calling import QueueState
from ui.i18n import current_language


def outcome_text(outcome: str) -> str:
    """The outcome's one label (app.domain.outcomes), in the UI's language: the screen says
    what the Excel export and the statistics say."""
    try:
        return outcome_label(outcome, current_language())
    except ValueError:
        return outcome


def setting_text(placeholder: str) -> str:
    """The campaign setting a script placeholder takes its value from, as the campaign
    dialog names it."""
    texts = {
        "association": QCoreApplication.translate("calling", "the association's name"),
        "local_issue": QCoreApplication.translate("calling", "the local issue"),
        "local_message": QCoreApplication.translate("calling", "the association's message"),
        "meeting_title": QCoreApplication.translate("calling", "the meeting's title"),
        "meeting_time": QCoreApplication.translate("calling", "the meeting's time"),
        "meeting_link": QCoreApplication.translate("calling", "the meeting's link"),
        "meeting_guest": QCoreApplication.translate("calling", "the meeting's guest"),
    }
    return texts.get(placeholder, placeholder)


def kind_text(kind: str) -> str:
    texts = {
        "mobile": QCoreApplication.translate("calling", "mobile"),
        "fixed": QCoreApplication.translate("calling", "landline"),
        "fixed_or_mobile": QCoreApplication.translate("calling", "landline or mobile"),
        "voip": QCoreApplication.translate("calling", "internet phone"),
        "personal": QCoreApplication.translate("calling", "personal number"),
    }
    return texts.get(kind, kind)


def when_text(when: datetime | None) -> str:
    """A time as the volunteer reads it: "18:30" today, else "tor 10 dec 18:30"."""
    if when is None:
        return ""
    at = local(when)
    locale = QLocale()
    today = local(datetime.now(at.tzinfo)).date()
    clock = f"{at:%H:%M}"
    if at.date() == today:
        return clock
    day = QDate(at.year, at.month, at.day)
    return f"{locale.toString(day, 'ddd d MMM')} {clock}"


class QueueTexts(QObject):
    """Why the queue is empty, in words (a QObject so lupdate finds the plural forms)."""

    def reasons(self, state: QueueState) -> list[str]:
        """Why nobody is offered, most useful first, with counts."""
        lines: list[str] = []
        if state.outside_hours:
            line = self.tr("It is outside the campaign's calling hours (today %1).").replace(
                "%1", state.hours_text)
            if state.opens_at is not None:
                line += " " + self.tr("Calling opens again %1.").replace(
                    "%1", when_text(state.opens_at))
            lines.append(line)
        if state.total == 0:
            lines.append(self.tr("There are no contacts to call here yet. Import a phone "
                                 "list first."))
            return lines
        if state.all_done:
            lines.append(self.tr("Everyone has been called: all %n contact(s) are done.", "",
                                 state.done))
            return lines
        if state.due and not state.outside_hours:
            lines.append(self.tr("%n contact(s) are being called by others right now.", "",
                                 state.due))
        if state.retry_waiting:
            lines.append(self.tr("%n contact(s) wait to be tried again, the first at %1.", "",
                                 state.retry_waiting).replace("%1", when_text(state.retry_at)))
        if state.callbacks_later:
            lines.append(self.tr("%n callback(s) are due later, the first at %1.", "",
                                 state.callbacks_later)
                         .replace("%1", when_text(state.callback_at)))
        if state.packed:
            lines.append(self.tr("%n contact(s) are in calling packs on volunteers' laptops.",
                                 "", state.packed))
        if state.done:
            lines.append(self.tr("%n contact(s) are done.", "", state.done))
        return lines


def queue_reasons(state: QueueState) -> list[str]:
    return QueueTexts().reasons(state)
