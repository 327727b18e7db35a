"""Validation: each kind of error, with the message, step and line it gives."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services.scripts import load_script, read_script

GOOD = """\
key: test
name: Test
steps:
  - id: start
    title: Start
    text: Hej {first_name}!
    question:
      kind: yes_no
      key: ok
      options:
        - value: yes
          next: end
        - value: no
          next: end
  - id: end
    title: Slut
    text: Tack!
"""


def messages(text: str, file: str = "test.yaml") -> list[str]:
    return [str(p) for p in read_script(text, file).problems]


def test_a_good_script_loads() -> None:
    script = load_script(GOOD, "test.yaml")
    assert script.start == "start"
    question = script.step("start").question
    assert question is not None
    # A bare yes/no in YAML is a boolean; in a script it is the option's value.
    assert [(o.value, o.label) for o in question.options] == [("yes", "Ja"), ("no", "Nej")]


def test_unknown_placeholder_fails_loading_with_its_message() -> None:
    text = GOOD.replace("Hej {first_name}!", "Hej {firstname}!")
    with pytest.raises(UserError) as info:
        load_script(text, "test.yaml")
    assert "test.yaml:6: step 'start': Unknown placeholder {firstname}" in str(info.value)
    assert "{first_name}" in str(info.value)  # the message lists the known ones


def test_unknown_next_step() -> None:
    text = GOOD.replace("    text: Tack!\n", "    text: Tack!\n    next: ending\n")
    assert messages(text) == ["test.yaml:18: step 'end': Goes on to unknown step 'ending'"]


def test_option_leading_nowhere() -> None:
    text = GOOD.replace("        - value: no\n          next: end",
                        "        - value: no\n          next: slutet")
    assert messages(text) == [
        "test.yaml:13: step 'start': Option 'no' leads nowhere: there is no step 'slutet'",
    ]


def test_duplicate_step_id() -> None:
    text = GOOD + "  - id: end\n    title: Igen\n"
    problems = read_script(text, "test.yaml").problems
    assert [str(p) for p in problems] == [
        "test.yaml:18: step 'end': Duplicate step id 'end' (also used by step 2)",
    ]
    assert problems[0].step == "end" and problems[0].line == 18


def test_unreachable_step() -> None:
    text = GOOD + "  - id: lost\n    title: Borta\n"
    assert messages(text) == [
        "test.yaml:18: step 'lost': This step can never be reached from the start",
    ]


def test_a_path_that_never_ends() -> None:
    text = GOOD.replace("    text: Tack!\n", "    text: Tack!\n    next: start\n")
    assert messages(text) == [
        "test.yaml:15: step 'end': A path from the start never ends: this step leads back "
        "to step 'start'",
    ]


def test_recruited_without_membership_step() -> None:
    text = GOOD.replace("        - value: yes\n          next: end",
                        "        - value: yes\n          next: end\n"
                        "          outcome: recruited")
    assert messages(text) == [
        "test.yaml:11: step 'start': The outcome 'recruited' needs a membership step "
        "(membership: true) after it, which collects the details and the consent",
    ]
    # With the membership step (and its consent text) after it, the script is valid.
    fixed = text.replace("    text: Tack!\n",
                         "    text: Tack!\n    membership: true\n") \
        .replace("name: Test\n", "name: Test\nconsent_text: Jag vill bli medlem.\n")
    assert messages(fixed) == []


def test_membership_step_needs_consent_text() -> None:
    text = GOOD.replace("    text: Tack!\n", "    text: Tack!\n    membership: true\n")
    assert messages(text) == [
        "test.yaml:15: step 'end': The membership step needs the consent text (consent_text) "
        "that is read to the person",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("kind: yes_no", "kind: maybe"),
         "test.yaml:8: step 'start': Unknown question kind 'maybe' (allowed: yes_no, single, "
         "multiple, scale, text)"),
        (("title: Slut", "titel: Slut"),
         "test.yaml:16: step 'end': Unknown field 'titel' in a step (allowed: id, title, "
         "text, hint, question, next, outcome, follow_up, meeting_signup, membership)"),
        (("text: Tack!", "text: Tack!\n    outcome: sold"),
         "test.yaml:18: step 'end': Unknown outcome 'sold' (allowed: conversation, recruited, "
         "refused, do_not_call, callback)"),
        (("value: no\n", "value: maybe\n"),
         "test.yaml:8: step 'start': A yes_no question takes only the options yes, no, "
         "not 'maybe'"),
    ],
)
def test_field_errors_name_the_line(change: tuple[str, str], expected: str) -> None:
    assert expected in messages(GOOD.replace(*change))


def test_yaml_syntax_error_names_the_line() -> None:
    result = read_script("name: x\nsteps:\n  - id: a\n   title: [\n", "bad.yaml")
    assert result.script is None
    assert str(result.problems[0]).startswith("bad.yaml:4: Not valid YAML:")


def test_missing_steps_and_name() -> None:
    assert messages("key: k\n") == [
        "test.yaml:1: The script needs a list of steps",
        "test.yaml: The field 'name' is missing",
    ]


def test_duplicate_question_keys() -> None:
    text = GOOD.replace("    text: Tack!\n",
                        "    text: Tack!\n    question:\n      kind: text\n"
                        "      key: ok\n")
    assert messages(text) == [
        "test.yaml:15: step 'end': Question key 'ok' is already used by step 'start'",
    ]


def test_the_example_in_the_docs_is_a_valid_script() -> None:
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "scripts.md").read_text("utf-8")
    match = re.search(r"```yaml\n(.*?)```", docs, re.S)
    assert match is not None
    script = load_script(match.group(1), "docs/scripts.md")
    assert script.key == "park_sv" and script.membership_step() is not None


def test_duplicate_option_values() -> None:
    text = GOOD.replace("        - value: no\n", "        - value: yes\n")
    assert messages(text) == ["test.yaml:8: step 'start': Option 'yes' is given twice"]
    single = text.replace("kind: yes_no", "kind: single")
    assert messages(single) == ["test.yaml:13: step 'start': Option 'yes' is given twice"]
