"""Calling packs in a campaign with "answers without a name" (issues 13 and 14): the answers
called on a laptop reach the organiser's figures as counts, never as answers of a call, and
returning the same pack several times counts each answer once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import AnonymousAnswerCount, Answer, Call
from app.services.packs.create import create_pack
from app.services.packs.laptop import open_pack, return_pack
from app.services.packs.merge import merge_results
from app.services.privacy.anonymous_answers import set_anonymous_answers
from app.services.results import build_report
from app.services.scripts import install_builtin_scripts
from tests.calling_helpers import make_campaign
from tests.packs_helpers import CODE, NOW, call_on_laptop, laptop

CAMPAIGN = "Höstkampanj"
SAID = {"reached": "yes", "issue_agreement": "4"}


def _organiser(db: Database, anonymous: bool) -> int:
    with db.transaction() as s:
        row = make_campaign(s, CAMPAIGN, contacts=6)
        install_builtin_scripts(s, row)
        set_anonymous_answers(s, row.id, anonymous)
        return row.id


def _make(db: Database, tmp_path: Path) -> Path:
    out = tmp_path / "Ann.ringkvall"
    create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=4, out=out, code=CODE,
                expires_at=NOW + timedelta(days=7), now=NOW)
    return out


def _agreement(db: Database, campaign_id: int) -> dict[str, int]:
    with db.session() as s:
        report = build_report(s, campaign_id, None)
    found = {q.key: q.as_dict() for q in report.questions}
    return dict(found["issue_agreement"]["options"])  # type: ignore[arg-type]


def _answers_of_calls(db: Database, campaign_id: int) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Answer).where(
            Answer.call_id.in_(select(Call.id).where(Call.campaign_id == campaign_id)))) or 0)


def test_a_laptops_counts_are_merged_once_however_often_it_returns(db: Database,
                                                                   tmp_path: Path) -> None:
    campaign_id = _organiser(db, anonymous=True)
    pack = _make(db, tmp_path)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["conversation", "conversation"], SAID)
        first = return_pack(pack, CODE, tmp_path / "first.ringkvall").path
        call_on_laptop(opened.path, campaign_id, "Ann", ["conversation"], SAID)
        second = return_pack(pack, CODE, tmp_path / "second.ringkvall").path

    assert merge_results(db, first, CODE, now=NOW).calls == 2
    assert _agreement(db, campaign_id)["4"] == 2
    assert merge_results(db, second, CODE, now=NOW).calls == 1
    assert _agreement(db, campaign_id)["4"] == 3
    # The second file once more: nothing is counted twice.
    assert merge_results(db, second, CODE, now=NOW).repeated
    assert _agreement(db, campaign_id)["4"] == 3
    assert _answers_of_calls(db, campaign_id) == 0
    with db.session() as s:
        assert s.scalar(select(func.sum(AnonymousAnswerCount.count)).where(
            AnonymousAnswerCount.question_key == "issue_agreement")) == 3


def test_a_pack_made_before_the_switch_brings_answers_that_become_counts(
        db: Database, tmp_path: Path) -> None:
    campaign_id = _organiser(db, anonymous=False)
    pack = _make(db, tmp_path)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["conversation", "conversation"], SAID)
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    with db.transaction() as s:
        set_anonymous_answers(s, campaign_id, True)
    assert merge_results(db, back, CODE, now=NOW).calls == 2
    assert _answers_of_calls(db, campaign_id) == 0
    assert _agreement(db, campaign_id)["4"] == 2
