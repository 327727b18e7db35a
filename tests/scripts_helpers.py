"""Helpers for the script tests: campaigns, script texts and exhaustive walks."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.db.models import Call, Campaign, Contact, TargetGroup
from app.services.scripts import ScriptRun, read_script
from app.services.scripts.model import Script
from app.services.scripts.storage import builtin_dir

Choice = str | list[str] | None  # None = advance


def builtin(name: str) -> Script:
    result = read_script((builtin_dir() / f"{name}.yaml").read_text("utf-8"), name)
    assert result.script is not None and not result.problems, result.problems
    return result.script


def make_campaign(session: Session, name: str = "Testkampanj") -> Campaign:
    campaign = Campaign(
        name=name, association="Föreningen Test", local_issue="parken vid skolan",
        local_message="Vi vill rusta upp parken.", meeting_title="Möte om parken",
        meeting_at=datetime(2026, 12, 3, 17, 0, tzinfo=UTC),
        meeting_link="https://exempel.invalid/park", meeting_guest="Alex Exempel",
    )
    session.add(campaign)
    session.flush()
    return campaign


def make_call(session: Session, campaign: Campaign, script_id: int) -> Call:
    group = TargetGroup(campaign_id=campaign.id, name=f"g{script_id}")
    session.add(group)
    session.flush()
    contact = Contact(campaign_id=campaign.id, target_group_id=group.id, first_name="Anna")
    session.add(contact)
    session.flush()
    call = Call(campaign_id=campaign.id, target_group_id=group.id, contact_id=contact.id,
                outcome="conversation", script_id=script_id, number_dialled="+46701740605")
    session.add(call)
    session.flush()
    return call


def yaml_text(body: str) -> str:
    return textwrap.dedent(body).lstrip()


def choices_for(run: ScriptRun) -> list[Choice]:
    """Every distinct way to leave the current step."""
    question = run.current.question
    if question is None:
        return [None]
    if question.kind == "text":
        return ["anteckning"]
    if question.kind == "multiple":
        return [[o.value] for o in question.options]
    return [o.value for o in question.options]


def replay(script: Script, choices: list[Choice]) -> ScriptRun:
    run = ScriptRun(script)
    for choice in choices:
        if choice is None:
            run.advance()
        else:
            run.answer(choice)
    return run


def all_walks(script: Script, limit: int = 10_000) -> Iterator[tuple[list[Choice], ScriptRun]]:
    """Every complete walk from the start (depth first), each with its finished run."""
    todo: list[list[Choice]] = [[]]
    count = 0
    while todo:
        prefix = todo.pop()
        run = replay(script, prefix)
        if run.finished:
            count += 1
            assert count <= limit, "too many walks"
            yield prefix, run
            continue
        for choice in choices_for(run):
            todo.append([*prefix, choice])
