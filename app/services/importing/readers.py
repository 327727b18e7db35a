"""Reading a phone list, CSV or XLSX, as a header and a stream of text rows.

A `Table` is opened once (which checks the file, finds the header and peeks at the first data
row, so that unreadable input fails before anything is written) and can then be iterated more
than once: the wizard previews it, the import streams it. Rows are never held all at once.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.phone import clean_cell
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.importing.mapping import looks_like_header

SEPARATORS = (";", ",", "\t", "|")
HEADER_SEARCH_ROWS = 50  # title and blank rows tolerated above the header
CHUNK = 1 << 20
# Big enough for any sane cell; the csv module's own limit raises on long junk.
csv.field_size_limit(1 << 24)

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


@dataclass
class Table:
    """An opened list: where it came from, its header and how to stream its rows."""

    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    header_row: int  # 1-based line or row number of the header
    sha256: str
    estimated_rows: int  # for progress only; may be off
    sheet: str | None = None
    sheet_names: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    header_recognised: bool = True  # False: no known column name, the first row was taken

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number in the file, cells as text) for every non-empty row below the header."""
        if self.kind == "csv":
            return _csv_data_rows(self)
        return _xlsx_data_rows(self)

    def preview(self, limit: int = 20) -> list[list[str]]:
        out: list[list[str]] = []
        for _number, cells in self.rows():
            out.append(cells)
            if len(out) >= limit:
                break
        return out


def open_table(path: Path | str, sheet: str | None = None) -> Table:
    """Open a CSV or XLSX list; UserError naming the file and the problem if it is unusable."""
    path = Path(path)
    head = _check_readable(path)
    if head.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, sheet)
    return _open_csv(path)


def _check_readable(path: Path) -> bytes:
    """The first bytes of the file; UserError when it is missing, empty or the old .xls."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file}: no such file"), file=str(path)) from None
    except IsADirectoryError:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is a folder, not a file"),
                        file=str(path)) from None
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be read ({reason})"),
                        file=str(path), reason=exc.strerror or str(exc)) from None
    if not head:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is empty"), file=str(path))
    if head.startswith(OLE_MAGIC):
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is in the old Excel format (.xls); save it as "
                              ".xlsx or CSV and try again"), file=str(path))
    return head


def all_rows(path: Path | str, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Every non-empty row, header or not (for lists that may have no header at all)."""
    path = Path(path)
    table = open_table(path, sheet) if _is_workbook(path) else None
    if table is not None:
        assert table.sheet is not None
        return _xlsx_rows(path, table.sheet)
    try:
        scan = _scan_bytes(path)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be read ({reason})"),
                        file=str(path), reason=exc.strerror or str(exc)) from None
    return _csv_rows(path, scan.encoding, _sniff_delimiter(scan.first_text))


def _is_workbook(path: Path) -> bool:
    _check_readable(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    return head.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm")


def _empty_error(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} has no rows to import"), file=str(path))


def _no_rows_error(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} has a header but no rows below it"),
                     file=str(path))


def _clean(value: object) -> str:
    # NUL is legal in SQLite text but not in PostgreSQL's; it is never meaningful in a list.
    return clean_cell(value).replace("\x00", "").strip()


def _header_names(cells: list[str]) -> list[str]:
    """Header texts, trailing empty columns dropped, blanks and repeats made unique."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    names: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells, start=1):
        name = cell or f"({index})"
        base, n = name, 2
        while name in seen:
            name = f"{base} ({n})"
            n += 1
        seen.add(name)
        names.append(name)
    return names


def _find_header(
    rows: Iterator[tuple[int, list[str]]], path: Path
) -> tuple[int, list[str], bool]:
    """The first row naming a known column, else the first non-empty row; and which it was."""
    first: tuple[int, list[str]] | None = None
    for count, (number, cells) in enumerate(rows):
        if first is None:
            first = (number, cells)
        if any(looks_like_header(c) for c in cells):
            return number, cells, True
        if count >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise _empty_error(path)
    return first[0], first[1], False


def _check_has_rows(rows: Iterator[tuple[int, list[str]]], width: int, path: Path) -> None:
    """At least one row below the header has text in the header's columns."""
    for _number, cells in rows:
        if any(_fit(cells, width)):
            return
    raise _no_rows_error(path)


def _fit(cells: list[str], width: int) -> list[str]:
    if len(cells) >= width:
        return cells[:width]
    return cells + [""] * (width - len(cells))


# -- CSV --------------------------------------------------------------------------------------


@dataclass
class _Scan:
    sha256: str
    lines: int
    encoding: str
    first_text: str  # the start of the file, decoded, for sniffing


def _scan_bytes(path: Path) -> _Scan:
    """One streaming pass: hash, line count and the encoding the whole file decodes in."""
    digest = hashlib.sha256()
    lines = 0
    with path.open("rb") as fh:
        first = fh.read(CHUNK)
        if first.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
            candidates: list[str] = []
        elif first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
            candidates = []
        else:
            encoding = ""
            candidates = ["utf-8", "cp1252"]
        decoders = {c: codecs.getincrementaldecoder(c)() for c in candidates}
        chunk = first
        while chunk:
            digest.update(chunk)
            lines += chunk.count(b"\n")
            for name in list(decoders):
                try:
                    decoders[name].decode(chunk)
                except UnicodeDecodeError:
                    del decoders[name]
            chunk = fh.read(CHUNK)
        for name in list(decoders):
            try:
                decoders[name].decode(b"", final=True)
            except UnicodeDecodeError:
                del decoders[name]
    if not encoding:
        # latin-1 decodes anything: the last resort for bytes cp1252 leaves undefined.
        encoding = next((c for c in candidates if c in decoders), "latin-1")
    first_text = first.decode(encoding, errors="replace")
    if "\x00" in first_text[:4096] and encoding != "utf-16":
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is neither a text (CSV) file nor an Excel workbook"),
            file=str(path))
    return _Scan(digest.hexdigest(), lines, encoding, first_text)


