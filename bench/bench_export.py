"""Excel export of 100,000 calls, beside openpyxl's plainest possible write of the same rows.

Baseline: the Samtal rows (built beforehand, not timed) written by openpyxl in write-only
mode with no formatting at all, then saved. The export is timed end to end: reading the
database, every figure, all six sheets with formatting, the charts and the hidden metadata.

`generate()` also makes the richer data the dashboard screenshot is taken on.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from bench.common import Figure

CALLS = int(os.environ.get("RINGKVALL_BENCH_EXPORT_CALLS", "100000"))
# The number ranges PTS reserves for fiction; contacts share them (the bench never dials).
FICTIONAL = ([f"+46701740{n:03d}" for n in range(605, 700)]
             + [f"+468465004{n:02d}" for n in range(100)]
             + [f"+46313900{n:03d}"[:13] for n in range(600, 700)]
             + [f"+46406280{n:03d}"[:13] for n in range(400, 500)]
             + [f"+46980319{n:03d}" for n in range(200, 300)])
FIRST = ("Anna", "Erik", "Märta", "Johan", "Fatima", "Ali", "Karin", "Örjan", "Zeynep", "Per")
LAST = ("Andersson", "Nguyen", "Öberg", "Hussein", "Lindberg", "Jönsson", "Yilmaz", "Persson")
VOLUNTEERS = ("Alva", "Bo", "Cai", "Dana", "Elis", "Frida", "Gustav", "Hanna")
GROUPS = ("Centrum", "Norra förorten", "Landsbygden")
# Weights for outcomes, roughly what a calling evening sees.
OUTCOMES = (("no_answer", 30), ("busy", 5), ("voicemail", 15), ("wrong_number", 3),
            ("callback", 6), ("refused", 12), ("do_not_call", 2), ("conversation", 22),
            ("recruited", 5))
# The script the calls were made with: its questions are the Samtal sheet's answer columns
# (without a script version every answer would count as free text and have no column).
SCRIPT = """key: bench_sv
name: Samtal om kvällsbussarna
language: sv
steps:
  - id: stod_fragan
    title: Stöder du förslaget?
    text: Vi vill att kvällsbussarna går oftare. Stöder du det?
    question:
      kind: yes_no
      key: stod_fragan
    next: betyg
  - id: betyg
    title: Hur viktig är frågan?
    text: Hur viktig är frågan för dig, från 1 till 5?
    question:
      kind: scale
      key: betyg
