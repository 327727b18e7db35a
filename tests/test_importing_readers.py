"""Readers: encodings, separators, quoting, blank lines, title rows, numeric cells, mapping."""

from __future__ import annotations

import zipfile
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
from app.services.importing.readers import CHUNK, open_table
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


def test_repeated_and_blank_header_names_are_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("Tel;Tel;Tel (2);;Tel;Namn;;\n070-174 06 05;;;;;A;;\n", encoding="utf-8")
    assert open_table(path).headers == ["Tel", "Tel (2)", "Tel (2) (2)", "(4)", "Tel (3)", "Namn"]


def _with_char_at(position: int, char: str, encoding: str = "utf-8") -> bytes:
    """A list whose first non-ASCII character starts at byte `position`, after ASCII rows."""
    head = b"Namn;Telefon\n"
    row = b"Erik;070-174 06 06\n"
    filler = row * ((position - len(head)) // len(row))
    pad = position - len(head) - len(filler)
    assert pad >= 0
    tail = f"{char}sa;070-174 06 05\n".encode(encoding)
    return head + filler + b"x" * pad + tail


def test_utf8_split_across_reading_chunks_is_still_utf8(tmp_path: Path) -> None:
    # The scan reads 1 MB at a time: an "Å" whose two bytes straddle two reads, as the very
    # first non-ASCII character, is UTF-8 and not a sign of cp1252.
    path = tmp_path / "u.csv"
    data = _with_char_at(CHUNK - 1, "Å")
    assert data[CHUNK - 1:CHUNK + 1] == "Å".encode()
    path.write_bytes(data)
    table = open_table(path)
    assert table.encoding == "utf-8"
    name, phone = [cells for _n, cells in table.rows()][-1]
    assert (name.lstrip("x"), phone) == ("Åsa", "070-174 06 05")


@pytest.mark.parametrize("position", [CHUNK - 1, CHUNK + 500])
def test_cp1252_first_met_after_a_megabyte_of_ascii(tmp_path: Path, position: int) -> None:
    # At CHUNK - 1, cp1252's "Å" (0xC5) ends the first read looking like the start of a
    # UTF-8 sequence; only the next read shows it is not one.
    path = tmp_path / "c.csv"
    path.write_bytes(_with_char_at(position, "Å", "cp1252"))
    table = open_table(path)
    assert table.encoding == "cp1252"
    name, phone = [cells for _n, cells in table.rows()][-1]
    assert (name.lstrip("x"), phone) == ("Åsa", "070-174 06 05")


def test_utf8_with_a_bom_and_then_other_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfNamn;Telefon\r\nAsa;070-174 06 05\r\n"
                     + "Åsa;070-174 06 06\r\n".encode("cp1252"))
    with pytest.raises(UserError, match=r"bom.csv changes its text encoding on line 3 "):
        open_table(path)


def test_trailing_separators_past_the_column_limit_are_no_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Namn;Telefon" + ";" * 3000 + "\nA;070-174 06 05" + "; " * 3000 + "\n",
                    encoding="utf-8")
    table = open_table(path)
    assert table.headers == ["Namn", "Telefon"]
    assert rows_of(path) == [["A", "070-174 06 05"]]
    path.write_text("Namn;Telefon" + ";" * 3000 + "x\nA;070-174 06 05\n", encoding="utf-8")
    with pytest.raises(UserError, match="line 1 has more than 1000 columns"):
        open_table(path)


def test_quoted_cells_at_the_end_of_a_file_without_a_last_line_break(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(b'Namn;Adress;Telefon\r\nA;"Storgatan 1\r\nlgh 2";"070-174 06 05"')
    assert rows_of(path) == [["A", "Storgatan 1\r\nlgh 2", "070-174 06 05"]]
    path.write_bytes(b'Namn;Adress;Telefon\r\nA;"Storgatan 1\r\nlgh 2;070-174 06 05')
    with pytest.raises(UserError, match=r'the quote \(\"\) opened on line 2 is never closed'):
        open_table(path)


def test_hidden_sheets_are_not_offered(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "s.xlsx", [["Namn", "Mobil"], ["Gammal", mobile(8)]],
                      sheet="Arkiv", other_sheets={"Om": [["Info"]],
                                                   "Lista": [["Namn", "Mobil"], ["A", mobile(9)]]})
    workbook = load_workbook(path)
    workbook["Arkiv"].sheet_state = "hidden"
    workbook.save(path)
    table = open_table(path)
    assert (table.sheet, table.sheet_names) == ("Lista", ["Om", "Lista"])
    assert rows_of(path, "Arkiv") == [["Gammal", mobile(8)]]  # when named, it is read
    # Every sheet hidden (Excel will not save that; a made-up file may): say so.
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'state="visible"',
                                                                b'state="hidden"')
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    with pytest.raises(UserError, match=r"s.xlsx has no visible sheet \(hidden: Arkiv, Om, "
                       r"Lista\); name the one to import"):
        open_table(path)
    assert rows_of(path, "Lista") == [["A", mobile(9)]]


def test_workbook_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from app.services.importing import readers

    rnd = random.Random(5)
    rows: list[list[object]] = [["Namn", "Telefon"], ["A", mobile(5)]]
    rows += [["".join(rnd.choice("abcdefgh") for _ in range(40)), ""] for _ in range(20_000)]
    path = write_xlsx(tmp_path / "w.xlsx", rows)
    assert open_table(path).headers == ["Namn", "Telefon"]
    monkeypatch.setattr(readers, "MAX_XLSX_UNPACKED", 1024 * 1024)
    with pytest.raises(UserError, match=r"w.xlsx unpacks to more than 1 MB, the most"):
        open_table(path)


def test_empty_cells_past_the_column_limit_in_a_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "e.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Namn", "Telefon"])
    sheet.append(["A", mobile(5)])
    sheet.cell(row=2, column=1500, value="")  # a cell that exists but holds nothing
    workbook.save(path)
    assert rows_of(path) == [["A", mobile(5)]]
    sheet.cell(row=3, column=1001, value="x")
    sheet.cell(row=3, column=2, value=mobile(6))
    workbook.save(path)
    table = open_table(path)
    with pytest.raises(UserError, match="row 3 of sheet 'Sheet' has more than 1000 columns"):
        list(table.rows())
