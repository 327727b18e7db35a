"""The answers of a call, checked against the script version the call was made with.

Results decide per answer whether it is a choice (counted, exported) or free text (what
someone said: only in the association's own `full` export), by the kind of its question in
the call's own version. So a saved answer must be what that version asks for: a known
question key, a choice among its options, or text of a sane length.

A call without a script (made outside the calling screen) may still carry answers; they are
checked only for their shape, and every export treats them as free text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.scripts.model import Question
from app.services.scripts.versions import parsed_source, questions_by_key, version_source

MAX_TEXT = 2000  # characters in a free-text answer
MAX_KEY = 100  # characters in a question key (the database column's size)
_SHOWN = 40  # characters of a refused value quoted in the message


def check_answers(session: Session, script_id: int | None,
                  answers: Mapping[str, object]) -> None:
    """UserError naming the question and the problem for the first answer that does not fit
    the script version `script_id`; nothing when all fit."""
    if not answers:
        return
    if script_id is None:
        for key, value in answers.items():
            _check_key(key)
            _check_shape(key, value)
        return
    found = _version(session, script_id)
    if found is None:
        raise UserError(QT_TRANSLATE_NOOP("app", "There is no script with id {id}"),
                        id=script_id)
    name, version, source = found
    script = parsed_source(source)
    questions = questions_by_key(script) if script is not None else {}
    for key, value in answers.items():
        question = questions.get(key) if isinstance(key, str) else None
        if question is None:
            raise UserError(
                QT_TRANSLATE_NOOP("app", "Script '{script}' version {version} has no question "
                                  "'{key}'; its answer cannot be saved"),
                script=name, version=version, key=_shown(key))
        _check_answer(question, value)


def choice_keys(session: Session, script_id: int | None) -> frozenset[str]:
    """The keys version `script_id` asks as a choice (not free text); none without one.

    With "answers without a name" only these answers' values are counted; the words of a
    free-text answer are never kept (app/services/privacy/anonymous_answers.py).
    """
    if script_id is None:
        return frozenset()
    found = _version(session, script_id)
    script = parsed_source(found[2]) if found is not None else None
    if script is None:
        return frozenset()
    return frozenset(key for key, q in questions_by_key(script).items()
                     if q.kind not in ("text", "unknown"))


# Stored script versions never change (an edit is a new version), so on a server, where every
# statement is a round trip, a version once read is kept: keyed by the server's database,
# because one process may use several. Not on SQLite, whose ids can come back after a delete.
_VERSIONS: OrderedDict[tuple[str, int], tuple[str, int, str]] = OrderedDict()
_KEPT = 64


def _version(session: Session, script_id: int) -> tuple[str, int, str] | None:
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return version_source(session, script_id)
    with _LOCK:
        found = _VERSIONS.get(_key(connection, script_id))
    if found is None:
        found = version_source(session, script_id)
        if found is not None:
            _keep(connection, script_id, found)
    return found


def _key(connection: Connection, script_id: int) -> tuple[str, int]:
    return (connection.engine.url.render_as_string(hide_password=True), script_id)


def _keep(connection: Connection, script_id: int, found: tuple[str, int, str]) -> None:
    with _LOCK:
        _VERSIONS[_key(connection, script_id)] = found
        while len(_VERSIONS) > _KEPT:
            _VERSIONS.popitem(last=False)


_LOCK = threading.Lock()


def remember_version(session: Session, script_id: int, key: str, version: int,
                     source: str) -> None:
    """Keep a version the calling screen has just read, so its first save need not read it
    again (on SQLite nothing is kept)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        _keep(connection, script_id, (key, version, source))


def _check_answer(question: Question, value: object) -> None:
    key = question.key
    if question.kind == "text":
        if not isinstance(value, str):
            raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' must "
                                              "be text"), key=key)
        _check_length(key, value)
        return
    allowed = {option.value for option in question.options}
    if question.kind == "multiple":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' must be "
                                              "a list of its options"), key=key)
        if len(set(value)) != len(value):
            raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' names "
                                              "an option more than once"), key=key)
        for item in value:
            if item not in allowed:
                raise _not_an_option(key, allowed)
        return
    # yes_no, single, scale: exactly one of the options
    if isinstance(value, list | tuple):
        raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' must be one "
                                          "option, not a list"), key=key)
    if not isinstance(value, str) or value not in allowed:
        raise _not_an_option(key, allowed)


def _not_an_option(key: str, allowed: set[str]) -> UserError:
    # The value is not quoted: it may be what someone said, and messages reach the log.
    return UserError(
        QT_TRANSLATE_NOOP("app", "The answer to question '{key}' is not one of its options "
                          "({options})"), key=key, options=", ".join(sorted(allowed)))


def _check_key(key: object) -> None:
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY:
        raise UserError(QT_TRANSLATE_NOOP("app", "Question key '{key}' is empty or longer "
                                          "than {limit} characters"),
                        key=_shown(key), limit=MAX_KEY)


def _check_shape(key: str, value: object) -> None:
    """Without a script: text, or a list of distinct texts."""
    if isinstance(value, str):
        _check_length(key, value)
        return
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        if len(set(value)) != len(value):
            raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' names "
                                              "an option more than once"), key=key)
        for item in value:
            _check_length(key, item)
        return
    raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' must be text or "
                                      "a list of options"), key=key)


def _check_length(key: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise UserError(QT_TRANSLATE_NOOP("app", "The answer to question '{key}' is {length} "
                                          "characters long; at most {limit} fit"),
                        key=key, length=len(text), limit=MAX_TEXT)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"
