"""Scripts in the database: one immutable row per version.

A stored version is never changed: saving an edit or importing a file adds a row with the
same key and the next version number, so a call's `script_id` always shows the questions that
call was made with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import Call, Campaign
from app.db.models import Script as ScriptRow
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.paths import resource
from app.services import audit
from app.services.output_paths import write_text_output
from app.services.scripts.loader import read_script, read_text
from app.services.scripts.model import Script
from app.services.scripts.problems import Problem
from app.services.scripts.writer import dump_script

BUILTIN_FILES = ("local_issue_sv.yaml", "local_issue_en.yaml", "members_sv.yaml")
DEFAULT_KEY = "local_issue_sv"
ORIGINS = ("builtin", "imported", "edited")


@dataclass(frozen=True)
class StoredScript:
    id: int
    key: str
    name: str
    version: int
    origin: str  # builtin, imported or edited
    script: Script
    valid: bool
    language: str = "sv"
    problems: tuple[Problem, ...] = ()
    source: str = ""
    created_at: datetime | None = None

    @property
    def consent_text(self) -> str:
        return self.script.consent_text


def builtin_dir() -> Path:
    return resource("scripts")


def builtin_sources() -> list[tuple[str, str]]:
    """(file name, YAML text) of each built-in script."""
    return [(name, read_text(builtin_dir() / name)) for name in BUILTIN_FILES]


def _stored(row: ScriptRow) -> StoredScript:
    result = read_script(row.source, f"{row.key} v{row.version}", row.key)
    script = result.script
    if script is None:
        # Only parseable scripts are stored; keep the row usable for display regardless.
        script = Script(row.key, row.name, row.language, row.version, ())
    # The row is the truth for identity: the YAML may carry a stale version number.
    script = replace(script, key=row.key, version=row.version)
    return StoredScript(
        id=row.id, key=row.key, name=row.name, version=row.version, origin=row.origin,
        script=script, valid=result.valid, language=row.language,
        problems=tuple(result.problems), source=row.source, created_at=row.created_at,
    )


def script_by_id(session: Session, script_id: int) -> StoredScript:
    row = session.get(ScriptRow, script_id)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no script with id {id}"),
                        id=script_id)
    return _stored(row)


def active_script(session: Session, campaign_id: int) -> StoredScript | None:
    """The script callers use in this campaign; a UserError if it cannot be used."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.script_id is None:
        return None
    stored = script_by_id(session, campaign.script_id)
    if not stored.valid:
        raise _invalid_error(stored)
    return stored


def require_active_script(session: Session, campaign: Campaign) -> StoredScript:
    """The campaign's script for calling, or a UserError saying there is none."""
    stored = active_script(session, campaign.id)
    if stored is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Campaign '{campaign}' has no script for "
                                          "calling; choose one under Conversation scripts"),
                        campaign=campaign.name)
    return stored


def _invalid_error(stored: StoredScript) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("app", "Script '{name}' version {version} has errors and cannot "
                          "be used for calling; fix it in the script editor:\n{problems}"),
        name=stored.name, version=stored.version,
        problems="\n".join(str(p) for p in stored.problems),
    )


def list_scripts(session: Session, campaign_id: int) -> list[StoredScript]:
    """Every stored version for the campaign, by key and then newest version first."""
    rows = session.scalars(
        select(ScriptRow).where(ScriptRow.campaign_id == campaign_id)
        .order_by(ScriptRow.key, ScriptRow.version.desc())
    )
    return [_stored(row) for row in rows]


def _next_version(session: Session, campaign_id: int, key: str) -> int:
    latest = session.scalar(
        select(func.max(ScriptRow.version))
        .where(ScriptRow.campaign_id == campaign_id, ScriptRow.key == key)
    )
    return int(latest or 0) + 1


def _add(session: Session, campaign_id: int, script: Script, origin: str,
         source: str | None = None) -> ScriptRow:
    version = _next_version(session, campaign_id, script.key)
    script = replace(script, version=version)
    row = ScriptRow(
        campaign_id=campaign_id, key=script.key, name=script.name or script.key,
        language=script.language, version=version, origin=origin,
        source=dump_script(script) if source is None else with_version(source, version),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        # Someone else stored the same version number a moment ago (PostgreSQL; SQLite
        # writers queue up). Nothing is half-saved: the whole transaction rolls back.
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Someone else saved script '{name}' at the same time; "
                              "please try again"),
            name=row.name,
        ) from None
    return row


_VERSION_LINE = re.compile(r"^version:[ \t]*\S*[ \t]*$", re.MULTILINE)


