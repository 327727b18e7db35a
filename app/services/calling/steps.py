"""The calling screen's database steps, each one service call that owns its transaction and
hands back plain values: what the screen needs to start, show the next person, save, skip,
undo, keep its claim, let go, and sum up the evening. The screen runs them off the GUI thread
through the task runner and never opens a session itself."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from app.clock import utcnow
from app.db.database import Database
from app.db.models import Campaign
from app.db.reconnect import retrying, server_name
from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.calling.answers import remember_version
from app.services.calling.evening import Evening
from app.services.calling.queue import (
    NextContact,
    Renewal,
    next_contact,
    release_claim,
    renew_claim,
)
from app.services.calling.save import CallInput, SaveConflict, save_call
from app.services.calling.skip import skip_contact
from app.services.calling.stats import EveningStats, Summary, evening_stats, session_summary
from app.services.calling.undo import UndoResult, undo_last_call
from app.services.scripts import CallContext, StoredScript, active_script

LANGUAGES = ("sv", "en")
T = TypeVar("T")
# Told (attempt, seconds to wait) while a step waits for a lost server connection to return.
OnRetry = Callable[[int, float], None]


@dataclass(frozen=True)
class CallingSetup:
    """What the calling screen needs before the first person: the script in use (or why there
    is none) and the campaign's values for the script's placeholders, per UI language."""

    script: StoredScript | None
    problem: UserError | None
    contexts: dict[str, CallContext]

    def context_for(self, first_name: str, volunteer: str, language: str) -> CallContext:
        base = self.contexts.get(language) or self.contexts["sv"]
        return dataclasses.replace(base, first_name=first_name, volunteer=volunteer)


@dataclass(frozen=True)
class Step:
    """What a step hands back to the screen."""

    next: NextContact | None
    stats: EveningStats
    conflict: SaveConflict | None = None
    undone: UndoResult | None = None


def calling_setup(db: Database, campaign_id: int) -> CallingSetup:
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise UserError(QT_TRANSLATE_NOOP("app", "There is no campaign with id {id}"),
                            id=campaign_id)
        contexts = {lang: CallContext.for_call(campaign, "", "", lang) for lang in LANGUAGES}
        try:
            script = active_script(session, campaign_id)
        except UserError as exc:
            return CallingSetup(None, exc, contexts)
        if script is not None:
            remember_version(session, script.id, script.key, script.version, script.source)
        return CallingSetup(script, None, contexts)


def tonight(evening: Evening, now: datetime | None = None) -> datetime:
    """Tonight = since local midnight (the team may have started before this volunteer)."""
    start = min(evening.started_at, now or utcnow()).astimezone()
    return start.replace(hour=0, minute=0, second=0, microsecond=0)


def _retried(db: Database, step: Callable[[], T], on_retry: OnRetry | None) -> T:
    """Run a step again when the server connection drops. Every step here may run twice:
    a save is stored once by its call's uuid, a claim left by a lost try simply expires."""
    if db.dialect == "sqlite":  # a local file has no connection to lose
        return step()
    return retrying(step, on_retry=on_retry, server=server_name(db.location.url))


def _figures(session: Session, evening: Evening) -> EveningStats:
    return evening_stats(session, evening.campaign_id, evening.volunteer_id, tonight(evening))


def show_next(db: Database, evening: Evening, claim_minutes: int,
              showing: tuple[int, str] | None = None, on_retry: OnRetry | None = None) -> Step:
    """Give back the person on screen (if any) and claim the next one."""
    def step() -> Step:
        with db.transaction() as session:
            if showing is not None:
                release_claim(session, *showing)
            following = next_contact(session, campaign_id=evening.campaign_id,
                                     volunteer_id=evening.volunteer_id,
                                     claim_minutes=claim_minutes, group_id=evening.group_id)
            return Step(following, _figures(session, evening))
    return _retried(db, step, on_retry)


def save_and_next(db: Database, evening: Evening, call: CallInput, claim_minutes: int,
                  on_retry: OnRetry | None = None) -> Step:
    """Save the call, claim the next person and read the figures: one transaction, and on a
    server four statements (each one a round trip)."""
    def step() -> Step:
        with db.transaction() as session:
            result = save_call(session, call, claim_minutes=claim_minutes,
                               group_id=evening.group_id, figures_since=tonight(evening))
            assert result.figures is not None  # asked for with figures_since
            return Step(result.next, result.figures, conflict=result.conflict)
    return _retried(db, step, on_retry)


def skip_and_next(db: Database, evening: Evening, contact_id: int, claim_token: str,
                  reason: str, claim_minutes: int, on_retry: OnRetry | None = None) -> Step:
    def step() -> Step:
        with db.transaction() as session:
            following = skip_contact(
                session, campaign_id=evening.campaign_id, contact_id=contact_id,
                claim_token=claim_token, reason=reason, volunteer_id=evening.volunteer_id,
                volunteer_name=evening.volunteer_name, claim_minutes=claim_minutes,
                group_id=evening.group_id)
            return Step(following, _figures(session, evening))
    return _retried(db, step, on_retry)


def undo_last(db: Database, evening: Evening, claim_minutes: int,
              showing: tuple[int, str] | None = None) -> Step:
    """The volunteer's last call this evening back on screen; a UserError when there is none."""
    with db.transaction() as session:
        undone = undo_last_call(session, volunteer_id=evening.volunteer_id,
                                since=evening.started_at, claim_minutes=claim_minutes,
                                showing=showing)
        if undone is None:
            raise UserError(QT_TRANSLATE_NOOP(
                "app", "Nothing to undo: you have not saved a call this evening"))
        return Step(None, _figures(session, evening), undone=undone)


def keep_claim(db: Database, contact_id: int, claim_token: str,
               claim_minutes: int) -> Renewal:
    def step() -> Renewal:
        with db.transaction() as session:
            return renew_claim(session, contact_id, claim_token, claim_minutes)
    return _retried(db, step, None)


def release(db: Database, contact_id: int, claim_token: str) -> None:
    def step() -> None:
        with db.transaction() as session:
            release_claim(session, contact_id, claim_token)
    _retried(db, step, None)


def evening_summary(db: Database, evening: Evening) -> Summary:
    with db.session() as session:
        return session_summary(session, evening.campaign_id, evening.volunteer_id,
                               evening.started_at)
