"""Update the .ts files from the sources and compile them to .qm.

    python -m tools.translations          # lupdate + lrelease every area
    python -m tools.translations --check  # fail if any area has untranslated strings

Each area has its own .ts file so that work on different screens does not collide. A file
belongs to the first area whose prefix matches it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("sv",)

# area -> path prefixes (relative to the repository root)
AREAS: dict[str, tuple[str, ...]] = {
    "importing": ("ui/importing/", "app/services/importing/"),
    "scripts": ("ui/scripts/", "app/services/scripts/", "app/scripts/"),
    "calling": ("ui/calling/", "app/services/calling/"),
    "results": ("ui/results/", "app/services/results/"),
    "core": ("ui/", "app/"),
}


def area_files() -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {area: [] for area in AREAS}
    for path in sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel:
            continue
        for area, prefixes in AREAS.items():
            if rel.startswith(prefixes):
                files[area].append(path)
                break
    return files


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         *map(str, sources), "-ts", str(ts)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    """Source strings of `ts` that have no finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None:
            missing.append(source)
            continue
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        numerus = translation.findall("numerusform")
        text = " ".join(n.text or "" for n in numerus) if numerus else translation.text or ""
        if kind == "unfinished" or not text.strip():
            missing.append(source)
    return missing


def check() -> int:
    """Run lupdate into a temporary copy and report strings without a translation."""
    problems = 0
    with tempfile.TemporaryDirectory() as tmp:
        for area, sources in area_files().items():
            if not sources:
                continue
            for lang in LANGUAGES:
                ts = TS_DIR / f"{area}_{lang}.ts"
                copy = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, copy)
                lupdate(sources, copy)
                for source in unfinished(copy):
                    print(f"{ts.relative_to(ROOT)}: no translation for {source!r}")
                    problems += 1
                qm = TS_DIR / f"{area}_{lang}.qm"
                if copy.exists() and not qm.exists():
                    print(f"{qm.relative_to(ROOT)}: missing; run python -m tools.translations")
                    problems += 1
    return 1 if problems else 0


def update(only: str | None = None) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for area, sources in area_files().items():
        if not sources or (only is not None and area != only):
            continue
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            lupdate(sources, ts)
            lrelease(ts, TS_DIR / f"{area}_{lang}.qm")
            left = unfinished(ts)
            if left:
                print(f"{ts.relative_to(ROOT)}: {len(left)} string(s) still to translate")
    return 0


def fill(ts: Path, translations: dict[str, str | list[str]]) -> int:
    """Write translations (source text -> text, or a list of plural forms) into `ts`."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if source not in translations:
            continue
        value = translations[source]
        old = message.find("translation")
        if old is not None:
            message.remove(old)
        translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value, value]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        filled += 1
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--area", choices=sorted(AREAS), help="update only this area")
    parser.add_argument("--fill", nargs=2, metavar=("AREA", "JSON"),
                        help="apply a JSON object {source: translation} to AREA's Swedish .ts")
    args = parser.parse_args()
    if args.fill:
        area, json_path = args.fill
        mapping = json.loads(Path(json_path).read_text(encoding="utf-8"))
        count = fill(TS_DIR / f"{area}_sv.ts", mapping)
        print(f"filled {count} translation(s)")
        return update(area)
    return check() if args.check else update(args.area)


if __name__ == "__main__":
    sys.exit(main())
