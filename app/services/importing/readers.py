"""Reading a phone list, CSV or XLSX, as a header and a stream of text rows.

A `Table` is opened once (which checks the file, finds the header and, for CSV, reads the
whole file once against the limits below, so that unreadable input fails before anything is
written) and can then be iterated more than once: the wizard previews it, the import streams
it. Rows are never held all at once.

Nothing a file holds can make reading hang or eat the memory: only regular files are opened
(never a pipe or a device, which could block or never end), and every size is bounded, each
with its own message naming the file and the limit (docs/importing.md, "Limits").
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import hashlib
import io
import os
import stat
import struct
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app.domain.phone import clean_cell
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.importing.mapping import looks_like_header

SEPARATORS = (";", ",", "\t", "|")
HEADER_SEARCH_ROWS = 50  # title and blank rows tolerated above the header
CHUNK = 1 << 20

# -- Limits (docs/importing.md, "Limits") ----------------------------------------------------
MB = 1 << 20
MAX_FILE_BYTES = 200 * MB  # the file itself, CSV or XLSX
MAX_LINE_CHARS = 100_000  # a line of a CSV file, or a row whose quoted cells span lines
MAX_FIELD_CHARS = 10_000  # one cell
MAX_COLUMNS = 1_000  # up to the last non-empty cell of a row
MAX_XLSX_UNPACKED = 1024 * MB  # all parts of a workbook together, unpacked
MAX_ZIP_PARTS = 10_000  # parts (files) inside a workbook
MAX_PACKING_RATIO = 200  # unpacked / packed size of one part bigger than PACKING_FLOOR
PACKING_FLOOR = MB
EXCEL_MAX_ROWS = 1_048_576  # the last row Excel has
# The csv module's own limit, far above MAX_LINE_CHARS: the line feed below stops first.
csv.field_size_limit(1 << 24)

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # a compound file: the old .xls, or an encrypted workbook

_TOO_BIG = QT_TRANSLATE_NOOP(
    "app", "{file} is larger than {limit} MB, the most Ringkväll reads; split the list into "
    "smaller files")
_LINE_TOO_LONG = QT_TRANSLATE_NOOP(
    "app", "{file}: line {line} is longer than {limit} characters, the most a row may have")
_QUOTE_NOT_CLOSED = QT_TRANSLATE_NOOP(
    "app", "{file}: the quote (\") opened on line {line} is never closed; remove it or close "
    "it, and try again")
_QUOTE_RUNS_ON = QT_TRANSLATE_NOOP(
    "app", "{file}: the quoted text opened on line {line} runs on for more than {limit} "
    "characters; is a closing quote (\") missing?")
_TOO_MANY_COLUMNS = QT_TRANSLATE_NOOP(
    "app", "{file}: line {line} has more than {limit} columns, the most Ringkväll reads")
_FIELD_TOO_LONG = QT_TRANSLATE_NOOP(
    "app", "{file}: line {line}, column {column} holds more than {limit} characters, the most "
    "a cell may have")
_ENCODING_CHANGES = QT_TRANSLATE_NOOP(
    "app", "{file} changes its text encoding on line {line} (UTF-8 above it, something else "
    "from there); save the list again in one encoding")
_SHEET_TOO_MANY_COLUMNS = QT_TRANSLATE_NOOP(
    "app", "{file}: row {row} of sheet '{sheet}' has more than {limit} columns, the most "
    "Ringkväll reads")
_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "app", "{file}: cell {cell} of sheet '{sheet}' holds more than {limit} characters, the "
    "most a cell may have")
_SHEET_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "app", "{file}: sheet '{sheet}' has rows below row {limit}, the last one Excel has")
_UNPACKS_TOO_BIG = QT_TRANSLATE_NOOP(
    "app", "{file} unpacks to more than {limit} MB, the most Ringkväll reads from a workbook; "
    "split the list into smaller files")
_PACKED_TOO_TIGHT = QT_TRANSLATE_NOOP(
    "app", "{file} cannot be read as an Excel workbook (a part unpacks to more than {limit} "
    "times its size, which no real workbook does)")
_TOO_MANY_PARTS = QT_TRANSLATE_NOOP(
    "app", "{file} cannot be read as an Excel workbook (more than {limit} parts inside)")


def shown(path: Path | str) -> str:
    """The file name for a message: on one line, whatever characters the name holds.

    A name may hold a line break, a tab or bytes that are no text (escaped by Python as
    surrogates); each becomes a visible escape such as \\n.
    """
    text = str(path)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace")
                   .decode("ascii") for ch in text)


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
    sheet_names: list[str] = field(default_factory=list)  # the visible sheets, for a choice
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
    if _is_workbook(path, head):
        return _open_xlsx(path, sheet)
    return _open_csv(path)


def all_rows(path: Path | str, sheet: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Every non-empty row, header or not (for lists that may have no header at all)."""
    path = Path(path)
    if _is_workbook(path, _check_readable(path)):
        table = _open_xlsx(path, sheet)
        assert table.sheet is not None
        return _xlsx_rows(path, table.sheet)
    scan = _scan_bytes(path)
    return _csv_rows(path, scan.encoding, _sniff_delimiter(scan.first_text))


