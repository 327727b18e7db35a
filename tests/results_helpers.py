"""A campaign with known calls for the results tests, inserted straight through the ORM.

Two target groups, three volunteers, three days, every outcome, two recruits, two
follow-ups, answers to four questions. The expected figures are worked out by hand in
EXPECTED (and per group / volunteer / day below) so the tests compare against arithmetic
done independently of the code under test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from app.db.database import Database
from app.db.models import (
    Answer,
    Call,
    Campaign,
    Contact,
    FollowUp,
    PhoneNumber,
    Recruit,
    Script,
    TargetGroup,
    Volunteer,
)
from app.domain.phone import parse_phone
from app.domain.status import ContactStatus, QueueRank

D1, D2, D3 = date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)
NOW = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
INJECTION = '=HYPERLINK("http://x","y")'
NOTE = "Hemlig anteckning om grannen"
FREE_TEXT = "Bra initiativ, men bussen behövs också på söndagar"


def at(day: date, minute: int) -> datetime:
    # Midday UTC: the same local calendar day in every time zone from -11 to +11.
    return datetime(day.year, day.month, day.day, 12, minute, tzinfo=UTC)


@dataclass
class Known:
    campaign_id: int
    campaign_name: str
    group_ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # contact key -> "First Last"
    numbers: dict[str, list[str]] = field(default_factory=dict)  # key -> national forms
    recruit_keys: tuple[str, ...] = ("a2", "b4")
    follow_up_keys: tuple[str, ...] = ("a1", "b3")
    volunteers: tuple[str, ...] = ("Alva Ringsson", "Bo Ringare", "Cai Telefon")


# key: (group, first, last, number, status, rank, next_call_at offset from NOW)
CONTACTS = {
    "a1": ("Centrum", "Anna", "Andersson", "070-174 06 05", ContactStatus.DONE, 1, -1),
    "a2": ("Centrum", "Bertil", "Berg", "070-174 06 06", ContactStatus.DONE, 1, -1),
    "a3": ("Centrum", "Cecilia", "Carlsson", "070-174 06 07", ContactStatus.OPEN,
           QueueRank.CALLBACK, 24),
    "a4": ("Centrum", INJECTION, "Injektionsson", "070-174 06 08", ContactStatus.DONE, 1, -1),
    "a5": ("Centrum", "David", "Dahl", "070-174 06 09", ContactStatus.OPEN, QueueRank.NEW, -1),
    "a6": ("Centrum", "Eva", "Ek", "070-174 06 10", ContactStatus.DNC, 1, -1),
    "b1": ("Norr", "Filip", "Fors", "08-465 004 00", ContactStatus.NO_NUMBER, 1, -1),
    "b2": ("Norr", "Greta", "Gran", "08-465 004 01", ContactStatus.OPEN, QueueRank.RETRY, 2),
    "b3": ("Norr", "Hugo", "Holm", "08-465 004 02", ContactStatus.DONE, 1, -1),
    "b4": ("Norr", "Ida", "Ivarsson", "08-465 004 03", ContactStatus.DONE, 1, -1),
}

# (contact, day, minute, volunteer index, outcome, talk seconds or None, signup, answers)
CALLS = [
    ("a1", D1, 0, 0, "no_answer", None, False, {}),
    ("a2", D1, 5, 0, "recruited", 600, False, {"stod_fragan": "yes", "betyg": "5"}),
    ("a3", D1, 20, 0, "busy", None, False, {}),
    ("b1", D1, 25, 1, "wrong_number", None, False, {}),
    ("a1", D2, 0, 1, "conversation", 300, True,
     {"stod_fragan": "yes", "betyg": "4", "amnen": ["buss", "skola"], "kommentar": FREE_TEXT}),
    ("a3", D2, 10, 2, "callback", 30, False, {}),
    ("a4", D2, 15, 1, "refused", 20, False, {}),
    ("b2", D2, 20, 0, "voicemail", None, False, {}),
    ("a6", D3, 0, 2, "do_not_call", 15, False, {}),
    ("b3", D3, 5, 0, "conversation", 240, False,
     {"stod_fragan": "no", "betyg": "2", "amnen": ["skola"]}),
    ("b4", D3, 10, 2, "recruited", 420, True, {"stod_fragan": "yes", "betyg": "4"}),
]

EXPECTED = {
    "contacts": 10, "tried": 9, "calls": 11, "reached": 7, "conversations": 4, "recruited": 2,
    "follow_ups": 2, "meeting_signups": 2, "do_not_call": 1, "wrong_numbers": 1,
    "still_to_call": 3,
}
EXPECTED_OUTCOMES = {
    "no_answer": 1, "busy": 1, "voicemail": 1, "wrong_number": 1, "callback": 1, "refused": 1,
    "do_not_call": 1, "conversation": 2, "recruited": 2,
}
EXPECTED_GROUPS = {
    "Centrum": {"contacts": 6, "tried": 5, "calls": 7, "reached": 5, "conversations": 2,
                "recruited": 1, "follow_ups": 1, "meeting_signups": 1, "do_not_call": 1,
                "wrong_numbers": 0, "still_to_call": 2},
    "Norr": {"contacts": 4, "tried": 4, "calls": 4, "reached": 2, "conversations": 2,
             "recruited": 1, "follow_ups": 1, "meeting_signups": 1, "do_not_call": 0,
             "wrong_numbers": 1, "still_to_call": 1},
}
EXPECTED_QUEUES = {
    "Centrum": {"callable_now": 1, "waiting_retry": 0, "callbacks_later": 1, "done": 3,
                "do_not_call": 1, "no_number": 0, "packed": 0},
    "Norr": {"callable_now": 0, "waiting_retry": 1, "callbacks_later": 0, "done": 2,
             "do_not_call": 0, "no_number": 1, "packed": 0},
}
EXPECTED_VOLUNTEERS = {
    "Alva Ringsson": {"calls": 5, "reached": 2, "conversations": 2, "recruited": 1,
                      "follow_ups": 1, "meeting_signups": 0, "talk_seconds": 840},
    "Bo Ringare": {"calls": 3, "reached": 2, "conversations": 1, "recruited": 0,
                   "follow_ups": 1, "meeting_signups": 1, "talk_seconds": 320},
    "Cai Telefon": {"calls": 3, "reached": 3, "conversations": 1, "recruited": 1,
                    "follow_ups": 0, "meeting_signups": 1, "talk_seconds": 465},
}
EXPECTED_DAYS = {
    D1: {"calls": 4, "reached": 1, "conversations": 1, "recruited": 1, "follow_ups": 0},
    D2: {"calls": 4, "reached": 3, "conversations": 1, "recruited": 0, "follow_ups": 1},
    D3: {"calls": 3, "reached": 3, "conversations": 2, "recruited": 1, "follow_ups": 1},
}
TALK_TOTAL = 1625
TALK_MEDIAN = 240.0


def build_campaign(db: Database, name: str = "Höstkampanj", association: str = "S-föreningen "
                   "Exempelstad", *, scale: int = 1) -> Known:
    """Insert the known campaign. `scale` > 1 repeats the contacts (for roll-up sums)."""
    with db.transaction() as session:
        campaign = Campaign(name=name, association=association, starts_on=D1, ends_on=D3,
                            local_issue="Kvällsbussarna i stadsdelen")
        session.add(campaign)
        session.flush()
        script = Script(campaign_id=campaign.id, key="lokal_fraga", name="Lokala frågan",
                        version=2, source="not a script the test relies on")
        session.add(script)
        groups = {g: TargetGroup(campaign_id=campaign.id, name=g) for g in ("Centrum", "Norr")}
        session.add_all(groups.values())
        volunteers = []
        for vname in Known(0, "").volunteers:
            existing = session.query(Volunteer).filter_by(name=vname).one_or_none()
            volunteers.append(existing or Volunteer(name=vname))
        session.add_all(volunteers)
        session.flush()
        known = Known(campaign.id, name, {g: t.id for g, t in groups.items()})
        for copy in range(scale):
            contacts: dict[str, Contact] = {}
            for key, (group, first, last, number, status, rank, hours) in CONTACTS.items():
                parsed = parse_phone(number)
                assert parsed.e164 and parsed.kind
                contact = Contact(
                    campaign_id=campaign.id, target_group_id=groups[group].id,
                    first_name=first, last_name=last if copy == 0 else f"{last}{copy}",
                    status=status.value, queue_rank=int(rank),
                    next_call_at=NOW + timedelta(hours=hours),
                )
                contact.phones.append(PhoneNumber(campaign_id=campaign.id, e164=parsed.e164,
                                                  raw=number, kind=parsed.kind.value))
                session.add(contact)
                contacts[key] = contact
                if copy == 0:
                    known.names[key] = f"{first} {last}"
                    known.numbers[key] = [number, parsed.e164]
            session.flush()
            _add_calls(session, campaign.id, contacts, volunteers, script.id)
    return known


def _add_calls(session: object, campaign_id: int, contacts: dict[str, Contact],
               volunteers: list[Volunteer], script_id: int) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    for key, day, minute, vol, outcome, talk, signup, answers in CALLS:
        contact = contacts[key]
        started = at(day, minute)
        call = Call(
            campaign_id=campaign_id, target_group_id=contact.target_group_id,
            contact_id=contact.id, volunteer_id=volunteers[vol].id,
            phone_number_id=contact.phones[0].id, number_dialled=contact.phones[0].e164,
            started_at=started,
            ended_at=started + timedelta(seconds=talk) if talk is not None else None,
            outcome=outcome, meeting_signup=signup, script_id=script_id,
            notes=NOTE if key == "a1" else "",
        )
        call.answers = [Answer(question_key=k, value=v) for k, v in answers.items()]
        session.add(call)
        session.flush()
        if outcome == "recruited":
            session.add(Recruit(
                call_id=call.id, first_name=contact.first_name, last_name=contact.last_name,
                email=f"{contact.first_name.lower()}@exempel.invalid",
                phone=contact.phones[0].e164, street="Påhittegatan 1", postcode="123 45",
                city="Exempelstad", birth_year=1980, consent_membership=True,
                consent_contact=True, consent_text="Jag vill bli medlem.",
                consented_at=started + timedelta(minutes=5),
            ))
        if key in ("a1", "b3") and outcome == "conversation":
            session.add(FollowUp(
                contact_id=contact.id, call_id=call.id,
                promised="Skicka inbjudan till mötet" if key == "a1" else "Ring upp om skolan",
                assigned_to="Bo Ringare" if key == "a1" else "Alva Ringsson",
                due_at=started + timedelta(days=7), created_at=started,
            ))


def workbook_texts(path: object) -> dict[str, list[str]]:
    """Every cell of every sheet (hidden ones too) as text, per sheet name."""
    from openpyxl import load_workbook

    wb = load_workbook(path)  # type: ignore[arg-type]
    texts: dict[str, list[str]] = {}
    for ws in wb.worksheets:
        texts[ws.title] = [str(c.value) for row in ws.iter_rows() for c in row
                           if c.value is not None]
    return texts


def sheets_containing(texts: dict[str, list[str]], needle: str) -> set[str]:
    """Names of the sheets where `needle` occurs inside any cell."""
    folded = needle.casefold()
    return {sheet for sheet, cells in texts.items()
            if any(folded in cell.casefold() for cell in cells)}


def number_forms(national: str, e164: str) -> list[str]:
    """The ways a number could be written: 070-174 06 05, 0701740605, +46701740605."""
    digits = "".join(ch for ch in national if ch.isdigit())
    return [national, digits, e164, e164[1:]]
