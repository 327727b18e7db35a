"""The record of processing (GDPR Art. 30) of one campaign.

What the organiser writes (controller, contact, purpose, legal basis, recipients, security
measures, notes) is stored in `processing_record`; the rest is read from the campaign each
time: the categories of people (its target groups), the categories of data (the columns its
imports kept, the questions of its scripts), its retention date. A field never written shows a
suggestion made from the campaign's settings, in the record's language.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Call, Campaign, Contact, ImportRun, TargetGroup
from app.db.models import Script as ScriptRow
from app.db.models_record import ProcessingRecord
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services import audit
from app.services.lengths import check_fits
from app.services.scripts.versions import parsed_source

RECORD_ACTION = "record_updated"

# The legal bases an organiser may choose (the PDF and the dialog word them).
LEGAL_BASES = ("", "consent", "legitimate_interest", "members")

# Categories of data an import can keep, in the order the record lists them.
DATA_FIELDS = ("name", "phone", "street", "postcode", "city", "birth_year", "gender")
_NAME_FIELDS = {"first_name", "last_name", "name"}

_SUGGESTIONS: dict[str, tuple[str, str]] = {
    "purpose": (
        "Ringa väljare i föreningens målgrupper om den lokala frågan{issue}, bjuda in till "
        "ett möte{meeting} och fråga om de vill bli medlemmar. Följa upp det vi lovade i "
        "samtalen och rapportera resultatet till distriktet.",
        "Calling voters in the association's target groups about the local issue{issue}, "
        "inviting them to a meeting{meeting} and asking whether they want to become members. "
        "Following up what was promised in the calls and reporting the results to the "
        "district."),
    "recipients": (
        "Distriktet: siffror, samt namn och kontaktuppgifter för nya medlemmar och "
        "uppföljningar (export på distriktsnivå). Ingen överföring till land utanför EU/EES.",
        "The district: figures, and the names and contact details of new members and "
        "follow-ups (district-level export). No transfer outside the EU/EEA."),
    "security": (
        "Uppgifterna finns bara i Ringkväll: en databasfil som bara ägaren kan läsa, eller "
        "föreningens server där ringare bara ser den aktiva kampanjens personer. Exporter "
        "till distriktet har pseudonymer i stället för namn; en fullständig export måste "
        "bekräftas. Samtalspaket är krypterade. Loggfilen innehåller inga personuppgifter. "
        "Varje import, export, radering och utdrag skrivs i granskningsloggen.",
        "The data is kept in Ringkväll only: a database file only its owner can read, or "
        "the association's server, where callers see only the active campaign's people. "
        "Exports for the district hold pseudonyms instead of names; a full export must be "
        "confirmed. Calling packs are encrypted. The log file holds no personal data. Every "
        "import, export, erasure and extract is written to the audit trail."),
}


@dataclass(frozen=True)
class RecordFields:
    """What the organiser writes; each at most its column's length."""

    controller: str = ""
    contact: str = ""
    purpose: str = ""
    legal_basis: str = ""  # one of LEGAL_BASES
    recipients: str = ""
    security: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GroupInfo:
    name: str
    description: str
    people: int


@dataclass(frozen=True)
class RecordView:
    campaign_id: int
    campaign: str
    association: str
    starts_on: date | None
    ends_on: date | None
    delete_after: date | None
    anonymous_answers: bool
    fields: RecordFields  # stored, or suggested where never written
    saved: bool
    updated_at: datetime | None
    groups: tuple[GroupInfo, ...]
    data_fields: tuple[str, ...]  # of DATA_FIELDS, those the imports kept
    extra_columns: tuple[str, ...]  # the lists' own columns kept as they are
    questions: tuple[str, ...]  # the scripts' questions, by their step titles
    made_at: datetime


def campaign_id_by_name(db: Database, name: str) -> int:
    from app.services.campaigns import get_campaign

    with db.session() as session:
        return get_campaign(session, name).id


def processing_record(db: Database, campaign_id: int, *, language: str = "sv",
                      now: datetime | None = None) -> RecordView:
    with db.session() as session:
        return _view(session, campaign_id, language, now or utcnow())


