"""The local plan's and the district's answer's workbooks: visible sheets for people, and a
hidden sheet "meta" that the app reads back (format, format version, the plan's id, and
every value as key/value rows), so a sheet someone tidied up by hand changes nothing read.

No database here: app/services/organising/plans.py reads and writes the tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.clock import local
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.output_paths import atomic_write, display_path
from app.services.results.safe_text import xlsx_text

PLAN_FORMAT = "ringkvall-local-plan"
VERDICT_FORMAT = "ringkvall-plan-verdict"
FORMAT_VERSION = 1
META_SHEET = "meta"
STATUSES = ("received", "approved", "needs_changes")
STATUS_SV = {"received": "Mottagen", "approved": "Godkänd", "needs_changes": "Behöver ändras"}


@dataclass(frozen=True)
class PlanGroup:
    name: str
    description: str
    size: int  # people in the group


@dataclass(frozen=True)
class PlanEvening:
    day: str  # YYYY-MM-DD, Swedish wall-clock like the planner
    starts: str  # HH:MM
    ends: str
    place: str
    link: str
    groups: tuple[str, ...]
    goal_calls: int | None
    goal_conversations: int | None
    goal_recruits: int | None
    signups: int


@dataclass(frozen=True)
class PlanContent:
    plan_uuid: str
    campaign: str
    association: str
    exported_at: datetime
    starts_on: date | None
    ends_on: date | None
    deadline: date | None  # the campaign's start: the plan is to be approved before calling
    local_issue: str
    local_message: str
    meeting_title: str
    meeting_at: datetime | None
    meeting_link: str
    meeting_guest: str
    goal_conversations: int | None
    goal_recruits: int | None
    groups: tuple[PlanGroup, ...]
    evenings: tuple[PlanEvening, ...]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("exported_at", "starts_on", "ends_on", "deadline", "meeting_at"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value is not None else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanContent:
        return cls(
            plan_uuid=str(data["plan_uuid"]), campaign=str(data["campaign"]),
            association=str(data["association"]),
            exported_at=datetime.fromisoformat(str(data["exported_at"])),
            starts_on=_date(data.get("starts_on")), ends_on=_date(data.get("ends_on")),
            deadline=_date(data.get("deadline")), local_issue=str(data["local_issue"]),
            local_message=str(data["local_message"]),
            meeting_title=str(data["meeting_title"]),
            meeting_at=_datetime(data.get("meeting_at")),
            meeting_link=str(data["meeting_link"]), meeting_guest=str(data["meeting_guest"]),
            goal_conversations=_int(data.get("goal_conversations")),
            goal_recruits=_int(data.get("goal_recruits")),
            groups=tuple(PlanGroup(str(g["name"]), str(g["description"]), int(g["size"]))
                         for g in data["groups"]),
            evenings=tuple(PlanEvening(
                day=str(e["day"]), starts=str(e["starts"]), ends=str(e["ends"]),
                place=str(e["place"]), link=str(e["link"]),
                groups=tuple(str(n) for n in e["groups"]),
                goal_calls=_int(e.get("goal_calls")),
                goal_conversations=_int(e.get("goal_conversations")),
                goal_recruits=_int(e.get("goal_recruits")), signups=int(e["signups"]))
                for e in data["evenings"]),
        )


@dataclass(frozen=True)
class Verdict:
    plan_uuid: str
    campaign: str
    association: str
    status: str  # one of STATUSES
    comment: str
    reviewed_at: datetime
    deadline: date | None


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _datetime(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _int(value: object) -> int | None:
    return None if value is None or value == "" else int(str(value))


# --- writing ---------------------------------------------------------------------------------

def _cell(ws: Any, value: object) -> Any:
    """Text made safe: never a formula or an error value, whatever it starts with."""
    from openpyxl.cell.cell import Cell

    if isinstance(value, str):
        text, mark = xlsx_text(value)
        cell = Cell(ws, row=1, column=1)  # append() moves it to its place
        cell.value = text
        cell.data_type = "s"
        if mark:
            cell.quotePrefix = True
        return cell
    return value


def _append(ws: Any, values: Sequence[object]) -> None:
    ws.append([_cell(ws, v) for v in values])


def _local_text(value: datetime | None) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M") if value is not None else ""


def _meta(wb: Any, kind: str, rows: Iterable[Sequence[object]]) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "hidden"
    _append(ws, ["format", kind])
    _append(ws, ["format_version", FORMAT_VERSION])
    for row in rows:
        _append(ws, row)


def _save(wb: Any, target: Path, force: bool) -> Path:
    with atomic_write(target, force=force) as tmp:
        wb.save(tmp)
    return target


_CHUNK = 30000  # characters per cell (Excel holds at most 32,767)


def _chunks(key: str, text: str) -> list[list[object]]:
    """A long text over several rows "key:0", "key:1", ...: one cell cannot hold it all."""
    return [[f"{key}:{i}", text[start:start + _CHUNK]]
            for i, start in enumerate(range(0, max(len(text), 1), _CHUNK))]


def _joined(found: dict[str, Any], key: str) -> str:
    parts: list[str] = []
    while f"{key}:{len(parts)}" in found:
        parts.append(str(found[f"{key}:{len(parts)}"] or ""))
    if not parts:
        raise KeyError(key)
    return "".join(parts)


def write_plan(plan: PlanContent, target: Path, *, force: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws: Any = wb.active
    ws.title = "Lokal plan"
    _append(ws, [f"Lokal plan: {plan.campaign}"])
    ws["A1"].font = Font(bold=True, size=14)
    for label, value in (
        ("Förening", plan.association), ("Kampanj", plan.campaign),
        ("Kampanjen börjar", plan.starts_on.isoformat() if plan.starts_on else ""),
        ("Kampanjen slutar", plan.ends_on.isoformat() if plan.ends_on else ""),
        ("Lokal fråga", plan.local_issue), ("Budskap", plan.local_message),
        ("Digitalt möte", plan.meeting_title), ("Mötets tid", _local_text(plan.meeting_at)),
        ("Mötets länk", plan.meeting_link), ("Gäst", plan.meeting_guest),
        ("Mål: samtal", plan.goal_conversations if plan.goal_conversations is not None else ""),
        ("Mål: nya medlemmar", plan.goal_recruits if plan.goal_recruits is not None else ""),
        ("Exporterad", _local_text(plan.exported_at)),
    ):
        _append(ws, [label, value])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 70
    groups = wb.create_sheet("Målgrupper")
    _append(groups, ["Målgrupp", "Beskrivning", "Antal personer"])
    for g in plan.groups:
        _append(groups, [g.name, g.description, g.size])
    evenings = wb.create_sheet("Ringkvällar")
    _append(evenings, ["Datum", "Börjar", "Slutar", "Plats", "Länk", "Målgrupper",
                       "Mål: ringda samtal", "Mål: samtal", "Mål: nya medlemmar", "Anmälda"])
    for e in plan.evenings:
        _append(evenings, [e.day, e.starts, e.ends, e.place, e.link, ", ".join(e.groups),
                           e.goal_calls, e.goal_conversations, e.goal_recruits, e.signups])
    for sheet in (groups, evenings):
        for column in "ABCDEFGHIJ":
            sheet.column_dimensions[column].width = 18
    _meta(wb, PLAN_FORMAT, [
        ["plan_uuid", plan.plan_uuid], ["campaign", plan.campaign],
        ["association", plan.association],
        *_chunks("plan", json.dumps(plan.as_json(), ensure_ascii=False)),
    ])
    return _save(wb, target, force)


def write_verdict(verdict: Verdict, target: Path, *, force: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws: Any = wb.active
    ws.title = "Distriktets svar"
    _append(ws, [f"Distriktets svar: {verdict.campaign}"])
    ws["A1"].font = Font(bold=True, size=14)
    for label, value in (
        ("Förening", verdict.association), ("Kampanj", verdict.campaign),
        ("Status", STATUS_SV.get(verdict.status, verdict.status)),
        ("Kommentar", verdict.comment), ("Granskad", _local_text(verdict.reviewed_at)),
        ("Sista dag", verdict.deadline.isoformat() if verdict.deadline else ""),
    ):
        _append(ws, [label, value])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 70
    _meta(wb, VERDICT_FORMAT, [
        ["plan_uuid", verdict.plan_uuid], ["campaign", verdict.campaign],
        ["association", verdict.association], ["status", verdict.status],
        ["comment", verdict.comment], ["reviewed_at", verdict.reviewed_at.isoformat()],
        ["deadline", verdict.deadline.isoformat() if verdict.deadline else ""],
    ])
    return _save(wb, target, force)


# --- reading ---------------------------------------------------------------------------------

def _read_meta(path: Path, kind: str) -> dict[str, Any]:
    """The hidden sheet's key/value rows of a file of `kind`; UserError (one line) for a
    missing file, a file that is not a workbook, not ours, of the other kind or too new."""
    from openpyxl import load_workbook

    path = Path(path)
    shown = display_path(path)
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("app", "{file}: no such file"), file=shown)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for files that are no workbook
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not an Excel workbook (.xlsx)"),
                        file=shown) from None
    try:
        if META_SHEET not in wb.sheetnames:
            found: dict[str, Any] = {}
        else:
            found = {str(row[0]): row[1] for row in wb[META_SHEET].iter_rows(values_only=True)
                     if len(row) >= 2 and row[0] is not None}
    except Exception:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged and cannot be read"),
                        file=shown) from None
    finally:
        wb.close()
    other = VERDICT_FORMAT if kind == PLAN_FORMAT else PLAN_FORMAT
    if found.get("format") == other:
        if kind == PLAN_FORMAT:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} is the district's answer, not a local plan"), file=shown)
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is a local plan, not the district's answer"), file=shown)
    if found.get("format") != kind:
        if kind == PLAN_FORMAT:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "{file} is not a local plan from Ringkväll"), file=shown)
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} is not an answer from the district's Ringkväll"), file=shown)
    version = found.get("format_version")
    if version != FORMAT_VERSION:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} has format version {version}; this Ringkväll reads version "
                   "{supported}"), file=shown, version=version, supported=FORMAT_VERSION)
    return found


def _damaged(path: Path) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged and cannot be read"),
                     file=display_path(path))


def read_plan(path: Path) -> PlanContent:
    found = _read_meta(path, PLAN_FORMAT)
    try:
        plan = PlanContent.from_json(json.loads(_joined(found, "plan")))
    except (KeyError, TypeError, ValueError):
        raise _damaged(path) from None
    if plan.plan_uuid != found.get("plan_uuid") or len(plan.plan_uuid) != 36:
        raise _damaged(path)
    return plan


def read_verdict(path: Path) -> Verdict:
    found = _read_meta(path, VERDICT_FORMAT)
    try:
        verdict = Verdict(
            plan_uuid=str(found["plan_uuid"]), campaign=str(found["campaign"] or ""),
            association=str(found["association"] or ""), status=str(found["status"]),
            comment=str(found.get("comment") or ""),
            reviewed_at=datetime.fromisoformat(str(found["reviewed_at"])),
            deadline=_date(found.get("deadline")))
    except (KeyError, TypeError, ValueError):
        raise _damaged(path) from None
    if verdict.status not in STATUSES or verdict.reviewed_at.tzinfo is None:
        raise _damaged(path)
    return verdict