def _is_workbook(path: Path, head: bytes) -> bool:
    return head.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm")


# -- Opening safely ---------------------------------------------------------------------------


def _cannot_read(path: Path, exc: OSError) -> UserError:
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return UserError(QT_TRANSLATE_NOOP("app", "{file}: no such file"), file=shown(path))
    if isinstance(exc, IsADirectoryError):
        return _folder_error(path)
    return UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be read ({reason})"),
                     file=shown(path), reason=exc.strerror or str(exc))


def _folder_error(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} is a folder, not a file"), file=shown(path))


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _folder_error(path)
    if not stat.S_ISREG(info.st_mode):
        # A pipe may block for ever, a device (/dev/zero) never ends.
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is not an ordinary file (it is a pipe, a device or a socket); save "
            "the list to a file and choose that"), file=shown(path))
    if info.st_size > MAX_FILE_BYTES:
        raise UserError(_TOO_BIG, file=shown(path), limit=MAX_FILE_BYTES // MB)


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))


def _open_binary(path: Path) -> IO[bytes]:
    """The file opened for reading, only if it is a regular file of at most MAX_FILE_BYTES.

    Checked before opening, and again on the opened file: O_NONBLOCK keeps the open itself
    from blocking should a pipe be put in the file's place in between (it changes nothing
    when reading a regular file).
    """
    try:
        _check_regular(path, os.stat(path))
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    except ValueError as exc:  # a NUL in the name
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} cannot be read ({reason})"),
                        file=shown(path), reason=str(exc)) from None
    try:
        _check_regular(path, os.fstat(fd))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_readable(path: Path) -> bytes:
    """The first bytes of the file; UserError when it is unusable, empty or a compound file."""
    try:
        with _open_binary(path) as fh:
            head = fh.read(8)
            if head.startswith(OLE_MAGIC):
                raise _compound_file_error(path, _compound_names(fh))
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    if not head:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is empty"), file=shown(path))
    return head


def _compound_names(fh: IO[bytes]) -> set[str]:
    """Names of the streams in an OLE compound file's directory, as far as it reads sanely.

    An old .xls holds "Workbook" (or "Book"); a workbook saved with a password is a compound
    file holding "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO).
    """
    names: set[str] = set()
    try:
        fh.seek(0)
        header = fh.read(512)
        shift = struct.unpack_from("<H", header, 30)[0]
        if shift not in (9, 12):
            return names
        size = 1 << shift
        fat_sectors, first_dir = struct.unpack_from("<II", header, 44)
        fat: list[int] = []
        for index in range(min(fat_sectors, 109)):  # the header's own list of FAT sectors
            sector = struct.unpack_from("<I", header, 76 + 4 * index)[0]
            fh.seek((sector + 1) * size)
            data = fh.read(size)
            fat.extend(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))
        sector = first_dir
        for _ in range(1000):  # a directory chain longer than this is no real file's
            if sector >= 0xFFFFFFFA:
                break
            fh.seek((sector + 1) * size)
            data = fh.read(size)
            for offset in range(0, len(data) - 127, 128):
                length = struct.unpack_from("<H", data, offset + 64)[0]
                if 2 <= length <= 64:
                    names.add(data[offset:offset + length - 2].decode("utf-16-le", "replace"))
            sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
    except (struct.error, OSError, ValueError, OverflowError):
        pass
    return names


def _compound_file_error(path: Path, names: set[str]) -> UserError:
    if {"EncryptedPackage", "EncryptionInfo"} & names:
        return UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is a password-protected workbook; open it in Excel, remove the "
            "password, save it and try again"), file=shown(path))
    if {"Workbook", "Book"} & names:
        return UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is in the old Excel format (.xls); save it as .xlsx or CSV and try "
            "again"), file=shown(path))
    return UserError(QT_TRANSLATE_NOOP(
        "app", "{file} is an old Excel file (.xls) or a password-protected workbook; save it "
        "in Excel as .xlsx without a password, or as CSV, and try again"), file=shown(path))


