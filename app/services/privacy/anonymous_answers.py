"""Answers without a name: a campaign switch under which answers are only counted.

With `campaign.anonymous_answers` on, a saved call's answers never become rows that point at
the call or the person: each adds one to a count per campaign, target group, script version,
local day, question and value (AnonymousAnswerCount). Free-text answers are counted as
"answered" with their words dropped. The figures, the dashboard and the aggregate export add
these counts to the per-call answers (app/services/results/questions.py), so they show the
same numbers with the switch on or off.

Undo: the counts cannot say which call they came from, so the process keeps what each of its
own anonymous saves counted (in memory only, never on disk) and takes exactly that back when
the call is undone. A call saved by another process or before a restart cannot be undone:
its answers could no longer be found without a link that must not exist.

Purge and erasure move per-call answers into the same counts (`move_to_counts`), so the
figures of a purged campaign stay exact.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.clock import local
from app.db.models import AnonymousAnswerCount, Answer, Call, Campaign
from app.services.calling.answers import choice_keys

FREE_TEXT_VALUE = "null"  # counted as answered; what was said is not kept

_Key = tuple[int, int, int | None, date, str, str]  # campaign, group, script, day, key, value


def canonical(value: object) -> str:
    """An answer's value as the text the counts are kept under."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def is_on(session: Session, campaign_id: int) -> bool:
    return bool(session.scalar(
        select(Campaign.anonymous_answers).where(Campaign.id == campaign_id)))


def set_anonymous_answers(session: Session, campaign_id: int, on: bool) -> bool:
    """Switch the campaign's setting in the caller's transaction; whether it changed."""
    changed = session.execute(
        update(Campaign).where(Campaign.id == campaign_id,
                               Campaign.anonymous_answers.is_not(on))
        .values(anonymous_answers=on).execution_options(synchronize_session=False))
    return bool(changed.rowcount)  # type: ignore[attr-defined]


def local_day(at: datetime) -> date:
    return local(at).date()


@dataclass(frozen=True)
class Counted:
    """What one anonymous save added, for its undo."""

    campaign_id: int
    group_id: int
    script_id: int | None
    day: date
    values: tuple[tuple[str, str], ...]  # (question key, stored value)


