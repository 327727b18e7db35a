"""What the one-page PDF report shows, as plain values in the report's language.

Figures only (the aggregate level): key figures, the funnel per target group, the figures
per day and the answers to the questions with choices. No name, number, note or free-text
answer is read into it, so no drawing code can leak one. The PDF itself is drawn by the
window side (ui/printing/report_pdf.py), which needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.clock import utcnow
from app.db.database import Database
from app.services.results.figures import Counts, build_report
from app.services.results.labels import Labels
from app.services.results.questions import FREE_TEXT, QuestionStats

FUNNEL_KEYS = ("contacts", "tried", "reached", "conversations", "recruited")
DAY_KEYS = ("calls", "reached", "conversations", "recruited")


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str


@dataclass(frozen=True)
class FunnelRow:
    group: str
    values: tuple[int, ...]  # in the order of FUNNEL_KEYS


@dataclass(frozen=True)
class DayRow:
    day: date
    values: tuple[int, ...]  # in the order of DAY_KEYS


@dataclass(frozen=True)
class OptionShare:
    label: str
    count: int
    share: float  # of the question's answers, 0..1


@dataclass(frozen=True)
class QuestionRow:
    label: str
    answers: int
    options: tuple[OptionShare, ...]
    mean: str | None  # scales, formatted
    free_text: int  # answers given as free text: counted, never shown


@dataclass(frozen=True)
class ReportData:
    language: str
    campaign: str
    association: str
    period: str
    local_issue: str
    made_at: str  # local time of `now`, "2026-11-13 13:00"
    key_figures: tuple[KeyFigure, ...]
    funnel_labels: tuple[str, ...]  # the group column's header, then FUNNEL_KEYS' labels
    funnel: tuple[FunnelRow, ...]
    total: FunnelRow
    day_labels: tuple[str, ...]  # DAY_KEYS' labels
    days: tuple[DayRow, ...]
    questions: tuple[QuestionRow, ...]
    texts: tuple[tuple[str, str], ...]  # headings and phrases: key -> text

    def text(self, key: str, **values: object) -> str:
        return dict(self.texts)[key].format(**values)


TEXT_KEYS = ("report.kicker", "report.key_figures", "report.funnel", "report.days",
             "report.answers", "report.answered", "report.answered_one", "report.mean",
             "report.free_text", "report.free_text_one",
             "report.no_calls", "report.no_answers", "report.more", "report.footer",
             "campaign", "association", "period", "local_issue", "total")


def number(value: float, language: str, decimals: int = 0) -> str:
    """12 345 in Swedish (a no-break space between thousands), 12,345 in English."""
    text = f"{value:,.{decimals}f}"
    if language == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def percent(value: float | None, language: str) -> str:
    if value is None:
        return "–"
    text = number(value * 100, language)
    return f"{text}\u00a0%" if language == "sv" else f"{text}%"


def report_data(db: Database, campaign: int | str, *, language: str = "sv",
                now: datetime | None = None) -> ReportData:
    """The report's figures for a whole campaign, by id or name (read in one session; an
    unknown name is a UserError)."""
    from app.services.campaigns import get_campaign

    now = now or utcnow()
    labels = Labels(language)
    lang = labels.language
    with db.session() as session:
        campaign_id = campaign if isinstance(campaign, int) else get_campaign(session, campaign).id
        report = build_report(session, campaign_id, now=now)
    c = report.campaign
    first = c.starts_on or (report.first_call.astimezone().date() if report.first_call else None)
    last = c.ends_on or (report.last_call.astimezone().date() if report.last_call else None)
    period = " – ".join(d.isoformat() for d in (first, last) if d is not None)
    if first is not None and first == last:
        period = first.isoformat()
    total = report.total
    return ReportData(
        language=lang,
        campaign=c.name,
        association=c.association,
        period=period,
        local_issue=c.local_issue,
        made_at=now.astimezone().strftime("%Y-%m-%d %H:%M"),
        key_figures=_key_figures(total, labels),
        funnel_labels=(labels["target_group"], *(labels[k] for k in FUNNEL_KEYS)),
        funnel=tuple(FunnelRow(r.label, _values(r.counts, FUNNEL_KEYS))
                     for r in report.groups),
        total=FunnelRow(labels["total"], _values(total, FUNNEL_KEYS)),
        day_labels=tuple(labels[k] for k in DAY_KEYS),
        days=tuple(DayRow(r.key, _values(r.counts, DAY_KEYS))
                   for r in report.days if isinstance(r.key, date)),
        questions=tuple(_question(q, lang) for q in report.questions if q.answers),
        texts=tuple((k, labels[k]) for k in TEXT_KEYS),
    )


def _values(counts: Counts, keys: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(int(getattr(counts, k)) for k in keys)


def _key_figures(total: Counts, labels: Labels) -> tuple[KeyFigure, ...]:
    lang = labels.language
    return (
        KeyFigure(labels["calls"], number(total.calls, lang)),
        KeyFigure(labels["report.people_called"], number(total.tried, lang)),
        KeyFigure(labels["reached"], number(total.reached, lang)),
        KeyFigure(labels["conversations"], number(total.conversations, lang)),
        KeyFigure(labels["recruited"], number(total.recruited, lang)),
        KeyFigure(labels["meeting_signups"], number(total.meeting_signups, lang)),
        KeyFigure(labels["follow_ups"], number(total.follow_ups, lang)),
        KeyFigure(labels["reached_rate"], percent(total.reached_rate, lang)),
        KeyFigure(labels["conversation_rate"], percent(total.conversation_rate, lang)),
        KeyFigure(labels["report.talk_hours"], number(total.talk_seconds / 3600, lang, 1)),
    )


def _question(q: QuestionStats, language: str) -> QuestionRow:
    options: tuple[OptionShare, ...] = ()
    if q.kind not in FREE_TEXT and q.answers:
        options = tuple(OptionShare(o.label, o.count, o.count / q.answers) for o in q.options)
    mean = number(q.mean, language, 1) if q.mean is not None else None
    return QuestionRow(q.label, q.answers, options, mean, q.free_text if options else q.answers)
