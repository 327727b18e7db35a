"""The figures service against a campaign whose figures were worked out by hand."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services.results import COUNT_KEYS, ReportFilter, build_report
from tests.results_helpers import (
    D2,
    D3,
    EXPECTED,
    EXPECTED_DAYS,
    EXPECTED_GROUPS,
    EXPECTED_OUTCOMES,
    EXPECTED_QUEUES,
    EXPECTED_VOLUNTEERS,
    NOW,
    TALK_MEDIAN,
    TALK_TOTAL,
    build_campaign,
)


def counts_dict(counts: object) -> dict[str, int]:
    return {key: getattr(counts, key) for key in COUNT_KEYS}


def test_totals_rates_and_outcomes(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as session:
        report = build_report(session, known.campaign_id, now=NOW)
    assert counts_dict(report.total) == EXPECTED
    assert report.total.outcomes == EXPECTED_OUTCOMES
    assert report.total.talk_seconds == TALK_TOTAL
    assert report.total.median_talk_seconds == TALK_MEDIAN
    assert report.total.reached_rate == pytest.approx(7 / 9)
    assert report.total.conversation_rate == pytest.approx(4 / 7)
    assert report.total.recruited_per_100 == pytest.approx(50.0)


def test_per_group_with_queue_state(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as session:
        report = build_report(session, known.campaign_id, now=NOW)
    assert {r.label: counts_dict(r.counts) for r in report.groups} == EXPECTED_GROUPS
    assert {r.label: r.queue.as_dict() for r in report.groups if r.queue} == EXPECTED_QUEUES
    assert report.queue.as_dict() == {
        "callable_now": 1, "waiting_retry": 1, "callbacks_later": 1, "done": 5,
        "do_not_call": 1, "no_number": 1, "packed": 0,
    }


def test_per_volunteer_and_per_day(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as session:
        report = build_report(session, known.campaign_id, now=NOW)
    volunteers = {
        r.label: {k: getattr(r.counts, k) for k in EXPECTED_VOLUNTEERS["Bo Ringare"]}
        for r in report.volunteers
    }
    assert volunteers == EXPECTED_VOLUNTEERS
    days = {r.key: {k: getattr(r.counts, k) for k in EXPECTED_DAYS[D2]} for r in report.days}
    assert days == EXPECTED_DAYS


def test_questions_counted_per_option_with_scale_mean(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as session:
        report = build_report(session, known.campaign_id, now=NOW)
    by_key = {q.key: q for q in report.questions}
    support = by_key["stod_fragan"]
    assert support.kind == "yes_no"
    assert {o.value: o.count for o in support.options} == {"yes": 3, "no": 1}
    scale = by_key["betyg"]
    assert scale.kind == "scale" and scale.mean == pytest.approx(3.75)
    assert scale.answers == 4
    topics = by_key["amnen"]
    assert topics.kind == "multiple" and topics.answers == 2
    assert {o.value: o.count for o in topics.options} == {"buss": 1, "skola": 2}
    comment = by_key["kommentar"]
    assert comment.kind == "unknown" and comment.answers == 1 and comment.options == []


def test_filter_by_group_and_days(db: Database) -> None:
    known = build_campaign(db)
    with db.session() as session:
        norr = build_report(session, known.campaign_id,
                            ReportFilter(group_id=known.group_ids["Norr"]), now=NOW)
        later = build_report(session, known.campaign_id, ReportFilter(first_day=D3), now=NOW)
        d2_centrum = build_report(
            session, known.campaign_id,
            ReportFilter(group_id=known.group_ids["Centrum"], first_day=D2, last_day=D2),
            now=NOW)
    assert counts_dict(norr.total) == EXPECTED_GROUPS["Norr"]
    assert [r.label for r in norr.groups] == ["Norr"]
    assert later.total.calls == 3 and later.total.conversations == 2
    assert later.total.follow_ups == 1
    assert [r.key for r in later.days] == [D3]
    # Centrum on D2: a1 conversation (Bo), a3 callback (Cai), a4 refused (Bo).
    assert d2_centrum.total.calls == 3
    assert d2_centrum.total.reached == 3
    assert d2_centrum.total.tried == 3
    assert d2_centrum.total.contacts == 6  # the list does not shrink with the date filter
    assert d2_centrum.total.follow_ups == 1
    assert {r.label for r in d2_centrum.volunteers} == {"Bo Ringare", "Cai Telefon"}


def test_empty_campaign_has_zeros_and_no_rates(db: Database) -> None:
    from app.db.models import Campaign

    with db.transaction() as session:
        campaign = Campaign(name="Tom")
        session.add(campaign)
        session.flush()
        campaign_id = campaign.id
    with db.session() as session:
        report = build_report(session, campaign_id, now=NOW)
    assert counts_dict(report.total) == dict.fromkeys(COUNT_KEYS, 0)
    assert report.total.reached_rate is None
    assert report.total.median_talk_seconds is None
    assert report.groups == [] and report.days == [] and report.questions == []