def _sniff_delimiter(text: str) -> str:
    """Count separators in the first line that has any (csv.Sniffer fails on such lists)."""
    for line in text.splitlines()[:HEADER_SEARCH_ROWS]:
        counts = {sep: line.count(sep) for sep in SEPARATORS}
        best = max(SEPARATORS, key=lambda s: counts[s])
        if counts[best]:
            return best
    return ";"


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, list[str]]]:
    """Non-empty rows with their line numbers; decoding and csv errors become UserError."""
    try:
        with path.open("r", encoding=encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=delimiter)
            for record in reader:
                # Text cells need only trimming (and no NUL); numbers are cleaned when parsed.
                cells = [c.strip() for c in record]
                if any(cells):
                    if "\x00" in "".join(cells):
                        cells = [c.replace("\x00", "").strip() for c in cells]
                    yield reader.line_num, cells
    except UnicodeDecodeError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} cannot be decoded as {encoding} ({reason})"),
            file=str(path), encoding=encoding, reason=exc.reason) from None
    except csv.Error as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not a readable CSV file ({reason})"),
                        file=str(path), reason=str(exc)) from None


def _open_csv(path: Path) -> Table:
    try:
        scan = _scan_bytes(path)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be read ({reason})"),
                        file=str(path), reason=exc.strerror or str(exc)) from None
    delimiter = _sniff_delimiter(scan.first_text)
    rows = _csv_rows(path, scan.encoding, delimiter)
    try:
        header_row, header_cells, known = _find_header(rows, path)
        headers = _header_names(header_cells)
        _check_has_rows(rows, len(headers), path)
    finally:
        rows.close()
    return Table(path=path, kind="csv", headers=headers, header_row=header_row,
                 sha256=scan.sha256, estimated_rows=max(scan.lines - header_row, 1),
                 encoding=scan.encoding, delimiter=delimiter, header_recognised=known)


def _csv_data_rows(table: Table) -> Iterator[tuple[int, list[str]]]:
    assert table.encoding is not None and table.delimiter is not None
    width = len(table.headers)
    for number, cells in _csv_rows(table.path, table.encoding, table.delimiter):
        if number <= table.header_row:
            continue
        cells = _fit(cells, width)
        if any(cells):  # a row whose text is all in columns past the header is no row
            yield number, cells


# -- XLSX -------------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _broken_workbook(path: Path, exc: BaseException) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("app", "{file} cannot be read as an Excel workbook ({reason})"),
        file=str(path), reason=str(exc) or type(exc).__name__)


def _load_workbook(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise _broken_workbook(path, exc) from None


def _xlsx_rows(path: Path, sheet: str) -> Generator[tuple[int, list[str]]]:
    workbook = _load_workbook(path)
    try:
        worksheet = workbook[sheet]
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                cells = [_clean(v) for v in values]
                if any(cells):
                    yield number, cells
        except UserError:
            raise
        except Exception as exc:
            # A damaged sheet fails only when its rows are parsed, with whatever zipfile,
            # zlib, the XML parser or openpyxl raise (BadZipFile, zlib.error, ParseError,
            # KeyError, ValueError, ...); the loop above does nothing else that could fail.
            raise _broken_workbook(path, exc) from None
    finally:
        workbook.close()


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    workbook = _load_workbook(path)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "{file} has no sheet named '{sheet}' (sheets: {names})"),
                file=str(path), sheet=sheet, names=", ".join(names))
    finally:
        workbook.close()
    if not names:
        raise _empty_error(path)
    if sheet is not None:
        return _open_sheet(path, sheet, names)
    # Without a choice, the first sheet that looks like a list (cover sheets are common).
    first_error: UserError | None = None
    fallback: Table | None = None
    for name in names:
        try:
            table = _open_sheet(path, name, names)
        except UserError as exc:
            first_error = first_error or exc
            continue
        if table.header_recognised:
            return table
        fallback = fallback or table
    if fallback is not None:
        return fallback
    assert first_error is not None
    raise first_error


def _open_sheet(path: Path, sheet: str, names: list[str]) -> Table:
    workbook = _load_workbook(path)
    try:
        estimated = int(workbook[sheet].max_row or 0)
    except Exception:  # a missing dimension is only a worse progress estimate
        estimated = 0
    finally:
        workbook.close()
    rows = _xlsx_rows(path, sheet)
    try:
        header_row, header_cells, known = _find_header(rows, path)
        headers = _header_names(header_cells)
        _check_has_rows(rows, len(headers), path)
    finally:
        rows.close()
    return Table(path=path, kind="xlsx", headers=headers,
                 header_row=header_row, sha256=_sha256_file(path),
                 estimated_rows=max(estimated - header_row, 1), sheet=sheet, sheet_names=names,
                 header_recognised=known)


def _xlsx_data_rows(table: Table) -> Iterator[tuple[int, list[str]]]:
    assert table.sheet is not None
    width = len(table.headers)
    for number, cells in _xlsx_rows(table.path, table.sheet):
        if number <= table.header_row:
            continue
        cells = _fit(cells, width)
        if any(cells):
            yield number, cells
