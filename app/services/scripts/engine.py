"""Walking a script during a call (or the editor's preview): no Qt, no database.

The run keeps a list of visits, one per step shown, in order. Going back removes the last
visit and clears the answer given on the step before; jumping adds a visit. What the
conversation achieved is folded from the visits that are still on the path, so undoing a step
also undoes its effects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from app.clock import local
from app.services.scripts.model import PLACEHOLDERS, Effects, Option, Script, Step

if TYPE_CHECKING:
    from app.db.models import Campaign

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

_WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def spoken_time(when: datetime, language: str = "sv") -> str:
    """The meeting time as a caller says it, in local time: "torsdag den 10 december kl. 18.00"."""
    at = local(when)
    lang = language if language in _WEEKDAYS else "en"
    weekday = _WEEKDAYS[lang][at.weekday()]
    month = _MONTHS[lang][at.month - 1]
    if lang == "sv":
        return f"{weekday} den {at.day} {month} kl. {at:%H.%M}"
    return f"{weekday} {at.day} {month} at {at:%H:%M}"


@dataclass(frozen=True)
class CallContext:
    """The values placeholders are filled with."""

    first_name: str = ""
    volunteer: str = ""
    association: str = ""
    local_issue: str = ""
    local_message: str = ""
    meeting_title: str = ""
    meeting_time: str = ""
    meeting_link: str = ""
    meeting_guest: str = ""

    @classmethod
    def for_call(
        cls, campaign: Campaign, contact_first_name: str, volunteer_name: str,
        language: str = "sv",
    ) -> CallContext:
        return cls(
            first_name=contact_first_name,
            volunteer=volunteer_name,
            association=campaign.association or "",
            local_issue=campaign.local_issue or "",
            local_message=campaign.local_message or "",
            meeting_title=campaign.meeting_title or "",
            meeting_time=spoken_time(campaign.meeting_at, language)
            if campaign.meeting_at else "",
            meeting_link=campaign.meeting_link or "",
            meeting_guest=campaign.meeting_guest or "",
        )

    def values(self) -> dict[str, str]:
        return {name: str(getattr(self, name)) for name in PLACEHOLDERS}


# What a caller sees where the campaign lacks a value: a visible gap, never `{local_issue}`
# (raw braces read as a broken program). The calling screen names the missing settings.
GAP = "…"


def render(text: str, context: CallContext) -> str:
    """Fill the placeholders; a value the campaign lacks becomes a visible gap (GAP)."""
    values = context.values()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)  # not a placeholder (validation refuses unknown names)
        return values[name] or GAP

    return PLACEHOLDER_RE.sub(fill, text)


# Placeholders filled by the contact or the caller, never by the campaign's settings.
_PER_CALL = frozenset({"first_name", "volunteer"})


def missing_settings(script: Script, context: CallContext) -> list[str]:
    """The campaign placeholders the script uses that have no value, in script order."""
    values = context.values()
    found: list[str] = []
    texts = [script.consent_text]
    for step in script.steps:
        texts += [step.title, step.text, step.hint]
        if step.question is not None:
            texts += [option.label for option in step.question.options]
    for text in texts:
        for name in PLACEHOLDER_RE.findall(text or ""):
            if name in values and name not in _PER_CALL and not values[name] \
                    and name not in found:
                found.append(name)
    return found


@dataclass(frozen=True)
class Achieved:
    outcome: str | None = None
    follow_up: str | None = None
    meeting_signup: bool = False
    membership: bool = False


_UNANSWERED = object()


@dataclass
class _Visit:
    step_id: str
    answer: object = _UNANSWERED
    chosen: tuple[Option, ...] = field(default_factory=tuple)


class ScriptRun:
    """One walk through a script, as a caller makes it."""

    def __init__(self, script: Script, context: CallContext | None = None) -> None:
        if not script.steps:
            raise ValueError("a script without steps cannot be run")
        self.script = script
        self.context = context or CallContext()
        self._visits: list[_Visit] = [_Visit(script.start)]
        self._finished = False

    # --- where we are -------------------------------------------------------------------
    @property
    def current(self) -> Step:
        return self.script.step(self._visits[-1].step_id)

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def path(self) -> list[str]:
        return [visit.step_id for visit in self._visits]

    @property
    def can_go_back(self) -> bool:
        return len(self._visits) > 1 or self._finished

    def render(self, text: str) -> str:
        return render(text, self.context)

    @property
    def consent_text(self) -> str:
        """The script's consent text with placeholders filled: what is read and saved."""
        return self.render(self.script.consent_text)

    # --- moving ---------------------------------------------------------------------------
    def answer(self, value: str | list[str]) -> None:
        """Record the answer to the current step's question and move on along the choice."""
        self._require_running()
        step = self.current
        question = step.question
        if question is None:
            raise ValueError(f"step {step.id!r} has no question")
        chosen: tuple[Option, ...]
        stored: object
        if question.kind == "multiple":
            if isinstance(value, str):
                raise TypeError("a multiple-choice answer is a list of option values")
            chosen = tuple(self._option(step, v) for v in value)
            stored = [option.value for option in chosen]
        else:
            if not isinstance(value, str):
                raise TypeError(f"a {question.kind} answer is one string")
            if question.kind == "text":
                chosen = ()
                stored = value
            else:
                chosen = (self._option(step, value),)
                stored = value
        visit = self._visits[-1]
        visit.answer = stored
        visit.chosen = chosen
        self._go(self._next_after(step, chosen))

    def advance(self) -> None:
        """Go on from a step without a question, or skip the current question."""
        self._require_running()
        step = self.current
        target = step.next
        if target is None and step.question is not None:
            # Skipping a question with no common next step: follow the first branch that
            # leads on, so a skip never ends the conversation by accident.
            target = next((o.next for o in step.question.options if o.next), None)
        self._go(target)

    def back(self) -> None:
        """Return to the step before and undo the answer given there."""
        if self._finished:
            self._finished = False
        elif len(self._visits) > 1:
            self._visits.pop()
        else:
            return
        visit = self._visits[-1]
        visit.answer = _UNANSWERED
        visit.chosen = ()

    def jump(self, step_id: str) -> None:
        """Go straight to any step; `back` returns to where the jump was made."""
        self.script.step(step_id)  # KeyError for an unknown step
        self._finished = False
        self._visits.append(_Visit(step_id))

    # --- results ----------------------------------------------------------------------------
    @property
    def answers(self) -> dict[str, object]:
        result: dict[str, object] = {}
        for visit in self._visits:
            question = self.script.step(visit.step_id).question
            if question is not None and visit.answer is not _UNANSWERED:
                result[question.key] = visit.answer
        return result

    @property
    def achieved(self) -> Achieved:
        """Effects of the steps on the path and the options chosen; a later outcome or
        follow-up replaces an earlier one (the conversation's end decides)."""
        outcome: str | None = None
        follow_up: str | None = None
        meeting = membership = False
        for visit in self._visits:
            step = self.script.step(visit.step_id)
            for effects in (step.effects, *(o.effects for o in visit.chosen)):
                outcome = effects.outcome or outcome
                follow_up = effects.follow_up or follow_up
                meeting = meeting or effects.meeting_signup
                membership = membership or effects.membership
        return Achieved(outcome, follow_up, meeting, membership)

    def effects_here(self) -> Effects:
        return self.current.effects

    # --- internals --------------------------------------------------------------------------
    def _option(self, step: Step, value: str) -> Option:
        assert step.question is not None
        option = step.question.option(value)
        if option is None:
            # never the value: it is an answer, and this message may reach the log
            raise ValueError(f"an answer that is not an option of step {step.id!r}")
        return option

    @staticmethod
    def _next_after(step: Step, chosen: tuple[Option, ...]) -> str | None:
        for option in chosen:
            if option.next:
                return option.next
        return step.next

    def _go(self, target: str | None) -> None:
        if target is None:
            self._finished = True
            return
        self.script.step(target)
        self._visits.append(_Visit(target))

    def _require_running(self) -> None:
        if self._finished:
            raise RuntimeError("the script has ended; go back or jump to continue")