def _empty_error(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} has no rows to import"), file=shown(path))


def _no_rows_error(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} has a header but no rows below it"),
                     file=shown(path))


def _clean(value: object) -> str:
    # NUL is legal in SQLite text but not in PostgreSQL's; it is never meaningful in a list.
    return clean_cell(value).replace("\x00", "").strip()


def _header_names(cells: list[str]) -> list[str]:
    """Header texts, trailing empty columns dropped, blanks and repeats made unique.

    Linear: each repeated name continues counting where its last repeat stopped.
    """
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    names: list[str] = []
    seen: set[str] = set()
    counters: dict[str, int] = {}
    for index, cell in enumerate(cells[:end], start=1):
        name = cell or f"({index})"
        if name in seen:
            base, n = name, counters.get(name, 2)
            while f"{base} ({n})" in seen:
                n += 1
            name = f"{base} ({n})"
            counters[base] = n + 1
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
    # No quote and no line longer than MAX_COLUMNS bytes: no row can break a limit.
    simple: bool


def _count_lines(data: bytes) -> int:
    """Line breaks as the csv module counts them: \\n, \\r\\n and a lone \\r."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _scan_bytes(path: Path) -> _Scan:
    """One streaming pass: hash, line count and the one encoding the whole file is in.

    UTF-8 (with or without a BOM) when every byte sequence is UTF-8; UTF-16 with a BOM; else
    cp1252, else Latin-1 (which decodes anything). cp1252 is taken only when the first byte
    that is not ASCII is not UTF-8: a file that is UTF-8 (beyond ASCII) up to some line and
    not from there is refused, naming the line, because either reading would garble names.
    """
    digest = hashlib.sha256()
    lines = size = 0
    try:
        with _open_binary(path) as fh:
            first = fh.read(CHUNK)
            encoding = ""
            if first.startswith(codecs.BOM_UTF8):
                encoding = "utf-8-sig"
            elif first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = "utf-16"
            utf8: codecs.IncrementalDecoder | None = (
                None if encoding == "utf-16" else codecs.getincrementaldecoder("utf-8")())
            cp1252: codecs.IncrementalDecoder | None = None
            multibyte = encoding == "utf-8-sig"  # UTF-8 beyond ASCII seen (a BOM counts)
            ends_in_cr = False
            simple = encoding != "utf-16"
            longest = carry = 0  # the longest line, the length of the unfinished one
            chunk = first
            while chunk:
                size += len(chunk)
                if size > MAX_FILE_BYTES:  # it grew since it was opened
                    raise UserError(_TOO_BIG, file=shown(path), limit=MAX_FILE_BYTES // MB)
                digest.update(chunk)
                if simple:
                    pieces = chunk.split(b"\n")
                    if len(pieces) > 1:
                        longest = max(longest, carry + len(pieces[0]),
                                      max(map(len, pieces[1:-1]), default=0))
                        carry = 0
                    carry += len(pieces[-1])
                    simple = b'"' not in chunk and max(longest, carry) < MAX_COLUMNS
                if utf8 is not None:
                    try:
                        utf8.decode(chunk)
                    except UnicodeDecodeError as exc:
                        cp1252 = _leave_utf8(path, exc, multibyte, lines)
                        utf8 = None
                    else:
                        if not multibyte:
                            pending = len(utf8.getstate()[0])  # an unfinished sequence
                            multibyte = not chunk[:max(len(chunk) - pending, 0)].isascii()
                elif cp1252 is not None:
                    try:
                        cp1252.decode(chunk)
                    except UnicodeDecodeError:
                        cp1252 = None  # bytes cp1252 leaves undefined: Latin-1 then
                lines += _count_lines(chunk) - (ends_in_cr and chunk.startswith(b"\n"))
                ends_in_cr = chunk.endswith(b"\r")
                chunk = fh.read(CHUNK)
            if utf8 is not None:
                try:
                    utf8.decode(b"", final=True)
                except UnicodeDecodeError as exc:  # cut off in the middle of a character
                    cp1252 = _leave_utf8(path, exc, multibyte, lines)
                    utf8 = None
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    if not encoding:
        encoding = "utf-8" if utf8 is not None else "cp1252" if cp1252 is not None else "latin-1"
    first_text = first.decode(encoding, errors="replace")
    if "\x00" in first_text[:4096] and encoding != "utf-16":
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is neither a text (CSV) file nor an Excel workbook"),
            file=shown(path))
    return _Scan(digest.hexdigest(), lines, encoding, first_text, simple)


def _leave_utf8(
    path: Path, exc: UnicodeDecodeError, multibyte: bool, lines_before: int
) -> codecs.IncrementalDecoder | None:
    """UTF-8 failed: refuse if UTF-8 beyond ASCII came first, else a cp1252 decoder that has
    taken the bytes from the failure's chunk on (all bytes before it were ASCII)."""
    decoded = exc.object[:exc.start]
    if multibyte or not decoded.isascii():
        raise UserError(_ENCODING_CHANGES, file=shown(path),
                        line=lines_before + _count_lines(decoded) + 1) from None
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    try:
        cp1252.decode(exc.object)
    except UnicodeDecodeError:
        return None
    return cp1252


