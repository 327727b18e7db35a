"""The record of processing (GDPR Art. 30) as a PDF, drawn with Qt's PDF writer.

The record is a document in a language chosen for it (the organiser may hand an English one
to someone), like the Excel exports, so its texts are a small sv/en table here rather than
the window's translations.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from app.services.output_paths import atomic_write
from app.services.privacy.record import RecordView

_TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Register över behandling av personuppgifter",
              "Record of processing activities"),
    "subtitle": ("Enligt artikel 30 i dataskyddsförordningen (GDPR)",
                 "Under Article 30 of the General Data Protection Regulation (GDPR)"),
    "campaign": ("Kampanj", "Campaign"),
    "period": ("Period", "Period"),
    "controller": ("Personuppgiftsansvarig", "Controller"),
    "contact": ("Kontaktperson för dataskydd", "Contact for data protection"),
    "purpose": ("Ändamål", "Purpose"),
    "legal_basis": ("Rättslig grund", "Legal basis"),
    "people": ("Kategorier av registrerade", "Categories of data subjects"),
    "people_row": ("{name}: {count} personer", "{name}: {count} people"),
    "people_none": ("Inga målgrupper ännu", "No target groups yet"),
    "data": ("Kategorier av personuppgifter", "Categories of personal data"),
    "from_lists": ("Från de köpta listorna", "From the purchased lists"),
    "extra": ("Listornas egna kolumner", "The lists' own columns"),
    "from_calls": ("Från samtalen", "From the calls"),
    "calls_data": ("Tid och utfall för varje samtal, anteckningar, uppföljningar och, för nya "
                   "medlemmar, namn, e-post, adress och samtycke.",
                   "Time and outcome of each call, notes, follow-ups and, for new members, "
                   "name, email, address and consent."),
    "questions": ("Frågor i samtalsmanuset (svaren kan visa politiska åsikter, som är "
                  "känsliga uppgifter enligt artikel 9)",
                  "Questions of the conversation script (the answers may reveal political "
                  "opinions, special-category data under Article 9)"),
    "anonymous": ("Svaren sparas utan koppling till personen: de räknas bara.",
                  "Answers are stored without a link to the person: they are only counted."),
    "recipients": ("Mottagare", "Recipients"),
    "retention": ("Lagringstid", "Retention"),
    "retention_date": ("Personuppgifterna raderas efter {date}. Kvar blir bara siffror "
                       "utan namn och spärrlistan över nummer som inte vill bli uppringda.",
                       "The personal data is deleted after {date}. What stays is figures "
                       "without names and the list of numbers not to call."),
    "retention_none": ("Inget datum är satt: ange det i kampanjens inställningar.",
                       "No date is set: enter it in the campaign's settings."),
    "security": ("Säkerhetsåtgärder", "Security measures"),
    "notes": ("Övrigt", "Other notes"),
    "not_given": ("(inte ifyllt)", "(not filled in)"),
    "made": ("Utskrivet {date} ur Ringkväll.", "Printed {date} from Ringkväll."),
    "field.name": ("Namn", "Name"),
    "field.phone": ("Telefonnummer", "Phone numbers"),
    "field.street": ("Gatuadress", "Street address"),
    "field.postcode": ("Postnummer", "Postcode"),
    "field.city": ("Postort", "City"),
    "field.birth_year": ("Födelseår", "Birth year"),
    "field.gender": ("Kön", "Gender"),
    "basis.consent": ("Samtycke (artikel 6.1 a och 9.2 a)",
                      "Consent (Articles 6(1)(a) and 9(2)(a))"),
    "basis.legitimate_interest": ("Berättigat intresse (artikel 6.1 f)",
                                  "Legitimate interest (Article 6(1)(f))"),
    "basis.members": ("Ideell förening med politiskt syfte: medlemmar och personer i "
                      "regelbunden kontakt (artikel 6.1 f och 9.2 d)",
                      "Not-for-profit body with a political aim: members and people in "
                      "regular contact (Articles 6(1)(f) and 9(2)(d))"),
}


def text(key: str, language: str) -> str:
    sv, en = _TEXTS[key]
    return sv if language == "sv" else en


def legal_basis_text(code: str, language: str) -> str:
    return text(f"basis.{code}", language) if code else ""


def record_html(view: RecordView, language: str = "sv") -> str:
    """The record as the rich text Qt lays out on the pages."""
    def t(key: str) -> str:
        return text(key, language)

    def para(value: str) -> str:
        if not value.strip():
            return f"<p><i>{html.escape(t('not_given'))}</i></p>"
        return "".join(f"<p>{html.escape(line)}</p>" for line in value.strip().splitlines())

    def section(key: str, body: str) -> str:
        return f"<h3>{html.escape(t(key))}</h3>{body}"

    def items(values: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in values) + "</ul>"

    f = view.fields
    period = " – ".join(_day(d) for d in (view.starts_on, view.ends_on) if d is not None)
    heading = view.campaign + (f" ({view.association})" if view.association else "")
    parts = [
        f"<h2>{html.escape(t('title'))}</h2>",
        f"<p><i>{html.escape(t('subtitle'))}</i></p>",
        f"<p><b>{html.escape(t('campaign'))}:</b> {html.escape(heading)}</p>",
    ]
    if period:
        parts.append(f"<p><b>{html.escape(t('period'))}:</b> {html.escape(period)}</p>")
    parts += [
        section("controller", para(f.controller)),
        section("contact", para(f.contact)),
        section("purpose", para(f.purpose)),
        section("legal_basis", para(legal_basis_text(f.legal_basis, language))),
        section("people", items([
            t("people_row").format(name=g.name, count=g.people)
            + (f" – {g.description}" if g.description else "") for g in view.groups]
            or [t("people_none")])),
    ]
    data = f"<p><b>{html.escape(t('from_lists'))}:</b></p>" + items(
        [t(f"field.{name}") for name in view.data_fields])
    if view.extra_columns:
        data += f"<p><b>{html.escape(t('extra'))}:</b></p>" + items(list(view.extra_columns))
    data += f"<p><b>{html.escape(t('from_calls'))}:</b> {html.escape(t('calls_data'))}</p>"
    if view.questions:
        data += f"<p><b>{html.escape(t('questions'))}:</b></p>" + items(list(view.questions))
    if view.anonymous_answers:
        data += f"<p>{html.escape(t('anonymous'))}</p>"
    retention = (t("retention_date").format(date=_day(view.delete_after))
                 if view.delete_after is not None else t("retention_none"))
    parts += [
        section("data", data),
        section("recipients", para(f.recipients)),
        section("retention", para(retention)),
        section("security", para(f.security)),
    ]
    if f.notes.strip():
        parts.append(section("notes", para(f.notes)))
    parts.append(f"<p><small>{html.escape(t('made').format(date=_day(view.made_at)))}"
                 "</small></p>")
    return "".join(parts)


def write_record_pdf(view: RecordView, target: Path, *, language: str = "sv",
                     force: bool = False) -> Path:
    """Draw the record into `target`, written under a temporary name and renamed. Needs a
    QGuiApplication (ui/cli/cmd_record.py makes an offscreen one on the command line)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    with atomic_write(target, force=force) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(f"{text('title', language)}: {view.campaign}")
        writer.setCreator("Ringkväll")
        document = QTextDocument()
        font = QFont()
        font.setPointSizeF(10.5)
        document.setDefaultFont(font)
        # Fonts measured at the writer's resolution, not the screen's: true point sizes.
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(record_html(view, language))
        layout = writer.pageLayout()
        rect = layout.paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer  # finishes and closes the file before the rename
    return Path(target)


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.isoformat()
