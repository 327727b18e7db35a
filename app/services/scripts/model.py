"""A conversation script as plain frozen data: steps, questions, options and their effects.

The YAML format (see docs/scripts.md) is read into these classes by `loader`; the engine walks
them; the editor builds new ones and `writer` turns them back into YAML.
"""

from __future__ import annotations

from dataclasses import dataclass

OUTCOMES = ("conversation", "recruited", "refused", "do_not_call", "callback")
KINDS = ("yes_no", "single", "multiple", "scale", "text")
SCALE_VALUES = ("1", "2", "3", "4", "5")
YES_NO_VALUES = ("yes", "no")
PLACEHOLDERS = (
    "first_name", "volunteer", "association", "local_issue", "local_message",
    "meeting_title", "meeting_time", "meeting_link", "meeting_guest",
)


@dataclass(frozen=True)
class Effects:
    """What reaching a step, or choosing an option, says about the conversation."""

    outcome: str | None = None  # one of OUTCOMES
    follow_up: str | None = None  # what was promised; someone gets back to the person
    meeting_signup: bool = False
    membership: bool = False  # the step that collects membership details and consent

    @property
    def empty(self) -> bool:
        return self == NO_EFFECTS


NO_EFFECTS = Effects()


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    # The step after choosing this option; None continues with the step's own `next`
    # (and ends the script when that is None too).
    next: str | None = None
    effects: Effects = NO_EFFECTS


@dataclass(frozen=True)
class Question:
    kind: str  # one of KINDS
    key: str  # the name the answer is stored and counted under
    options: tuple[Option, ...] = ()

    def option(self, value: str) -> Option | None:
        for option in self.options:
            if option.value == value:
                return option
        return None


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str = ""  # what the caller says
    hint: str = ""  # for the caller only, not read aloud
    question: Question | None = None
    next: str | None = None  # None ends the script (unless an option leads on)
    effects: Effects = NO_EFFECTS


@dataclass(frozen=True)
class Script:
    key: str  # stable across versions
    name: str
    language: str
    version: int
    steps: tuple[Step, ...]
    # Read to the person before they agree to membership; saved with the recruit.
    consent_text: str = ""
    description: str = ""

    @property
    def start(self) -> str:
        return self.steps[0].id

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def has_step(self, step_id: str) -> bool:
        return any(step.id == step_id for step in self.steps)

    def questions(self) -> list[tuple[Step, Question]]:
        return [(step, step.question) for step in self.steps if step.question is not None]

    def membership_step(self) -> Step | None:
        for step in self.steps:
            if step.effects.membership:
                return step
        return None
