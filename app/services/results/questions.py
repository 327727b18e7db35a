"""Script questions and the answers given: labels from the stored scripts, counts per option.

The questions come from the script versions the campaign's calls used (through the scripts
service). Whether an answer is a choice or free text is decided by its own call's version
(`AnswerKinds`). When a version cannot be read, the raw question keys and answer values stand
in for labels.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AnonymousAnswerCount, Answer, Call, Campaign
from app.services.scripts.model import Script
from app.services.scripts.versions import questions_by_key, scripts_by_id

if TYPE_CHECKING:
    from app.services.results.figures import ReportFilter

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Kinds whose answers are words people said, not a choice among options.
FREE_TEXT = frozenset({"text", "unknown"})


@dataclass(frozen=True)
class QuestionInfo:
    key: str
    label: str
    kind: str  # yes_no, single, multiple, scale, text (as in the scripts), or unknown
    options: tuple[tuple[str, str], ...]  # (value, label) in the script's order
    text_somewhere: bool = False  # some version asks it as free text


@dataclass(frozen=True)
class OptionCount:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class QuestionStats:
    key: str
    label: str
    kind: str
    answers: int  # calls that answered the question
    options: list[OptionCount]  # choices only: never free text
    mean: float | None  # scales only
    # Of `answers`, those that are free text by their own call's script version (a question
    # asked as text in an earlier version, or an answer without a script): counted, never shown.
    free_text: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key, "label": self.label, "kind": self.kind, "answers": self.answers,
            "free_text": self.free_text,
            "options": {o.value: o.count for o in self.options}, "mean": self.mean,
        }


class AnswerKinds:
    """Whether each answer is a choice or free text, by its question in the script version of
    its own call (never by the newest version: a question may change kind between versions).

    A choice is counted and exported at every level; free text (what someone said) only at
    the full level. Free text is: an answer to a text question, an answer whose call has no
    script, whose key that version does not ask, or whose value is not among that
    question's options. Only when a version cannot be read at all are the answers given under
    it guessed from their values (`guess_kind`), as before versions were told apart.
    """

    def __init__(self, session: Session, script_ids: Iterable[int]) -> None:
        self.scripts = scripts_by_id(session, script_ids)
        # Per readable version: its choice questions' kinds and option values.
        self._choices: dict[int, dict[str, tuple[str, frozenset[str]]]] = {}
        for script_id, script in self.scripts.items():
            if script is not None:
                self._choices[script_id] = {
                    key: (q.kind, frozenset(o.value for o in q.options))
                    for key, q in questions_by_key(script).items() if q.kind not in FREE_TEXT}
        self._guessed: dict[str, str] = {}

    @classmethod
    def for_answers(cls, session: Session,
                    rows: Iterable[tuple[str, object, int | None]]) -> AnswerKinds:
        """Load the versions these (key, value, script id) answers were given under."""
        rows = list(rows)
        kinds = cls(session, {sid for _k, _v, sid in rows if sid is not None})
        seen: dict[str, Counter[str]] = {}
        lists: set[str] = set()
        for key, value, script_id in rows:
            if script_id is not None and kinds.unreadable(script_id):
                seen.setdefault(key, Counter()).update(answer_values(value))
                if isinstance(value, list):
                    lists.add(key)
        kinds._guessed = {key: guess_kind(values, key in lists) for key, values in seen.items()}
        return kinds

    def unreadable(self, script_id: int) -> bool:
        return script_id in self.scripts and self.scripts[script_id] is None

    def choice(self, script_id: int | None, key: str, values: list[str]) -> str | None:
        """The kind of the choice these values make, or None: free text."""
        if script_id is None or not values:
            return None
        questions = self._choices.get(script_id)
        if questions is None:
            if self.unreadable(script_id):
                guessed = self._guessed.get(key)
                return guessed if guessed is not None and guessed not in FREE_TEXT else None
            return None
        found = questions.get(key)
        if found is None:
            return None
        kind, allowed = found
        return kind if all(v in allowed for v in values) else None


def catalogue(session: Session, campaign_id: int, script_ids: Iterable[int],
              scripts: dict[int, Script | None] | None = None) -> list[QuestionInfo]:
    """The questions of these versions (and the campaign's active one): the newest version's
    wording and kind, with the options of every version that asked the key as a choice."""
    ids = set(script_ids)
    active = session.scalar(select(Campaign.script_id).where(Campaign.id == campaign_id))
    if active is not None:
        ids.add(active)
    parsed = dict(scripts or {})
    missing = ids - set(parsed)
    if missing:
        parsed.update(scripts_by_id(session, missing))
    found: dict[str, QuestionInfo] = {}
    for script_id in sorted(ids, reverse=True):  # newest version's wording first
        script = parsed.get(script_id)
        if script is None:
            if script_id in parsed:
                log.warning("Script %s unreadable; using raw question keys", script_id)
            continue
        for step, question in script.questions():
            options = tuple((str(o.value), _no_placeholders(str(o.label)))
                            for o in question.options)
            info = found.get(question.key)
            if info is None:
                found[question.key] = QuestionInfo(
                    key=str(question.key),
                    label=_no_placeholders(str(step.title or question.key)),
                    kind=str(question.kind), options=options,
                    text_somewhere=question.kind in FREE_TEXT)
                continue
            known = {value for value, _label in info.options}
            found[question.key] = replace(
                info, options=info.options + tuple(o for o in options if o[0] not in known),
                text_somewhere=info.text_somewhere or question.kind in FREE_TEXT)
    return list(found.values())


def _no_placeholders(text: str) -> str:
    """"Ja, det är {first_name}" reads "Ja, det är …" in a table about many people."""
    return _PLACEHOLDER.sub("…", text)


def answer_values(value: object) -> list[str]:
    """An answer as a list of option values (multiple choice holds a list)."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    return [str(value)]


def question_stats(session: Session, campaign_id: int, flt: ReportFilter) -> list[QuestionStats]:
    """Answers counted per question: choices per option, free text only as a number."""
    from app.services.results.figures import filtered_calls

    stmt = filtered_calls(select(Answer.question_key, Answer.value, Call.script_id)
                          .join(Call, Call.id == Answer.call_id), campaign_id, flt)
    rows: list[tuple[str, object, int | None]] = [
        (key, value, script_id) for key, value, script_id in session.connection().execute(stmt)]
    anonymous = _anonymous_rows(session, campaign_id, flt)
    kinds = AnswerKinds.for_answers(
        session, rows + [(k, v, s) for k, v, s, _n in anonymous if v is not _FREE])
    counts: dict[str, Counter[str]] = {}
    answered: Counter[str] = Counter()
    free: Counter[str] = Counter()
    choice_kind: dict[str, tuple[int, str]] = {}  # key -> (newest version id, kind)
    weighted = [(k, v, s, 1) for k, v, s in rows] + anonymous
    for key, value, script_id, weight in weighted:
        if value is _FREE:  # a free-text answer counted without its words
            answered[key] += weight
            free[key] += weight
            continue
        values = answer_values(value)
        if not values:
            continue
        answered[key] += weight
        kind = kinds.choice(script_id, key, values)
        if kind is None:
            free[key] += weight
            continue
        counts.setdefault(key, Counter()).update({v: weight * n
                                                  for v, n in Counter(values).items()})
        assert script_id is not None  # a choice needs its version
        if key not in choice_kind or script_id > choice_kind[key][0]:
            choice_kind[key] = (script_id, kind)
    infos = {q.key: q for q in catalogue(session, campaign_id, kinds.scripts,
                                         kinds.scripts)}
    for key in sorted(set(answered) - set(infos)):
        infos[key] = QuestionInfo(key, key, "unknown", ())
    result = []
    for info in infos.values():
        key = info.key
        seen = counts.get(key, Counter())
        if key in choice_kind:
            kind = choice_kind[key][1]
        elif answered[key]:
            # Only free text so far (a version may ask it as a choice now).
            kind = "text" if info.text_somewhere else "unknown"
        else:
            kind = info.kind
        options: list[OptionCount] = []
        if kind not in FREE_TEXT:
            labels = dict(info.options)
            extra = sorted(v for v in seen if v not in labels)
            options = [OptionCount(v, labels.get(v, v), seen.get(v, 0))
                       for v in [*labels, *extra]]
        result.append(QuestionStats(key, info.label, kind, answered.get(key, 0), options,
                                    _mean(seen) if kind == "scale" else None,
                                    free_text=free.get(key, 0)))
    return result


_FREE = object()  # stands for a free-text answer kept only as a count


def _anonymous_rows(session: Session, campaign_id: int,
                    flt: ReportFilter) -> list[tuple[str, object, int | None, int]]:
    """The answers counted without a name (app/services/privacy/anonymous_answers.py) as
    (key, value, script id, how many), filtered like the calls: by target group and day."""
    from app.services.privacy.anonymous_answers import FREE_TEXT_VALUE

    t = AnonymousAnswerCount
    stmt = (select(t.question_key, t.value, t.script_id, func.sum(t.count))
            .where(t.campaign_id == campaign_id, t.count > 0)
            .group_by(t.question_key, t.value, t.script_id))
    if flt.group_id is not None:
        stmt = stmt.where(t.target_group_id == flt.group_id)
    if flt.first_day is not None:
        stmt = stmt.where(t.day >= flt.first_day)
    if flt.last_day is not None:
        stmt = stmt.where(t.day <= flt.last_day)
    return [(key, _FREE if value == FREE_TEXT_VALUE else json.loads(value), script_id, int(n))
            for key, value, script_id, n in session.execute(stmt)]


def guess_kind(seen: Counter[str], has_lists: bool) -> str:
    """The kind of a question no readable script describes, from the answers given.

    Anything not clearly a choice is "unknown" and treated like free text: it may hold what
    someone said, so it stays out of every export below the full level.
    """
    if has_lists:
        return "multiple"
    values = set(seen)
    if values <= {"yes", "no"}:
        return "yes_no"
    if values <= {"1", "2", "3", "4", "5"}:
        return "scale"
    return "unknown"


def _mean(seen: Counter[str]) -> float | None:
    total = 0.0
    n = 0
    for value, count in seen.items():
        try:
            number = float(value)
        except ValueError:
            continue
        total += number * count
        n += count
    return total / n if n else None
