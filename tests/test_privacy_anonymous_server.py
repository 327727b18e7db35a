"""Answers without a name on a shared server: a volunteer's login counts the answers and
takes them back on Undo (the rights `ringkvall server setup` grants on
anonymous_answer_count), and can read nothing that ties an answer to a person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.cli.main import main
from app.db.database import open_database
from app.db.models import AnonymousAnswerCount, Answer, Campaign
from app.services.calling import CallInput
from app.services.calling.start import start_evening
from app.services.calling.steps import save_and_next, show_next, undo_last
from app.services.privacy.anonymous_answers import set_anonymous_answers
from app.services.scripts import install_builtin_scripts
from tests.calling_helpers import make_campaign
from tests.server_helpers import needs_server, server_database

CAMPAIGN = "Utan namn"


@pytest.fixture
def volunteer_url(capsys: pytest.CaptureFixture[str]) -> Iterator[str]:
    import json

    with server_database() as owner:
        assert main(["--db", owner, "server", "setup"]) == 0
        db = open_database(owner)
        try:
            with db.transaction() as s:
                campaign = make_campaign(s, CAMPAIGN, contacts=4)
                install_builtin_scripts(s, campaign)
                set_anonymous_answers(s, campaign.id, True)
        finally:
            db.close()
        capsys.readouterr()
        assert main(["--db", owner, "server", "add-volunteer", "Kim", "--json"]) == 0
        yield str(json.loads(capsys.readouterr().out)["url"])


@needs_server
def test_a_volunteer_counts_and_undoes_answers_without_a_name(volunteer_url: str) -> None:
    db = open_database(volunteer_url)
    try:
        evening = start_evening(db, CAMPAIGN, None, "Kim")
        with db.session() as s:
            script_id = s.scalar(select(Campaign.script_id))
        card = show_next(db, evening, 20).next.card  # type: ignore[union-attr]
        assert card is not None
        step = save_and_next(db, evening, CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome="conversation",
            volunteer_id=evening.volunteer_id, phone_number_id=card.phones[0].id,
            started_at=card.shown_at or evening.started_at, script_id=script_id,
            answers={"reached": "yes", "issue_agreement": "4"}), 20)
        with db.session() as s:
            assert s.scalar(select(func.sum(AnonymousAnswerCount.count))) == 2
            assert s.scalar(select(func.count()).select_from(Answer)) == 0
        assert step.next is not None and step.next.card is not None
        showing = (step.next.card.contact_id, step.next.card.claim_token)
        undone = undo_last(db, evening, 20, showing)
        assert undone.undone is not None
        assert undone.undone.answers == {"reached": "yes", "issue_agreement": "4"}
        with db.session() as s:
            assert (s.scalar(select(func.sum(AnonymousAnswerCount.count))) or 0) == 0
    finally:
        db.close()