def _sniff_delimiter(text: str) -> str:
    """Count separators in the first line that has any (csv.Sniffer fails on such lists)."""
    for line in text.splitlines()[:HEADER_SEARCH_ROWS]:
        counts = {sep: line.count(sep) for sep in SEPARATORS}
        best = max(SEPARATORS, key=lambda s: counts[s])
        if counts[best]:
            return best
    return ";"


class _LineFeed:
    """The file's lines for csv.reader, each read at most MAX_LINE_CHARS long, so that no
    line, and no row whose quoted cells run over several lines, is ever held bigger."""

    __slots__ = ("ended", "lines", "path", "pending", "raw", "start", "text")

    def __init__(self, text: io.TextIOWrapper, raw: IO[bytes], path: Path) -> None:
        self.text = text
        self.raw = raw
        self.path = path
        self.lines = 0  # lines read
        self.start = 1  # the line the row being read began on
        self.pending = 0  # characters read of the row being read; the reader resets it
        self.ended = False

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_LINE_CHARS + 1)
        if not line:
            self.ended = True
            raise StopIteration
        self.lines += 1
        if not self.pending:
            self.start = self.lines
        self.pending += len(line)
        if self.pending > MAX_LINE_CHARS:
            if self.start == self.lines:
                raise UserError(_LINE_TOO_LONG, file=shown(self.path), line=self.lines,
                                limit=MAX_LINE_CHARS)
            raise UserError(_QUOTE_RUNS_ON, file=shown(self.path), line=self.start,
                            limit=MAX_LINE_CHARS)
        if not self.lines & 0xFFFF and self.raw.tell() > MAX_FILE_BYTES:
            raise UserError(_TOO_BIG, file=shown(self.path), limit=MAX_FILE_BYTES // MB)
        if line[-1] != "\n" and line[-1] != "\r":
            # The last line: ended like the others, a row the reader returns only after the
            # end of the file is one whose quote was never closed.
            line += "\n"
        return line


def _csv_records(path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, list[str]]]:
    """Every record as the csv module parses it, checked against the limits; errors are
    UserErrors naming the line."""
    try:
        with _open_binary(path) as raw, \
                io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
            feed = _LineFeed(text, raw, path)
            reader = csv.reader(feed, delimiter=delimiter)
            for record in reader:
                if feed.ended:
                    raise UserError(_QUOTE_NOT_CLOSED, file=shown(path), line=feed.start)
                if len(record) > MAX_COLUMNS:
                    record = _trim_columns(record, path, feed.start)
                if feed.pending > MAX_FIELD_CHARS:
                    _check_fields(record, path, feed.start)
                feed.pending = 0
                yield feed.lines, record
    except UnicodeDecodeError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} cannot be decoded as {encoding} ({reason})"),
            file=shown(path), encoding=encoding, reason=exc.reason) from None
    except csv.Error as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not a readable CSV file ({reason})"),
                        file=shown(path), reason=str(exc)) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None


def _trim_columns(record: list[str], path: Path, line: int) -> list[str]:
    """The first MAX_COLUMNS cells, if all after them are empty (trailing separators)."""
    if "".join(record[MAX_COLUMNS:]).strip():
        raise UserError(_TOO_MANY_COLUMNS, file=shown(path), line=line, limit=MAX_COLUMNS)
    return record[:MAX_COLUMNS]


