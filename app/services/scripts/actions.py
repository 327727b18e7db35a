"""The scripts screen's actions: one transaction each, taking the `Database`.

The GUI runs the writes on the task runner's write thread and gets plain values back
(`StoredScript` holds the parsed script, no ORM row).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.db.database import Database
from app.db.models import Campaign
from app.services.output_paths import check_output
from app.services.scripts.engine import CallContext
from app.services.scripts.loader import read_text
from app.services.scripts.model import Script
from app.services.scripts.storage import (
    StoredScript,
    export_source,
    import_script,
    install_builtin_scripts,
    list_scripts,
    save_new_version,
    script_by_id,
    set_active_script,
    write_script_file,
)


@dataclass(frozen=True)
class ScriptsOverview:
    """What the scripts screen lists: the campaign's name, the script used for calling and
    every stored version."""

    campaign_name: str
    active_id: int | None
    scripts: tuple[StoredScript, ...]


def scripts_overview(db: Database, campaign_id: int) -> ScriptsOverview:
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        return ScriptsOverview(
            campaign_name=campaign.name if campaign else "",
            active_id=campaign.script_id if campaign else None,
            scripts=tuple(list_scripts(session, campaign_id)),
        )


def install_builtins(db: Database, campaign_id: int) -> None:
    """Give a campaign made without scripts the built-in ones (no-op when it has them)."""
    with db.transaction() as session:
        install_builtin_scripts(session, session.get_one(Campaign, campaign_id))


def save_script_version(db: Database, base_id: int, script: Script) -> StoredScript:
    """An edit saved as the base's next version; used for calling when it is valid."""
    with db.transaction() as session:
        return save_new_version(session, base_id, script)


def use_for_calling(db: Database, campaign_id: int, script_id: int) -> StoredScript:
    with db.transaction() as session:
        return set_active_script(session, session.get_one(Campaign, campaign_id), script_id)


def import_script_file(db: Database, campaign_id: int, path: Path) -> StoredScript:
    """A YAML file stored as the next version of its key; used for calling when valid."""
    text = read_text(path)
    with db.transaction() as session:
        campaign = session.get_one(Campaign, campaign_id)
        stored = import_script(session, campaign, text, path.name)
        if stored.valid:
            campaign.script_id = stored.id
        return stored


def export_script_file(db: Database, script_id: int, path: Path, *,
                       force: bool = True) -> Path:
    """The script's YAML to `path`, never over the database or its companion files. `force`
    by default: the window's save dialog has asked before replacing an existing file."""
    target = check_output(path, database=db, force=force)
    with db.session() as session:
        text = export_source(session, script_id)
    write_script_file(target, text, force=force)
    return path


def stored_script(db: Database, script_id: int) -> StoredScript:
    with db.session() as session:
        return script_by_id(session, script_id)


def preview_context(db: Database, campaign_id: int, contact: str, volunteer: str,
                    language: str) -> CallContext:
    """The placeholders' values for a preview: the campaign's, with a made-up contact."""
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            return CallContext(contact, volunteer)
        return CallContext.for_call(campaign, contact, volunteer, language)
