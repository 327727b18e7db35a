"""The script engine on the built-in scripts: every path, back and jump (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.db.models import Campaign
from app.services.scripts import CallContext, ScriptRun, missing_settings
from app.services.scripts.model import OUTCOMES
from tests.scripts_helpers import all_walks, builtin, replay

MAIN_PATH = ["yes", "yes", "Bussen är viktig", "4", None, "yes", "yes", None, "yes", None]


def test_main_path_of_the_local_issue_script_records_answers_and_effects() -> None:
    run = replay(builtin("local_issue_sv"), MAIN_PATH)
    assert run.finished
    assert run.path == ["intro", "moment", "issue", "agreement", "message", "meeting",
                        "membership_ask", "membership", "follow_up", "thanks"]
    assert run.answers == {
        "reached": "yes", "has_time": "yes", "issue_opinion": "Bussen är viktig",
        "issue_agreement": "4", "meeting": "yes", "membership": "yes", "follow_up": "yes",
    }
    achieved = run.achieved
    assert achieved.outcome == "recruited"
    assert achieved.meeting_signup and achieved.membership
    assert achieved.follow_up == "Återkoppla om den lokala frågan"


@pytest.mark.parametrize(
    ("choices", "end", "outcome"),
    [
        (["yes", "later", "på torsdag vid sex", None], "later_bye", "callback"),
        (["yes", "no", None], "refused", "refused"),
        (["yes", "do_not_call", None], "do_not_call", "do_not_call"),
        (["voicemail", None], "voicemail", None),
        (["someone_else", "efter sju", None], "later_bye", "callback"),
    ],
)
def test_respectful_exits(choices: list[str | None], end: str, outcome: str | None) -> None:
    run = replay(builtin("local_issue_sv"), choices)
    assert run.finished and run.path[-1] == end
    assert run.achieved.outcome == outcome
    assert not run.achieved.meeting_signup and not run.achieved.membership


@pytest.mark.parametrize("name", ["local_issue_sv", "local_issue_en", "members_sv"])
def test_every_path_of_the_builtin_scripts(name: str) -> None:
    script = builtin(name)
    walks = list(all_walks(script))
    ends = set()
    for _choices, run in walks:
        assert run.finished
        end = script.step(run.path[-1])
        ends.add(end.id)
        visited_keys = {script.step(s).question.key  # type: ignore[union-attr]
                        for s in run.path if script.step(s).question is not None}
        # Exactly the questions on the path were answered (no skips in these walks).
        assert set(run.answers) == visited_keys
        achieved = run.achieved
        assert achieved.outcome in (*OUTCOMES, None)
        # Effects follow from the answers given.
        assert achieved.meeting_signup == (run.answers.get("meeting") == "yes")
        assert (achieved.outcome == "recruited") == (run.answers.get("membership") == "yes")
        assert achieved.membership == ("membership" in run.path)
        if name != "members_sv":
            assert (achieved.follow_up is not None) == (run.answers.get("follow_up") == "yes")
        if run.answers.get("has_time") == "yes":
            assert achieved.outcome in ("conversation", "recruited")
        if "voicemail" in run.path:
            assert achieved.outcome is None and run.path[-1] == "voicemail"
    # Every step of the script is on some walk, and the walks all end at a final step.
    assert ends == {s.id for s in script.steps if s.next is None and s.question is None}
    visited = {step for _c, run in walks for step in run.path}
    assert visited == {s.id for s in script.steps}
    if name.startswith("local_issue"):
        assert len(walks) == 5 * 2 * 2 * 2 + 5  # scale x meeting x member x follow-up + exits


def test_english_translation_has_the_same_steps_and_questions() -> None:
    sv, en = builtin("local_issue_sv"), builtin("local_issue_en")
    assert [s.id for s in sv.steps] == [s.id for s in en.steps]
    assert [(q.key, q.kind, [o.value for o in q.options]) for _s, q in sv.questions()] == \
        [(q.key, q.kind, [o.value for o in q.options]) for _s, q in en.questions()]
    assert en.language == "en" and sv.language == "sv"


def test_back_undoes_the_answer_and_its_effects() -> None:
    run = replay(builtin("local_issue_sv"), MAIN_PATH[:6])
    assert run.current.id == "membership_ask" and run.answers["meeting"] == "yes"
    run.back()
    assert run.current.id == "meeting"
    assert "meeting" not in run.answers
    assert not run.achieved.meeting_signup
    run.answer("no")
    assert run.answers["meeting"] == "no" and not run.achieved.meeting_signup
    run.answer("yes")
    assert run.current.id == "membership" and run.achieved.outcome == "recruited"
    run.back()
    assert run.current.id == "membership_ask" and run.achieved.outcome == "conversation"
    assert "membership" not in run.answers


def test_back_from_the_end_reopens_the_last_step() -> None:
    run = replay(builtin("local_issue_sv"), ["yes", "no", None])
    assert run.finished and run.achieved.outcome == "refused"
    run.back()
    assert not run.finished and run.current.id == "refused"
    run.back()
    assert run.current.id == "moment" and "has_time" not in run.answers
    assert run.achieved.outcome is None
    run.back()
    run.back()  # at the start: nothing more to undo
    assert run.path == ["intro"] and run.answers == {}


def test_jump_to_an_exit_and_back_again() -> None:
    run = replay(builtin("local_issue_sv"), ["yes", "yes", "Osäker"])
    assert run.current.id == "agreement"
    run.jump("do_not_call")
    assert run.current.id == "do_not_call"
    assert run.achieved.outcome == "do_not_call"
    # The answers given before the jump stay; the skipped questions have none.
    assert run.answers == {"reached": "yes", "has_time": "yes", "issue_opinion": "Osäker"}
    run.back()
    assert run.current.id == "agreement" and run.achieved.outcome == "conversation"
    run.jump("meeting")
    run.answer("yes")
    assert run.current.id == "membership_ask" and run.achieved.meeting_signup
    assert "issue_agreement" not in run.answers
    with pytest.raises(KeyError):
        run.jump("nowhere")


def test_advance_skips_a_question_without_an_answer() -> None:
    run = replay(builtin("local_issue_sv"), ["yes", "yes"])
    run.advance()  # skip the free-text question
    assert run.current.id == "agreement" and "issue_opinion" not in run.answers
    run = replay(builtin("local_issue_sv"), [])
    run.advance()  # a question without a common next step follows its first branch
    assert run.current.id == "moment" and run.answers == {}


def test_wrong_answers_are_refused() -> None:
    run = ScriptRun(builtin("local_issue_sv"))
    with pytest.raises(ValueError, match="not an option"):
        run.answer("kanske")
    with pytest.raises(TypeError):
        run.answer(["yes"])
    run = replay(builtin("local_issue_sv"), ["yes", "no", None])
    with pytest.raises(RuntimeError):
        run.advance()


def test_placeholders_are_filled_from_the_campaign() -> None:
    campaign = Campaign(
        name="x", association="Föreningen Exempel", local_issue="kvällsbussarna",
        local_message="Bussen ska gå till midnatt.", meeting_title="Bussmötet",
        meeting_at=datetime(2026, 12, 3, 17, 0, tzinfo=UTC), meeting_link="https://x.invalid",
        meeting_guest="Kim Exempelsson",
    )
    context = CallContext.for_call(campaign, "Anna", "Bo")
    run = ScriptRun(builtin("local_issue_sv"), context)
    assert run.render(run.current.text).startswith("Hej! Är det Anna?\nJag heter Bo och "
                                                   "ringer från Föreningen Exempel.")
    assert context.meeting_time.startswith("torsdag den 3 december kl. ")
    assert "Föreningen Exempel" in run.consent_text and "{" not in run.consent_text
    # A value the campaign lacks shows as a visible gap, never as raw braces; the screen
    # names the missing setting (missing_settings).
    bare = ScriptRun(builtin("local_issue_sv"))
    assert bare.render("{meeting_guest} kommer") == "… kommer"
    assert "local_issue" in missing_settings(bare.script, bare.context)
    assert "first_name" not in missing_settings(bare.script, bare.context)