"""


def generate(db_path: Path, calls: int, *, seed: int = 7, first_day: date | None = None,
             evenings: int = 6) -> int:
    """A campaign with `calls` calls over `evenings` evenings; returns the campaign id."""
    from app.db.database import open_database
    from app.db.models import (
        Answer,
        Call,
        Campaign,
        Contact,
        FollowUp,
        PhoneNumber,
        Recruit,
        TargetGroup,
        Volunteer,
    )
    from app.services.scripts import import_script

    rnd = random.Random(seed)
    first_day = first_day or date(2026, 11, 2)
    db = open_database(str(db_path))
    try:
        with db.transaction() as session:
            campaign = Campaign(name="Höstens ringkvällar", association="S-föreningen Exempelby",
                                starts_on=first_day,
                                ends_on=first_day + timedelta(days=2 * evenings),
                                local_issue="Kvällsbussarna i stadsdelen")
            session.add(campaign)
            session.flush()
            stored = import_script(session, campaign, SCRIPT, "bench_sv.yaml", activate=True)
            assert stored.valid, stored.problems
            groups = [TargetGroup(campaign_id=campaign.id, name=g) for g in GROUPS]
            volunteers = [Volunteer(name=f"{v} Exempelsson") for v in VOLUNTEERS]
            session.add_all([*groups, *volunteers])
            session.flush()
            n_contacts = max(10, calls * 2 // 5)
            session.execute(insert(Contact), [
                {"campaign_id": campaign.id, "target_group_id": groups[i % 3].id,
                 "first_name": rnd.choice(FIRST), "last_name": rnd.choice(LAST),
                 "status": "open" if i % 4 == 0 else "done", "queue_rank": 1 + i % 3,
                 "next_call_at": datetime(2026, 11, 1, tzinfo=UTC)}
                for i in range(n_contacts)])
            contact_ids = list(session.scalars(
                select(Contact.id).where(Contact.campaign_id == campaign.id).order_by(Contact.id)))
            session.execute(insert(PhoneNumber), [
                {"contact_id": cid, "campaign_id": campaign.id, "position": 0,
                 "e164": FICTIONAL[i % len(FICTIONAL)], "raw": "", "kind": "mobile"}
                for i, cid in enumerate(contact_ids)])
            weights = [w for _, w in OUTCOMES]
            names = [o for o, _ in OUTCOMES]
            rows = []
            for i in range(calls):
                contact_index = i % n_contacts
                day = first_day + timedelta(days=2 * (i * evenings // calls))
                started = datetime(day.year, day.month, day.day, 17, 0, tzinfo=UTC) + \
                    timedelta(seconds=rnd.randrange(3 * 3600))
                outcome = rnd.choices(names, weights)[0]
                talk = rnd.randrange(60, 900) if outcome in ("conversation", "recruited") else \
                    rnd.randrange(5, 60) if outcome in ("callback", "refused", "do_not_call") \
                    else None
                rows.append({
                    "uuid": f"00000000-0000-4000-8000-{i:012d}",
                    "campaign_id": campaign.id, "target_group_id": groups[contact_index % 3].id,
                    "contact_id": contact_ids[contact_index],
                    "volunteer_id": volunteers[rnd.randrange(len(volunteers))].id,
                    "number_dialled": FICTIONAL[contact_index % len(FICTIONAL)],
                    "started_at": started,
                    "ended_at": started + timedelta(seconds=talk) if talk else None,
                    "outcome": outcome, "notes": "", "meeting_signup": rnd.random() < 0.1
                    and outcome in ("conversation", "recruited"),
                    "contact_before": {}, "saved_at": started, "script_id": stored.id,
                })
            session.execute(insert(Call), rows)
            call_rows = session.execute(
                select(Call.id, Call.outcome, Call.contact_id, Call.started_at)
                .where(Call.campaign_id == campaign.id)).all()
            answers, recruits, follow_ups = [], [], []
            for cid, outcome, contact_id, started in call_rows:
                if outcome not in ("conversation", "recruited"):
                    continue
                answers.append({"call_id": cid, "question_key": "stod_fragan",
                                "value": rnd.choice(["yes", "yes", "no"])})
                answers.append({"call_id": cid, "question_key": "betyg",
                                "value": str(rnd.randint(1, 5))})
                if outcome == "recruited":
                    recruits.append({"call_id": cid, "first_name": rnd.choice(FIRST),
                                     "last_name": rnd.choice(LAST), "consent_membership": True,
                                     "consent_text": "Jag vill bli medlem.",
                                     "consented_at": started})
                elif rnd.random() < 0.1:
                    follow_ups.append({"contact_id": contact_id, "call_id": cid,
                                       "promised": "Skicka information om mötet",
                                       "assigned_to": "Alva Exempelsson", "created_at": started})
            for model, data in ((Answer, answers), (Recruit, recruits),
                                (FollowUp, follow_ups)):
                if data:
                    session.execute(insert(model), data)
            return campaign.id
    finally:
        db.close()


def baseline_seconds(rows: list[list[object]], headers: list[str], target: Path) -> float:
    from openpyxl import Workbook

    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Samtal")
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(target)
    return time.perf_counter() - start


def run() -> list[Figure]:
    from app.db.database import open_database
    from app.services.results import Privacy, export_xlsx
    from app.services.results.calls import call_table

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "bench.sqlite"
        campaign_id = generate(db_path, CALLS)
        db = open_database(str(db_path))
        try:
            with db.session() as session:
                table = call_table(session, campaign_id, Privacy.DISTRICT, "sv")
                rows = list(table.rows)
            assert len(rows) == CALLS
            ours, base = [], []
            for attempt in range(3):  # alternate, so neither gets a warmer machine
                base.append(baseline_seconds(rows, table.headers,
                                             folder / f"baseline{attempt}.xlsx"))
                start = time.perf_counter()
                with db.session() as session:
                    export_xlsx(session, campaign_id, folder / f"export{attempt}.xlsx")
                ours.append(time.perf_counter() - start)
        finally:
            db.close()
    return [Figure(f"export_{CALLS}_calls", min(ours), min(base), "s")]
