"""Access on request (GDPR Art. 15): everything Ringkväll stores about one person, as a
workbook in Swedish or English.

The person is found by a number or a contact's id; every campaign's people holding any of
that person's numbers are included, so one extract covers every campaign. Who called them is
left out: a volunteer's name is someone else's personal data (Art. 15(4)).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import (
    Answer,
    Call,
    Campaign,
    Contact,
    DoNotCall,
    FollowUp,
    ImportRun,
    PhoneNumber,
    Recruit,
    TargetGroup,
)
from app.db.models_review import CallVersion
from app.domain.outcomes import outcome_label
from app.domain.phone import format_national, parse_phone
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.output_paths import check_output, output_error
from app.services.results.calls import excel_time
from app.services.results.sheet_writer import SheetWriter
from app.services.results.spool import discard, private_spool, save_workbook
from app.services.scripts.model import Question
from app.services.scripts.versions import questions_by_key, scripts_by_id

ACCESS_ACTION = "person_exported"

_TEXTS: dict[str, tuple[str, str]] = {
    "sheet.about": ("Om utdraget", "About"),
    "sheet.person": ("Personuppgifter", "Personal data"),
    "sheet.numbers": ("Telefonnummer", "Phone numbers"),
    "sheet.source": ("Varifrån", "Source"),
    "sheet.calls": ("Samtal", "Calls"),
    "sheet.answers": ("Svar", "Answers"),
    "sheet.follow_ups": ("Uppföljning", "Follow-ups"),
    "sheet.recruits": ("Medlemsansökan", "Membership"),
    "sheet.versions": ("Rättade samtal", "Corrected calls"),
    "sheet.dnc": ("Spärrlista", "Do-not-call list"),
    "title": ("Allt Ringkväll har sparat om en person", "Everything Ringkväll stores about "
                                                        "one person"),
    "made": ("Gjort", "Made"),
    "searched": ("Sökt på", "Searched for"),
    "explain": ("Varje flik visar en sorts uppgifter. En tom flik betyder att inget sådant "
                "finns sparat. Vem som ringde visas inte.",
                "Each sheet holds one kind of data. An empty sheet means nothing of that kind "
                "is stored. Who made the calls is not shown."),
    "campaign": ("Kampanj", "Campaign"),
    "association": ("Förening", "Association"),
    "group": ("Målgrupp", "Target group"),
    "group_description": ("Om målgruppen", "About the target group"),
    "id": ("Id", "Id"),
    "first_name": ("Förnamn", "First name"),
    "last_name": ("Efternamn", "Last name"),
    "street": ("Gatuadress", "Street address"),
    "postcode": ("Postnummer", "Postcode"),
    "city": ("Postort", "City"),
    "birth_year": ("Födelseår", "Birth year"),
    "gender": ("Kön", "Gender"),
    "extra": ("Fler uppgifter från listan", "More data from the list"),
    "status": ("Läge", "Status"),
    "attempts": ("Försök", "Attempts"),
    "last_called": ("Senast uppringd", "Last called"),
    "notes_for_next": ("Anteckning till nästa ringare", "Note for the next caller"),
    "added": ("Tillagd", "Added"),
    "number": ("Nummer", "Number"),
    "kind": ("Sort", "Kind"),
    "wrong": ("Markerat som fel nummer", "Marked as a wrong number"),
    "file": ("Fil", "File"),
    "sheet": ("Flik", "Sheet"),
    "imported_at": ("Importerad", "Imported"),
    "time": ("Tid", "Time"),
    "number_dialled": ("Uppringt nummer", "Number dialled"),
    "outcome": ("Utfall", "Outcome"),
    "talk_seconds": ("Samtalstid (s)", "Talk time (s)"),
    "meeting_signup": ("Anmäld till möte", "Meeting sign-up"),
    "script": ("Manus", "Script"),
    "notes": ("Anteckningar", "Notes"),
    "call_time": ("Samtalets tid", "Time of the call"),
    "question": ("Fråga", "Question"),
    "answer": ("Svar", "Answer"),
    "promised": ("Vad vi lovade", "What was promised"),
    "assigned_to": ("Till vem", "To whom"),
    "due": ("Senast", "Due"),
    "done_at": ("Klar", "Done"),
    "created": ("Skapad", "Created"),
    "email": ("E-post", "Email"),
    "phone": ("Telefon", "Phone"),
    "consent_membership": ("Samtycke medlemskap", "Consent to membership"),
    "consent_contact": ("Samtycke kontakt", "Consent to be contacted"),
    "consent_text": ("Samtyckestexten personen godkände", "The consent text agreed to"),
    "consented_at": ("Samtycke givet", "Consent given"),
    "reason": ("Varför", "Why"),
    "version": ("Version", "Version"),
    "changed_at": ("Ändrad", "Changed"),
    "answers": ("Svar", "Answers"),
    "source": ("Källa", "Source"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "reason.call": ("bad om det i ett samtal", "asked during a call"),
    "reason.window": ("lagt till av en organisatör", "added by an organiser"),
    "reason.file": ("från en spärrfil", "from a do-not-call file"),
}


@dataclass(frozen=True)
class AccessResult:
    path: Path
    contacts: int  # the person's rows, one per campaign (or target group) they are in
    campaigns: int
    calls: int
    answers: int
    follow_ups: int
    recruits: int
    do_not_call: int

    def as_dict(self) -> dict[str, object]:
        return {"file": str(self.path), "contacts": self.contacts, "campaigns": self.campaigns,
                "calls": self.calls, "answers": self.answers, "follow_ups": self.follow_ups,
                "recruits": self.recruits, "do_not_call": self.do_not_call}


class _Labels:
    def __init__(self, language: str) -> None:
        self.index = 0 if language == "sv" else 1

    def __getitem__(self, key: str) -> str:
        return _TEXTS[key][self.index]

    def yes_no(self, value: bool) -> str:
        return self["yes" if value else "no"]


def find_person(session: Session, query: str, region: str = "SE") -> tuple[list[int], set[str]]:
    """The contact ids (every campaign) and E.164 numbers of the person a number or contact
    id names; a UserError when nobody matches."""
    text = query.strip()
    ids: set[int] = set()
    if (text.isdigit() and not text.startswith("0")
            and session.get(Contact, int(text)) is not None):
        ids.add(int(text))
    if not ids:
        parsed = parse_phone(text, region)
        if parsed.e164 is not None:
            ids.update(session.scalars(
                select(PhoneNumber.contact_id).where(PhoneNumber.e164 == parsed.e164)))
            if not ids and session.scalar(
                    select(DoNotCall.id).where(DoNotCall.e164 == parsed.e164)) is not None:
                return [], {parsed.e164}  # only on the do-not-call list
    if not ids:
        raise UserError(QT_TRANSLATE_NOOP("app", "Nobody with the number or id '{query}' is "
                                                 "stored"), query=text)
    numbers = set(session.scalars(
        select(PhoneNumber.e164).where(PhoneNumber.contact_id.in_(sorted(ids)))))
    if numbers:  # the same person in other campaigns, through their numbers
        ids.update(session.scalars(
            select(PhoneNumber.contact_id).where(PhoneNumber.e164.in_(sorted(numbers)))))
    return sorted(ids), numbers


def export_person(db: Database, query: str, target: Path, *, language: str = "sv",
                  region: str = "SE", force: bool = False, actor: str = "",
                  now: datetime | None = None) -> AccessResult:
    """Write the extract for the person `query` names to `target` (atomically) and record
    it in the audit trail, in one transaction."""
    target = check_output(target, database=db, force=True)
    now = now or utcnow()
    labels = _Labels(language)
    with db.transaction() as session:
        ids, numbers = find_person(session, query, region)
        with private_spool():
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            try:
                counts = _write(wb, session, ids, numbers, labels, query.strip(), now)
                save_workbook(wb, target, force=force)
            except OSError as exc:
                discard(wb)
                raise output_error(target, exc) from None
            except BaseException:
                discard(wb)
                raise
        result = AccessResult(target, *counts)
        audit.record(session, ACCESS_ACTION, actor=actor, file=audit.file_name(target),
                     contacts=result.contacts, campaigns=result.campaigns)
    return result


def _write(wb: Any, session: Session, ids: list[int], numbers: set[str], labels: _Labels,
           query: str, now: datetime) -> tuple[int, int, int, int, int, int, int]:
    sheets = {key: SheetWriter(wb.create_sheet(labels[f"sheet.{key}"])) for key in (
        "about", "person", "numbers", "source", "calls", "versions", "answers", "follow_ups",
        "recruits", "dnc")}
    contacts = session.execute(
        select(Contact, Campaign.name, Campaign.association, TargetGroup.name,
               TargetGroup.description)
        .join(Campaign, Campaign.id == Contact.campaign_id)
        .join(TargetGroup, TargetGroup.id == Contact.target_group_id)
        .where(Contact.id.in_(ids)).order_by(Campaign.name, Contact.id)).all()
    campaign_of = {c.id: name for c, name, *_ in contacts}
    _about(sheets["about"], labels, query, now, sorted({(n, a) for _c, n, a, *_ in contacts}))
    _table(sheets["person"], labels, (
        "campaign", "group", "id", "first_name", "last_name", "street", "postcode", "city",
        "birth_year", "gender", "extra", "status", "attempts", "last_called", "notes_for_next",
        "added"), ([name, group, c.id, c.first_name, c.last_name, c.street, c.postcode, c.city,
                    c.birth_year, c.gender, _extra(c.extra), c.status, c.attempts,
                    _time(c.last_called_at), c.notes_for_next, _time(c.created_at)]
                   for c, name, _assoc, group, _desc in contacts))
    phones = session.scalars(select(PhoneNumber).where(PhoneNumber.contact_id.in_(ids))
                             .order_by(PhoneNumber.contact_id, PhoneNumber.position)).all()
    _table(sheets["numbers"], labels, ("campaign", "number", "kind", "wrong"), (
        [campaign_of.get(p.contact_id, ""), format_national(p.e164), p.kind,
         labels.yes_no(p.failed)] for p in phones))
    runs = {r.id: r for r in session.scalars(select(ImportRun).where(ImportRun.id.in_(
        [c.import_run_id for c, *_ in contacts if c.import_run_id is not None])))}
    _table(sheets["source"], labels, (
        "campaign", "group", "group_description", "file", "sheet", "imported_at"), (
        [name, group, desc, *_run(runs.get(c.import_run_id or -1))]
        for c, name, _assoc, group, desc in contacts))
    calls = session.scalars(select(Call).where(Call.contact_id.in_(ids))
                            .order_by(Call.started_at, Call.id)).all()
    _table(sheets["calls"], labels, (
        "campaign", "time", "number_dialled", "outcome", "talk_seconds", "meeting_signup",
        "script", "notes"), ([
            campaign_of.get(c.contact_id, ""), _time(c.started_at),
            format_national(c.number_dialled) if c.number_dialled else "",
            outcome_label(c.outcome, "sv" if labels.index == 0 else "en"), _talk(c),
            labels.yes_no(c.meeting_signup), _script_name(session, c.script_id), c.notes]
            for c in calls))
    call_ids = [c.id for c in calls]
    # Every earlier version of a corrected call holds its own notes and answers.
    versions = session.execute(
        select(CallVersion, Call.contact_id).join(Call, Call.id == CallVersion.call_id)
        .where(CallVersion.call_id.in_(call_ids))
        .order_by(Call.started_at, CallVersion.call_id, CallVersion.version)).all()
    _table(sheets["versions"], labels, (
        "campaign", "version", "changed_at", "outcome", "notes", "answers"), ([
            campaign_of.get(contact_id, ""), v.version, _time(v.changed_at),
            outcome_label(v.outcome, "sv" if labels.index == 0 else "en"), v.notes,
            _answers_text(v.answers)] for v, contact_id in versions))
    answered = session.execute(
        select(Answer, Call.started_at, Call.contact_id, Call.script_id)
        .join(Call, Call.id == Answer.call_id).where(Answer.call_id.in_(call_ids))
        .order_by(Call.started_at, Answer.id)).all()
    questions = _questions(session, (s for *_, s in answered if s is not None))
    _table(sheets["answers"], labels, ("campaign", "call_time", "question", "answer"), (
        [campaign_of.get(contact_id, ""), _time(at),
         *_answer(questions.get(script_id or -1, {}).get(a.question_key), a, labels)]
        for a, at, contact_id, script_id in answered))
    follow_ups = session.scalars(select(FollowUp).where(FollowUp.contact_id.in_(ids))
                                 .order_by(FollowUp.created_at, FollowUp.id)).all()
    _table(sheets["follow_ups"], labels, (
        "campaign", "promised", "assigned_to", "due", "done_at", "created"), (
        [campaign_of.get(f.contact_id, ""), f.promised, f.assigned_to, _time(f.due_at),
         _time(f.done_at), _time(f.created_at)] for f in follow_ups))
    recruits = session.execute(
        select(Recruit, Call.contact_id, Call.started_at).join(Call, Call.id == Recruit.call_id)
        .where(Recruit.call_id.in_(call_ids)).order_by(Call.started_at)).all()
    _table(sheets["recruits"], labels, (
        "campaign", "call_time", "first_name", "last_name", "email", "phone", "street",
        "postcode", "city", "birth_year", "consent_membership", "consent_contact",
        "consent_text", "consented_at"), ([
            campaign_of.get(contact_id, ""), _time(at), r.first_name, r.last_name, r.email,
            r.phone, r.street, r.postcode, r.city, r.birth_year,
            labels.yes_no(r.consent_membership), labels.yes_no(r.consent_contact),
            r.consent_text, _time(r.consented_at)] for r, contact_id, at in recruits))
    blocked = session.scalars(select(DoNotCall).where(DoNotCall.e164.in_(sorted(numbers)))
                              .order_by(DoNotCall.added_at)).all()
    _table(sheets["dnc"], labels, ("number", "reason", "source", "added"), (
        [format_national(d.e164), _reason(d.reason, labels), d.source, _time(d.added_at)]
        for d in blocked))
    return (len(contacts), len(set(campaign_of.values())), len(calls), len(answered),
            len(follow_ups), len(recruits), len(blocked))


def _about(w: SheetWriter, labels: _Labels, query: str, now: datetime,
           campaigns: list[tuple[str, str]]) -> None:
    w.widths([24, 90])
    w.append([w.styled(labels["title"], big=True)])
    w.append([labels["made"], w.styled(excel_time(now))])
    w.append([labels["searched"], query])
    for name, association in campaigns:
        w.append([labels["campaign"], f"{name} ({association})" if association else name])
    w.blank()
    w.append([labels["explain"]])


def _table(w: SheetWriter, labels: _Labels, keys: Sequence[str],
           rows: Iterable[list[Any]]) -> None:
    w.widths([22] * len(keys))
    w.table_header([labels[k] for k in keys])
    for row in rows:
        w.append(row)
    w.finish_table(len(keys))


def _time(value: datetime | None) -> datetime | None:
    return excel_time(value) if value is not None else None


def _talk(call: Call) -> int | None:
    if call.ended_at is None:
        return None
    return max(0, int((call.ended_at - call.started_at).total_seconds()))


def _answers_text(answers: dict[str, Any] | None) -> str:
    return "; ".join(f"{key}: {value}" for key, value in (answers or {}).items())


def _extra(extra: dict[str, Any] | None) -> str:
    return "; ".join(f"{k}: {v}" for k, v in (extra or {}).items())


def _run(run: ImportRun | None) -> list[Any]:
    if run is None:
        return ["", "", None]
    return [run.file_name, run.sheet or "", _time(run.imported_at)]


def _reason(reason: str, labels: _Labels) -> str:
    key = f"reason.{reason}"
    return labels[key] if key in _TEXTS else reason


def _script_name(session: Session, script_id: int | None) -> str:
    if script_id is None:
        return ""
    from app.db.models import Script

    row = session.get(Script, script_id)
    return f"{row.key} v{row.version}" if row is not None else ""


def _questions(session: Session, script_ids: Iterable[int]) -> dict[int, dict[str, Question]]:
    out: dict[int, dict[str, Question]] = {}
    for sid, script in scripts_by_id(session, script_ids).items():
        out[sid] = questions_by_key(script) if script is not None else {}
    return out


def _answer(question: Question | None, answer: Answer, labels: _Labels) -> list[str]:
    """[question, answer] in words: choices by their labels, the rest as given."""
    key = answer.question_key
    value = answer.value
    values = value if isinstance(value, list) else [value]
    if question is not None and question.options:
        words = [_option_label(question, v) for v in values]
    elif isinstance(value, bool):
        words = [labels.yes_no(value)]
    else:
        words = ["" if v is None else str(v) for v in values]
    return [key, ", ".join(words)]


def _option_label(question: Question, value: object) -> str:
    option = question.option(str(value))
    return option.label if option is not None else str(value)
