"""Which column of a list holds which field, guessed from Swedish and English header names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.errors import QT_TRANSLATE_NOOP, UserError

IGNORE = ""  # a column mapped to nothing is not stored (data minimisation)
FIRST_NAME = "first_name"
LAST_NAME = "last_name"
FULL_NAME = "name"
STREET = "street"
POSTCODE = "postcode"
CITY = "city"
PHONE = "phone"
BIRTH_YEAR = "birth_year"
GENDER = "gender"
EXTRA = "extra"  # kept on the contact under its header name

FIELDS: tuple[str, ...] = (
    FIRST_NAME, LAST_NAME, FULL_NAME, STREET, POSTCODE, CITY, PHONE, BIRTH_YEAR, GENDER, EXTRA,
)
# Fields that may be chosen for several columns.
REPEATABLE = frozenset({PHONE, EXTRA})

FIELD_TITLES: dict[str, str] = {
    IGNORE: QT_TRANSLATE_NOOP("app", "(not imported)"),
    FIRST_NAME: QT_TRANSLATE_NOOP("app", "First name"),
    LAST_NAME: QT_TRANSLATE_NOOP("app", "Last name"),
    FULL_NAME: QT_TRANSLATE_NOOP("app", "Full name"),
    STREET: QT_TRANSLATE_NOOP("app", "Street address"),
    POSTCODE: QT_TRANSLATE_NOOP("app", "Postcode"),
    CITY: QT_TRANSLATE_NOOP("app", "City"),
    PHONE: QT_TRANSLATE_NOOP("app", "Phone number"),
    BIRTH_YEAR: QT_TRANSLATE_NOOP("app", "Birth year"),
    GENDER: QT_TRANSLATE_NOOP("app", "Gender"),
    EXTRA: QT_TRANSLATE_NOOP("app", "Other information (kept)"),
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    FIRST_NAME: ("förnamn", "fornamn", "firstname", "givenname", "tilltalsnamn", "forename"),
    LAST_NAME: ("efternamn", "lastname", "surname", "familyname"),
    FULL_NAME: ("namn", "name", "fullname", "fulltnamn", "fullständigtnamn", "kontakt",
                "contactname"),
    STREET: ("gatuadress", "adress", "address", "street", "streetaddress", "gata",
             "utdelningsadress", "postadress", "bostadsadress"),
    POSTCODE: ("postnr", "postnummer", "postcode", "postalcode", "zip", "zipcode"),
    CITY: ("postort", "ort", "city", "town", "stad", "kommun"),
    PHONE: ("telefon", "tel", "telnr", "telefonnummer", "telefonnr", "phone", "phonenumber",
            "telephone", "telephonenumber", "hemtelefon", "bostadstelefon", "fast",
            "fasttelefon", "mobil", "mobiltelefon", "mobilnummer", "mobilnr", "mobile",
            "mobilephone", "mobilenumber", "cell", "cellphone", "nummer", "number",
            "arbetstelefon", "worktelephone", "landline"),
    BIRTH_YEAR: ("födelseår", "fodelsear", "birthyear", "yearofbirth", "född", "fodd", "born",
                 "årsfödd", "fött"),
    GENDER: ("kön", "kon", "gender", "sex"),
}
_LOOKUP: dict[str, str] = {syn: fld for fld, syns in _SYNONYMS.items() for syn in syns}
_NOT_WORD = re.compile(r"[\W_]+")
_TRAILING_DIGITS = re.compile(r"\d+$")


def normalise_header(text: str) -> str:
    """Lower case without spaces and punctuation: 'Post-nr.' and 'postnr' are one name."""
    return _NOT_WORD.sub("", text.casefold())


def guess_field(header: str) -> str:
    """The field a header names, or IGNORE. 'Telefon 2' is a phone column like 'Telefon'."""
    key = normalise_header(header)
    if key in _LOOKUP:
        return _LOOKUP[key]
    stripped = _TRAILING_DIGITS.sub("", key)
    return _LOOKUP.get(stripped, IGNORE) if stripped else IGNORE


def looks_like_header(cell: str) -> bool:
    return bool(cell) and guess_field(cell) != IGNORE


@dataclass(frozen=True)
class Mapping:
    """One field (or IGNORE) per column, in column order."""

    headers: tuple[str, ...]
    fields: tuple[str, ...]

    def columns_for(self, field: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f == field]

    @property
    def phone_columns(self) -> list[int]:
        return self.columns_for(PHONE)

    def kept(self) -> dict[str, str]:
        """Header → field for the columns that are stored, as saved on the import run."""
        return {h: f for h, f in zip(self.headers, self.fields, strict=True) if f != IGNORE}


def auto_mapping(headers: Sequence[str]) -> Mapping:
    """Guess each column; a single-valued field goes to the first column that names it."""
    fields: list[str] = []
    taken: set[str] = set()
    for header in headers:
        field = guess_field(header)
        if field in taken and field not in REPEATABLE:
            field = IGNORE
        taken.add(field)
        fields.append(field)
    return Mapping(tuple(headers), tuple(fields))


def with_overrides(mapping: Mapping, overrides: Iterable[tuple[str, str]]) -> Mapping:
    """Apply HEADER=field choices; headers match case-, space- and punctuation-blind."""
    fields = list(mapping.fields)
    for header, field in overrides:
        field = field.strip()
        if field in ("-", "none", "ignore", "skip"):
            field = IGNORE
        if field != IGNORE and field not in FIELDS:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "Unknown field '{field}' for column '{header}' "
                                  "(fields: {fields})"),
                field=field, header=header, fields=", ".join((*FIELDS, "none")))
        wanted = normalise_header(header)
        matches = [i for i, h in enumerate(mapping.headers)
                   if h == header or normalise_header(h) == wanted]
        if not matches:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "The list has no column named '{header}' "
                                  "(columns: {columns})"),
                header=header, columns=_one_line(", ".join(mapping.headers)))
        for index in matches:
            if field not in REPEATABLE and field != IGNORE:
                # Choosing a single-valued field for one column takes it from any other.
                fields = [IGNORE if f == field else f for f in fields]
            fields[index] = field
    return Mapping(mapping.headers, tuple(fields))


def _one_line(text: str) -> str:
    """A file name or header list for a message, on one line (readers.shown)."""
    from app.services.importing.readers import shown

    return shown(text)


def check_mapping(mapping: Mapping, file: str) -> None:
    """A list is importable only if some column can hold a phone number."""
    if not mapping.phone_columns:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "{file} has no column that can be a phone number "
                              "(columns: {columns})"),
            file=_one_line(file), columns=_one_line(", ".join(mapping.headers)))
    for field in FIELDS:
        if field not in REPEATABLE and len(mapping.columns_for(field)) > 1:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "Only one column can be '{field}'"), field=field)