def with_version(source: str, version: int) -> str:
    """The YAML text with its top-level version set, comments and layout kept as written."""
    if _VERSION_LINE.search(source):
        return _VERSION_LINE.sub(f"version: {version}", source, count=1)
    return source  # the row's version is the truth anyway


def install_builtin_scripts(session: Session, campaign: Campaign) -> None:
    """Store the built-in scripts for the campaign (once) and make the Swedish local-issue
    script active when the campaign has none."""
    existing = set(session.scalars(
        select(ScriptRow.key).where(ScriptRow.campaign_id == campaign.id,
                                    ScriptRow.origin == "builtin")
    ))
    default_id: int | None = None
    for name, text in builtin_sources():
        result = read_script(text, name)
        if result.script is None or result.problems:
            raise RuntimeError(f"built-in script {name} is invalid: {result.problems}")
        script = result.script
        if script.key not in existing:
            row = _add(session, campaign.id, script, "builtin", text)
            if script.key == DEFAULT_KEY:
                default_id = row.id
    if campaign.script_id is None:
        if default_id is None:
            default_id = session.scalar(
                select(ScriptRow.id).where(ScriptRow.campaign_id == campaign.id,
                                           ScriptRow.key == DEFAULT_KEY)
                .order_by(ScriptRow.version.desc())
            )
        campaign.script_id = default_id
    session.flush()


def import_script(session: Session, campaign: Campaign, text: str, file: str = "",
                  activate: bool = False) -> StoredScript:
    """Store a YAML script as the next version of its key. A script with errors is stored
    (so it can be fixed in the editor) but never made active; unparseable text is refused."""
    result = read_script(text, file)
    if result.script is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "Script {file} has errors:\n{problems}"),
                        file=file or "<script>",
                        problems="\n".join(str(p) for p in result.problems))
    row = _add(session, campaign.id, result.script, "imported", text)
    audit.record(session, "script_imported", entity="script", entity_id=row.id,
                 key=row.key, version=row.version, file=file, campaign_id=campaign.id)
    stored = _stored(row)
    if activate:
        set_active_script(session, campaign, stored.id)
    return stored


def save_new_version(session: Session, base_id: int, script: Script,
                     activate: bool = True) -> StoredScript:
    """Save an edit as a new version of the base script's key (never changing the base).
    A valid new version becomes the campaign's active script when `activate` is set."""
    base = session.get(ScriptRow, base_id)
    if base is None or base.campaign_id is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no script with id {id}"), id=base_id)
    row = _add(session, base.campaign_id, replace(script, key=base.key), "edited")
    audit.record(session, "script_edited", entity="script", entity_id=row.id,
                 key=row.key, version=row.version, base_id=base.id, campaign_id=base.campaign_id)
    stored = _stored(row)
    if activate and stored.valid:
        campaign = session.get(Campaign, base.campaign_id)
        assert campaign is not None
        campaign.script_id = stored.id
        session.flush()
    return stored


def set_active_script(session: Session, campaign: Campaign, script_id: int) -> StoredScript:
    stored = script_by_id(session, script_id)
    row = session.get(ScriptRow, script_id)
    if row is None or row.campaign_id != campaign.id:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Script {id} does not belong to campaign '{campaign}'"),
            id=script_id, campaign=campaign.name,
        )
    if not stored.valid:
        raise _invalid_error(stored)
    campaign.script_id = stored.id
    session.flush()
    return stored


def times_used(session: Session, script_id: int) -> int:
    """How many calls used this version (a used version is kept as it is, forever)."""
    return int(session.scalar(
        select(func.count()).select_from(Call).where(Call.script_id == script_id)
    ) or 0)


def find_version(session: Session, campaign: Campaign, key: str,
                 version: int | None = None) -> StoredScript:
    """A campaign's script by key: the given version, or the newest."""
    query = select(ScriptRow).where(ScriptRow.campaign_id == campaign.id, ScriptRow.key == key)
    if version is not None:
        query = query.where(ScriptRow.version == version)
    row = session.scalars(query.order_by(ScriptRow.version.desc())).first()
    if row is None:
        if version is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "Campaign '{campaign}' has no script "
                                              "'{key}'"), campaign=campaign.name, key=key)
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Campaign '{campaign}' has no version {version} of "
                              "script '{key}'"),
            campaign=campaign.name, key=key, version=version,
        )
    return _stored(row)


def write_script_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write a script's YAML atomically: a failure or a full disk keeps an older file whole.
    An existing file is replaced only with `force`; storage failures are an OutputError."""
    return write_text_output(path, text, force=force)


def export_source(session: Session, script_id: int) -> str:
    row = session.get(ScriptRow, script_id)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no script with id {id}"),
                        id=script_id)
    return row.source
