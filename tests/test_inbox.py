"""The organiser's inbox, filled by an evening played through the real calling services:
follow-ups, callbacks that need a person, wrong numbers, new members, and calls flagged from
a calling pack that was taken back."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.cli.main import main
from app.db.database import Database
from app.errors import UserError
from app.services.calling import CallInput, FollowUpInput, RecruitInput, next_contact, save_call
from app.services.organising.inbox import (
    CALLBACK,
    DONE,
    FLAGGED,
    FOLLOW_UP,
    NEW_MEMBER,
    OPEN,
    WRONG_NUMBER,
    InboxEntry,
    InboxFilter,
    get_item,
    inbox,
    mark_done,
    set_details,
)
from tests.calling_helpers import make_campaign, volunteer_id

# In the past whatever the clock says (the laptop of a calling pack calls at its own "now").
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
CAMPAIGN = "Höstkampanj"

# (outcome, notes, callback in, follow-up) per person, in the queue's order.
EVENING: list[tuple[str, str, timedelta | None, FollowUpInput | None]] = [
    ("conversation", "", None,
     FollowUpInput("Skicka valprogrammet", "Lena", NOW - timedelta(days=1))),
    ("conversation", "", None, FollowUpInput("Bjud in till mötet", "", NOW + timedelta(days=3))),
    ("callback", "Vill prata med ordföranden om skolan", timedelta(days=1), None),
    ("callback", "", timedelta(days=1), None),  # the queue calls back: not for the inbox
    ("callback", "", timedelta(days=38), None),  # after the campaign's last day
    ("wrong_number", "", None, None),
    ("recruited", "", None, None),
    ("refused", "", None, None),  # nothing to do
]


def _play(db: Database) -> tuple[int, dict[int, int]]:
    """The evening above; returns the campaign id and call ids by position."""
    with db.transaction() as s:
        campaign = make_campaign(s, CAMPAIGN, contacts=len(EVENING) + 3,
                                 created=NOW - timedelta(hours=2), ends_on=date(2026, 12, 20))
        campaign_id = campaign.id
    kim = volunteer_id(db, "Kim")
    with db.transaction() as s:
        card = next_contact(s, campaign_id=campaign_id, volunteer_id=kim, claim_minutes=20,
                            now=NOW).card
    calls: dict[int, int] = {}
    for i, (outcome, notes, back_in, follow_up) in enumerate(EVENING):
        assert card is not None
        call = CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome=outcome,
            volunteer_id=kim, phone_number_id=card.phones[0].id, started_at=NOW,
            notes=notes, callback_at=NOW + back_in if back_in else None, follow_up=follow_up,
            recruit=RecruitInput("Märta", "Öberg", True, "Jag vill bli medlem.",
                                 email="marta@example.org")
            if outcome == "recruited" else None)
        with db.transaction() as s:
            result = save_call(s, call, now=NOW + timedelta(minutes=i))
        calls[i] = result.call_id
        card = result.next.card if result.next else None
    _revoked_pack_call(db, campaign_id)
    return campaign_id, calls


def _revoked_pack_call(db: Database, campaign_id: int) -> None:
    """A call merged from a calling pack that was taken back meanwhile: the merge stores it
    with call.flag = 'revoked' (tests/test_packs.py plays that whole path); here the call is
    saved through the calling service and carries the merge's flag."""
    from sqlalchemy import update

    from app.db.models import Call

    ann = volunteer_id(db, "Ann")
    with db.transaction() as s:
        card = next_contact(s, campaign_id=campaign_id, volunteer_id=ann, claim_minutes=20,
                            now=NOW).card
        assert card is not None
        result = save_call(s, CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome="refused",
            volunteer_id=ann, phone_number_id=card.phones[0].id, started_at=NOW),
            show_next=False, now=NOW + timedelta(hours=1))
        s.execute(update(Call).where(Call.id == result.call_id).values(flag="revoked"))


