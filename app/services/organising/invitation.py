"""The invitation to a calling evening, as text to paste into an e-mail or a chat, in
Swedish or English. Its words live here (the app side never imports Qt's translations),
like the export's labels in app/services/results/labels.py."""

from __future__ import annotations

from app.services.organising.evenings import EveningInfo

_WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_TEXT = {
    "sv": {
        "title": "Ringkväll: {campaign}",
        "hello": "Hej!",
        "invite": "Välkommen att ringa med {who} {when}, kl. {start}–{end}.",
        "we": "oss",
        "place": "Plats: {place}",
        "link": "Länk: {link}",
        "groups": "Vi ringer: {groups}",
        "goals": "Kvällens mål: {goals}.",
        "calls": "{n} samtal",
        "conversations": "{n} genomförda samtal",
        "recruits": "{n} nya medlemmar",
        "reply": "Svara på det här meddelandet om du kan komma. Ingen förkunskap behövs: "
                 "vi går igenom samtalet tillsammans innan vi börjar.",
    },
    "en": {
        "title": "Calling evening: {campaign}",
        "hello": "Hello!",
        "invite": "Come and make calls with {who} on {when}, {start}–{end}.",
        "we": "us",
        "place": "Place: {place}",
        "link": "Link: {link}",
        "groups": "We call: {groups}",
        "goals": "Goals for the evening: {goals}.",
        "calls": "{n} calls",
        "conversations": "{n} conversations",
        "recruits": "{n} new members",
        "reply": "Reply to this message if you can come. No experience needed: we go "
                 "through the conversation together before we start.",
    },
}


def _lang(language: str) -> str:
    return language if language in _TEXT else "sv"


def when_text(evening: EveningInfo, language: str = "sv") -> str:
    """'torsdag 3 december' / 'Thursday 3 December'."""
    lang = _lang(language)
    day = evening.day
    return f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]}"


def title(evening: EveningInfo, language: str = "sv") -> str:
    return _TEXT[_lang(language)]["title"].format(campaign=evening.campaign)


def invitation_text(evening: EveningInfo, language: str = "sv") -> str:
    lang = _lang(language)
    words = _TEXT[lang]
    lines = [words["hello"], "", words["invite"].format(
        who=evening.association.strip() or words["we"], when=when_text(evening, lang),
        start=evening.starts.strftime("%H:%M"), end=evening.ends.strftime("%H:%M"))]
    if evening.place:
        lines.append(words["place"].format(place=evening.place))
    if evening.link:
        lines.append(words["link"].format(link=evening.link))
    if evening.groups:
        lines.append(words["groups"].format(groups=", ".join(evening.groups)))
    goals = [words[key].format(n=n) for key, n in (
        ("calls", evening.goals.calls), ("conversations", evening.goals.conversations),
        ("recruits", evening.goals.recruits)) if n]
    if goals:
        lines.append(words["goals"].format(goals=", ".join(goals)))
    if evening.notes:
        lines += ["", evening.notes]
    lines += ["", words["reply"]]
    return "\n".join(lines)
