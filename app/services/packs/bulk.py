"""Many rows in one statement for the merge of a returned pack: a merge of thousands of calls
costs a few statements, not a few per call.

SQLite to SQLite, values pass as SQLite stores them (read from the laptop's SQLite file, or
from this database the same way), past SQLAlchemy's per-value conversions, which would cost
more than the writing itself. Any other database gets Python values through SQLAlchemy."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Insert, Select, Update
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
    compiled = stmt.compile(dialect=connection.dialect, column_keys=list(keys))
    order = list(compiled.positiontup or [])
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
    connection.exec_driver_sql(compiled.string, rows)


def stored_form(connection: Connection, type_: TypeEngine[Any], value: Any) -> Any:
    """`value` as this database's driver takes it for a column of `type_` (for `raw` rows)."""
    processor = type_.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    return value if processor is None else processor(value)


def read_many(connection: Connection, stmt: Select[*tuple[Any, ...]],
              raw: bool) -> list[tuple[Any, ...]]:
    """Rows of `stmt` as tuples; `raw`: as SQLite stores them, like the laptop's."""
    if not raw:
        return [tuple(row) for row in connection.execute(stmt)]
    compiled = stmt.compile(dialect=connection.dialect)
    params = compiled.construct_params()
    return list(connection.exec_driver_sql(
        compiled.string, tuple(params[k] for k in compiled.positiontup or [])).fetchall())