def _kinds(entries: list[InboxEntry]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    return counts


def test_a_played_evening_fills_the_inbox_with_each_kind(db: Database) -> None:
    _campaign_id, calls = _play(db)
    entries = inbox(db, InboxFilter(campaign=CAMPAIGN), now=NOW)
    assert _kinds(entries) == {FOLLOW_UP: 2, CALLBACK: 2, WRONG_NUMBER: 1, NEW_MEMBER: 1,
                               FLAGGED: 1}
    ids = {e.id for e in entries}
    # A callback with a note and one after the campaign's last day; not the plain one.
    assert {f"c{calls[2]}", f"c{calls[4]}", f"w{calls[5]}", f"m{calls[6]}"} <= ids
    assert f"c{calls[3]}" not in ids
    by_id = {e.id: e for e in entries}
    noted = by_id[f"c{calls[2]}"]
    assert noted.what == "Vill prata med ordföranden om skolan"
    assert noted.due_at == NOW + timedelta(days=1) and not noted.overdue
    member = by_id[f"m{calls[6]}"]
    assert "Märta Öberg" in member.what and "marta@example.org" in member.what
    assert member.caller == "Kim" and member.number.startswith("070")
    flagged = next(e for e in entries if e.kind == FLAGGED)
    assert flagged.what == "revoked" and flagged.caller == "Ann"
    # The overdue promise comes first, marked.
    assert entries[0].kind == FOLLOW_UP and entries[0].overdue
    assert entries[0].what == "Skicka valprogrammet" and entries[0].owner == "Lena"
    # The same ids on every reading.
    assert [e.id for e in inbox(db, InboxFilter(campaign=CAMPAIGN), now=NOW)] == \
        [e.id for e in entries]


def test_items_are_marked_done_and_filtered(db: Database) -> None:
    _campaign_id, calls = _play(db)
    overdue = inbox(db, InboxFilter(campaign=CAMPAIGN, overdue_only=True), now=NOW)
    assert [e.kind for e in overdue] == [FOLLOW_UP]
    done = mark_done(db, overdue[0].id, by="Organisatören", now=NOW)
    assert done.done and done.done_at == NOW and not done.overdue
    wrong = f"w{calls[5]}"
    mark_done(db, wrong, by="Organisatören", now=NOW + timedelta(hours=1))
    # Done twice keeps the first time.
    assert mark_done(db, wrong, now=NOW + timedelta(hours=5)).done_at == \
        NOW + timedelta(hours=1)
    still = inbox(db, InboxFilter(campaign=CAMPAIGN, state=OPEN), now=NOW)
    assert overdue[0].id not in {e.id for e in still} and wrong not in {e.id for e in still}
    finished = inbox(db, InboxFilter(campaign=CAMPAIGN, state=DONE), now=NOW)
    assert {e.id for e in finished} == {overdue[0].id, wrong}
    assert get_item(db, wrong, NOW).done_by == "Organisatören"
    # Open again.
    assert not mark_done(db, wrong, done=False, now=NOW).done
    # An owner and a due date for a new member; the owner filter finds it, overdue later.
    member = f"m{calls[6]}"
    set_details(db, member, owner="  Lena  Berg ", due_at=NOW + timedelta(days=2), now=NOW)
    mine = inbox(db, InboxFilter(campaign=CAMPAIGN, owner="lena berg"), now=NOW)
    assert [e.id for e in mine] == [member]
    assert mine[0].owner == "Lena Berg" and not mine[0].overdue
    assert get_item(db, member, NOW + timedelta(days=3)).overdue
    only = inbox(db, InboxFilter(campaign=CAMPAIGN, kind=NEW_MEMBER), now=NOW)
    assert [e.id for e in only] == [member]


def test_a_later_call_settles_a_callback(db: Database) -> None:
    campaign_id, calls = _play(db)
    item = get_item(db, f"c{calls[2]}", NOW)
    assert not item.done
    contact_id = _contact_of(db, calls[2])
    with db.transaction() as s:
        save_call(s, CallInput(contact_id=contact_id, outcome="conversation",
                               volunteer_id=volunteer_id(db, "Ann"), started_at=NOW),
                  show_next=False, now=NOW + timedelta(days=1))
    settled = get_item(db, f"c{calls[2]}", NOW + timedelta(days=1))
    assert settled.done and settled.done_at == NOW + timedelta(days=1)
    assert settled.id not in {e.id for e in inbox(
        db, InboxFilter(campaign=campaign_id), now=NOW + timedelta(days=1))}


def _contact_of(db: Database, call_id: int) -> int:
    from app.db.models import Call

    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        return call.contact_id


def test_unknown_items_are_refused(db: Database) -> None:
    _campaign_id, calls = _play(db)
    with pytest.raises(UserError, match="There is no inbox item 'w999999'"):
        mark_done(db, "w999999")
    with pytest.raises(UserError, match="is not an inbox item"):
        mark_done(db, "12")
    # A call that is not of that kind (the refused one) is no item either.
    with pytest.raises(UserError, match="There is no inbox item"):
        mark_done(db, f"w{calls[7]}")
    with pytest.raises(UserError, match="Unknown kind"):
        inbox(db, InboxFilter(kind="birthday"))


def test_the_cli_lists_and_marks_done(db: Database, db_url: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    _campaign_id, calls = _play(db)
    capsys.readouterr()
    assert main(["--db", db_url, "inbox", "--campaign", CAMPAIGN, "--open", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["count"] == 7
    assert {i["kind"] for i in listed["items"]} == {FOLLOW_UP, CALLBACK, WRONG_NUMBER,
                                                    NEW_MEMBER, FLAGGED}
    assert main(["--db", db_url, "inbox", "done", f"m{calls[6]}"]) == 0
    assert "is done" in capsys.readouterr().out
    assert main(["--db", db_url, "inbox", "--campaign", CAMPAIGN, "--open", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after["count"] == 6 and f"m{calls[6]}" not in {i["id"] for i in after["items"]}
    assert main(["--db", db_url, "inbox"]) == 0
    text = capsys.readouterr().out
    assert f"m{calls[6]}" in text and "done" in text and "new member" in text
    assert main(["--db", db_url, "inbox", "done", "q1"]) == 2
    err = capsys.readouterr().err
    assert "'q1' is not an inbox item" in err and err.count("\n") == 1


def test_a_call_from_a_revoked_pack_reaches_the_inbox(db: Database, tmp_path: Path) -> None:
    """The whole path: a pack made, taken back, called on the laptop anyway and merged."""
    from app.services.packs.create import create_pack
    from app.services.packs.laptop import open_pack, return_pack
    from app.services.packs.manage import revoke_pack
    from app.services.packs.merge import merge_results
    from tests.packs_helpers import CODE, call_on_laptop, laptop

    with db.transaction() as s:
        campaign_id = make_campaign(s, CAMPAIGN, contacts=3,
                                    created=NOW - timedelta(hours=2)).id
    pack = tmp_path / "pack.ringkvall"
    made = create_pack(db, campaign=CAMPAIGN, volunteer="Ann", size=1, out=pack, code=CODE)
    with laptop(tmp_path / "ann"):
        opened = open_pack(pack, CODE)
        call_on_laptop(opened.path, campaign_id, "Ann", ["refused"])
        back = return_pack(pack, CODE, tmp_path / "back.ringkvall").path
    revoke_pack(db, made.pack_id)
    assert merge_results(db, back, CODE).flagged == 1
    entries = inbox(db, InboxFilter(campaign=CAMPAIGN, kind=FLAGGED), now=NOW)
    assert [(e.kind, e.what, e.caller) for e in entries] == [(FLAGGED, "revoked", "Ann")]
    mark_done(db, entries[0].id, now=NOW)
    assert inbox(db, InboxFilter(campaign=CAMPAIGN, kind=FLAGGED), now=NOW) == []


def test_a_call_the_caller_flagged_reaches_the_inbox_with_its_note(db: Database) -> None:
    from app.services.calling import undo_last_call

    campaign_id, _calls = _play(db)
    bo = volunteer_id(db, "Bo")
    note = "Ville prata med någon i styrelsen om kvällsbussen"
    with db.transaction() as s:
        card = next_contact(s, campaign_id=campaign_id, volunteer_id=bo, claim_minutes=20,
                            now=NOW).card
        assert card is not None
        saved = save_call(s, CallInput(
            contact_id=card.contact_id, claim_token=card.claim_token, outcome="conversation",
            volunteer_id=bo, phone_number_id=card.phones[0].id, started_at=NOW, notes=note,
            flag_for_organiser=True), show_next=False, now=NOW + timedelta(hours=2))
    flagged = inbox(db, InboxFilter(campaign=CAMPAIGN, kind=FLAGGED), now=NOW)
    mine = [e for e in flagged if e.id == f"x{saved.call_id}"]
    assert [(e.what, e.caller) for e in mine] == [(note, "Bo")]
    # A pack's figures count only the packs' own flags, never a caller's.
    from app.services.results.pack_figures import pack_figures

    with db.session() as s:
        assert all(p.flagged == 0 for p in pack_figures(s, campaign_id))
    # Undo brings the flag back to the screen with the rest of the call, and the item goes.
    with db.transaction() as s:
        undone = undo_last_call(s, volunteer_id=bo, since=NOW, now=NOW + timedelta(hours=2))
    assert undone is not None and undone.flagged and undone.notes == note
    assert [e.id for e in inbox(db, InboxFilter(campaign=CAMPAIGN, kind=FLAGGED), now=NOW)
            if e.id == f"x{saved.call_id}"] == []
