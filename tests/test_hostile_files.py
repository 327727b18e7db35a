"""Hostile files through `ringkvall import`: each ends quickly with exit 2, one line on stderr
naming the file and the problem, and the database exactly as it was.

The database is a SQLite file or a PostgreSQL database (the `db_url` fixture): "exactly as it
was" is the import's all-or-nothing on either. Every file is made here, at test time. Each
command runs in its own process with a generous timeout as the hang guard (a reader that
blocks on a pipe or reads /dev/zero for ever fails the test by exceeding it); nothing
measures how fast anything is.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db.database import open_database
from app.services.importing.pipeline import import_file
from tests.importing_helpers import (
    HEADER,
    TOLL_FREE,
    mobile,
    mobile_e164,
    person,
    phones_of_campaign,
    snapshot,
    write_csv,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD = 60  # seconds; each command here takes about one


def ringkvall(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "ui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=HANG_GUARD, check=False)


@pytest.fixture
def filled_db(db_url: str, tmp_path: Path) -> str:
    """The --db value (a SQLite file's path or a PostgreSQL URL) of a database with a
    campaign, an import and a rejected row in it already."""
    good = write_csv(tmp_path / "good.csv",
                     [HEADER, person(1, mobile(5)), person(2, TOLL_FREE)])
    db = open_database(db_url)
    import_file(db, good, campaign="K", group="G")
    db.close()
    return db_url


def _counts(db_url: str) -> dict[str, int]:
    db = open_database(db_url)
    try:
        return snapshot(db)
    finally:
        db.close()


def refused(db_url: str, path: Path | str, *extra: str) -> str:
    """Import `path`; assert exit 2, nothing on stdout, ONE line on stderr and the database
    unchanged; the line."""
    before = _counts(db_url)
    assert before["rejected_row"] == 1 and before["contact"] == 1
    result = ringkvall("--db", db_url, "import", str(path), "--campaign", "K",
                       "--group", "Ny", *extra)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert _counts(db_url) == before
    return result.stderr.strip()


# -- Not a file ------------------------------------------------------------------------------


def test_a_fifo_is_refused_without_blocking(filled_db: str, tmp_path: Path) -> None:
    fifo = tmp_path / "lista.csv"
    os.mkfifo(fifo)  # no writer ever comes: opening it for reading would block for ever
    line = refused(filled_db, fifo)
    assert f"{fifo} is not an ordinary file (it is a pipe, a device or a socket)" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused(filled_db: str, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    line = refused(filled_db, device)
    assert f"{device} is not an ordinary file" in line


def test_a_folder_is_refused(filled_db: str, tmp_path: Path) -> None:
    assert f"{tmp_path} is a folder, not a file" in refused(filled_db, tmp_path)


def test_a_file_name_with_a_line_break_stays_on_one_line(
    filled_db: str, tmp_path: Path
) -> None:
    no_phone = write_csv(tmp_path / "lista\nny.csv", [["Namn", "Ort"], ["A", "B"]])
    line = refused(filled_db, no_phone)
    assert str(tmp_path / "lista\\nny.csv") in line
    assert "has no column that can be a phone number" in line
    fifo = tmp_path / "rör\r\n.csv"
    os.mkfifo(fifo)
    line = refused(filled_db, fifo)
    assert f"{tmp_path}/rör\\r\\n.csv is not an ordinary file" in line


def test_a_file_over_the_size_limit_is_refused_unread(filled_db: str, tmp_path: Path) -> None:
    big = tmp_path / "stor.csv"
    with big.open("wb") as fh:  # sparse: 201 MB on paper, nothing on the disk
        fh.write(b"Telefon\n070-174 06 05\n")
        fh.truncate(201 * 1024 * 1024)
    assert f"{big} is larger than 200 MB, the most Ringkväll reads" in refused(filled_db, big)


# -- Text files ------------------------------------------------------------------------------


def test_twenty_thousand_header_cells(filled_db: str, tmp_path: Path) -> None:
    # 20,000 repeats of one name (each once made unique by counting up from 2: quadratic).
    wide = tmp_path / "bred.csv"
    wide.write_text("Telefon;" + "x;" * 20_000 + "\n070-174 06 05\n", encoding="utf-8")
    line = refused(filled_db, wide)
    assert f"{wide}: line 1 has more than 1000 columns, the most Ringkväll reads" in line
    # The same with a long name: the line itself is past the limit, and reading stops there.
    long_names = tmp_path / "lang.csv"
    long_names.write_text("Telefon;" * 20_000 + "\n070-174 06 05\n", encoding="utf-8")
    line = refused(filled_db, long_names)
    assert f"{long_names}: line 1 is longer than 100000 characters" in line


def test_repeated_header_names_are_numbered_in_linear_time() -> None:
    # Reached only below the column limit now, but linear anyway: 40,000 repeats took over
    # five minutes when each repeat counted up from 2 again.
    code = ("from app.services.importing.readers import _header_names\n"
            "names = _header_names(['Telefon'] * 40000 + ['Telefon (2)', ''])\n"
            "assert len(set(names)) == len(names) == 40001, 'not unique'\n"
            "print(names[1], names[39999], names[40000], sep='|')\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=HANG_GUARD, check=True).stdout
    # Trailing empty cells are dropped; a name that is taken already is skipped over.
    assert out.split("\n")[0] == "Telefon (2)|Telefon (40000)|Telefon (2) (2)"


def test_a_line_of_five_megabytes_of_separators(filled_db: str, tmp_path: Path) -> None:
    path = tmp_path / "semikolon.csv"
    path.write_bytes(b"Telefon\n070-174 06 05\n" + b";" * 5_000_000 + b"\n")
    line = refused(filled_db, path)
    assert f"{path}: line 3 is longer than 100000 characters, the most a row may have" in line


def test_fifty_megabytes_of_separator_lines(filled_db: str, tmp_path: Path) -> None:
    # Lines of bare separators are blank lines however wide: read through, linearly, once.
    path = tmp_path / "tomt.csv"
    with path.open("wb") as fh:
        line = b";" * 1998 + b"\r\n"
        for _ in range(25_000):
            fh.write(line)
    assert path.stat().st_size == 50_000_000
    assert f"{path} has no rows to import" in refused(filled_db, path)


def test_a_stray_quote_refuses_the_whole_file(filled_db: str, tmp_path: Path) -> None:
    path = tmp_path / "citat.csv"
    rows = [f"Erik{i};070-174 06 {i};hemligt-{i}" for i in range(10, 40)]
    rows[5] = '"' + rows[5]  # line 7: the rest of the file would be one cell
    path.write_text("Namn;Telefon;Personnummer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    line = refused(filled_db, path)  # no contact, no rejected row (and no Personnummer) stored
    assert f'{path}: the quote (") opened on line 7 is never closed' in line
    # A quote that runs on past the row limit is named as soon as it does, not at the end.
    long = tmp_path / "citat_lang.csv"
    with long.open("w", encoding="utf-8") as fh:
        fh.write("Namn;Telefon\nAnna;070-174 06 05\n\"Bo;070-174 06 06\n")
        for i in range(20_000):
            fh.write(f"Person {i};070-174 06 07\n")
    line = refused(filled_db, long)
    assert (f"{long}: the quoted text opened on line 3 runs on for more than 100000 "
            "characters; is a closing quote (\") missing?") in line


def test_a_cell_over_the_cell_limit(filled_db: str, tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    path.write_text("Namn;Telefon\nA;070-174 06 05\nB;070-174 06 06\n"
                    f'"{"x" * 20_000}";070-174 06 07\n', encoding="utf-8")
    line = refused(filled_db, path)
    assert f"{path}: line 4, column 1 holds more than 10000 characters" in line


def test_utf8_then_cp1252_is_refused_naming_the_line(filled_db: str, tmp_path: Path) -> None:
    path = tmp_path / "blandad.csv"
    utf8 = "Förnamn;Telefon\nÅsa;070-174 06 05\n".encode()
    # Over a megabyte of plain ASCII between: the change is found in a later chunk.
    ascii_rows = b"".join(b"Erik;070-174 06 06\n" for _ in range(60_000))
    path.write_bytes(utf8 + ascii_rows + "Örjan;070-174 06 07\n".encode("cp1252"))
    line = refused(filled_db, path)
    assert (f"{path} changes its text encoding on line 60003 (UTF-8 above it, something "
            "else from there)") in line


# -- Workbooks -------------------------------------------------------------------------------


def _compound_file(names: list[str]) -> bytes:
    """An OLE compound file (CFB, 512-byte sectors) with these stream names: the shape of an
    old .xls ("Workbook") or of a workbook saved with a password ("EncryptedPackage").
    Sector 0 holds the FAT, the directory starts at sector 1 and goes on in the next ones."""
    entries = ["Root Entry", *names]
    dir_sectors = (len(entries) + 3) // 4
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 4096)
    struct.pack_into("<IIII", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header[76:] = b"\xff" * 436
    struct.pack_into("<I", header, 76, 0)
    fat = [0xFFFFFFFD] + [n + 2 for n in range(dir_sectors - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    directory = bytearray()
    for index, name in enumerate(entries):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[:len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), 5 if index == 0 else 2)
        directory += entry
    directory += bytes(dir_sectors * 512 - len(directory))
    return bytes(header) + struct.pack("<128I", *fat) + bytes(directory)


def test_password_protected_and_old_workbooks(filled_db: str, tmp_path: Path) -> None:
    encrypted = tmp_path / "lösen.xlsx"
    # The DataSpaces entries first, so that the encrypted package is in the second
    # directory sector, as in Excel's files.
    encrypted.write_bytes(_compound_file([
        "\x06DataSpaces", "Version", "DataSpaceMap", "DataSpaceInfo",
        "EncryptionInfo", "EncryptedPackage"]))
    line = refused(filled_db, encrypted)
    assert f"{encrypted} is a password-protected workbook; open it in Excel, remove the " \
        "password" in line
    assert ".xls)" not in line
    old = tmp_path / "gammal.xls"
    old.write_bytes(_compound_file(["Workbook", "\x05SummaryInformation"]))
    assert f"{old} is in the old Excel format (.xls)" in refused(filled_db, old)
    # Only the signature: it cannot be told which, and the message says so.
    bare = tmp_path / "okänd.xlsx"
    bare.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100))
    line = refused(filled_db, bare)
    assert f"{bare} is an old Excel file (.xls) or a password-protected workbook" in line


def test_a_hidden_first_sheet_is_not_imported(filled_db: str, tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "dold.xlsx"
    workbook = Workbook()
    old = workbook.active
    assert old is not None
    old.title = "Förra året"
    for row in ([HEADER, person(1, mobile(10)), person(2, mobile(11))]):
        old.append(row)
    old.sheet_state = "hidden"
    current = workbook.create_sheet("Lista")
    for row in ([HEADER, person(3, mobile(12))]):
        current.append(row)
    workbook.save(path)
    result = ringkvall("--db", filled_db, "import", str(path), "--campaign", "K2",
                       "--group", "G", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["sheet"], data["rows"], data["imported"]) == ("Lista", 1, 1)
    # A hidden sheet is read when it is named.
    result = ringkvall("--db", filled_db, "import", str(path), "--campaign", "K3",
                       "--group", "G", "--sheet", "Förra året", "--json")
    assert result.returncode == 0, result.stderr
    hidden = json.loads(result.stdout)
    assert (hidden["sheet"], hidden["imported"]) == ("Förra året", 2)
    db = open_database(filled_db)
    try:
        assert phones_of_campaign(db, data["campaign_id"]) == [(mobile_e164(12), "mobile")]
        assert [e164 for e164, _kind in phones_of_campaign(db, hidden["campaign_id"])] == [
            mobile_e164(10), mobile_e164(11)]
    finally:
        db.close()


def test_a_sheet_as_wide_as_excel_allows(filled_db: str, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bred.xlsx", [["Telefon"] * 16_384, [mobile(5)]])
    line = refused(filled_db, path)
    assert f"{path}: row 1 of sheet 'Blad1' has more than 1000 columns" in line


def _rewrite(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of a workbook with one part's XML changed by `change(bytes) -> bytes`."""
    with zipfile.ZipFile(source) as old, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == part:
                data = change(data)
            new.writestr(info.filename, data)
    return target


def test_zip_bombs(filled_db: str, tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "bra.xlsx", [["Namn", "Telefon"], ["A", mobile(5)]])
    sheet = "xl/worksheets/sheet1.xml"

    def many_rows(xml: bytes) -> bytes:  # 22 MB of empty rows, packed a thousand to one
        end = xml.index(b"</sheetData>")
        return xml[:end] + b"<row></row>" * 2_000_000 + xml[end:]

    bomb = _rewrite(good, tmp_path / "bomb.xlsx", sheet, many_rows)
    assert bomb.stat().st_size < 100_000
    line = refused(filled_db, bomb)
    assert f"{bomb} cannot be read as an Excel workbook (a part unpacks to more than 200 " \
        "times its size" in line
    parts = tmp_path / "delar.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(parts, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        for n in range(10_001):
            new.writestr(f"x/{n}", b"")
    line = refused(filled_db, parts)
    assert f"{parts} cannot be read as an Excel workbook (more than 10000 parts inside)" in line


def test_workbook_rows_past_the_limits_undo_the_import(filled_db: str, tmp_path: Path) -> None:
    # Found while the rows are imported (a workbook is not read twice): the import is undone.
    rows: list[list[object]] = [["Namn", "Telefon"]]
    rows += [[f"P{i}", f"070-174 06 {i}"] for i in range(10, 60)]
    rows.append(["x" * 20_000, mobile(60)])
    long_cell = write_xlsx(tmp_path / "lång.xlsx", rows)
    line = refused(filled_db, long_cell)
    assert f"{long_cell}: cell A52 of sheet 'Blad1' holds more than 10000 characters" in line

    def far_row(xml: bytes) -> bytes:
        end = xml.index(b"</sheetData>")
        return (xml[:end] + b'<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>'
                b"x</t></is></c></row>" + xml[end:])

    far = _rewrite(write_xlsx(tmp_path / "bra.xlsx", rows[:-1]), tmp_path / "långt.xlsx",
                   "xl/worksheets/sheet1.xml", far_row)
    line = refused(filled_db, far)
    assert f"{far}: sheet 'Blad1' has rows below row 1048576, the last one Excel has" in line


# -- One number parser -----------------------------------------------------------------------


def test_a_full_width_number_on_the_do_not_call_list_suppresses_the_import(
    filled_db: str, tmp_path: Path
) -> None:
    result = ringkvall("--db", filled_db, "dnc", "add", "０７０１７４０６１４", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"numbers": 1, "added": 1}
    result = ringkvall("--db", filled_db, "dnc", "list", "--json")
    assert [n["e164"] for n in json.loads(result.stdout)["numbers"]] == [mobile_e164(14)]
    path = write_csv(tmp_path / "lista.csv",
                     [HEADER, person(1, mobile(14)), person(2, mobile(15))])
    result = ringkvall("--db", filled_db, "import", str(path), "--campaign", "K",
                       "--group", "Ny", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"], data["imported"], data["suppressed"]) == (2, 1, 1)
