"""Correcting any call afterwards: a new version with who and when, the old one kept, and the
person's state, the figures (stats, call_tally) following; two organisers at once."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.database import Database, open_database
from app.db.models import Call, Contact, DoNotCall, PhoneNumber, Recruit
from app.errors import UserError
from app.services.calling import RecruitInput
from app.services.organising.call_list import CallFilter, call_detail, list_calls
from app.services.organising.corrections import Correction, apply_correction, correct_call
from app.services.results import build_report
from tests.review_helpers import NOW, campaign_with_calls, tally
from tests.server_helpers import wait_until_a_lock_is_waited_for

LATER = NOW + timedelta(days=2)


def _contact(db: Database, call_id: int) -> Contact:
    with db.session() as session:
        contact_id = session.scalar(select(Call.contact_id).where(Call.id == call_id))
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact


def _report_total(db: Database, campaign_id: int) -> dict[str, int]:
    with db.session() as session:
        report = build_report(session, campaign_id)
    t = report.total
    return {"conversations": t.conversations, "recruited": t.recruited, "calls": t.calls,
            "meeting_signups": t.meeting_signups, **{f"o_{k}": v for k, v in t.outcomes.items()}}


def test_a_corrected_call_changes_the_figures_and_keeps_the_old_version(db: Database) -> None:
    campaign_id, calls = campaign_with_calls(db, ["conversation", "recruited", "no_answer"])
    assert tally(db, campaign_id) == (3, 2, 1, 0)
    before = _report_total(db, campaign_id)
    assert before["conversations"] == 2 and before["o_conversation"] == 1

    result = correct_call(db, Correction(
        call_id=calls[0], outcome="refused", notes="Ville inte prata om skolan",
        answers={"issue": "vården"}, meeting_signup=True, changed_by="Organisatören Eva",
        seen_version=1), now=LATER)

    assert result.version == 2 and result.status == "done"
    assert tally(db, campaign_id) == (3, 1, 1, 0)
    after = _report_total(db, campaign_id)
    assert after["conversations"] == 1 and after["calls"] == 3
    assert after.get("o_conversation", 0) == 0 and after["o_refused"] == 1
    assert after["meeting_signups"] == before["meeting_signups"] + 1
    detail = call_detail(db, calls[0])
    assert (detail.outcome, detail.notes, detail.version) == (
        "refused", "Ville inte prata om skolan", 2)
    assert dict(detail.answers) == {"issue": "vården"}
    first, second = detail.versions
    assert (first.version, first.outcome, first.notes, first.changed_by, first.changed_at) == (
        1, "conversation", "anteckning 0", "Kim", NOW)
    assert dict(first.answers) == {"issue": "skolan"}
    assert (second.outcome, second.changed_by, second.changed_at) == (
        "refused", "Organisatören Eva", LATER)
    # The list shows the call as corrected, and filters by outcome and corrections.
    corrected = list_calls(db, campaign_id, CallFilter(corrected_only=True))
    assert [(r.call_id, r.outcome, r.versions) for r in corrected] == [(calls[0], "refused", 2)]
    assert [r.call_id for r in list_calls(db, campaign_id, CallFilter(outcome="no_answer"))] == [
        calls[2]]


def test_a_correction_made_meanwhile_is_not_overwritten(db: Database) -> None:
    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    correct_call(db, Correction(calls[0], "refused", "", {"issue": "skolan"},
                                changed_by="Eva", seen_version=1), now=LATER)
    with pytest.raises(UserError, match="Eva corrected this call"):
        correct_call(db, Correction(calls[0], "recruited", "", changed_by="Ola",
                                    seen_version=1,
                                    recruit=RecruitInput("A", "B", True, "Ja")), now=LATER)
    assert call_detail(db, calls[0]).outcome == "refused"
    assert tally(db, campaign_id) == (1, 0, 0, 0)


def test_correcting_to_and_from_do_not_call_follows_precedence(db: Database) -> None:
    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    number = _number(db, calls[0])

    result = correct_call(db, Correction(calls[0], "do_not_call", "Vill inte bli uppringd",
                                         changed_by="Eva"), now=LATER)
    assert result.status == "dnc" and result.state_changed
    assert _contact(db, calls[0]).status == "dnc"
    assert _listed(db, number)
    assert tally(db, campaign_id) == (1, 0, 0, 0)

    back = correct_call(db, Correction(calls[0], "conversation", "Felklick",
                                       changed_by="Eva"), now=LATER)
    # Do-not-call is for good: the call counts as a conversation again, the person stays off.
    assert back.still_do_not_call and back.status == "dnc"
    assert _contact(db, calls[0]).status == "dnc" and _listed(db, number)
    assert tally(db, campaign_id) == (1, 1, 0, 0)
    assert [v.outcome for v in call_detail(db, calls[0]).versions] == [
        "conversation", "do_not_call", "conversation"]


def test_correcting_to_and_from_recruited(db: Database) -> None:
    campaign_id, calls = campaign_with_calls(db, ["no_answer", "recruited"])
    assert _contact(db, calls[0]).status == "open"

    with pytest.raises(UserError, match="membership form"):
        correct_call(db, Correction(calls[0], "recruited", "", {"issue": "skolan"}), now=LATER)
    assert call_detail(db, calls[0]).versions == ()  # nothing changed
    assert tally(db, campaign_id) == (2, 1, 1, 0)

    correct_call(db, Correction(calls[0], "recruited", "", {"issue": "skolan"},
                                changed_by="Eva",
                                recruit=RecruitInput("Märta", "Öberg", True, "Ja, gärna")),
                 now=LATER)
    assert tally(db, campaign_id) == (2, 2, 2, 0)
    assert _contact(db, calls[0]).status == "done"
    assert _report_total(db, campaign_id)["recruited"] == 2
    assert _recruit_names(db, calls[0]) == [("Märta", "Öberg")]

    # The other member was a mistake: the membership form goes with the outcome.
    correct_call(db, Correction(calls[1], "conversation", "", {"issue": "skolan"},
                                changed_by="Eva"), now=LATER)
    assert tally(db, campaign_id) == (2, 2, 1, 0)
    assert _recruit_names(db, calls[1]) == []
    assert _report_total(db, campaign_id)["recruited"] == 1


def test_a_fresh_correction_can_put_the_person_back_in_the_queue(db: Database) -> None:
    _, calls = campaign_with_calls(db, ["conversation", "wrong_number"])
    result = correct_call(db, Correction(calls[0], "no_answer", "", {"issue": "skolan"}),
                          now=LATER)
    contact = _contact(db, calls[0])
    assert result.state_changed and (contact.status, contact.queue_rank) == ("open", 2)
    assert contact.last_outcome == "no_answer"
    # A wrong number that was not: the number works again, and the person is settled.
    assert _contact(db, calls[1]).status == "no_number"
    correct_call(db, Correction(calls[1], "refused", "", {"issue": "skolan"}), now=LATER)
    assert _contact(db, calls[1]).status == "done"
    assert not _phone_failed(db, calls[1])


def test_a_later_call_decides_and_an_earlier_correction_only_strengthens(db: Database) -> None:
    _, calls = campaign_with_calls(db, ["no_answer"])
    contact_id = _contact(db, calls[0]).id
    # The same person is called again later and asks to be called back.
    from app.services.calling import CallInput, save_call
    with db.transaction() as session:
        second = save_call(session, CallInput(
            contact_id=contact_id, outcome="callback", volunteer_id=None,
            started_at=NOW + timedelta(hours=3), callback_at=NOW + timedelta(days=3)),
            show_next=False, now=NOW + timedelta(hours=3)).call_id
    assert second != calls[0]
    correct_call(db, Correction(calls[0], "busy", "", {"issue": "skolan"}), now=LATER)
    contact = _contact(db, calls[0])
    assert (contact.status, contact.queue_rank, contact.last_outcome) == ("open", 0, "callback")
    correct_call(db, Correction(calls[0], "refused", "", {"issue": "skolan"}), now=LATER)
    assert _contact(db, calls[0]).status == "done"


def test_bad_corrections_change_nothing(db: Database) -> None:
    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    for bad, message in (
        (Correction(calls[0], "maybe", ""), "Unknown outcome"),
        (Correction(calls[0], "callback", ""), "time to call back"),
        (Correction(calls[0], "conversation", "anteckning 0", {"issue": "skolan"}),
         "nothing to save"),
        (Correction(calls[0] + 999, "refused", ""), "no longer in the database"),
    ):
        with pytest.raises(UserError, match=message):
            correct_call(db, bad, now=LATER)
    assert call_detail(db, calls[0]).versions == ()
    assert tally(db, campaign_id) == (1, 1, 0, 0)


@pytest.mark.parametrize("seen", [None, 1])
def test_two_organisers_correcting_at_once_lose_nothing(db: Database, seen: int | None) -> None:
    """Two connections: the first holds its correction open while the second starts its own;
    the second waits for the first (the call row is locked) and then either builds on it or,
    when it had looked at the version the first replaced, is refused."""
    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    other = open_database(db.location.url.render_as_string(hide_password=False))
    holding, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        with db.transaction() as session:
            apply_correction(session, Correction(
                calls[0], "refused", "Eva rättade", {"issue": "skolan"}, changed_by="Eva",
                seen_version=seen), now=LATER)
            holding.set()
            release.wait()

    def second() -> None:
        try:
            outcome["result"] = correct_call(other, Correction(
                calls[0], "recruited", "Ola rättade", {"issue": "skolan"}, changed_by="Ola",
                seen_version=seen, recruit=RecruitInput("A", "B", True, "Ja")), now=LATER)
        except UserError as exc:
            outcome["error"] = str(exc)

    t1 = threading.Thread(target=first)
    t1.start()
    holding.wait()
    t2 = threading.Thread(target=second)
    t2.start()
    _wait_until_blocked(db, t2)
    release.set()
    t1.join()
    t2.join()
    other.close()
    detail = call_detail(db, calls[0])
    if seen is None:
        assert [(v.version, v.changed_by) for v in detail.versions] == [
            (1, "Kim"), (2, "Eva"), (3, "Ola")]
        assert detail.outcome == "recruited"
        assert tally(db, campaign_id) == (1, 1, 1, 0)
    else:
        assert "Eva corrected this call" in str(outcome["error"])
        assert [(v.version, v.changed_by) for v in detail.versions] == [(1, "Kim"), (2, "Eva")]
        assert detail.outcome == "refused"
        assert tally(db, campaign_id) == (1, 0, 0, 0)


def _wait_until_blocked(db: Database, thread: threading.Thread) -> None:
    """On PostgreSQL, until the second connection waits for the first one's lock; on SQLite
    its BEGIN IMMEDIATE waits for the first writer in any case."""
    if db.dialect != "postgresql":
        thread.join(0.3)
        return
    wait_until_a_lock_is_waited_for(db.engine, thread.is_alive, lambda: thread.join(0.05))


def _number(db: Database, call_id: int) -> str:
    with db.session() as session:
        return str(session.scalar(select(Call.number_dialled).where(Call.id == call_id)))


def _listed(db: Database, number: str) -> bool:
    with db.session() as session:
        return session.scalar(select(DoNotCall.id).where(DoNotCall.e164 == number)) is not None


def _phone_failed(db: Database, call_id: int) -> bool:
    with db.session() as session:
        phone_id = session.scalar(select(Call.phone_number_id).where(Call.id == call_id))
        return bool(session.scalar(select(PhoneNumber.failed).where(PhoneNumber.id == phone_id)))


def _recruit_names(db: Database, call_id: int) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(r.first_name, r.last_name) for r in session.execute(
            select(Recruit.first_name, Recruit.last_name).where(Recruit.call_id == call_id))]


def test_the_export_shows_the_corrected_call(db: Database, tmp_path: Path) -> None:
    import csv

    from app.services.results import export_csv

    campaign_id, calls = campaign_with_calls(db, ["conversation", "no_answer"])

    def outcomes(name: str) -> list[str]:
        target = tmp_path / name
        with db.session() as session:
            export_csv(session, campaign_id, target)
        rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(),
                               delimiter=";"))
        return sorted(row[4] for row in rows[1:])

    assert outcomes("före.csv") == ["Samtal genomfört", "Svarar inte"]
    correct_call(db, Correction(calls[0], "refused", "", {"issue": "skolan"}), now=LATER)
    assert outcomes("efter.csv") == ["Svarar inte", "Vill inte prata"]


def test_the_callers_undo_does_not_throw_a_correction_away(db: Database) -> None:
    from app.services.calling import undo_last_call
    from tests.calling_helpers import volunteer_id

    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    correct_call(db, Correction(calls[0], "conversation", "bara anteckningen ändrad",
                                {"issue": "skolan"}, changed_by="Eva"), now=LATER)
    kim = volunteer_id(db, "Kim")
    with pytest.raises(UserError, match="cannot be undone"), db.transaction() as session:
        undo_last_call(session, volunteer_id=kim, since=NOW - timedelta(hours=1), now=LATER)
    assert call_detail(db, calls[0]).notes == "bara anteckningen ändrad"
    assert tally(db, campaign_id) == (1, 1, 0, 0)


def test_answers_counted_without_a_name_are_not_linked_by_a_correction(db: Database) -> None:
    from app.db.models import Answer, Campaign

    campaign_id, calls = campaign_with_calls(db, ["conversation"])
    with db.transaction() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.anonymous_answers = True
        session.execute(Answer.__table__.delete())
    with pytest.raises(UserError, match="without a name"):
        correct_call(db, Correction(calls[0], "refused", "", {"issue": "skolan"}), now=LATER)
    detail = call_detail(db, calls[0])
    assert detail.anonymous_answers and detail.questions == () and detail.versions == ()
    correct_call(db, Correction(calls[0], "refused", "bara utfallet"), now=LATER)
    with db.session() as session:
        assert session.scalars(select(Answer.id)).all() == []
    assert call_detail(db, calls[0]).outcome == "refused"
