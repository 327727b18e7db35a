"""Every text the code marks for translation reached the translation files.

Qt's lupdate reads the source and silently skips what it cannot follow: a translate() whose
context or text is a variable, or whose %n is not a plain name. A translate() with a count
is never found either, having no plural forms. Such a text stays English on a Swedish
screen, and the .ts files' own check cannot see what never got into them."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT

# Look-ups of texts marked elsewhere with QT_TRANSLATE_NOOP (which this test checks where
# they are marked): translate(context, text) with the text, or the context too, a variable.
# Each reviewed; a helper that takes literal texts from its callers is what this test is for.
LOOKUPS = {"ui/errors.py", "ui/importing/common.py", "ui/scripts/texts.py",
           "ui/privacy/audit_texts.py"}


def _sources() -> set[str]:
    found: set[str] = set()
    for ts in (ROOT / "resources" / "translations").glob("*_sv.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            found.add(message.findtext("source") or "")
    return found


def _marked(path: Path) -> list[tuple[int, str | None]]:
    """(line, text) of each call marking a text; text None when it is not a literal."""
    marks: list[tuple[int, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
        if position is None or len(node.args) <= position:
            continue
        if name == "tr" and not (isinstance(func, ast.Attribute)
                                 and isinstance(func.value, ast.Name)
                                 and func.value.id == "self"):
            continue  # another object's tr(): not Qt's
        text = node.args[position]
        literal = text.value if isinstance(text, ast.Constant) and isinstance(
            text.value, str) else None
        if name == "translate":
            context = node.args[0]
            # lupdate skips a call whose context is not a literal, or whose count is not a
            # plain name; and it marks no plural forms for translate(), so a look-up with a
            # count finds no translation at all: a count is put in by hand instead.
            if not isinstance(context, ast.Constant) or len(node.args) > 3:
                literal = None
        marks.append((node.lineno, literal))
    return marks


def test_every_marked_text_is_in_the_translation_files() -> None:
    sources = _sources()
    missing = []
    for folder in ("ui", "app"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if "/migrations/" in rel:
                continue
            for line, text in _marked(path):
                if text is None and rel in LOOKUPS:
                    continue
                if text is None:
                    missing.append(f"{rel}:{line}: not literal, lupdate cannot read it")
                elif text not in sources:
                    missing.append(f"{rel}:{line}: {text!r} is in no .ts file")
    assert not missing, "\n".join(missing)
