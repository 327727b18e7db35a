"""No text from lists, callers or other associations' files ever becomes a formula in a workbook.

Hypothesis makes campaigns whose every text field starts like a formula (`=`, `+`, `-`, `@`,
a tab, a carriage return, an error value such as `#N/A`): campaign, association, local
issue, target group, volunteer, contact names, notes, answers (free text, a choice, the
question's key), follow-ups and recruits' fields. They are stored in a real database (a
SQLite file, and a PostgreSQL database when the tests run on a server), exported at every
privacy level in both languages and rolled up, and every cell of every sheet of every file
(the hidden ones too) is read back with openpyxl.
"""

from __future__ import annotations

import itertools
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app.db.database import Database
from app.db.models import (
    Answer,
    Call,
    Campaign,
    Contact,
    FollowUp,
    PhoneNumber,
    Recruit,
    TargetGroup,
    Volunteer,
)
from app.errors import UserError
from app.services.calling import CallInput, RecruitInput, next_contact, save_call
from app.services.results import Privacy, export_xlsx, write_rollup
from app.services.results.meta import SHEET
from app.services.results.safe_text import ERROR_VALUES, xlsx_text
from app.services.results.sheet_writer import SheetWriter
from tests.calling_helpers import e164, make_campaign, number, volunteer_id

NOW = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "=HYPERLINK(\"http://x\",\"y\")",
          "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\x01=1+1", "#N/A",
          "#REF!")
FIELDS = ("campaign", "association", "issue", "group", "volunteer", "first", "last", "notes",
          "free", "choice", "question", "promised", "assigned", "email", "street", "postcode",
          "city", "consent")

tails = st.text(alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FF),
                max_size=12)
hostile = st.builds(lambda start, tail: start + tail, st.sampled_from(STARTS), tails)
hostile_fields = st.fixed_dictionaries({name: hostile for name in FIELDS})


def stored(text: str) -> str:
    """The text as the file holds it (unstorable characters dropped, CR as LF)."""
    return xlsx_text(text)[0]


def looks_like_formula(value: str) -> bool:
    """Text a spreadsheet (or openpyxl, on assignment) would take for a formula or error."""
    return bool(value) and (value[0] in "=+-@" or value[0] < " " or value in ERROR_VALUES)


@dataclass
class Checked:
    cells: int = 0
    marked: int = 0
    texts: set[str] | None = None


