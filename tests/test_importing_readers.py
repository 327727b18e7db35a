"""Readers: encodings, separators, quoting, blank lines, title rows, numeric cells, mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import UserError
from app.services.importing.mapping import (
    IGNORE,
    PHONE,
    auto_mapping,
    check_mapping,
    guess_field,
    with_overrides,
)
from app.services.importing.pipeline import birth_year, split_full_name
from app.services.importing.readers import open_table
from tests.importing_helpers import HEADER, mobile, person, stockholm, write_csv, write_xlsx


def rows_of(path: Path, sheet: str | None = None) -> list[list[str]]:
    return [cells for _n, cells in open_table(path, sheet).rows()]


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-8", False, ";"),
        ("utf-8", True, ","),
        ("utf-16", False, "\t"),  # Python writes the BOM, as Excel's "Unicode text" does
        ("cp1252", False, ";"),
        ("latin-1", False, "|"),
    ],
)
def test_csv_encodings_and_separators(
    tmp_path: Path, encoding: str, bom: bool, delimiter: str
) -> None:
    path = write_csv(tmp_path / "lista.csv",
                     [HEADER, person(1, mobile(5)), person(2, stockholm(1), mobile(6))],
                     encoding=encoding, bom=bom, delimiter=delimiter)
    table = open_table(path)
    assert table.delimiter == delimiter
    assert table.headers == HEADER  # "Förnamn", "Födelseår", "Kön" decoded right
    rows = rows_of(path)
    assert rows == [person(1, mobile(5)), person(2, stockholm(1), mobile(6))]
    assert rows[0][0] == "Erik" and rows[1][6] == mobile(6)


def test_cp1252_bytes_are_decoded_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    # 0x96 is an en dash in cp1252 and invalid alone in UTF-8.
    path.write_bytes("Namn;Telefon\r\nÅsa \u2013 Öberg;070-174 06 05\r\n".encode("cp1252"))
    table = open_table(path)
    assert table.encoding == "cp1252"
    assert rows_of(path) == [["Åsa \u2013 Öberg", "070-174 06 05"]]


def test_quoted_fields_with_separators_quotes_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(
        'Namn;Gatuadress;Telefon\n'
        '"Svensson; Anna";"Storgatan 1, ""uppgång B""\nlgh 1101";070-174 06 05\n',
        encoding="utf-8")
    assert rows_of(path) == [
        ["Svensson; Anna", 'Storgatan 1, "uppgång B"\nlgh 1101', "070-174 06 05"]]


def test_blank_lines_bare_separators_and_trailing_columns_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text(
        "\n;;;;\nFörnamn;Telefon;;;\n\nAnna;070-174 06 05;;;\n;;;;\n   \n"
        "Erik;070-174 06 06\n;;;;\n",
        encoding="utf-8")
    table = open_table(path)
    assert table.headers == ["Förnamn", "Telefon"]
    assert rows_of(path) == [["Anna", "070-174 06 05"], ["Erik", "070-174 06 06"]]


def test_xlsx_header_found_below_title_and_blank_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [
        ["Urval: Testby 65+"], [], [None, None], HEADER, person(1, mobile(5)),
    ])
    table = open_table(path)
    assert table.header_row == 4
    assert table.headers == HEADER
    assert rows_of(path) == [person(1, mobile(5))]


def test_xlsx_numeric_phone_cells_keep_their_number(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [
        ["Namn", "Telefon", "Mobil", "Postnr"],
        ["A", 701740605, 701740606.0, 16304],
        ["B", "701740607.0", None, "163 04"],
    ])
    assert rows_of(path) == [["A", "701740605", "701740606", "16304"],
                             ["B", "701740607", "", "163 04"]]


def test_xlsx_sheet_choice(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", [["Info"], ["nothing here"]], sheet="Om",
                      other_sheets={"Lista": [["Namn", "Mobil"], ["A", mobile(9)]]})
    assert open_table(path).sheet_names == ["Om", "Lista"]
    assert rows_of(path, "Lista") == [["A", mobile(9)]]
    with pytest.raises(UserError, match=r"no sheet named 'Nej' \(sheets: Om, Lista\)"):
        open_table(path, "Nej")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Förnamn", "first_name"), ("FIRST NAME", "first_name"), ("first_name", "first_name"),
        ("Efternamn", "last_name"), ("Last name", "last_name"), ("Namn", "name"),
        ("Gatuadress", "street"), ("Adress", "street"), ("Street", "street"),
        ("Post-nr.", "postcode"), ("Postnummer", "postcode"), ("Postcode", "postcode"),
        ("Postort", "city"), ("Ort", "city"), ("City", "city"),
        ("Telefon", PHONE), ("Tel.", PHONE), ("Telefonnummer", PHONE), ("Phone", PHONE),
        ("Mobil", PHONE), ("Mobiltelefon", PHONE), ("Mobile", PHONE), ("Telefon 2", PHONE),
        ("Födelseår", "birth_year"), ("Birth year", "birth_year"),
        ("Kön", "gender"), ("Gender", "gender"),
        ("Personnummer", IGNORE), ("Kundnummer", IGNORE), ("", IGNORE),
    ],
)
def test_header_names(header: str, field: str) -> None:
    assert guess_field(header) == field


def test_mapping_overrides_and_checks() -> None:
    mapping = auto_mapping(["Namn", "Personnummer", "Tel", "Tel 2", "Namn (2)"])
    assert mapping.fields == ("name", IGNORE, PHONE, PHONE, IGNORE)  # one name column only
    changed = with_overrides(mapping, [("tel 2", "none"), ("PERSONNUMMER", "extra")])
    assert changed.fields == ("name", "extra", PHONE, IGNORE, IGNORE)
    moved = with_overrides(mapping, [("Namn (2)", "name")])
    assert moved.fields == (IGNORE, IGNORE, PHONE, PHONE, "name")
    with pytest.raises(UserError, match="no column named 'Epost'"):
        with_overrides(mapping, [("Epost", "extra")])
    with pytest.raises(UserError, match="Unknown field 'phon'"):
        with_overrides(mapping, [("Tel", "phon")])
    with pytest.raises(UserError, match="no column that can be a phone number"):
        check_mapping(with_overrides(mapping, [("Tel", "none"), ("Tel 2", "none")]), "f.csv")


def test_full_names_and_birth_years() -> None:
    assert split_full_name("Anna Maria  Svensson") == ("Anna Maria", "Svensson")
    assert split_full_name("Svensson, Anna") == ("Anna", "Svensson")
    assert split_full_name("Cher") == ("Cher", "")
    assert birth_year("1950") == 1950
    assert birth_year("1950-03-02") == 1950
    assert birth_year("19500302-1234") == 1950 or birth_year("19500302-1234") is None
    assert birth_year("okänt") is None
    assert birth_year("2999") is None