def _check_fields(record: list[str], path: Path, line: int) -> None:
    for column, cell in enumerate(record, start=1):
        if len(cell) > MAX_FIELD_CHARS:
            raise UserError(_FIELD_TOO_LONG, file=shown(path), line=line, column=column,
                            limit=MAX_FIELD_CHARS)


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, list[str]]]:
    """Non-empty rows with their line numbers."""
    records = _csv_records(path, encoding, delimiter)
    try:
        for number, record in records:
            # Text cells need only trimming (and no NUL); numbers are cleaned when parsed.
            cells = [c.strip() for c in record]
            if any(cells):
                if "\x00" in "".join(cells):
                    cells = [c.replace("\x00", "").strip() for c in cells]
                yield number, cells
    finally:
        records.close()


def _open_csv(path: Path) -> Table:
    scan = _scan_bytes(path)
    delimiter = _sniff_delimiter(scan.first_text)
    rows = _csv_rows(path, scan.encoding, delimiter)
    try:
        header_row, header_cells, known = _find_header(rows, path)
        headers = _header_names(header_cells)
        _check_has_rows(rows, len(headers), path)
    finally:
        rows.close()
    if not scan.simple:
        # The whole file once against the limits (a quote never closed shows only at its
        # end), so that the import cannot fail on them after it has begun. Lists without
        # quotes and long lines, most of them, need not: the scan has shown they keep them.
        collections.deque(_csv_records(path, scan.encoding, delimiter), maxlen=0)
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
    size = 0
    try:
        with _open_binary(path) as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise UserError(_TOO_BIG, file=shown(path), limit=MAX_FILE_BYTES // MB)
                digest.update(chunk)
    except OSError as exc:
        raise _cannot_read(path, exc) from None
    return digest.hexdigest()


def _broken_workbook(path: Path, exc: BaseException) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("app", "{file} cannot be read as an Excel workbook ({reason})"),
        file=shown(path), reason=str(exc) or type(exc).__name__)


def _zip_entry_count(fh: IO[bytes]) -> int | None:
    """The number of parts the zip's end record announces, read before zipfile parses them
    all (which would build an object for each); None when there is no end record."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    tail_size = min(size, 22 + 0xFFFF)
    fh.seek(size - tail_size)
    tail = fh.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    count: int = struct.unpack_from("<H", tail, at + 10)[0]
    if count == 0xFFFF and at >= 20 and tail[at - 20:at - 16] == b"PK\x06\x07":
        offset = struct.unpack_from("<Q", tail, at - 12)[0]  # the zip64 end record
        fh.seek(offset)
        record = fh.read(40)
        if record[:4] == b"PK\x06\x06" and len(record) == 40:
            count = struct.unpack_from("<Q", record, 32)[0]
    return count


def _check_zip(fh: IO[bytes], path: Path) -> None:
    """Refuse a zip bomb before openpyxl unpacks anything: too many parts, too big unpacked,
    or a part packed far tighter than XML ever is. zipfile unpacks no part beyond the size its
    directory announces (checked here), so these bound what reading can take."""
    count = _zip_entry_count(fh)
    if count is not None and count > MAX_ZIP_PARTS:
        raise UserError(_TOO_MANY_PARTS, file=shown(path), limit=MAX_ZIP_PARTS)
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except UserError:
        raise
    except Exception as exc:  # BadZipFile, and whatever a damaged directory makes it raise
        raise _broken_workbook(path, exc) from None
    if len(infos) > MAX_ZIP_PARTS:
        raise UserError(_TOO_MANY_PARTS, file=shown(path), limit=MAX_ZIP_PARTS)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > PACKING_FLOOR and \
                info.file_size > MAX_PACKING_RATIO * max(info.compress_size, 1):
            raise UserError(_PACKED_TOO_TIGHT, file=shown(path), limit=MAX_PACKING_RATIO)
    if total > MAX_XLSX_UNPACKED:
        raise UserError(_UNPACKS_TOO_BIG, file=shown(path), limit=MAX_XLSX_UNPACKED // MB)
    fh.seek(0)


@contextlib.contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    """The workbook in openpyxl's read-only mode, after the checks above."""
    import openpyxl

    with _open_binary(path) as fh:
        try:
            _check_zip(fh, path)
            workbook = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except UserError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise _broken_workbook(path, exc) from None
        try:
            yield workbook
        finally:
            workbook.close()