def counted_values(session: Session, script_id: int | None,
                   answers: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """The (key, stored value) pairs a call's answers add: choices by value, free text as
    FREE_TEXT_VALUE. Empty answers count as nothing, as in the per-call figures."""
    choices = choice_keys(session, script_id)
    pairs = []
    for key, value in answers.items():
        if value is None or value == "" or value == []:
            continue
        pairs.append((key, canonical(value) if key in choices else FREE_TEXT_VALUE))
    return tuple(sorted(pairs))


def add_counts(session: Session, keys: Mapping[_Key, int]) -> None:
    """Add to the counts, a few statements whatever the number of keys: one read, one update
    per existing row, one insert for the new ones. Two saves racing may both insert a row
    for the same key; readers add them up."""
    keys = {k: n for k, n in keys.items() if n}
    if not keys:
        return
    t = AnonymousAnswerCount
    scopes = {(k[0], k[1], k[2], k[3]) for k in keys}
    existing: dict[_Key, int] = {}
    for campaign_id, group_id, script_id, day in scopes:
        rows = session.execute(
            select(func.min(t.id), t.question_key, t.value)
            .where(t.campaign_id == campaign_id, t.target_group_id == group_id,
                   t.script_id.is_not_distinct_from(script_id), t.day == day,
                   t.question_key.in_({k[4] for k in keys}))
            .group_by(t.question_key, t.value))
        for row_id, question_key, value in rows:
            existing[(campaign_id, group_id, script_id, day, question_key, value)] = int(row_id)
    for key, n in keys.items():
        found = existing.get(key)
        if found is not None:
            session.execute(update(t).where(t.id == found).values(count=t.count + n)
                            .execution_options(synchronize_session=False))
    new = [dict(campaign_id=k[0], target_group_id=k[1], script_id=k[2], day=k[3],
                question_key=k[4], value=k[5], count=n)
           for k, n in keys.items() if k not in existing]
    if new:
        session.execute(insert(t), new)


def take_back(session: Session, counted: Counted) -> None:
    """Undo one save's counts; a count that reaches zero goes."""
    t = AnonymousAnswerCount
    for key, value in counted.values:
        row_id = session.scalar(
            select(func.min(t.id)).where(
                t.campaign_id == counted.campaign_id, t.target_group_id == counted.group_id,
                t.script_id.is_not_distinct_from(counted.script_id), t.day == counted.day,
                t.question_key == key, t.value == value, t.count > 0))
        if row_id is not None:
            session.execute(update(t).where(t.id == row_id).values(count=t.count - 1)
                            .execution_options(synchronize_session=False))
    session.execute(delete(t).where(t.campaign_id == counted.campaign_id, t.count <= 0))


def count_call(session: Session, *, campaign_id: int, group_id: int, script_id: int | None,
               started_at: datetime, answers: Mapping[str, object]) -> Counted:
    """Count one saved call's answers (in the save's transaction)."""
    counted = Counted(campaign_id, group_id, script_id, local_day(started_at),
                      counted_values(session, script_id, answers))
    add_counts(session, Counter(
        {(campaign_id, group_id, script_id, counted.day, k, v): 1 for k, v in counted.values}))
    return counted


def move_to_counts(session: Session, call_ids: Iterable[int] | None = None,
                   campaign_id: int | None = None) -> int:
    """Turn the per-call answers of these calls (or of the whole campaign) into counts and
    delete them; how many answers moved. Choices keep their value by their own call's script
    version, free text keeps only that it was answered."""
    from app.services.results.questions import AnswerKinds, answer_values

    stmt = (select(Answer.id, Answer.question_key, Answer.value, Call.script_id,
                   Call.campaign_id, Call.target_group_id, Call.started_at)
            .join(Call, Call.id == Answer.call_id))
    if campaign_id is not None:
        stmt = stmt.where(Call.campaign_id == campaign_id)
    if call_ids is not None:
        ids = list(call_ids)
        if not ids:
            return 0
        stmt = stmt.where(Call.id.in_(ids))
    rows = session.execute(stmt).all()
    if not rows:
        return 0
    triples = [(r.question_key, r.value, r.script_id) for r in rows]
    kinds = AnswerKinds.for_answers(session, triples)
    unreadable = {sid for sid in kinds.scripts if kinds.unreadable(sid)}
    if unreadable:
        # Answers under a version that cannot be read are told apart by guessing from every
        # answer given under it, as the figures do: the guess must see all of them.
        kinds = AnswerKinds.for_answers(
            session, triples + _given_under(session, unreadable, {r.id for r in rows}))
    keys: Counter[_Key] = Counter()
    for r in rows:
        values = answer_values(r.value)
        if not values:
            continue
        choice = kinds.choice(r.script_id, r.question_key, values)
        stored = canonical(r.value) if choice is not None else FREE_TEXT_VALUE
        keys[(r.campaign_id, r.target_group_id, r.script_id, local_day(r.started_at),
              r.question_key, stored)] += 1
    add_counts(session, keys)
    answer_ids = [r.id for r in rows]
    for start in range(0, len(answer_ids), 500):
        session.execute(delete(Answer).where(Answer.id.in_(answer_ids[start:start + 500])))
    return len(rows)


def _given_under(session: Session, script_ids: set[int],
                 leaving: set[int]) -> list[tuple[str, object, int | None]]:
    """The other answers given under these versions, per call and counted."""
    others: list[tuple[str, object, int | None]] = [
        (key, value, sid) for answer_id, key, value, sid in session.execute(
            select(Answer.id, Answer.question_key, Answer.value, Call.script_id)
            .join(Call, Call.id == Answer.call_id).where(Call.script_id.in_(script_ids)))
        if answer_id not in leaving]
    t = AnonymousAnswerCount
    others += [(key, json.loads(value), sid) for key, value, sid in session.execute(
        select(t.question_key, t.value, t.script_id).where(
            t.script_id.in_(script_ids), t.value != FREE_TEXT_VALUE, t.count > 0))]
    return others


# What this process's anonymous saves counted, by (database, call uuid), for Undo. By uuid,
# not id: a save rolled back leaves its entry here, and SQLite may give its id to another call.
_SAVED: OrderedDict[tuple[str, str], Counted] = OrderedDict()
_KEPT = 256
_LOCK = threading.Lock()


def _where(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def remember(session: Session, call_uuid: str, counted: Counted) -> None:
    with _LOCK:
        _SAVED[(_where(session), call_uuid)] = counted
        while len(_SAVED) > _KEPT:
            _SAVED.popitem(last=False)


def recall(session: Session, call_uuid: str) -> Counted | None:
    """What the save of the call `call_uuid` counted, when this process saved it."""
    with _LOCK:
        return _SAVED.get((_where(session), call_uuid))


def forget(session: Session, call_uuid: str) -> None:
    with _LOCK:
        _SAVED.pop((_where(session), call_uuid), None)


def answers_of(counted: Counted) -> dict[str, object]:
    """The choices a save counted, to put back on the screen after Undo (free text's words
    were never kept)."""
    return {key: json.loads(value) for key, value in counted.values
            if value != FREE_TEXT_VALUE}
