"""Stored script versions parsed once: what each question of a version is.

A stored version never changes, but its id alone is not a safe cache key (ids are per
database, and SQLite may hand a deleted row's id to a new one), so the parse is cached by the
version's YAML text: one indexed read of the row, then a dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.db.models import Script as ScriptRow
from app.services.scripts.loader import read_script
from app.services.scripts.model import Question, Script

# Parsed versions kept in memory; a campaign has a handful, a database rarely more than this.
CACHE_SIZE = 256


@lru_cache(maxsize=CACHE_SIZE)
def parsed_source(source: str) -> Script | None:
    """The script in this YAML text, or None when the text is not a script at all.

    A script with problems (say, an option leading nowhere) is still returned: its questions
    are what the calls made with it were asked.
    """
    return read_script(source, "", "script").script


def questions_by_key(script: Script) -> dict[str, Question]:
    """Each question of the version by its key (a key asked twice as different kinds counts
    as text, the kind that may hold what someone said)."""
    found: dict[str, Question] = {}
    for _step, question in script.questions():
        earlier = found.get(question.key)
        if earlier is None:
            found[question.key] = question
        elif earlier.kind != question.kind or earlier.options != question.options:
            found[question.key] = Question("text", question.key)
    return found


_SOURCE = select(ScriptRow.key, ScriptRow.version, ScriptRow.source).where(
    ScriptRow.id == bindparam("script_id"))


def version_source(session: Session, script_id: int) -> tuple[str, int, str] | None:
    """(key, version, YAML text) of a stored version, or None when there is no such row."""
    row = session.connection().execute(_SOURCE, {"script_id": script_id}).first()
    return None if row is None else (row.key, row.version, row.source)


def scripts_by_id(session: Session, script_ids: Iterable[int]) -> dict[int, Script | None]:
    """The parsed versions with these ids (None: a row that is not a script at all). Ids
    without a row are left out."""
    ids = sorted(set(script_ids))
    if not ids:
        return {}
    rows = session.connection().execute(
        select(ScriptRow.id, ScriptRow.source).where(ScriptRow.id.in_(ids)))
    return {script_id: parsed_source(source) for script_id, source in rows}
