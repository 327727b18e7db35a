"""Question labels and kinds come from the stored scripts (the built-in local-issue script)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from app.db.database import Database
from app.db.models import Answer, Call, Campaign, Contact, TargetGroup
from app.services.results import Privacy, build_report, export_xlsx
from app.services.scripts import active_script, install_builtin_scripts

OPINION = "Bussen behövs, min dotter jobbar kväll"
START = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)


def campaign_with_answers(db: Database) -> int:
    with db.transaction() as session:
        campaign = Campaign(name="Med manus", association="Föreningen")
        session.add(campaign)
        session.flush()
        install_builtin_scripts(session, campaign)
        session.flush()
        stored = active_script(session, campaign.id)
        assert stored is not None
        group = TargetGroup(campaign_id=campaign.id, name="Alla")
        session.add(group)
        session.flush()
        given = [
            {"reached": "yes", "has_time": "yes", "issue_opinion": OPINION,
             "issue_agreement": "5", "meeting": "yes", "membership": "no"},
            {"reached": "yes", "has_time": "yes", "issue_agreement": "2", "meeting": "no"},
            {"reached": "someone_else", "best_time": "efter sex"},
        ]
        for n, answers in enumerate(given):
            contact = Contact(campaign_id=campaign.id, target_group_id=group.id,
                              first_name=f"Person{n}", last_name="Exempel", status="done")
            session.add(contact)
            session.flush()
            started = START + timedelta(minutes=10 * n)
            call = Call(campaign_id=campaign.id, target_group_id=group.id,
                        contact_id=contact.id, started_at=started,
                        ended_at=started + timedelta(minutes=3),
                        outcome="conversation" if n < 2 else "callback",
                        script_id=stored.id)
            call.answers = [Answer(question_key=k, value=v) for k, v in answers.items()]
            session.add(call)
        return campaign.id


def test_labels_kinds_and_counts_from_the_script(db: Database) -> None:
    campaign_id = campaign_with_answers(db)
    with db.session() as session:
        report = build_report(session, campaign_id)
    by_key = {q.key: q for q in report.questions}
    agreement = by_key["issue_agreement"]
    assert agreement.kind == "scale" and agreement.mean == 3.5
    assert agreement.label == "Hur mycket håller personen med?"
    meeting = by_key["meeting"]
    assert meeting.kind == "yes_no"
    assert {o.label: o.count for o in meeting.options} == {
        "Ja, vill vara med": 1, "Nej, inte den här gången": 1}
    reached = by_key["reached"]
    assert reached.options[0].label == "Ja, det är …"  # no raw {first_name}
    assert by_key["issue_opinion"].kind == "text" and by_key["issue_opinion"].answers == 1
    # Script order, not alphabetical.
    keys = [q.key for q in report.questions]
    assert keys.index("reached") < keys.index("issue_agreement") < keys.index("membership")


def test_samtal_columns_are_the_script_questions(db: Database, tmp_path: Path) -> None:
    campaign_id = campaign_with_answers(db)
    district, full = tmp_path / "d.xlsx", tmp_path / "f.xlsx"
    with db.session() as session:
        export_xlsx(session, campaign_id, district)
        export_xlsx(session, campaign_id, full, privacy=Privacy.FULL)
    ws = load_workbook(district)["Samtal"]
    header = [c.value for c in ws[1]]
    assert "Hur mycket håller personen med?" in header
    assert "Fråga vad personen tycker" not in header  # free text stays out
    column = header.index("Hur mycket håller personen med?")
    assert [ws.cell(r, column + 1).value for r in (2, 3)] == [5, 2]
    assert header[header.index("Manus")] and ws.cell(2, header.index("Manus") + 1).value \
        == "local_issue_sv v1"
    texts = [str(c.value) for row in load_workbook(district).worksheets[1].iter_rows()
             for c in row if c.value is not None]
    assert not any(OPINION in t for t in texts)
    full_ws = load_workbook(full)["Samtal"]
    full_header = [c.value for c in full_ws[1]]
    opinion = full_header.index("Fråga vad personen tycker")
    assert full_ws.cell(2, opinion + 1).value == OPINION
