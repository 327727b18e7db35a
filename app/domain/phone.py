"""Phone numbers: one normalisation for imports, the do-not-call list and the calling screen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from app.errors import QT_TRANSLATE_NOOP


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    FIXED = "fixed"
    FIXED_OR_MOBILE = "fixed_or_mobile"
    VOIP = "voip"
    PERSONAL = "personal"


@dataclass(frozen=True)
class ParsedPhone:
    raw: str
    e164: str | None  # None when the text is no phone number at all
    kind: PhoneKind | None  # None when the number is not callable
    reason: str = ""  # why it is not callable (English; translated in the GUI)

    @property
    def callable(self) -> bool:
        return self.e164 is not None and self.kind is not None


REASON_EMPTY = QT_TRANSLATE_NOOP("app", "no number")
REASON_NOT_A_NUMBER = QT_TRANSLATE_NOOP("app", "not a phone number")
REASON_INVALID = QT_TRANSLATE_NOOP("app", "invalid number")
REASON_NOT_PERSONAL = QT_TRANSLATE_NOOP(
    "app", "not a personal number (premium, toll-free or shared)"
)

_JUNK = re.compile(r"[^\d+]")
_FLOAT_CELL = re.compile(r"^\d{6,15}\.0+$")
_TRUNK_IN_BRACKETS = re.compile(r"\(\s*0\s*\)")


def clean_cell(value: object) -> str:
    """Text of a spreadsheet cell that may hold a number whose leading zero Excel dropped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            return str(value)
        return str(int(value))
    text = str(value).strip()
    if _FLOAT_CELL.match(text):
        text = text.split(".", 1)[0]
    return text


def parse_phone(value: object, region: str = "SE") -> ParsedPhone:
    """Normalise to E.164 and decide whether the number may be called."""
    import phonenumbers
    from phonenumbers import PhoneNumberType as T

    raw = clean_cell(value)
    if not raw:
        return ParsedPhone(raw, None, None, REASON_EMPTY)
    text = _TRUNK_IN_BRACKETS.sub("", raw)  # "+46 (0)70" → "+46 70"
    digits = _JUNK.sub("", text)
    if len(digits.lstrip("+")) < 5 or len(digits) > 20:
        return ParsedPhone(raw, None, None, REASON_NOT_A_NUMBER)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif not digits.startswith(("+", "0")):
        # Excel dropped the leading zero (701234567) or the plus (46701234567).
        country = str(phonenumbers.country_code_for_region(region))
        digits = ("+" + digits) if digits.startswith(country) and len(digits) > 10 else "0" + digits
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return ParsedPhone(raw, None, None, REASON_NOT_A_NUMBER)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not phonenumbers.is_valid_number(number):
        return ParsedPhone(raw, e164, None, REASON_INVALID)
    kind = {
        T.MOBILE: PhoneKind.MOBILE,
        T.FIXED_LINE: PhoneKind.FIXED,
        T.FIXED_LINE_OR_MOBILE: PhoneKind.FIXED_OR_MOBILE,
        T.VOIP: PhoneKind.VOIP,
        T.PERSONAL_NUMBER: PhoneKind.PERSONAL,
    }.get(phonenumbers.number_type(number))
    if kind is None:
        return ParsedPhone(raw, e164, None, REASON_NOT_PERSONAL)
    return ParsedPhone(raw, e164, kind)


def format_national(e164: str) -> str:
    """070-123 45 67 style for Swedish numbers, international format for others."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 46
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt))
