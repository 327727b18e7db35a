"""Many rows in one statement for the merge of a returned pack: a merge of thousands of calls
costs a few statements, not a few per call.

SQLite to SQLite, values pass as SQLite stores them (read from the laptop's SQLite file, or
from this database the same way), past SQLAlchemy's per-value conversions, which would cost
more than the writing itself. Any other database gets Python values through SQLAlchemy."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Insert, Select, Update
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import TypeEngine


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a block that makes tens of thousands of rows (tuples
    and dicts, none in a cycle): it would otherwise walk every live object of the process
    again and again meanwhile, a sixth of a large merge's time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def write_many(connection: Connection, stmt: Insert | Update, keys: Sequence[str],
               rows: list[tuple[Any, ...]], raw: bool) -> None:
    """One executemany of `stmt` (a Core insert or update) with `rows`, each a tuple of the
    values of `keys` in that order. `raw`: the values are in SQLite's stored form."""
    if not rows:  # an empty list would insert one row of defaults
        return
    if not raw:
        connection.execute(stmt, [dict(zip(keys, row, strict=True)) for row in rows])
        return
    sql, order_of_sql = _compiled(stmt, connection.dialect, tuple(keys))
    order = list(order_of_sql)
    if set(order) - set(keys):  # a statement with parameters of its own: not for this
        raise ValueError(f"parameters {sorted(set(order) - set(keys))} not in the rows")
    if order != list(keys):
        # The statement takes the values in its own order (an insert: the table's columns).
        positions = [list(keys).index(key) for key in order]
        if len(positions) == 1:
            rows = [(row[positions[0]],) for row in rows]
        else:
            pick = itemgetter(*positions)
            rows = [pick(row) for row in rows]
    connection.exec_driver_sql(sql, rows)


def stored_form(connection: Connection, type_: TypeEngine[Any], value: Any) -> Any:
    """`value` as this database's driver takes it for a column of `type_` (for `raw` rows)."""
    processor = type_.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    return value if processor is None else processor(value)


def read_many(connection: Connection, stmt: Select[*tuple[Any, ...]], raw: bool,
              **params: Any) -> list[tuple[Any, ...]]:
    """Rows of `stmt` (its parameters named by bindparam) as tuples; `raw`: as SQLite stores
    them, like the laptop's."""
    if not raw:
        return [tuple(row) for row in connection.execute(stmt, params)]
    sql, positions = _compiled(stmt, connection.dialect, ())
    result = connection.exec_driver_sql(sql, tuple(params[k] for k in positions))
    try:
        # The driver's own tuples: SQLAlchemy's rows would cost more than the reading.
        return list(result.cursor.fetchall())
    finally:
        result.close()


@functools.lru_cache(maxsize=64)
def _compiled(stmt: ClauseElement, dialect: Dialect,
              keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A statement's text and its parameters' order, compiled once: the merge's statements
    are module constants, and compiling one costs about a millisecond each time."""
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys) if keys else None)
    assert isinstance(compiled, SQLCompiler)
    return compiled.string, tuple(compiled.positiontup or ())

