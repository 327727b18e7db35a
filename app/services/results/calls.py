"""A row per call, shared by the Samtal sheet and the CSV export, shaped by the privacy level.

Below `full` a contact is a pseudonym ("Kontakt 17"), numbered in order of first call within
this file only, and volunteers are "Ringare 3"; numbers, notes and free-text answers are left
out. Whether an answer is free text is decided by the script version of its own call.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Answer, Call, Contact, Script, TargetGroup, Volunteer
from app.domain.outcomes import outcome_label
from app.domain.phone import format_national
from app.progress import NoProgress, Progress
from app.services.results.figures import ReportBuilder, ReportFilter, filtered_calls
from app.services.results.labels import Labels
from app.services.results.privacy import Privacy
from app.services.results.questions import (
    FREE_TEXT,
    AnswerKinds,
    QuestionInfo,
    QuestionStats,
    answer_values,
    question_stats,
)
from app.services.results.timezone import local_offset

PROGRESS_EVERY = 2000


@dataclass
class CallTable:
    headers: list[str]
    rows: Iterator[list[object]]
    total: int
    date_columns: tuple[int, ...]  # 0-based columns holding datetimes
    # Per 0-based column, the widest values it may hold anywhere in the table (a sheet's
    # columns are sized before its rows stream past).
    samples: dict[int, list[object]] = field(default_factory=dict)
    numeric: tuple[int, ...] = ()  # 0-based columns holding numbers


def excel_time(value: datetime) -> datetime:
    """Local wall-clock time without a zone: what a spreadsheet shows and sorts on."""
    return (value + local_offset(value)).replace(tzinfo=None, microsecond=0)


class Pseudonyms:
    """Stable within one file: the same id gets the same number each time."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._numbers: dict[object, int] = {}

    def __call__(self, key: object) -> str:
        number = self._numbers.setdefault(key, len(self._numbers) + 1)
        return self.template.format(n=number)


def call_table(session: Session, campaign_id: int, privacy: Privacy, language: str,
               flt: ReportFilter | None = None, progress: Progress | None = None,
               volunteer_alias: Pseudonyms | None = None,
               questions: list[QuestionStats] | None = None,
               builder: ReportBuilder | None = None) -> CallTable:
    """The calls' header and rows (a generator: read it while the session is open)."""
    flt = flt or ReportFilter()
    volunteer_alias = volunteer_alias or Pseudonyms(Labels(language)["volunteer_pseudonym"])
    progress = progress or NoProgress()
    labels = Labels(language)
    full = privacy.identities
    if questions is None:
        questions = question_stats(session, campaign_id, flt)
    # A column per question with choices; free-text questions only where free text may go.
    infos = [QuestionInfo(q.key, q.label, q.kind, tuple((o.value, o.label) for o in q.options))
             for q in questions if privacy.free_text or q.kind not in FREE_TEXT]
    headers = [labels["time"], labels["volunteer"], labels["target_group"], labels["contact"]]
    if full:
        headers.append(labels["number"])
    headers += [labels["outcome"], labels["talk_seconds"], labels["meeting_signup"],
                labels["script"]]
    headers += [q.label for q in infos]
    if full:
        headers.append(labels["notes"])
    total = session.scalar(filtered_calls(select(func.count(Call.id)), campaign_id, flt)) or 0
    samples, numeric = _samples(session, campaign_id, privacy, labels, infos, total)
    return CallTable(headers, _rows(session, campaign_id, flt, privacy, labels, infos,
                                    total, progress, volunteer_alias, builder), total, (0,),
                     samples, numeric)


def _samples(session: Session, campaign_id: int, privacy: Privacy, labels: Labels,
             infos: list[QuestionInfo], total: int) -> tuple[dict[int, list[object]],
                                                              tuple[int, ...]]:
    """The widest value of each column, from the campaign's names and the scripts' labels
    (cheap queries: no pass over the calls)."""
    from app.domain.outcomes import Outcome

    full = privacy.identities
    groups: list[object] = list(session.scalars(
        select(TargetGroup.name).where(TargetGroup.campaign_id == campaign_id)))
    volunteers: list[object] = (list(session.scalars(select(Volunteer.name))) if full
                  else [labels["volunteer_pseudonym"].format(n=max(total, 1))])
    if full:
        longest = session.scalar(
            select(func.max(func.length(Contact.first_name) + func.length(Contact.last_name)))
            .where(Contact.campaign_id == campaign_id)) or 0
        contacts: list[object] = ["W" * (int(longest) + 1), "070-123 45 67"]
    else:
        contacts = [labels["pseudonym"].format(n=max(total, 1))]
    outcomes: list[object] = []
    for outcome in Outcome:
        try:
            outcomes.append(outcome_label(outcome.value, labels.language))
        except ValueError:
            outcomes.append(outcome.value)
    scripts: list[object] = [f"{key} v{version}" for key, version in session.execute(
        select(Script.key, Script.version).where(Script.campaign_id == campaign_id))]
    samples: dict[int, list[object]] = {1: volunteers, 2: groups, 3: contacts[:1]}
    column = 4
    if full:
        samples[column] = contacts[1:]
        column += 1
    samples[column] = outcomes
    numeric = [column + 1]
    samples[column + 2] = [labels["yes"], labels["no"]]
    samples[column + 3] = scripts
    column += 4
    for info in infos:
        if info.kind == "scale":
            numeric.append(column)
        elif info.kind == "multiple":
            samples[column] = [", ".join(label for _v, label in info.options)]
        elif info.kind in FREE_TEXT:
            samples[column] = ["x" * 60]  # what people said: as wide as a column may be
        else:
            samples[column] = [label for _v, label in info.options]
        column += 1
    if full:
        samples[column] = ["x" * 60]  # the notes
    return samples, tuple(numeric)


