"""Saving calls, undo, skip, do-not-call and tonight's counts, on real SQLite files."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.db.database import Database, open_database
from app.db.models import Answer, Call, Contact, DoNotCall, FollowUp, PhoneNumber, Recruit
from app.domain.status import ContactStatus, QueueRank
from app.errors import UserError
from app.services.calling import (
    CallInput,
    FollowUpInput,
    RecruitInput,
    evening_stats,
    next_contact,
    save_call,
    session_summary,
    skip_contact,
    undo_last_call,
)
from tests.calling_helpers import add_group, make_campaign, volunteer_id

CONSENT = "Jag vill bli medlem och godkänner att föreningen sparar mina uppgifter."


def _claim(db: Database, cid: int, vid: int) -> tuple[int, str, int]:
    with db.transaction() as s:
        card = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20).card
    assert card is not None
    return card.contact_id, card.claim_token, card.phones[0].id


def test_conversation_saves_everything_and_claims_next(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=2).id
    vid = volunteer_id(db)
    contact, token, phone = _claim(db, cid, vid)
    with db.transaction() as s:
        result = save_call(s, CallInput(
            contact_id=contact, claim_token=token, outcome="conversation", volunteer_id=vid,
            phone_number_id=phone, started_at=utcnow(), notes="Vill ha info om mötet",
            answers={"issue_matters": "yes", "topics": ["buss", "skola"]},
            follow_up=FollowUpInput("Skicka inbjudan till mötet", "Kim"), meeting_signup=True,
        ))
    assert result.next is not None and result.next.card is not None
    assert result.next.card.contact_id != contact
    with db.session() as s:
        call = s.get(Call, result.call_id)
        assert call is not None and call.outcome == "conversation" and call.meeting_signup
        assert call.number_dialled.startswith("+46") and call.contact_before["status"] == "open"
        answers = dict(s.execute(select(Answer.question_key, Answer.value)).all())
        assert answers == {"issue_matters": "yes", "topics": ["buss", "skola"]}
        follow = s.scalars(select(FollowUp)).one()
        assert follow.promised == "Skicka inbjudan till mötet" and follow.call_id == call.id
        row = s.get(Contact, contact)
        assert row is not None and row.status == "done" and row.claim_token is None
        assert row.notes_for_next == "Vill ha info om mötet"
        stats = evening_stats(s, cid, vid, utcnow() - timedelta(hours=1))
    assert stats.mine.calls == 1 and stats.mine.conversations == 1
    assert stats.team.follow_ups == 1 and stats.mine.recruits == 0


def test_recruit_needs_consent_and_is_saved_with_it(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, goal_recruits=2).id
    vid = volunteer_id(db)
    contact, token, phone = _claim(db, cid, vid)
    base = {"contact_id": contact, "claim_token": token, "outcome": "recruited",
            "volunteer_id": vid, "phone_number_id": phone, "started_at": utcnow()}
    with pytest.raises(UserError, match="consent"), db.transaction() as s:
        save_call(s, CallInput(**base, recruit=RecruitInput("Åsa", "Exempel", False, CONSENT)))
    with pytest.raises(UserError, match="name"), db.transaction() as s:
        save_call(s, CallInput(**base))
    with db.session() as s:
        assert s.scalar(select(func.count(Call.id))) == 0  # nothing half-saved
    with db.transaction() as s:
        save_call(s, CallInput(**base, recruit=RecruitInput(
            "Åsa", "Exempel", True, CONSENT, email="asa@exempel.invalid", birth_year=1970)))
    with db.session() as s:
        recruit = s.scalars(select(Recruit)).one()
        assert recruit.consent_membership and recruit.consent_text == CONSENT
        assert recruit.consented_at is not None
        stats = evening_stats(s, cid, vid, utcnow() - timedelta(hours=1))
    assert stats.campaign.recruits == 1 and stats.goal_recruits == 2


def test_wrong_number_is_per_number(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, numbers_each=2).id
    vid = volunteer_id(db)
    contact, token, phone = _claim(db, cid, vid)
    with db.transaction() as s:
        result = save_call(s, CallInput(contact_id=contact, claim_token=token,
                                        outcome="wrong_number", volunteer_id=vid,
                                        phone_number_id=phone, started_at=utcnow()))
    # Still open with its other number: offered again (it is the only one).
    assert result.next is not None and result.next.card is not None
    card = result.next.card
    assert card.contact_id == contact
    assert [p.failed for p in card.phones] == [True, False]
    with db.transaction() as s:
        save_call(s, CallInput(contact_id=contact, claim_token=card.claim_token,
                               outcome="wrong_number", volunteer_id=vid,
                               phone_number_id=card.phones[1].id, started_at=utcnow()),
                  show_next=False)
    with db.session() as s:
        row = s.get(Contact, contact)
        assert row is not None and row.status == ContactStatus.NO_NUMBER


def test_do_not_call_takes_effect_across_groups_and_campaigns(db: Database) -> None:
    with db.transaction() as s:
        autumn = make_campaign(s, "Höst", contacts=2)
        add_group(s, autumn, "Söder", contacts=1)  # same first number as in Norr
        spring = make_campaign(s, "Vår", contacts=1)  # and again in another campaign
        cid, spring_id = autumn.id, spring.id
    vid = volunteer_id(db)
    contact, token, phone = _claim(db, cid, vid)
    with db.transaction() as s:
        number = s.get(PhoneNumber, phone)
        assert number is not None
        e164 = number.e164
        save_call(s, CallInput(contact_id=contact, claim_token=token, outcome="do_not_call",
                               volunteer_id=vid, phone_number_id=phone, started_at=utcnow()),
                  show_next=False)
    with db.session() as s:
        assert s.scalar(select(DoNotCall.e164)) == e164
        holders = s.scalars(select(Contact).join(PhoneNumber).where(PhoneNumber.e164 == e164))
        assert {c.status for c in holders} == {ContactStatus.DNC}
    with db.transaction() as s:
        assert next_contact(s, campaign_id=spring_id, volunteer_id=vid,
                            claim_minutes=20).card is None
    # Undo puts everything back: the list entry and the other campaigns' contacts.
    with db.transaction() as s:
        undone = undo_last_call(s, volunteer_id=vid, since=utcnow() - timedelta(hours=1))
    assert undone is not None and undone.card.contact_id == contact
    with db.session() as s:
        assert s.scalar(select(func.count(DoNotCall.id))) == 0
        holders = s.scalars(select(Contact).join(PhoneNumber).where(PhoneNumber.e164 == e164))
        assert {c.status for c in holders} == {ContactStatus.OPEN}


def test_undo_restores_contact_and_deletes_the_call(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=2, retry_wait_minutes=30).id
    vid = volunteer_id(db)
    start = utcnow() - timedelta(minutes=5)
    contact, token, phone = _claim(db, cid, vid)
    with db.session() as s:
        before = s.get(Contact, contact)
        assert before is not None
        before_next = before.next_call_at
    with db.transaction() as s:
        result = save_call(s, CallInput(
            contact_id=contact, claim_token=token, outcome="recruited", volunteer_id=vid,
            phone_number_id=phone, started_at=utcnow(), notes="Glad",
            answers={"q": "yes"}, follow_up=FollowUpInput("Ring om mötet"),
            recruit=RecruitInput("Ann", "Exempel", True, CONSENT)))
    assert result.next is not None and result.next.card is not None
    showing = (result.next.card.contact_id, result.next.card.claim_token)
    with db.transaction() as s:
        undone = undo_last_call(s, volunteer_id=vid, since=start, showing=showing)
    assert undone is not None
    assert undone.outcome == "recruited" and undone.answers == {"q": "yes"}
    with db.session() as s:
        for model in (Call, Answer, Recruit, FollowUp):
            assert s.scalar(select(func.count()).select_from(model)) == 0, model
        row = s.get(Contact, contact)
        assert row is not None and row.status == "open" and row.attempts == 0
        assert row.next_call_at == before_next and row.queue_rank == QueueRank.NEW
        assert row.claim_token == undone.card.claim_token  # back on screen, held by us
        other = s.get(Contact, showing[0])
        assert other is not None and other.claim_token is None  # back in the queue
    with db.transaction() as s:
        assert undo_last_call(s, volunteer_id=vid, since=start) is None


def test_undo_only_touches_this_evening(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1).id
    vid = volunteer_id(db)
    contact, token, _phone = _claim(db, cid, vid)
    with db.transaction() as s:
        save_call(s, CallInput(contact_id=contact, claim_token=token, outcome="refused",
                               volunteer_id=vid, started_at=utcnow()), show_next=False)
    with db.transaction() as s:
        assert undo_last_call(s, volunteer_id=vid, since=utcnow() + timedelta(seconds=1)) is None
    with db.session() as s:
        assert s.scalar(select(func.count(Call.id))) == 1


def test_skip_puts_contact_back_behind_others(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=3).id
    vid = volunteer_id(db)
    first, token, _ = _claim(db, cid, vid)
    with pytest.raises(UserError), db.transaction() as s:
        skip_contact(s, campaign_id=cid, contact_id=first, claim_token=token, reason=" ",
                     volunteer_id=vid)
    with db.transaction() as s:
        nxt = skip_contact(s, campaign_id=cid, contact_id=first, claim_token=token,
                           reason="Känner personen", volunteer_id=vid)
    assert nxt.card is not None and nxt.card.contact_id != first
    with db.transaction() as s:
        second = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20).card
        third = next_contact(s, campaign_id=cid, volunteer_id=vid, claim_minutes=20).card
    assert second is not None and third is not None
    assert third.contact_id == first  # at the end of the never-tried contacts


def test_notes_off_keeps_nothing(db: Database) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=1, notes_enabled=False).id
    vid = volunteer_id(db)
    contact, _token, _ = _claim(db, cid, vid)
    with db.transaction() as s:
        save_call(s, CallInput(contact_id=contact, outcome="no_answer", volunteer_id=vid,
                               started_at=utcnow(), notes="privat"), show_next=False)
    with db.session() as s:
        row = s.get(Contact, contact)
        assert row is not None and row.notes_for_next == ""
        assert s.scalar(select(Call.notes)) == ""
        summary = session_summary(s, cid, vid, utcnow() - timedelta(hours=1))
    assert summary.by_outcome == {"no_answer": 1} and summary.counts.calls == 1


def test_two_databases_in_threads_never_get_the_same_contact(db: Database,
                                                              db_url: str) -> None:
    with db.transaction() as s:
        cid = make_campaign(s, contacts=60).id
    vids = [volunteer_id(db, "Kim"), volunteer_id(db, "Ali")]
    got: list[list[int]] = [[], []]

    def work(i: int) -> None:
        database = open_database(db_url)
        try:
            while True:
                with database.transaction() as s:
                    card = next_contact(s, campaign_id=cid, volunteer_id=vids[i],
                                        claim_minutes=20).card
                if card is None:
                    return
                got[i].append(card.contact_id)
        finally:
            database.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not set(got[0]) & set(got[1])
    assert len(got[0]) + len(got[1]) == 60