def assert_no_formula(path: Path, checked: Checked) -> None:
    """Every cell of every sheet: never a formula; formula-like text is marked as text."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, (path.name, name)
    wb = load_workbook(path)  # not read-only: data_type and styles are reliable
    assert SHEET in wb.sheetnames and wb[SHEET].sheet_state == "hidden"
    texts = checked.texts if checked.texts is not None else set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                checked.cells += 1
                assert cell.data_type != "f", (path.name, ws.title, cell.coordinate)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                    if looks_like_formula(cell.value):
                        assert cell.data_type == "s", (path.name, ws.title, cell.coordinate)
                        assert cell.quotePrefix, (path.name, ws.title, cell.coordinate)
                        checked.marked += 1
    checked.texts = texts


def _width(column: str) -> int:
    length: int = Recruit.__table__.c[column].type.length
    return length


def build_hostile(db: Database, fields: dict[str, str], suffix: str) -> int:
    """A campaign whose every text field is hostile; its id."""
    t = {k: f"{v} {suffix}" if k in ("campaign", "volunteer") else v for k, v in fields.items()}
    with db.transaction() as session:
        campaign = Campaign(name=t["campaign"], association=t["association"],
                            local_issue=t["issue"])
        session.add(campaign)
        session.flush()
        group = TargetGroup(campaign_id=campaign.id, name=t["group"])
        volunteer = Volunteer(name=t["volunteer"])
        session.add_all([group, volunteer])
        session.flush()
        started = NOW - timedelta(days=1)
        for index, outcome in enumerate(("recruited", "conversation", "refused")):
            contact = Contact(campaign_id=campaign.id, target_group_id=group.id,
                              first_name=t["first"], last_name=f"{t['last']}{index}",
                              status="done", next_call_at=NOW)
            contact.phones.append(PhoneNumber(campaign_id=campaign.id, e164=e164(index),
                                              raw=number(index), kind="mobile"))
            session.add(contact)
            session.flush()
            when = started + timedelta(minutes=10 * index)
            call = Call(campaign_id=campaign.id, target_group_id=group.id,
                        contact_id=contact.id, volunteer_id=volunteer.id,
                        phone_number_id=contact.phones[0].id,
                        number_dialled=contact.phones[0].e164, started_at=when,
                        ended_at=when + timedelta(minutes=3), outcome=outcome,
                        notes=t["notes"])
            call.answers = [Answer(question_key=t["question"], value=t["choice"]),
                            Answer(question_key="kommentar", value=t["free"])]
            session.add(call)
            session.flush()
            if outcome == "recruited":
                # Cut to the columns' widths, which PostgreSQL enforces: a longer text is
                # test_a_recruits_long_fields_are_saved_and_exported's subject.
                session.add(Recruit(
                    call_id=call.id, first_name=t["first"], last_name=t["last"],
                    email=t["email"], phone=t["choice"][:_width("phone")],
                    street=t["street"], postcode=t["postcode"][:_width("postcode")],
                    city=t["city"], consent_membership=True,
                    consent_contact=True, consent_text=t["consent"], consented_at=when))
            if outcome == "conversation":
                session.add(FollowUp(contact_id=contact.id, call_id=call.id,
                                     promised=t["promised"], assigned_to=t["assigned"],
                                     due_at=when + timedelta(days=2), created_at=when))
        return campaign.id


# Every example adds its two campaigns to the one test database (a fresh database for each
# example would mean migrating, or copying a server's database, fifteen times); the suffixes
# keep campaign and volunteer names unique however often Hypothesis repeats a text.
_examples = itertools.count()


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fields=hostile_fields)
def test_no_exported_or_rolled_up_cell_is_a_formula(db: Database,
                                                    fields: dict[str, str]) -> None:
    if db.location.sqlite_path is None:
        # PostgreSQL's text cannot hold NUL at all; the app never stores one (its readers
        # refuse such files), so it is left out of the hostile texts there.
        fields = {k: v.replace("\x00", "") for k, v in fields.items()}
    n = next(_examples)
    a, b = f"A{n}", f"B{n}"
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        first = build_hostile(db, fields, a)
        second = build_hostile(db, fields, b)
        files: list[Path] = []
        with db.session() as session:
            for privacy in Privacy:
                for language in ("sv", "en"):
                    target = folder / f"{privacy.value}-{language}.xlsx"
                    export_xlsx(session, first, target, privacy=privacy,
                                language=language, now=NOW)
                    files.append(target)
            other = folder / "second.xlsx"
            export_xlsx(session, second, other, privacy=Privacy.AGGREGATE, now=NOW)
        district = folder / "district.xlsx"
        write_rollup([folder / "district-sv.xlsx", other], district, language="en", now=NOW)
        files.append(district)
        for path in files:
            checked = Checked()
            assert_no_formula(path, checked)
            assert checked.cells > 20, path.name
            texts = checked.texts or set()
            # The hostile text is there, as text: the campaign everywhere (in the hidden
            # sheet at least), the contact's name in a full export.
            campaign_a = stored(f"{fields['campaign']} {a}")
            campaign_b = stored(f"{fields['campaign']} {b}")
            assert campaign_a in texts or campaign_b in texts, path.name
            assert checked.marked >= 1, path.name
        full = Checked()
        assert_no_formula(folder / "full-sv.xlsx", full)
        name = f"{fields['first']} {fields['last']}0".strip()  # as the Samtal sheet shows it
        assert stored(name) in (full.texts or set())
        assert stored(fields["notes"]) in (full.texts or set())


def test_styled_rows_in_fast_mode_keep_formula_text_as_text(tmp_path: Path) -> None:
    """The row that once fell back to openpyxl's writer with raw text: a styled cell beside
    formula-like text, in a sheet on the fast path."""
    wb = Workbook(write_only=True)
    writer = SheetWriter(wb.create_sheet("Blad"))
    writer.append(["plain", "=1+1"])  # the fast path is installed by the first row
    assert writer.fast
    writer.append([writer.styled("rubrik", bold=True), "=HYPERLINK(\"http://x\",\"y\")",
                   "#N/A", "@cmd", "-1"])
    writer.append([writer.styled("=2+2", bold=True)])
    path = tmp_path / "blad.xlsx"
    wb.save(path)
    ws = load_workbook(path)["Blad"]
    for coordinate, text in (("B1", "=1+1"), ("B2", "=HYPERLINK(\"http://x\",\"y\")"),
                             ("C2", "#N/A"), ("D2", "@cmd"), ("E2", "-1"), ("A3", "=2+2")):
        cell = ws[coordinate]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), coordinate
    assert ws["A3"].font.bold and ws["A2"].font.bold


def test_text_too_long_or_unstorable_is_cut_and_cleaned(tmp_path: Path) -> None:
    """Excel refuses a file with a cell over 32,767 characters; XML cannot hold some
    characters at all. Both come from hostile lists and must not break the file."""
    wb = Workbook(write_only=True)
    writer = SheetWriter(wb.create_sheet("Blad"))
    writer.append(["x" * 40_000, "a\x00b\x1fc\ud800d\ufffe", "=" + "y" * 40_000])
    path = tmp_path / "lang.xlsx"
    wb.save(path)
    ws = load_workbook(path)["Blad"]
    assert ws["A1"].value == "x" * 32_767
    assert ws["B1"].value == "abcd"
    assert ws["C1"].value == "=" + "y" * 32_766 and ws["C1"].data_type == "s"


def test_a_recruits_long_fields_are_refused_clearly_and_a_formula_never_exported(
        db: Database, tmp_path: Path) -> None:
    """Text longer than its column is refused with one clear message on both backends
    (PostgreSQL would fail the INSERT, SQLite would store it whole) and nothing is saved; the
    form's fields hold no more than fits. What fits is exported without its formula."""
    with db.transaction() as session:
        campaign_id = make_campaign(session, contacts=1, created=NOW - timedelta(hours=1)).id
    kim = volunteer_id(db, "Kim")
    with db.transaction() as session:
        card = next_contact(session, campaign_id=campaign_id, volunteer_id=kim,
                            claim_minutes=20, now=NOW).card
    assert card is not None
    phone = "070-174 06 05 (kvällstid, efter klockan sex)"  # 44; the column has 30
    postcode = '=HYPERLINK("http://x","y")'  # 26 characters; the column has 20

    def save(recruit: RecruitInput) -> None:
        assert card is not None
        with db.transaction() as session:
            save_call(session, CallInput(
                contact_id=card.contact_id, claim_token=card.claim_token,
                outcome="recruited", volunteer_id=kim, phone_number_id=card.phones[0].id,
                started_at=NOW, recruit=recruit), show_next=False, now=NOW)

    for long_one in ({"phone": phone}, {"postcode": postcode}):
        with pytest.raises(UserError, match="too long: at most"):
            save(RecruitInput("Märta", "Öberg", True, "Jag vill bli medlem.",
                              **long_one))  # type: ignore[arg-type]
    with db.session() as session:
        assert session.scalars(select(Recruit)).all() == []
    save(RecruitInput("Märta", "Öberg", True, "Jag vill bli medlem.", phone=phone[:30],
                      postcode=postcode[:20]))
    with db.session() as session:
        stored_row = session.scalars(select(Recruit)).one()
        stored_postcode = stored_row.postcode
        target = tmp_path / "full.xlsx"
        export_xlsx(session, campaign_id, target, privacy=Privacy.FULL, now=NOW)
    assert stored_postcode == postcode[:20] and stored_postcode.startswith("=")
    checked = Checked()
    assert_no_formula(target, checked)
    assert stored(stored_postcode) in (checked.texts or set())
