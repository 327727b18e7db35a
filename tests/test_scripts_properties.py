"""Property tests: random valid scripts, random walks (with back and jump) always end and
record only answers to steps they visited; YAML round trips are exact."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.scripts import ScriptRun, dump_script, read_script, validate
from app.services.scripts.model import (
    NO_EFFECTS,
    SCALE_VALUES,
    YES_NO_VALUES,
    Effects,
    Option,
    Question,
    Script,
    Step,
)

EFFECTS = st.builds(
    Effects,
    outcome=st.sampled_from([None, "conversation", "refused", "callback", "do_not_call"]),
    follow_up=st.sampled_from([None, "Ring upp om parken"]),
    meeting_signup=st.booleans(),
)


@dataclass
class _Draft:
    id: str
    kind: str | None
    values: list[str]
    option_next: dict[str, str] = field(default_factory=dict)
    next: str | None = None


@st.composite
def scripts(draw: st.DrawFn) -> Script:
    """A valid script: forward links only (so every walk ends), every step reachable."""
    count = draw(st.integers(1, 9))
    drafts: list[_Draft] = []
    for index in range(count):
        kind = draw(st.sampled_from([None, "yes_no", "single", "multiple", "scale", "text"]))
        values: list[str] = []
        if kind == "yes_no":
            values = list(YES_NO_VALUES)
        elif kind == "scale":
            values = list(SCALE_VALUES)
        elif kind in ("single", "multiple"):
            values = [f"v{i}" for i in range(draw(st.integers(1, 4)))]
        drafts.append(_Draft(f"s{index}", kind, values))
    for index in range(1, count):
        # Link each step from some earlier one that has a free way out, so it can be reached.
        parents = [d for d in drafts[:index]
                   if d.next is None or any(v not in d.option_next for v in d.values)]
        if not parents:
            del drafts[index:]
            break
        parent = draw(st.sampled_from(parents))
        free = [v for v in parent.values if v not in parent.option_next]
        if parent.next is None and (not free or draw(st.booleans())):
            parent.next = drafts[index].id
        else:
            parent.option_next[draw(st.sampled_from(free))] = drafts[index].id
    steps = []
    for index, draft in enumerate(drafts):
        question = None
        if draft.kind is not None:
            options = tuple(
                Option(v, f"Svar {v}", draft.option_next.get(v), draw(EFFECTS))
                for v in draft.values
            )
            question = Question(draft.kind, f"q{index}", options)
        steps.append(Step(draft.id, f"Steg {index}", f"Text {{first_name}} {index}",
                          "", question, draft.next, draw(st.one_of(st.just(NO_EFFECTS),
                                                                   EFFECTS))))
    return Script("prop", "Egenskaper", "sv", 1, tuple(steps))


ACTIONS = st.lists(
    st.tuples(st.sampled_from(["answer", "advance", "back", "jump"]), st.integers(0, 99)),
    max_size=40,
)


def _forward(run: ScriptRun, pick: int) -> None:
    question = run.current.question
    if question is None or pick % 5 == 0:
        run.advance()
    elif question.kind == "text":
        run.answer(f"svar {pick}")
    elif question.kind == "multiple":
        values = [o.value for o in question.options]
        run.answer(values[: 1 + pick % len(values)])
    else:
        run.answer(question.options[pick % len(question.options)].value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts(), ACTIONS, st.lists(st.integers(0, 99), min_size=20, max_size=20))
def test_random_walks_end_and_record_only_visited_answers(
    script: Script, actions: list[tuple[str, int]], picks: list[int]
) -> None:
    assert validate(script) == []
    run = ScriptRun(script)
    for action, pick in actions:
        if action == "back":
            run.back()
        elif action == "jump":
            run.jump(script.steps[pick % len(script.steps)].id)
        elif not run.finished:
            _forward(run, pick)
        _check(run, script)
    # From wherever the walk is, going forward ends within as many moves as there are steps.
    for pick in picks[: len(script.steps)]:
        if run.finished:
            break
        _forward(run, pick)
        _check(run, script)
    assert run.finished


def _check(run: ScriptRun, script: Script) -> None:
    visited_keys = {script.step(s).question.key  # type: ignore[union-attr]
                    for s in run.path if script.step(s).question is not None}
    assert set(run.answers) <= visited_keys
    assert run.path[0] == script.start


@settings(max_examples=100, deadline=None)
@given(scripts())
def test_yaml_round_trip_is_exact(script: Script) -> None:
    text = dump_script(script)
    result = read_script(text, "prop.yaml")
    assert result.problems == []
    assert result.script == script
