"""The district roll-up: several associations' exports in, one district workbook out.

Only the hidden `ringkvall` sheet of each file is read (its figures per target group), so
the roll-up does not depend on the language the files were exported in. Every file is
checked before anything is written; a refusal names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import __version__
from app.clock import utcnow
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.progress import NoProgress, Progress
from app.services.results.atomic import atomic_path
from app.services.results.figures import Counts, sum_counts
from app.services.results.labels import Labels
from app.services.results.meta import FORMAT_VERSION, SHEET, Metadata, NotAnExport, parse_meta
from app.services.results.privacy import Privacy
from app.services.results.sheet_writer import SheetWriter, discard
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
        raise UserError(QT_TRANSLATE_NOOP("app", "{file}: no such file"), file=str(path))
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for files that are no workbook
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not an Excel workbook (.xlsx)"),
                        file=str(path)) from None
    try:
        if SHEET not in wb.sheetnames:
            raise NotAnExport("no hidden sheet")
        meta = parse_meta(wb[SHEET].iter_rows(values_only=True))
    except NotAnExport:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is not a Ringkväll results export"),
            file=str(path)) from None
    finally:
        wb.close()
    if meta.format_version > FORMAT_VERSION:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} was made by a newer Ringkväll (format {version}, "
                                     "this one reads up to {supported}); update Ringkväll"),
            file=str(path), version=meta.format_version, supported=FORMAT_VERSION)
    if meta.kind != "export":
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is a district roll-up, not an "
                                                 "association's export"), file=str(path))
    if meta.privacy not in ROLLUP_LEVELS:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} is a full export with personal data; ask the "
                                     "association for the district or aggregate level"),
            file=str(path))
    return SourceFile(path, meta)


def write_rollup(sources: list[Path], target: Path, *, language: str = "sv",
                 progress: Progress | None = None, now: datetime | None = None) -> RollupResult:
    from openpyxl import Workbook

    progress = progress or NoProgress()
    if not sources:
        raise UserError(QT_TRANSLATE_NOOP("app", "Choose at least one export to combine"))
    target = Path(target)
    if any(Path(p).resolve() == target.resolve() for p in sources):
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is both read and written; choose "
                                                 "another name for the district file"),
                        file=str(target))
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
                file=str(seen[key]), other=str(source.path), campaign=key[1],
                association=key[0] or "-")
        seen[key] = source.path
        files.append(source)
    now = now or utcnow()
    labels = Labels(language)
    wb = Workbook(write_only=True)
    district = SheetWriter(wb.create_sheet(labels["sheet.district"]))
    associations = SheetWriter(wb.create_sheet(labels["sheet.associations"]))
    listing = SheetWriter(wb.create_sheet(labels["files"]))
    hidden = wb.create_sheet(SHEET)
    hidden.sheet_state = "hidden"

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
    from app.services.results.meta import meta_rows

    for row in meta_rows(meta):
        hidden.append([SheetWriter.safe_value(v) for v in row])
    try:
        with atomic_path(target) as tmp:
            wb.save(tmp)
    except BaseException:
        discard(wb)
        raise
    progress.report(len(sources), len(sources))
    return RollupResult(target, files, total)