def _sheet_rows(workbook: Any, sheet: str, path: Path) -> Generator[tuple[int, list[str]]]:
    worksheet = workbook[sheet]
    # Rows as long as their last cell: a sheet may claim any size (A1:XFD1048576), and
    # openpyxl would pad every row to it.
    worksheet.reset_dimensions()
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > EXCEL_MAX_ROWS:
                # openpyxl fills the gap up to any row number a made-up sheet names with
                # empty rows: stop at the first beyond the last row Excel has.
                raise UserError(_SHEET_TOO_MANY_ROWS, file=shown(path), sheet=sheet,
                                limit=EXCEL_MAX_ROWS)
            if len(values) > MAX_COLUMNS:
                values = _trim_values(values, path, sheet, number)
            cells = [_clean(v) for v in values]
            if any(cells):
                if max(map(len, cells)) > MAX_FIELD_CHARS:
                    _check_cells(cells, path, sheet, number)
                yield number, cells
    except UserError:
        raise
    except Exception as exc:
        # A damaged sheet fails only when its rows are parsed, with whatever zipfile,
        # zlib, the XML parser or openpyxl raise (BadZipFile, zlib.error, ParseError,
        # KeyError, ValueError, ...); the loop above does nothing else that could fail.
        raise _broken_workbook(path, exc) from None


def _trim_values(values: tuple[Any, ...], path: Path, sheet: str, row: int) -> tuple[Any, ...]:
    tail = values[MAX_COLUMNS:]
    if tail.count(None) != len(tail) and any(_clean(v) for v in tail):
        raise UserError(_SHEET_TOO_MANY_COLUMNS, file=shown(path), row=row, sheet=sheet,
                        limit=MAX_COLUMNS)
    return values[:MAX_COLUMNS]


def _check_cells(cells: list[str], path: Path, sheet: str, row: int) -> None:
    from openpyxl.utils import get_column_letter

    for column, cell in enumerate(cells, start=1):
        if len(cell) > MAX_FIELD_CHARS:
            raise UserError(_CELL_TOO_LONG, file=shown(path), sheet=sheet,
                            cell=f"{get_column_letter(column)}{row}", limit=MAX_FIELD_CHARS)


def _xlsx_rows(path: Path, sheet: str) -> Generator[tuple[int, list[str]]]:
    with _workbook(path) as workbook:
        yield from _sheet_rows(workbook, sheet, path)


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    with _workbook(path) as workbook:
        sheets = [(ws.title, ws.sheet_state) for ws in workbook.worksheets]
        names = [name for name, _state in sheets]
        # Hidden sheets are read only when named: Excel users do not see them, and the list
        # they mean is the visible one.
        visible = [name for name, state in sheets if state == "visible"]
        if sheet is not None and sheet not in names:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "{file} has no sheet named '{sheet}' (sheets: {names})"),
                file=shown(path), sheet=sheet, names=", ".join(visible or names))
        if not names:
            raise _empty_error(path)
        if sheet is not None:
            return _open_sheet(workbook, path, sheet, visible)
        if not visible:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} has no visible sheet (hidden: {names}); name the one to import"),
                file=shown(path), names=", ".join(names))
        # Without a choice, the first sheet that looks like a list (cover sheets are common).
        first_error: UserError | None = None
        fallback: Table | None = None
        for name in visible:
            try:
                table = _open_sheet(workbook, path, name, visible)
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


def _open_sheet(workbook: Any, path: Path, sheet: str, visible: list[str]) -> Table:
    try:
        estimated = int(workbook[sheet].max_row or 0)
    except Exception:  # a missing dimension is only a worse progress estimate
        estimated = 0
    rows = _sheet_rows(workbook, sheet, path)
    try:
        header_row, header_cells, known = _find_header(rows, path)
        headers = _header_names(header_cells)
        _check_has_rows(rows, len(headers), path)
    finally:
        rows.close()
    return Table(path=path, kind="xlsx", headers=headers,
                 header_row=header_row, sha256=_sha256_file(path),
                 estimated_rows=max(min(estimated, EXCEL_MAX_ROWS) - header_row, 1),
                 sheet=sheet, sheet_names=visible, header_recognised=known)


def _xlsx_data_rows(table: Table) -> Iterator[tuple[int, list[str]]]:
    assert table.sheet is not None
    width = len(table.headers)
    for number, cells in _xlsx_rows(table.path, table.sheet):
        if number <= table.header_row:
            continue
        cells = _fit(cells, width)
        if any(cells):
            yield number, cells
