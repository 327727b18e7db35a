"""Turning a Script back into the YAML format: for export and for saving an edited version."""

from __future__ import annotations

from typing import Any

import yaml

from app.services.scripts.model import SCALE_VALUES, Effects, Option, Question, Script, Step


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line texts as literal blocks, so the file reads like the script it is.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _effects(effects: Effects) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if effects.outcome:
        out["outcome"] = effects.outcome
    if effects.follow_up:
        out["follow_up"] = effects.follow_up
    if effects.meeting_signup:
        out["meeting_signup"] = True
    if effects.membership:
        out["membership"] = True
    return out


def _option(option: Option) -> dict[str, Any]:
    out: dict[str, Any] = {"value": option.value, "label": option.label}
    if option.next:
        out["next"] = option.next
    out.update(_effects(option.effects))
    return out


def _is_plain_scale(question: Question) -> bool:
    return question.kind == "scale" and all(
        o.value == o.label and o.next is None and o.effects.empty for o in question.options
    ) and tuple(o.value for o in question.options) == SCALE_VALUES


def _question(question: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": question.kind, "key": question.key}
    if question.options and not _is_plain_scale(question):
        out["options"] = [_option(o) for o in question.options]
    return out


def _step(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"id": step.id, "title": step.title}
    if step.text:
        out["text"] = step.text + ("\n" if "\n" in step.text else "")
    if step.hint:
        out["hint"] = step.hint
    if step.question is not None:
        out["question"] = _question(step.question)
    if step.next:
        out["next"] = step.next
    out.update(_effects(step.effects))
    return out


def dump_script(script: Script) -> str:
    data: dict[str, Any] = {
        "key": script.key, "name": script.name, "language": script.language,
        "version": script.version,
    }
    if script.description:
        data["description"] = script.description
    if script.consent_text:
        data["consent_text"] = script.consent_text
    data["steps"] = [_step(step) for step in script.steps]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88,
                     default_flow_style=False)