def save_record(db: Database, campaign_id: int, values: RecordFields, *, actor: str = "",
                language: str = "sv", now: datetime | None = None) -> RecordView:
    """Store the organiser's fields (one transaction, recorded in the audit trail)."""
    if values.legal_basis not in LEGAL_BASES:
        raise UserError(QT_TRANSLATE_NOOP("app", "'{basis}' is not a legal basis Ringkväll "
                                                 "knows"), basis=values.legal_basis)
    cleaned = RecordFields(**{f.name: getattr(values, f.name).strip() for f in fields(values)})
    for f in fields(cleaned):
        check_fits(getattr(cleaned, f.name), getattr(ProcessingRecord, f.name))
    now = now or utcnow()
    with db.transaction() as session:
        _campaign(session, campaign_id)
        row = session.get(ProcessingRecord, campaign_id)
        if row is None:
            row = ProcessingRecord(campaign_id=campaign_id)
            session.add(row)
        for f in fields(cleaned):
            setattr(row, f.name, getattr(cleaned, f.name))
        row.updated_at = now
        # Which fields, never their words: they may name people (the contact person).
        audit.record(session, RECORD_ACTION, actor=actor, campaign_id=campaign_id)
        session.flush()
        return _view(session, campaign_id, language, now)


def suggested_fields(campaign: Campaign, language: str) -> RecordFields:
    index = 0 if language == "sv" else 1
    issue = f" ({campaign.local_issue.strip()})" if campaign.local_issue.strip() else ""
    meeting = f" ({campaign.meeting_title.strip()})" if campaign.meeting_title.strip() else ""
    return RecordFields(
        controller=campaign.association,
        purpose=_SUGGESTIONS["purpose"][index].format(issue=issue, meeting=meeting),
        recipients=_SUGGESTIONS["recipients"][index],
        security=_SUGGESTIONS["security"][index],
    )


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                        id=campaign_id)
    return campaign


def _view(session: Session, campaign_id: int, language: str, now: datetime) -> RecordView:
    campaign = _campaign(session, campaign_id)
    row = session.get(ProcessingRecord, campaign_id)
    suggested = suggested_fields(campaign, language)
    if row is None:
        values = suggested
    else:
        # A field left empty shows the suggestion, except the organiser's own words.
        stored = RecordFields(**{f.name: getattr(row, f.name) for f in fields(RecordFields)})
        values = replace(stored, **{
            f.name: getattr(suggested, f.name) for f in fields(RecordFields)
            if not getattr(stored, f.name) and getattr(suggested, f.name)})
    people = {group_id: int(count) for group_id, count in session.execute(
        select(Contact.target_group_id, func.count(Contact.id))
        .where(Contact.campaign_id == campaign_id).group_by(Contact.target_group_id))}
    groups = tuple(GroupInfo(g.name, g.description, int(people.get(g.id, 0)))
                   for g in session.scalars(select(TargetGroup).where(
                       TargetGroup.campaign_id == campaign_id).order_by(TargetGroup.name)))
    kept: set[str] = set()
    extra: list[str] = []
    for mapping in session.scalars(select(ImportRun.mapping).join(
            TargetGroup, TargetGroup.id == ImportRun.target_group_id)
            .where(TargetGroup.campaign_id == campaign_id).order_by(ImportRun.id)):
        for header, field in (mapping or {}).items():
            if field == "extra":
                if header not in extra:
                    extra.append(header)
            else:
                kept.add("name" if field in _NAME_FIELDS else field)
    if not kept:  # no import recorded (the practice campaign): what every person has
        kept = {"name", "phone"}
    return RecordView(
        campaign.id, campaign.name, campaign.association, campaign.starts_on,
        campaign.ends_on, campaign.delete_after, bool(campaign.anonymous_answers), values,
        row is not None, row.updated_at if row is not None else None, groups,
        tuple(f for f in DATA_FIELDS if f in kept), tuple(extra),
        _questions(session, campaign), now)


def _questions(session: Session, campaign: Campaign) -> tuple[str, ...]:
    """The questions of the active script and of every version calls were made with."""
    used = select(Call.script_id).where(Call.campaign_id == campaign.id).distinct()
    ids = set(session.scalars(used)) | {campaign.script_id}
    titles: list[str] = []
    for source in session.scalars(select(ScriptRow.source).where(
            ScriptRow.id.in_([i for i in ids if i is not None])).order_by(ScriptRow.id)):
        script = parsed_source(source)
        if script is None:
            continue
        for step, _question in script.questions():
            title = step.title.strip()
            if title and title not in titles:
                titles.append(title)
    return tuple(titles)
