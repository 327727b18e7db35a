"""Texts written into exported files, in Swedish and English.

The app/ side cannot use Qt's translation system (it never imports Qt), so export texts live
in this small table, like the outcome labels in app/domain/outcomes.py. The export's language
follows the app's LANGUAGE setting.
"""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str]] = {
    # sheet names (Excel allows at most 31 characters)
    "sheet.summary": ("Sammanfattning", "Summary"),
    "sheet.calls": ("Samtal", "Calls"),
    "sheet.recruits": ("Nya medlemmar", "New members"),
    "sheet.follow_ups": ("Uppföljning", "Follow-ups"),
    "sheet.answers": ("Svar", "Answers"),
    "sheet.volunteers": ("Ringare", "Volunteers"),
    "sheet.district": ("Distrikt", "District"),
    "sheet.associations": ("Föreningar", "Associations"),
    # summary
    "title": ("Ringkväll – resultat", "Ringkväll – results"),
    "campaign": ("Kampanj", "Campaign"),
    "association": ("Förening", "Association"),
    "period": ("Period", "Period"),
    "period_from": ("Från", "From"),
    "period_to": ("Till", "To"),
    "local_issue": ("Lokal fråga", "Local issue"),
    "privacy": ("Integritetsnivå", "Privacy level"),
    "exported_at": ("Exporterad", "Exported"),
    "figures": ("Siffror per målgrupp", "Figures per target group"),
    "per_day": ("Per dag", "Per day"),
    "queue": ("Kön just nu", "The queue now"),
    "total": ("Totalt", "Total"),
    "chart.groups": ("Nådda, samtal och nya medlemmar per målgrupp",
                     "Reached, conversations and new members per target group"),
    "chart.days": ("Samtal per dag", "Calls per day"),
    "axis.people": ("Antal personer", "People"),
    "axis.calls": ("Antal", "Number"),
    "print.privacy": ("Integritetsnivå: {level}", "Privacy level: {level}"),
    "print.exported": ("Exporterad {time}", "Exported {time}"),
    "print.page": ("Sida {page} av {pages}", "Page {page} of {pages}"),
    "left_out": ("Utelämnat: integritetsnivån ”{level}” innehåller bara siffror.",
                 "Left out: the privacy level “{level}” holds figures only."),
    # figures
    "target_group": ("Målgrupp", "Target group"),
    "contacts": ("Kontakter", "Contacts"),
    "tried": ("Försökta", "Tried"),
    "calls": ("Samtal", "Calls"),
    "reached": ("Nådda", "Reached"),
    "conversations": ("Genomförda samtal", "Conversations"),
    "recruited": ("Nya medlemmar", "New members"),
    "follow_ups": ("Uppföljningar", "Follow-ups"),
    "meeting_signups": ("Anmälda till möte", "Meeting sign-ups"),
    "do_not_call": ("Vill inte bli uppringda", "Do not call"),
    "wrong_numbers": ("Fel nummer", "Wrong numbers"),
    "still_to_call": ("Kvar att ringa", "Still to call"),
    "reached_rate": ("Nådda/försökta", "Reached/tried"),
    "conversation_rate": ("Samtal/nådda", "Conversations/reached"),
    "recruited_per_100": ("Nya medlemmar per 100 samtal", "New members per 100 conversations"),
    "talk_minutes": ("Samtalstid (min)", "Talk time (min)"),
    "median_talk": ("Mediansamtalstid (s)", "Median talk time (s)"),
    "day": ("Dag", "Day"),
    "callable_now": ("Kan ringas nu", "Callable now"),
    "waiting_retry": ("Väntar på nytt försök", "Waiting for retry"),
    "callbacks_later": ("Återuppringning senare", "Callbacks due later"),
    "done": ("Klara", "Done"),
    "no_number": ("Inget nummer som fungerar", "No callable number"),
    "packed": ("I ringpaket", "In calling packs"),
    "count": ("Antal", "Count"),
    # calls
    "time": ("Tid", "Time"),
    "volunteer": ("Ringare", "Volunteer"),
    "contact": ("Kontakt", "Contact"),
    "number": ("Nummer", "Number"),
    "outcome": ("Utfall", "Outcome"),
    "talk_seconds": ("Samtalstid (s)", "Talk time (s)"),
    "script": ("Manus", "Script"),
    "meeting_signup": ("Anmäld till möte", "Meeting sign-up"),
    "notes": ("Anteckningar", "Notes"),
    "pseudonym": ("Kontakt {n}", "Contact {n}"),
    "volunteer_pseudonym": ("Ringare {n}", "Volunteer {n}"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    # recruits
    "first_name": ("Förnamn", "First name"),
    "last_name": ("Efternamn", "Last name"),
    "email": ("E-post", "Email"),
    "phone": ("Telefon", "Phone"),
    "street": ("Gatuadress", "Street address"),
    "postcode": ("Postnummer", "Postcode"),
    "city": ("Postort", "City"),
    "birth_year": ("Födelseår", "Birth year"),
    "consent_membership": ("Samtycke medlemskap", "Consent to membership"),
    "consent_contact": ("Samtycke kontakt", "Consent to be contacted"),
    "consent_text": ("Samtyckestext", "Consent text"),
    "consented_at": ("Samtycke givet", "Consent given"),
    # follow-ups
    "who": ("Vem", "Who"),
    "promised": ("Vad vi lovade", "What was promised"),
    "assigned_to": ("Till vem", "To whom"),
    "due": ("Senast", "Due"),
    "done_at": ("Klar", "Done"),
    # answers
    "question": ("Fråga", "Question"),
    "option": ("Svarsalternativ", "Option"),
    "share": ("Andel", "Share"),
    "mean": ("Medelvärde", "Mean"),
    "answers": ("Svar", "Answers"),
    "free_text": ("(fritext)", "(free text)"),
    # volunteers
    "first_call": ("Första samtal", "First call"),
    "last_call": ("Senaste samtal", "Last call"),
    # privacy levels
    "privacy.district": ("distrikt", "district"),
    "privacy.aggregate": ("bara siffror", "aggregate"),
    "privacy.full": ("fullständig", "full"),
    # the one-page PDF report
    "report.kicker": ("Ringkväll – resultat", "Ringkväll – results"),
    "report.key_figures": ("Nyckeltal", "Key figures"),
    "report.people_called": ("Ringda personer", "People called"),
    "report.talk_hours": ("Samtalstid (timmar)", "Talk time (hours)"),
    "report.funnel": ("Från lista till nya medlemmar, per målgrupp",
                      "From list to new members, per target group"),
    "report.days": ("Kväll för kväll", "Evening by evening"),
    "report.answers": ("Svar på frågorna", "Answers to the questions"),
    "report.answered": ("{n} svar", "{n} answers"),
    "report.answered_one": ("{n} svar", "{n} answer"),
    "report.mean": ("medelvärde {mean}", "mean {mean}"),
    "report.free_text": ("{n} svar i fritext (visas inte här)",
                         "{n} answers in free text (not shown here)"),
    "report.free_text_one": ("{n} svar i fritext (visas inte här)",
                             "{n} answer in free text (not shown here)"),
    "report.no_calls": ("Inga samtal ännu.", "No calls yet."),
    "report.no_answers": ("Inga svar ännu.", "No answers yet."),
    "report.more": ("… och {n} till i Excel-exporten", "… and {n} more in the Excel export"),
    "report.footer": ("Utskrivet {time} ur Ringkväll. Bara siffror: inga namn eller nummer.",
                      "Printed {time} from Ringkväll. Figures only: no names or numbers."),
    # roll-up
    "files": ("Filer", "Files"),
    "file": ("Fil", "File"),
}


def text(key: str, language: str = "sv") -> str:
    sv, en = _TEXTS[key]
    return sv if language == "sv" else en


class Labels:
    """`labels["calls"]` in one language; handy inside the writers."""

    def __init__(self, language: str) -> None:
        self.language = "sv" if language == "sv" else "en"

    def __getitem__(self, key: str) -> str:
        return text(key, self.language)
