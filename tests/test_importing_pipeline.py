"""The import: exact counts, number normalisation, all-or-nothing, sample lists, rejected rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from app.db.database import Database
from app.db.models import Contact, ImportRun, RejectedRow, TargetGroup
from app.errors import Cancelled, UserError
from app.progress import CancelAfter
from app.services import dnc
from app.services.importing.pipeline import BATCH, import_file
from app.services.importing.rejected import export_rejected
from tests.conftest import DATA
from tests.importing_helpers import (
    HEADER,
    SHARED_COST,
    TOLL_FREE,
    counts,
    fictional_numbers,
    mobile,
    mobile_e164,
    person,
    phones_of_campaign,
    snapshot,
    stockholm,
    stockholm_e164,
    write_csv,
    write_xlsx,
)


def test_every_way_of_writing_a_number_gives_one_e164(db: Database, tmp_path: Path) -> None:
    # The same mobile number written six ways, plus numeric cells of a workbook: one contact.
    ways = ["070-174 06 05", "+46 (0)70-174 06 05", "0046 70 174 06 05", "46701740605",
            "070 174 06 05", "+46701740605"]
    path = write_csv(tmp_path / "w.csv", [["Namn", "Telefon"]] + [[f"P{i}", w]
                                                                  for i, w in enumerate(ways)])
    report = import_file(db, path, campaign="K", group="G")
    assert counts(report) == {"rows": 6, "imported": 1, "rejected": 0, "suppressed": 0,
                              "duplicate": 5}
    xlsx = write_xlsx(tmp_path / "w.xlsx", [["Namn", "Mobil"], ["A", 701740605],
                                            ["B", 701740605.0], ["C", "701740605.0"]])
    report = import_file(db, xlsx, campaign="K", group="G2")
    assert counts(report)["duplicate"] == 3
    assert phones_of_campaign(db, report.campaign_id) == [(mobile_e164(5), "mobile")]


def test_counts_with_several_phone_columns_duplicates_dnc_and_rejections(
    db: Database, tmp_path: Path
) -> None:
    with db.transaction() as session:
        dnc.add_numbers(session, [mobile_e164(20)])
    rows = [
        HEADER,
        person(1, stockholm(1), mobile(5)),        # imported, two numbers
        person(2, "", mobile(6)),                   # imported, mobile column only
        person(3, "not a number", mobile(7)),       # imported: one callable number is enough
        person(4, TOLL_FREE, SHARED_COST),          # rejected: not personal numbers
        person(5, "", ""),                          # rejected: no number at all
        person(6, "12", "070-174"),                 # rejected: junk
        person(7, mobile(20), ""),                  # suppressed: on the do-not-call list
        person(8, mobile(21), mobile(20)),          # suppressed: one number on the list
        person(9, stockholm(1), ""),                # duplicate of row 1's landline
        person(10, mobile(8), mobile(6)),           # duplicate: the mobile of row 2
        person(11, mobile(20), mobile(5)),          # suppressed beats duplicate
        person(12, TOLL_FREE, ""),                  # rejected beats everything
        person(13, mobile(9), mobile(9)),           # imported; the number stored once
    ]
    path = write_csv(tmp_path / "l.csv", rows)
    report = import_file(db, path, campaign="K", group="Tensta")
    assert counts(report) == {"rows": 13, "imported": 4, "rejected": 4, "suppressed": 3,
                              "duplicate": 2}
    with db.session() as session:
        contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
        assert [c.last_name for c in contacts] == ["Testsson1", "Testsson2", "Testsson3",
                                                    "Testsson13"]
        first = contacts[0]
        assert (first.first_name, first.street, first.postcode, first.city, first.birth_year,
                first.gender) == ("Erik", "Provgatan 1", "163 04", "Spånga", 1941, "K")
        assert first.status == "open" and first.import_run_id == report.import_run_id
        assert [(p.position, p.e164, p.kind, p.raw) for p in first.phones] == [
            (0, stockholm_e164(1), "fixed", stockholm(1)), (1, mobile_e164(5), "mobile",
                                                            mobile(5))]
        assert len(contacts[3].phones) == 1
        rejected = session.scalars(select(RejectedRow).order_by(RejectedRow.row_number)).all()
        assert [r.row_number for r in rejected] == [5, 6, 7, 13]
        assert "not a personal number" in rejected[0].reason
        assert rejected[1].reason == "no number"
        assert "not a phone number" in rejected[2].reason
        assert rejected[0].values[0] == "Zeynep"
        run = session.get(ImportRun, report.import_run_id)
        assert run is not None
        assert (run.rows, run.imported, run.rejected, run.suppressed, run.duplicate) == (
            13, 4, 4, 3, 2)


def test_duplicates_across_groups_of_a_campaign_not_across_campaigns(
    db: Database, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADER, person(1, mobile(5)), person(2, mobile(6))])
    second = write_csv(tmp_path / "b.csv", [HEADER, person(3, mobile(6)), person(4, mobile(7))])
    assert counts(import_file(db, first, campaign="K", group="A"))["imported"] == 2
    report = import_file(db, second, campaign="K", group="B")
    assert (report.imported, report.duplicate) == (1, 1)
    other = import_file(db, second, campaign="Annan", group="B")
    assert (other.imported, other.duplicate) == (2, 0)


def test_unmapped_columns_are_not_stored(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [
        ["Namn", "Personnummer", "Telefon", "Kundnr"],
        ["Anna Svensson", "19500101-0000", mobile(5), "K-17"],
        ["Bo Ek", "19500101-0001", "", "K-18"],
    ])
    report = import_file(db, path, campaign="K", group="G", overrides=[("Kundnr", "extra")])
    with db.session() as session:
        contact = session.scalars(select(Contact)).one()
        assert (contact.first_name, contact.last_name) == ("Anna", "Svensson")
        assert contact.extra == {"Kundnr": "K-17"}
        run = session.get(ImportRun, report.import_run_id)
        assert run is not None and run.mapping == {"Namn": "name", "Telefon": "phone",
                                                    "Kundnr": "extra"}
        rejected = session.scalars(select(RejectedRow)).one()
        assert rejected.values == ["Bo Ek", "", "K-18"]
    # Data minimisation: the identity numbers left no trace.
    if db.location.sqlite_path is not None:  # in the file, its freed pages included
        dump = b"".join(p.read_bytes() for p in tmp_path.glob("*.sqlite*"))
        assert dump and b"19500101" not in dump
    else:  # on the server: in no row of any table (each row read back whole, as text)
        with db.session() as session:
            for table in inspect(session.connection()).get_table_names():
                rows = session.execute(text(f'SELECT CAST(t AS text) FROM "{table}" AS t'))
                assert not [r for (r,) in rows if "19500101" in r], table


def test_reimport_imports_nothing_and_says_so(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, person(1, mobile(5)), person(2, "")])
    first = import_file(db, path, campaign="K", group="G")
    assert first.imported_before_at is None
    again = import_file(db, path, campaign="K", group="G")
    assert counts(again) == {"rows": 2, "imported": 0, "rejected": 1, "suppressed": 0,
                             "duplicate": 1}
    assert again.imported_before_at is not None


def test_sample_lists_give_the_expected_counts(db: Database, tmp_path: Path) -> None:
    expected = json.loads((DATA / "expected_counts.json").read_text(encoding="utf-8"))
    csv_report = import_file(db, DATA / "lista_tensta_cp1252.csv", campaign="Höst",
                             group="Tensta")
    xlsx_report = import_file(db, DATA / "lista_vallingby.xlsx", campaign="Höst",
                              group="Vällingby")
    assert counts(csv_report) == expected["lista_tensta_cp1252.csv"]
    assert counts(xlsx_report) == expected["lista_vallingby.xlsx (same campaign, after the csv)"]


def _big_list(tmp_path: Path, rows: int) -> Path:
    numbers = list(fictional_numbers())
    return write_csv(tmp_path / "big.csv", [HEADER] + [
        person(i, numbers[i % len(numbers)]) for i in range(rows)])


def test_cancelled_import_changes_nothing(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        dnc.add_numbers(session, [mobile_e164(99)])
    import_file(db, write_csv(tmp_path / "a.csv", [HEADER, person(1, mobile(5))]),
                campaign="K", group="A")
    before = snapshot(db)
    path = _big_list(tmp_path, BATCH * 3)
    progress = CancelAfter(2)  # the start, the first batch, then cancel after rows were written
    with pytest.raises(Cancelled):
        import_file(db, path, campaign="K", group="Ny", progress=progress)
    assert progress.calls == 3
    assert snapshot(db) == before
    with db.session() as session:
        assert session.scalars(select(TargetGroup.name)).all() == ["A"]


class _FailAfter:
    """A progress that fails like a bug (not a cancel) part-way through."""

    def __init__(self, limit: int) -> None:
        self.limit, self.calls = limit, 0

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.calls += 1
        if self.calls > self.limit:
            raise RuntimeError("disk on fire")


def test_failing_import_changes_nothing(db: Database, tmp_path: Path) -> None:
    before = snapshot(db)
    with pytest.raises(RuntimeError):
        import_file(db, _big_list(tmp_path, BATCH * 2), campaign="K", group="G",
                    progress=_FailAfter(2))
    assert snapshot(db) == before


def test_truncated_workbook_fails_before_writing(db: Database, tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "g.xlsx", [HEADER] + [person(i, mobile(5 + i))
                                                       for i in range(50)])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    before = snapshot(db)
    with pytest.raises(UserError, match=r"broken\.xlsx cannot be read as an Excel workbook"):
        import_file(db, broken, campaign="K", group="G")
    assert snapshot(db) == before


def test_rejected_rows_export_to_excel(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_csv(tmp_path / "x.csv", [
        ["Förnamn", "Telefon", "Mobil"], ["Anna", TOLL_FREE, ""], ["Bo", mobile(5), ""],
        ["Cia", "", "12"]])
    report = import_file(db, path, campaign="K", group="G")
    target = tmp_path / "ut" / "avvisade.xlsx"
    target.parent.mkdir()
    with db.session() as session:
        assert export_rejected(session, report.import_run_id, target) == 2
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == ("Row", "Reason", "Förnamn", "Telefon", "Mobil")
    assert rows[1][0] == 2 and rows[1][2:] == ("Anna", TOLL_FREE, None)
    assert "premium, toll-free or shared" in rows[1][1]
    assert rows[2][0] == 4 and "not a phone number" in rows[2][1]
    assert [p.name for p in target.parent.iterdir()] == ["avvisade.xlsx"]  # no temp left


def test_rejected_rows_are_spooled_privately_and_replace_only_with_force(
        db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are personal data: never in the shared temporary folder (openpyxl's default
    spool), an existing file is kept unless forced, the database is never the target."""
    import tempfile

    from openpyxl import load_workbook

    from app.services.output_paths import OutputExists

    path = write_csv(tmp_path / "x.csv", [
        ["Förnamn", "Telefon"], ["Anna", TOLL_FREE], ["Bo", mobile(5)], ["Cia", "12"]])
    report = import_file(db, path, campaign="K", group="G")
    folder = tmp_path / "ut"
    folder.mkdir()
    target = folder / "avvisade.xlsx"
    target.write_bytes(b"the previous file")
    # Anything written to the shared temporary folder now fails: it does not exist.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-shared-tmp"))
    with db.session() as session:
        with pytest.raises(OutputExists):
            export_rejected(session, report.import_run_id, target)
        assert target.read_bytes() == b"the previous file"
        assert export_rejected(session, report.import_run_id, target, force=True) == 2
        if db.location.sqlite_path is not None:  # never the database's file
            with pytest.raises(UserError, match="part of the database"):
                export_rejected(session, report.import_run_id, db_path, force=True)
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == ["Anna", "Cia"]
    assert [p.name for p in folder.iterdir()] == ["avvisade.xlsx"]  # nothing left beside it


def test_sample_files_are_copies_not_references() -> None:
    # The project never reads the workplace's shared folder: the samples are copied here.
    for name in ("lista_tensta_cp1252.csv", "lista_vallingby.xlsx", "expected_counts.json"):
        assert (DATA / name).is_file()


def test_workbook_damaged_inside_the_sheet_rolls_back(db: Database, tmp_path: Path) -> None:
    import zipfile

    good = write_xlsx(tmp_path / "g.xlsx", [HEADER] + [person(i, mobile(5 + i))
                                                       for i in range(60)])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) * 2 // 3]  # the rows end in the middle of a cell
            target.writestr(item, data)
    before = snapshot(db)
    with pytest.raises(UserError, match=r"damaged\.xlsx cannot be read as an Excel workbook"):
        import_file(db, damaged, campaign="K", group="G")
    assert snapshot(db) == before
