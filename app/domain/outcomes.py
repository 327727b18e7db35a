"""The fixed set of call outcomes, in the order of the calling screen's buttons (Ctrl+1..9)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    CALLBACK = "callback"
    REFUSED = "refused"
    DO_NOT_CALL = "do_not_call"
    CONVERSATION = "conversation"
    RECRUITED = "recruited"


@dataclass(frozen=True)
class OutcomeInfo:
    outcome: Outcome
    sv: str
    en: str

    def label(self, language: str) -> str:
        return self.sv if language == "sv" else self.en


# The one label of each outcome: the calling screen, its dialogs, the Excel and CSV exports and
# the statistics all show these words, so a volunteer and the district read the same thing.
OUTCOMES: tuple[OutcomeInfo, ...] = (
    OutcomeInfo(Outcome.NO_ANSWER, "Svarar inte", "No answer"),
    OutcomeInfo(Outcome.BUSY, "Upptaget", "Busy"),
    OutcomeInfo(Outcome.VOICEMAIL, "Telefonsvarare", "Voicemail"),
    OutcomeInfo(Outcome.WRONG_NUMBER, "Fel nummer", "Wrong number"),
    OutcomeInfo(Outcome.CALLBACK, "Ring tillbaka", "Call back"),
    OutcomeInfo(Outcome.REFUSED, "Vill inte prata", "Doesn't want to talk"),
    OutcomeInfo(Outcome.DO_NOT_CALL, "Ring aldrig igen", "Never call again"),
    OutcomeInfo(Outcome.CONVERSATION, "Samtal genomfört", "Conversation held"),
    OutcomeInfo(Outcome.RECRUITED, "Blev medlem", "Became a member"),
)
_INFO = {info.outcome: info for info in OUTCOMES}

# A person answered the phone.
REACHED = frozenset(
    {Outcome.CONVERSATION, Outcome.RECRUITED, Outcome.REFUSED, Outcome.DO_NOT_CALL,
     Outcome.CALLBACK}
)
CONVERSATIONS = frozenset({Outcome.CONVERSATION, Outcome.RECRUITED})
# Nobody answered: the contact comes back after the campaign's retry wait.
RETRY = frozenset({Outcome.NO_ANSWER, Outcome.BUSY, Outcome.VOICEMAIL})


def outcome_label(outcome: Outcome | str, language: str = "sv") -> str:
    return _INFO[Outcome(outcome)].label(language)
