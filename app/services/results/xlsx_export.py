"""The Excel export: one workbook per campaign, fixed layout, shaped by the privacy level.

openpyxl is imported here, lazily (never at app start-up). Sheets are write-only (streamed),
and the file is written under a temporary name and renamed, so Cancel leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.clock import utcnow
from app.db.models import Call, Contact, FollowUp, PhoneNumber, Recruit, TargetGroup
from app.domain.phone import format_national
from app.progress import NoProgress, Progress
from app.services import audit
from app.services.output_paths import check_output, output_error, session_database
from app.services.results.calls import Pseudonyms, call_table, excel_time
from app.services.results.figures import Report, ReportBuilder, ReportFilter, build_report
from app.services.results.labels import Labels
from app.services.results.meta import FORMAT_VERSION, SHEET, Metadata, meta_rows
from app.services.results.pack_figures import pack_figures
from app.services.results.pack_sheet import pack_sheet_name, write_pack_sheet
from app.services.results.print_setup import apply_print_setup
from app.services.results.privacy import DEFAULT_PRIVACY, Privacy
from app.services.results.questions import FREE_TEXT, QuestionStats, question_stats
from app.services.results.sheet_writer import ONE_DECIMAL, PERCENT_FORMAT, SheetWriter
from app.services.results.spool import discard, private_spool, save_workbook
from app.services.results.summary_sheet import write_summary
from app.services.server.rights import hold_campaign_for_export

if TYPE_CHECKING:
    from app.db.database import Database

SHEET_KEYS = ("summary", "calls", "recruits", "follow_ups", "answers", "volunteers")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    privacy: Privacy
    calls: int
    recruits: int
    follow_ups: int


def export_xlsx(
    session: Session, campaign_id: int, target: Path, *, privacy: Privacy = DEFAULT_PRIVACY,
    language: str = "sv", flt: ReportFilter | None = None, progress: Progress | None = None,
    now: datetime | None = None, force: bool = False,
) -> ExportResult:
    """Write the campaign's workbook to `target`.

    Refused at once (`check_output`): the database the session reads or its companion files
    as the target, a folder, a read-only file. An existing file is replaced only with
    `force`; without it the export is refused when the file is to be written (the command
    line and the window check before they start). Storage failures are an `OutputError`.
    """
    from openpyxl import Workbook

    target = check_output(target, database=session_database(session), force=True)
    # A volunteer's login is refused here by the server (no export at any level).
    hold_campaign_for_export(session, campaign_id)
    progress = progress or NoProgress()
    now = now or utcnow()
    labels = Labels(language)
    flt = flt or ReportFilter()
    progress.report(0, None)
    with private_spool():
        wb = Workbook(write_only=True)
        sheets = {key: SheetWriter(wb.create_sheet(labels[f"sheet.{key}"]), fit=True)
                  for key in SHEET_KEYS}
        if pack_figures(session, campaign_id):  # only campaigns that handed out calling packs
            sheets["packs"] = SheetWriter(wb.create_sheet(pack_sheet_name(labels.language)),
                                          fit=True)
        hidden = wb.create_sheet(SHEET)
        hidden.sheet_state = "hidden"
        try:
            result = _fill(sheets, SheetWriter(hidden), session, campaign_id, flt, privacy,
                           labels, progress, now)
            # Every sheet, also those other parts of Ringkväll add, is set up to print.
            apply_print_setup(wb, campaign=_campaign_name(session, campaign_id),
                              privacy=labels[f"privacy.{privacy.value}"], exported_at=now,
                              labels=labels)
            save_workbook(wb, target, force=force)
        except OSError as exc:  # the spool's disk: full, or failing
            discard(wb)
            raise output_error(target, exc) from None
        except BaseException:
            discard(wb)
            raise
    calls, recruits, follow_ups = result
    audit.record_apart(session, "results_exported", campaign_id=campaign_id, format="xlsx",
                       privacy=privacy.value, file=audit.file_name(target), calls=calls)
    return ExportResult(target, privacy, calls, recruits, follow_ups)


def export_campaign_file(
    db: Database, campaign_id: int, target: Path, *, privacy: Privacy = DEFAULT_PRIVACY,
    language: str = "sv", flt: ReportFilter | None = None, progress: Progress | None = None,
    force: bool = False,
) -> ExportResult:
    """`export_xlsx` in a session of its own (the window's export, on a worker thread)."""
    with db.session() as session:
        return export_xlsx(session, campaign_id, target, privacy=privacy, language=language,
                           flt=flt, progress=progress, force=force)


def _campaign_name(session: Session, campaign_id: int) -> str:
    from app.db.models import Campaign

    return session.scalar(select(Campaign.name).where(Campaign.id == campaign_id)) or ""


def _fill(sheets: dict[str, SheetWriter], hidden: SheetWriter, session: Session, campaign_id: int,
          flt: ReportFilter, privacy: Privacy, labels: Labels, progress: Progress,
          now: datetime) -> tuple[int, int, int]:
    volunteer_alias = Pseudonyms(labels["volunteer_pseudonym"])
    calls = recruits = follow_ups = 0
    if privacy.call_rows:
        # The figures are counted while the calls stream into the Samtal sheet.
        questions = question_stats(session, campaign_id, flt)
        builder = ReportBuilder(session, campaign_id, flt, now=now)
        calls = _calls_sheet(sheets["calls"], session, campaign_id, privacy, labels, flt,
                             progress, volunteer_alias, questions, builder)
        report = builder.finish(questions)
        recruits = _recruits_sheet(sheets["recruits"], session, campaign_id, labels, flt)
        follow_ups = _follow_ups_sheet(sheets["follow_ups"], session, campaign_id, labels, flt)
        _volunteers_sheet(sheets["volunteers"], report, labels, privacy, volunteer_alias)
    else:
        report = build_report(session, campaign_id, flt, now=now)
        for key in ("calls", "recruits", "follow_ups", "volunteers"):
            w = sheets[key]
            w.widths([90])
            w.append([labels["left_out"].format(level=labels[f"privacy.{privacy.value}"])])
    if "packs" in sheets:
        write_pack_sheet(sheets["packs"], pack_figures(session, campaign_id), labels, privacy,
                         volunteer_alias)
    write_summary(sheets["summary"], report, labels, privacy, now)
    _answers_sheet(sheets["answers"], report, labels)
    meta = Metadata(FORMAT_VERSION, "export", report.campaign.name, report.campaign.association,
                    privacy.value, labels.language, now.isoformat(timespec="seconds"),
                    __version__, [(r.label, r.counts) for r in report.groups])
    for row in meta_rows(meta):
        hidden.append(row)
    progress.report(calls, calls or None)
    return calls, recruits, follow_ups


def _calls_sheet(w: SheetWriter, session: Session, campaign_id: int, privacy: Privacy,
                 labels: Labels, flt: ReportFilter, progress: Progress,
                 volunteer_alias: Pseudonyms, questions: list[QuestionStats],
                 builder: ReportBuilder) -> int:
    table = call_table(session, campaign_id, privacy, labels.language, flt, progress,
                       volunteer_alias, questions, builder)
    for column, values in table.samples.items():
        w.expect(column, values)
    w.table_header(table.headers, numeric=table.numeric)
    for row in table.rows:
        w.append(row)
    w.finish_table(len(table.headers))
    return w.rows - 1


def _recruits_sheet(w: SheetWriter, session: Session, campaign_id: int, labels: Labels,
                    flt: ReportFilter) -> int:
    from app.services.results.figures import filtered_calls

    headers = [labels[k] for k in (
        "time", "target_group", "first_name", "last_name", "email", "phone", "street",
        "postcode", "city", "birth_year", "consent_membership", "consent_contact",
        "consent_text", "consented_at")]
    w.table_header(headers, numeric=(9,))
    stmt = filtered_calls(
        select(Call.started_at, TargetGroup.name, Recruit.first_name, Recruit.last_name,
               Recruit.email, Recruit.phone, Recruit.street, Recruit.postcode, Recruit.city,
               Recruit.birth_year, Recruit.consent_membership, Recruit.consent_contact,
               Recruit.consent_text, Recruit.consented_at)
        .join(Recruit, Recruit.call_id == Call.id)
        .join(TargetGroup, TargetGroup.id == Call.target_group_id)
        .order_by(Call.started_at, Recruit.id), campaign_id, flt)
    yes, no = labels["yes"], labels["no"]
    # Dates as plain values: openpyxl gives them a date format itself, and per-cell styles
    # would cost more than the rest of the row.
    for (started, group, first, last, email, phone, street, postcode, city, birth_year,
         member, contact, consent_text, consented_at) in session.connection().execute(stmt):
        w.append([
            excel_time(started), group, first, last, email, _phone(phone), street, postcode,
            city, birth_year, yes if member else no, yes if contact else no, consent_text,
            excel_time(consented_at),
        ])
    w.finish_table(len(headers))
    return w.rows - 1


def _follow_ups_sheet(w: SheetWriter, session: Session, campaign_id: int, labels: Labels,
                      flt: ReportFilter) -> int:
    from app.services.results.figures import day_bounds

    headers = [labels[k] for k in ("who", "number", "target_group", "promised", "assigned_to",
                                   "due", "done_at", "time")]
    w.table_header(headers)
    stmt = (select(FollowUp.contact_id, FollowUp.promised, FollowUp.assigned_to,
                   FollowUp.due_at, FollowUp.done_at, FollowUp.created_at, Contact.first_name,
                   Contact.last_name, TargetGroup.name, Call.number_dialled, Call.started_at)
            .join(Contact, Contact.id == FollowUp.contact_id)
            .join(TargetGroup, TargetGroup.id == Contact.target_group_id)
            .outerjoin(Call, Call.id == FollowUp.call_id)
            .where(Contact.campaign_id == campaign_id)
            .order_by(FollowUp.created_at, FollowUp.id))
    if flt.group_id is not None:
        stmt = stmt.where(Contact.target_group_id == flt.group_id)
    lo, hi = day_bounds(flt.first_day, flt.last_day)
    first_numbers = _first_numbers(session, campaign_id)
    for (contact_id, promised, assigned_to, due_at, done_at, created_at, first, last, group,
         dialled, started) in session.connection().execute(stmt):
        when = started or created_at
        if (lo is not None and when < lo) or (hi is not None and when >= hi):
            continue
        number = dialled or first_numbers.get(contact_id, "")
        w.append([
            f"{first} {last}".strip(), _phone(number), group, promised, assigned_to,
            excel_time(due_at) if due_at else None, excel_time(done_at) if done_at else None,
            excel_time(when),
        ])
    w.finish_table(len(headers))
    return w.rows - 1


def _first_numbers(session: Session, campaign_id: int) -> dict[int, str]:
    """Each contact's first number, for follow-ups made without a call."""
    numbers: dict[int, str] = {}
    stmt = (select(PhoneNumber.contact_id, PhoneNumber.e164)
            .where(PhoneNumber.campaign_id == campaign_id)
            .join(FollowUp, FollowUp.contact_id == PhoneNumber.contact_id)
            .order_by(PhoneNumber.contact_id, PhoneNumber.position))
    for contact_id, e164 in session.execute(stmt):
        numbers.setdefault(contact_id, e164)
    return numbers


def _phone(value: str) -> str:
    return format_national(value) if value.startswith("+") else value


def _answers_sheet(w: SheetWriter, report: Report, labels: Labels) -> None:
    headers = [labels[k] for k in ("question", "option", "count", "share", "mean")]
    w.table_header(headers, numeric=(2, 3, 4))
    for q in report.questions:
        if q.kind in FREE_TEXT:
            w.append([q.label, labels["free_text"], q.answers, None, None])
            continue
        for option in q.options:
            share = option.count / q.answers if q.answers else None
            w.append([
                q.label, option.label, option.count,
                w.styled(share, fmt=PERCENT_FORMAT) if share is not None else None,
                w.styled(q.mean, fmt="0.00") if q.mean is not None else None,
            ])
        if q.options and q.free_text:
            # answers given as text while the question was free text in an older version
            # (or without a script): counted beside the options, their text never shown
            share = q.free_text / q.answers if q.answers else None
            w.append([
                q.label, labels["free_text"], q.free_text,
                w.styled(share, fmt=PERCENT_FORMAT) if share is not None else None, None,
            ])
    w.finish_table(len(headers))


def _volunteers_sheet(w: SheetWriter, report: Report, labels: Labels, privacy: Privacy,
                      alias: Pseudonyms) -> None:
    keys = ("calls", "reached", "conversations", "recruited", "follow_ups", "meeting_signups")
    headers = [labels["volunteer"], *(labels[k] for k in keys), labels["conversation_rate"],
               labels["talk_minutes"], labels["median_talk"]]
    w.table_header(headers, numeric=range(1, len(headers)))
    rows: list[tuple[str, Any]] = []
    for row in report.volunteers:
        anonymous = alias(row.key) if row.key is not None else ""
        name = row.label if privacy.identities else anonymous
        rows.append((name, row.counts))
    if not privacy.identities:
        rows.sort(key=lambda r: (len(r[0]), r[0]))  # Ringare 2 before Ringare 10
    for name, counts in rows:
        rate = counts.conversation_rate
        w.append([
            name, *(getattr(counts, k) for k in keys),
            w.styled(rate, fmt=PERCENT_FORMAT) if rate is not None else None,
            w.styled(round(counts.talk_seconds / 60, 1), fmt=ONE_DECIMAL),
            counts.median_talk_seconds,
        ])
    w.finish_table(len(headers))