def _rows(session: Session, campaign_id: int, flt: ReportFilter, privacy: Privacy,
          labels: Labels, questions: list[QuestionInfo], total: int,
          progress: Progress, volunteer_alias: Pseudonyms,
          builder: ReportBuilder | None) -> Iterator[list[object]]:
    full = privacy.identities
    language = labels.language
    answers = _answers(session, campaign_id, flt, privacy.free_text)
    option_labels = [dict(q.options) for q in questions]
    kinds = [q.kind for q in questions]
    keys = [q.key for q in questions]
    outcome_names: dict[str, str] = {}
    yes, no = labels["yes"], labels["no"]
    contact_alias = Pseudonyms(labels["pseudonym"])
    scripts = {sid: f"{key} v{version}" for sid, key, version in
               session.execute(select(Script.id, Script.key, Script.version))}
    stmt = filtered_calls(
        select(Call.id, Call.started_at, Call.ended_at, Volunteer.name, Call.volunteer_id,
               TargetGroup.name, Call.contact_id, Contact.first_name, Contact.last_name,
               Call.number_dialled, Call.outcome, Call.meeting_signup, Call.script_id,
               Call.notes, Call.target_group_id)
        .join(Contact, Contact.id == Call.contact_id)
        .join(TargetGroup, TargetGroup.id == Call.target_group_id)
        .outerjoin(Volunteer, Volunteer.id == Call.volunteer_id)
        .order_by(Call.started_at, Call.id), campaign_id, flt)
    national = _NationalNumbers()
    done = 0
    progress.report(0, total)
    for (cid, started, ended, volunteer, vid, group, contact_id, first, last, number, outcome,
         signup, script_id, notes, gid) in session.connection().execute(stmt):
        if builder is not None:
            builder.add_call(cid, contact_id, gid, vid, started, ended, outcome, signup)
        label = outcome_names.get(outcome)
        if label is None:
            try:
                label = outcome_label(outcome, language)
            except ValueError:
                label = outcome
            outcome_names[outcome] = label
        talk = None
        if ended is not None:
            seconds = round((ended - started).total_seconds())
            talk = seconds if seconds >= 0 else None
        row: list[object] = [excel_time(started)]
        if full:
            row += [volunteer or "", group, f"{first} {last}".strip(), national(number)]
        else:
            row += [volunteer_alias(vid) if vid is not None else "", group,
                    contact_alias(contact_id)]
        row += [label, talk, yes if signup else no, scripts.get(script_id, "")]
        given = answers.get(cid)
        if given:
            for index, key in enumerate(keys):
                row.append(_answer_cell(given.get(key), kinds[index], option_labels[index]))
        else:
            row += [None] * len(keys)
        if full:
            row.append(notes or None)
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress.report(done, total)
    progress.report(done, total)


def _answers(session: Session, campaign_id: int, flt: ReportFilter,
             free_text: bool) -> dict[int, dict[str, object]]:
    """Each call's answers; below `full` only its choices, judged by the call's own script
    version (an earlier version may have asked the same key as free text)."""
    rows = session.connection().execute(filtered_calls(
        select(Answer.call_id, Answer.question_key, Answer.value, Call.script_id)
        .join(Call, Call.id == Answer.call_id), campaign_id, flt)).all()
    answers: dict[int, dict[str, object]] = {}
    if free_text:
        for call_id, key, value, _script_id in rows:
            answers.setdefault(call_id, {})[key] = value
        return answers
    kinds = AnswerKinds.for_answers(session, ((key, value, script_id)
                                              for _cid, key, value, script_id in rows))
    for call_id, key, value, script_id in rows:
        if kinds.choice(script_id, key, answer_values(value)) is not None:
            answers.setdefault(call_id, {})[key] = value
    return answers


class _NationalNumbers:
    """070-123 45 67 style, parsed once per number (parsing is the slow part)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __call__(self, e164: str) -> str:
        if not e164.startswith("+"):
            return e164
        text = self._cache.get(e164)
        if text is None:
            text = self._cache[e164] = format_national(e164)
        return text


def _answer_cell(value: object, kind: str, options: dict[str, str]) -> object:
    values = answer_values(value)
    if not values:
        return None
    if kind == "scale" and len(values) == 1:
        try:
            return int(values[0])
        except ValueError:
            return values[0]
    return ", ".join(options.get(v, v) for v in values)
