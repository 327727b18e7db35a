"""The district roll-up: several associations' exports in, one district workbook out.

Only the hidden `ringkvall` sheet of each file is read (its figures per target group), so
the roll-up does not depend on the language the files were exported in. Every file is
checked before anything is written; a refusal names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.clock import utcnow
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import NoProgress, Progress
from app.services import audit
from app.services.output_paths import check_output, display_path, output_error
from app.services.results.figures import Counts, sum_counts
from app.services.results.labels import Labels
from app.services.results.meta import FORMAT_VERSION, SHEET, Metadata, NotAnExport, parse_meta
from app.services.results.print_setup import apply_print_setup
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import SheetWriter
from app.services.results.spool import discard, private_spool, save_workbook
from app.services.results.summary_sheet import figure_cells, figure_headers

ROLLUP_LEVELS = (Privacy.DISTRICT.value, Privacy.AGGREGATE.value)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    meta: Metadata


@dataclass(frozen=True)
class RollupResult:
    path: Path
    files: list[SourceFile]
    total: Counts


def read_export(path: Path) -> SourceFile:
    """One association's export, checked: ours, not newer, district or aggregate level."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("app", "{file}: no such file"), file=display_path(path))
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for files that are no workbook
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not an Excel workbook (.xlsx)"),
                        file=display_path(path)) from None
    try:
        if SHEET not in wb.sheetnames:
            raise NotAnExport("no hidden sheet")
        meta = parse_meta(wb[SHEET].iter_rows(values_only=True))
    except NotAnExport:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is not a Ringkväll results export"),
            file=display_path(path)) from None
    finally:
        wb.close()
    if meta.format_version > FORMAT_VERSION:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} was made by a newer Ringkväll (format {version}, "
                                     "this one reads up to {supported}); update Ringkväll"),
            file=display_path(path), version=meta.format_version, supported=FORMAT_VERSION)
    if meta.kind != "export":
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is a district roll-up, not an "
                                                 "association's export"), file=display_path(path))
    if meta.privacy not in ROLLUP_LEVELS:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is a full export with personal data; ask the "
                                     "association for the district or aggregate level"),
            file=display_path(path))
    return SourceFile(path, meta)


def write_rollup(sources: list[Path], target: Path, *, language: str = "sv",
                 progress: Progress | None = None, now: datetime | None = None,
                 database: object = None, force: bool = False) -> RollupResult:
    """Check every source, then write the district workbook to `target`.

    The target may not be a source, nor the database in use (`database`, see
    `check_output`). An existing file is replaced only with `force` (checked when the file
    is to be written; the command line and the window check before they start).
    """
    from openpyxl import Workbook

    progress = progress or NoProgress()
    if not sources:
        raise UserError(QT_TRANSLATE_NOOP("app", "Choose at least one export to combine"))
    target = check_output(target, database=database, inputs=sources, force=True)
    files: list[SourceFile] = []
    seen: dict[tuple[str, str], Path] = {}
    for index, path in enumerate(sources):
        progress.report(index, len(sources))
        source = read_export(Path(path))
        # The same campaign twice (the same file, or an old and a new export of it) would
        # count its calls twice.
        key = (source.meta.association, source.meta.campaign)
        if key in seen:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "{file} and {other} both hold campaign '{campaign}' "
                                         "of {association}; keep only the newest"),
                file=display_path(seen[key]), other=display_path(source.path),
                campaign=display_path(key[1]), association=display_path(key[0] or "-"))
        seen[key] = source.path
        files.append(source)
    now = now or utcnow()
    with private_spool():
        wb = Workbook(write_only=True)
        try:
            labels = Labels(language)
            total = _write_district(wb, files, labels, now)
            apply_print_setup(wb, campaign=labels["sheet.district"],
                              privacy=labels[f"privacy.{Privacy.AGGREGATE.value}"],
                              exported_at=now, labels=labels)
            save_workbook(wb, target, force=force)
        except OSError as exc:  # the spool's disk: full, or failing
            discard(wb)
            raise output_error(target, exc) from None
        except BaseException:
            discard(wb)
            raise
    progress.report(len(sources), len(sources))
    audit.record_in(database, "rollup_written", file=audit.file_name(target), files=len(files))
    return RollupResult(target, files, total)


def _write_district(wb: Any, files: list[SourceFile], labels: Labels, now: datetime) -> Counts:
    """The district workbook's sheets: every text cell through SheetWriter (other
    associations' names are text from outside, never formulas here)."""
    from app.services.results.meta import meta_rows

    district = SheetWriter(wb.create_sheet(labels["sheet.district"]))
    associations = SheetWriter(wb.create_sheet(labels["sheet.associations"]))
    listing = SheetWriter(wb.create_sheet(labels["files"]))
    ws_hidden = wb.create_sheet(SHEET)
    ws_hidden.sheet_state = "hidden"
    hidden = SheetWriter(ws_hidden)

    headers = figure_headers(labels, "target_group")
    district.widths([24, 24, 24, *([12] * len(headers))])
    district.table_header([labels["association"], labels["campaign"], *headers])
    per_file: list[Counts] = []
    all_groups: list[tuple[str, Counts]] = []
    for source in files:
        m = source.meta
        for name, counts in m.groups:
            district.append([m.association, m.campaign, *figure_cells(district, name, counts)])
            all_groups.append((f"{m.association} / {name}", counts))
        per_file.append(sum_counts(c for _, c in m.groups))
    total = sum_counts(per_file)
    district.append([district.styled(labels["total"], bold=True), None,
                     *figure_cells(district, "", total, bold=True)])
    district.finish_table(len(headers) + 2)

    associations.widths([28, 28, *([12] * len(headers))])
    associations.table_header([labels["association"], *figure_headers(labels, "campaign")])
    for source, counts in zip(files, per_file, strict=True):
        associations.append([source.meta.association,
                             *figure_cells(associations, source.meta.campaign, counts)])
    associations.append([associations.styled(labels["total"], bold=True),
                         *figure_cells(associations, "", total, bold=True)])
    associations.finish_table(len(headers) + 1)

    listing.widths([40, 28, 28, 14, 22, 10])
    listing.table_header([labels["file"], labels["association"], labels["campaign"],
                          labels["privacy"], labels["exported_at"], "format"])
    for source in files:
        m = source.meta
        listing.append([source.path.name, m.association, m.campaign,
                        labels[f"privacy.{m.privacy}"], m.exported_at, m.format_version])
    listing.finish_table(6)

    meta = Metadata(FORMAT_VERSION, "rollup", "", "", Privacy.AGGREGATE.value, labels.language,
                    now.isoformat(timespec="seconds"), __version__, all_groups)
    for row in meta_rows(meta):
        hidden.append(row)
    return total
