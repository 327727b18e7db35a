"""Phone numbers: one normalisation for imports, the do-not-call list and the calling screen."""

from __future__ import annotations

import functools
import re
import unicodedata
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

_JUNK = re.compile(r"[^0-9+]")
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


def phone_text(raw: str) -> str:
    """The text of a number in ASCII: the one normalisation of what people type or paste.

    Every character with a digit value becomes that digit (full-width ０７０, Arabic-Indic
    ٠٧٠, superscripts), full-width and small plus signs and brackets become + ( ), and any
    other character that is not ASCII (a non-breaking space, an en dash, a middle dot...)
    becomes a space, a separator like the others. Imports, the do-not-call list and search
    all get their numbers through `dial_digits`, which starts here.
    """
    if raw.isascii():
        return raw
    return "".join(map(_ascii_char, raw))


@functools.lru_cache(maxsize=1024)
def _ascii_char(char: str) -> str:
    if char.isascii():
        return char
    digit = unicodedata.digit(char, None)
    if digit is not None:
        return str(digit)
    folded = unicodedata.normalize("NFKC", char)
    return folded if folded in ("+", "(", ")") else " "


def is_blank_number(raw: str) -> bool:
    """Nothing but separators (spaces and dashes of any kind, dots, slashes): "no number",
    however it was typed, rather than "not a phone number"."""
    return not phone_text(raw).strip(" \t-./")


def dial_digits(raw: str, country_code: str) -> str | None:
    """The number as '+' or '0' and digits, for phonenumbers; None when it cannot be one.

    `country_code` is the default region's calling code ("46"): Excel drops the leading zero
    of 701234567 and the plus of 46701234567, and both are put back. This is the one place
    both `parse_phone` and the import's fast `NumberParser` read a number's text.
    """
    text = _TRUNK_IN_BRACKETS.sub("", phone_text(raw))  # "+46 (0)70" → "+46 70"
    digits = _JUNK.sub("", text)
    if len(digits.lstrip("+")) < 5 or len(digits) > 20:
        return None
    if digits.startswith("00"):
        return "+" + digits[2:]
    if not digits.startswith(("+", "0")):
        return ("+" + digits) if digits.startswith(country_code) and len(digits) > 10 \
            else "0" + digits
    return digits


def parse_phone(value: object, region: str = "SE") -> ParsedPhone:
    """Normalise to E.164 and decide whether the number may be called."""
    import phonenumbers
    from phonenumbers import PhoneNumberType as T

    raw = clean_cell(value)
    if is_blank_number(raw):
        return ParsedPhone(raw, None, None, REASON_EMPTY)
    digits = dial_digits(raw, str(phonenumbers.country_code_for_region(region)))
    if digits is None:
        return ParsedPhone(raw, None, None, REASON_NOT_A_NUMBER)
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
