"""The hidden sheet that lets Ringkväll read its own exports back (the district roll-up).

Layout of the sheet `ringkvall` (hidden; the names here are never translated):

    A            B
    format       ringkvall-results
    format_version  1
    kind         export | rollup
    campaign     ...
    association  ...
    privacy      district | aggregate | full
    language     sv | en
    exported_at  ISO 8601 UTC text
    app_version  0.1.0
    (empty row)
    figures      (a table follows: a header row of keys, then a row per target group)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from app.domain.outcomes import Outcome
from app.services.results.figures import COUNT_KEYS, Counts

SHEET = "ringkvall"
FORMAT = "ringkvall-results"
FORMAT_VERSION = 1
FIGURE_KEYS = (*COUNT_KEYS, "talk_seconds")
OUTCOME_PREFIX = "outcome:"
FIGURES_HEADER = ("group", *FIGURE_KEYS, *(OUTCOME_PREFIX + o.value for o in Outcome))


@dataclass
class Metadata:
    format_version: int
    kind: str
    campaign: str
    association: str
    privacy: str
    language: str
    exported_at: str
    app_version: str
    groups: list[tuple[str, Counts]] = field(default_factory=list)


def meta_rows(meta: Metadata) -> Iterator[Sequence[object]]:
    yield ("format", FORMAT)
    yield ("format_version", meta.format_version)
    yield ("kind", meta.kind)
    yield ("campaign", meta.campaign)
    yield ("association", meta.association)
    yield ("privacy", meta.privacy)
    yield ("language", meta.language)
    yield ("exported_at", meta.exported_at)
    yield ("app_version", meta.app_version)
    yield ()
    yield ("figures",)
    yield FIGURES_HEADER
    for name, counts in meta.groups:
        yield (name, *(int(getattr(counts, k)) for k in FIGURE_KEYS),
               *(counts.outcomes.get(o.value, 0) for o in Outcome))


class NotAnExport(ValueError):
    """The rows are not a Ringkväll results sheet."""


def parse_meta(rows: Iterable[Sequence[object]]) -> Metadata:
    """Read the hidden sheet's rows back; NotAnExport when the layout is not ours."""
    values: dict[str, object] = {}
    it = iter(rows)
    for row in it:
        cells = [*row, None, None]
        key = cells[0]
        if key == "figures":
            break
        if isinstance(key, str) and key:
            values[key] = cells[1]
    if values.get("format") != FORMAT:
        raise NotAnExport("no Ringkväll format marker")
    try:
        version = int(str(values.get("format_version")))
    except ValueError:
        raise NotAnExport("no format version") from None
    meta = Metadata(
        format_version=version,
        kind=str(values.get("kind") or ""),
        campaign=str(values.get("campaign") or ""),
        association=str(values.get("association") or ""),
        privacy=str(values.get("privacy") or ""),
        language=str(values.get("language") or ""),
        exported_at=str(values.get("exported_at") or ""),
        app_version=str(values.get("app_version") or ""),
    )
    if version > FORMAT_VERSION:
        return meta  # the caller refuses it, naming the file; the layout may differ
    header = next(it, None)
    if header is None:
        return meta
    names = [str(h) if h is not None else "" for h in header]
    for row in it:
        cells = list(row)
        if not cells or cells[0] is None:
            continue
        data = dict(zip(names, cells, strict=False))
        counts = {k: _int(data.get(k)) for k in FIGURE_KEYS}
        outcomes = {o.value: _int(data.get(OUTCOME_PREFIX + o.value)) for o in Outcome}
        meta.groups.append((str(cells[0]), Counts(**counts, outcomes=outcomes)))
    return meta


def _int(value: object) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise NotAnExport("a figure is not a number")
    if isinstance(value, int | float):
        return int(value)
    try:
        return int(str(value))
    except ValueError:
        raise NotAnExport("a figure is not a number") from None
