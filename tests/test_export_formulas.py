"""No text from lists, callers or other associations' files ever becomes a formula in a workbook.

Hypothesis makes campaigns whose every text field starts like a formula (`=`, `+`, `-`, `@`,
a tab, a carriage return, an error value such as `#N/A`): campaign, association, local
issue, target group, volunteer, contact names, notes, answers (free text, a choice, the
question's key), follow-ups and recruits' fields. They are stored in a real SQLite file,
exported at every privacy level in both languages and rolled up, and every cell of every
sheet of every file (the hidden ones too) is read back with openpyxl.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.db.database import open_database
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
from app.services.results import Privacy, export_xlsx, write_rollup
from app.services.results.meta import SHEET
from app.services.results.safe_text import ERROR_VALUES, xlsx_text
from app.services.results.sheet_writer import SheetWriter
from tests.calling_helpers import e164, number

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


def build_hostile(db_path: Path, fields: dict[str, str], suffix: str) -> int:
    """A campaign whose every text field is hostile; its id."""
    t = {k: f"{v} {suffix}" if k in ("campaign", "volunteer") else v for k, v in fields.items()}
    db = open_database(str(db_path))
    try:
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
                    session.add(Recruit(
                        call_id=call.id, first_name=t["first"], last_name=t["last"],
                        email=t["email"], phone=t["choice"], street=t["street"],
                        postcode=t["postcode"], city=t["city"], consent_membership=True,
                        consent_contact=True, consent_text=t["consent"], consented_at=when))
                if outcome == "conversation":
                    session.add(FollowUp(contact_id=contact.id, call_id=call.id,
                                         promised=t["promised"], assigned_to=t["assigned"],
                                         due_at=when + timedelta(days=2), created_at=when))
            return campaign.id
    finally:
        db.close()


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, empty database; each example works on a copy (migrating is slow)."""
    path = tmp_path_factory.mktemp("template") / "ringkvall.sqlite"
    open_database(str(path)).close()
    return path


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fields=hostile_fields)
def test_no_exported_or_rolled_up_cell_is_a_formula(empty_db: Path,
                                                    fields: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        db_path = folder / "ringkvall.sqlite"
        shutil.copyfile(empty_db, db_path)
        first = build_hostile(db_path, fields, "A")
        second = build_hostile(db_path, fields, "B")
        db = open_database(str(db_path))
        files: list[Path] = []
        try:
            with db.session() as session:
                for privacy in Privacy:
                    for language in ("sv", "en"):
                        target = folder / f"{privacy.value}-{language}.xlsx"
                        export_xlsx(session, first, target, privacy=privacy,
                                    language=language, now=NOW)
                        files.append(target)
                other = folder / "second.xlsx"
                export_xlsx(session, second, other, privacy=Privacy.AGGREGATE, now=NOW)
        finally:
            db.close()
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
            campaign_a = stored(f"{fields['campaign']} A")
            campaign_b = stored(f"{fields['campaign']} B")
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
