"""Script questions and the answers given: labels from the stored scripts, counts per option.

The questions come from the scripts the campaign's calls used (through the scripts service).
When a script cannot be read, the raw question keys and answer values stand in for labels.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Answer, Call, Campaign

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
    options: list[OptionCount]
    mean: float | None  # scales only

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key, "label": self.label, "kind": self.kind, "answers": self.answers,
            "options": {o.value: o.count for o in self.options}, "mean": self.mean,
        }


def _script_questions(session: Session, script_id: int) -> list[QuestionInfo]:
    try:
        from app.services.scripts import script_by_id  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return []
    try:
        stored = script_by_id(session, script_id)
        pairs = stored.script.questions()
    except Exception:  # a broken stored script must not stop the figures
        log.warning("Script %s unreadable; using raw question keys", script_id, exc_info=True)
        return []
    return [
        QuestionInfo(
            key=str(question.key),
            label=_no_placeholders(str(step.title or question.key)),
            kind=str(question.kind),
            options=tuple((str(o.value), _no_placeholders(str(o.label)))
                          for o in question.options),
        )
        for step, question in pairs
    ]


def _no_placeholders(text: str) -> str:
    """"Ja, det är {first_name}" reads "Ja, det är …" in a table about many people."""
    return _PLACEHOLDER.sub("…", text)


def catalogue(session: Session, campaign_id: int, script_ids: Iterable[int]) -> list[QuestionInfo]:
    """The questions of these scripts (and the campaign's active one), first version wins."""
    ids = set(script_ids)
    active = session.scalar(select(Campaign.script_id).where(Campaign.id == campaign_id))
    if active is not None:
        ids.add(active)
    found: dict[str, QuestionInfo] = {}
    for script_id in sorted(ids, reverse=True):  # newest version's wording first
        for info in _script_questions(session, script_id):
            found.setdefault(info.key, info)
    return list(found.values())


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
    from app.services.results.figures import filtered_calls

    stmt = filtered_calls(select(Answer.question_key, Answer.value, Call.script_id)
                          .join(Call, Call.id == Answer.call_id), campaign_id, flt)
    counts: dict[str, Counter[str]] = {}
    answered: Counter[str] = Counter()
    lists: set[str] = set()
    script_ids: set[int] = set()
    for key, value, script_id in session.connection().execute(stmt):
        values = answer_values(value)
        if script_id is not None:
            script_ids.add(script_id)
        if not values:
            continue
        if isinstance(value, list):
            lists.add(key)
        answered[key] += 1
        counts.setdefault(key, Counter()).update(values)
    infos = {q.key: q for q in catalogue(session, campaign_id, script_ids)}
    for key in sorted(set(counts) - set(infos)):
        infos[key] = QuestionInfo(key, key, guess_kind(counts[key], key in lists),
                                  tuple((v, v) for v in sorted(counts[key])))
    result = []
    for info in infos.values():
        seen = counts.get(info.key, Counter())
        if info.kind in FREE_TEXT:
            options: list[OptionCount] = []
        else:
            known = [v for v, _ in info.options]
            labels = dict(info.options)
            extra = sorted(v for v in seen if v not in labels)
            options = [OptionCount(v, labels.get(v, v), seen.get(v, 0)) for v in known + extra]
        result.append(QuestionStats(info.key, info.label, info.kind, answered.get(info.key, 0),
                                    options, _mean(seen) if info.kind == "scale" else None))
    return result


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
