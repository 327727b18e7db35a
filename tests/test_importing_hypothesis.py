"""Arbitrary input to the readers: a clean import with consistent counts or the clear error."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.db.database import Database
from app.domain.phone import ParsedPhone, parse_phone
from app.errors import UserError
from app.services.dnc import normalise_for_dnc
from app.services.importing.numbers import NumberParser
from app.services.importing.pipeline import import_file
from tests.importing_helpers import snapshot, write_xlsx

_counter = itertools.count()
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _import_consistently(db: Database, path: Path) -> None:
    before = snapshot(db)
    try:
        report = import_file(db, path, campaign="K", group=f"G{next(_counter)}")
    except UserError as exc:
        assert str(path) in str(exc) or "column" in str(exc)
        assert snapshot(db) == before
        return
    assert report.rows == (report.imported + report.rejected + report.suppressed
                           + report.duplicate)
    assert report.rows > 0


header_line = st.sampled_from([
    b"", b"Telefon\n", b"Namn;Telefon;Mobil\r\n", b"\xef\xbb\xbfF\xc3\xb6rnamn,Tel\n",
    b"\xff\xfeT\x00e\x00l\x00\n\x00",
])


@SETTINGS
@given(head=header_line, body=st.binary(max_size=600))
def test_arbitrary_bytes_to_the_csv_reader(
    db: Database, tmp_path: Path, head: bytes, body: bytes
) -> None:
    path = tmp_path / f"f{next(_counter)}.csv"
    path.write_bytes(head + body)
    _import_consistently(db, path)


phone_like = st.from_regex(r"\+?[0-9 ()\-]{0,16}", fullmatch=True)
cell = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**15, max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
    phone_like, st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["070-174 06 05", "08-465 004 01", 701740606, 701740607.0, "020-000 000"]),
)
header_cell = st.one_of(cell, st.sampled_from(["Telefon", "Mobil", "Namn", "Födelseår",
                                               "Postnr", "Kön"]))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(header_cell, min_size=1, max_size=5),
       rows=st.lists(st.lists(cell, max_size=6), max_size=8))
def test_arbitrary_cells_to_the_xlsx_reader(
    db: Database, tmp_path: Path, header: list[object], rows: list[list[object]]
) -> None:
    path = write_xlsx(tmp_path / f"f{next(_counter)}.xlsx", [header, *rows])
    _import_consistently(db, path)


ascii_phone = st.from_regex(r"(\+46|0046|46|0|\+)?[ (]*0?[)]*[0-9 \-]{2,14}", fullmatch=True)
# Digits of other scripts, by value: full-width (what Japanese and Chinese input methods
# type), Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari, Bengali, mathematical
# bold. Separators people paste between them: no-break, thin and ideographic spaces, en and
# figure dashes, a middle dot.
DIGIT_ZEROS = ("0", "\uff10", "\u0660", "\u06f0", "\u0966", "\u09e6", "\U0001d7ce")
ODD_SEPARATORS = ("\u00a0", "\u202f", "\u2009", "\u3000", "\u2013", "\u2012", "\u00b7")
FULL_WIDTH = {"+": "\uff0b", "(": "\uff08", ")": "\uff09"}


@st.composite
def unusual_forms(draw: st.DrawFn) -> tuple[str, str]:
    """(a phone-like ASCII text, the same number written with other digits and separators)."""
    text = draw(ascii_phone)
    out = []
    for char in text:
        if char.isdigit():
            out.append(chr(ord(draw(st.sampled_from(DIGIT_ZEROS))) + int(char)))
        elif char in " -":
            out.append(draw(st.sampled_from((char, *ODD_SEPARATORS))))
        elif char in FULL_WIDTH:
            out.append(draw(st.sampled_from((char, FULL_WIDTH[char]))))
        else:
            out.append(char)
    return text, "".join(out)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(
    st.text(max_size=24),
    st.text(alphabet=st.sampled_from("0123456789+()-. " + "".join(FULL_WIDTH.values())
                                     + "".join(ODD_SEPARATORS)
                                     + "".join(chr(ord(z) + d) for z in DIGIT_ZEROS
                                               for d in range(10))), max_size=20),
    ascii_phone, unusual_forms().map(lambda pair: pair[1]),
    st.integers(min_value=0, max_value=10**13), st.floats(),
))
def test_fast_number_check_equals_parse_phone(text: object) -> None:
    # The import's faster check must give exactly what the rest of Ringkväll's parse gives.
    assert NumberParser("SE")(text) == parse_phone(text, "SE")
    assert NumberParser("NO")(text) == parse_phone(text, "NO")


def _answer(parsed: ParsedPhone) -> tuple[object, ...]:
    return parsed.e164, parsed.kind, parsed.reason


@settings(max_examples=300, deadline=None)
@given(pair=unusual_forms())
def test_other_digits_and_separators_read_as_plain_ones(pair: tuple[str, str]) -> None:
    # ０７０–１７４ ０６ １４ is 070-174 06 14, for the import, the do-not-call list and search.
    plain, unusual = pair
    assert _answer(parse_phone(unusual)) == _answer(parse_phone(plain))
    assert _answer(NumberParser("SE")(unusual)) == _answer(parse_phone(plain))


@pytest.mark.parametrize("text", [
    "070-174 06 14", "０７０-１７４ ０６ １４", "０７０１７４０６１４", "٠٧٠١٧٤٠٦١٤",
    "۰۷۰۱۷۴۰۶۱۴", "070\u00a0174\u00a006\u00a014", "070\u2013174 06 14", "070.174.06.14",
    "(070) 174 06 14", "+46 (0)70-174 06 14", "＋４６ （０）７０ １７４ ０６ １４",
    "+46\u202f70\u2009174\u00a006\u00a014", "0046 70 174 06 14", "46701740614", "701740614",
    "701740614.0",
])
def test_one_number_in_every_form(text: str) -> None:
    assert parse_phone(text).e164 == "+46701740614"
    assert NumberParser("SE")(text).e164 == "+46701740614"
    assert normalise_for_dnc(text) == "+46701740614"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_workbooks(db: Database, tmp_path: Path, data: st.DataObject) -> None:
    # A sound workbook with bytes overwritten or cut off: the XLSX path meets broken zips,
    # broken deflate streams and broken XML.
    good = write_xlsx(tmp_path / f"g{next(_counter)}.xlsx", [
        ["Namn", "Telefon"], ["A", "070-174 06 05"], ["B", 701740606], ["C", "08-465 004 02"]])
    raw = bytearray(good.read_bytes())
    # Positions are drawn independently of the file's length (which varies with the zip's
    # timestamps), so hypothesis sees the same strategy on every run.
    for _ in range(data.draw(st.integers(min_value=0, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=2**20)) % len(raw)
        raw[position] = data.draw(st.integers(min_value=0, max_value=255))
    cut = 1 + data.draw(st.integers(min_value=0, max_value=2**20)) % len(raw)
    path = tmp_path / f"d{next(_counter)}.xlsx"
    path.write_bytes(bytes(raw[:cut]))
    _import_consistently(db, path)
