"""Reading the YAML script format into a Script, with line numbers for every problem.

PyYAML's composed node tree keeps each node's position, so the loader walks nodes rather than
plain dicts: that is how a message can say "line 42".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.scripts.model import (
    KINDS,
    NO_EFFECTS,
    OUTCOMES,
    SCALE_VALUES,
    YES_NO_VALUES,
    Effects,
    Option,
    Question,
    Script,
    Step,
)
from app.services.scripts.problems import Problem, SourceMap
from app.services.scripts.validation import placeholder_problems, validate

SCRIPT_FIELDS = ("key", "name", "language", "version", "description", "consent_text", "steps")
EFFECT_FIELDS = ("outcome", "follow_up", "meeting_signup", "membership")
STEP_FIELDS = ("id", "title", "text", "hint", "question", "next", *EFFECT_FIELDS)
QUESTION_FIELDS = ("kind", "key", "options")
OPTION_FIELDS = ("value", "label", "next", *EFFECT_FIELDS)
YES_NO_LABELS = {"sv": ("Ja", "Nej"), "en": ("Yes", "No")}


@dataclass
class LoadResult:
    script: Script | None
    problems: list[Problem] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)

    @property
    def valid(self) -> bool:
        return self.script is not None and not self.problems


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


class _Reader:
    def __init__(self, default_key: str) -> None:
        self.problems: list[Problem] = []
        self.map = SourceMap()
        self.default_key = default_key
        self._constructor = SafeConstructor()

    def problem(self, template: str, node: Node | None, step: str | None = None,
                **params: Any) -> None:
        self.problems.append(Problem(template, params, step, _line(node) if node else None))

    def scalar(self, node: Node) -> Any:
        return self._constructor.construct_object(node, deep=True)

    def mapping(self, node: Node, fields: tuple[str, ...], what: str,
                step: str | None = None) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(QT_TRANSLATE_NOOP("app", "Expected {what} (a mapping of fields)"),
                         node, step, what=what)
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(self.scalar(key_node)) if isinstance(key_node, ScalarNode) else "?"
            if key not in fields:
                self.problem(
                    QT_TRANSLATE_NOOP("app", "Unknown field '{field}' in {what} "
                                      "(allowed: {allowed})"),
                    key_node, step, field=key, what=what, allowed=", ".join(fields),
                )
            elif key in result:
                self.problem(QT_TRANSLATE_NOOP("app", "Field '{field}' is given twice"),
                             key_node, step, field=key)
            else:
                result[key] = value_node
        return result

    def text(self, fields: dict[str, Node], name: str, step: str | None = None,
             required: bool = False, default: str = "") -> str:
        node = fields.get(name)
        if node is None:
            if required:
                self.problem(QT_TRANSLATE_NOOP("app", "The field '{field}' is missing"),
                             None, step, field=name)
            return default
        value = self.scalar(node) if isinstance(node, ScalarNode) else None
        if value is None and isinstance(node, ScalarNode):
            return default
        if isinstance(value, bool):
            # YAML 1.1 reads a bare yes/no as a boolean; in a script they are words.
            return "yes" if value else "no"
        if not isinstance(value, str | int | float):
            self.problem(QT_TRANSLATE_NOOP("app", "The field '{field}' must be text"),
                         node, step, field=name)
            return default
        return str(value).strip() if name != "text" else str(value).rstrip()

    def flag(self, fields: dict[str, Node], name: str, step: str | None) -> bool:
        node = fields.get(name)
        if node is None:
            return False
        value = self.scalar(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.problem(QT_TRANSLATE_NOOP("app", "The field '{field}' must be true or false"),
                         node, step, field=name)
            return False
        return value

    def effects(self, fields: dict[str, Node], step: str | None) -> Effects:
        outcome = self.text(fields, "outcome", step) or None
        if outcome is not None and outcome not in OUTCOMES:
            self.problem(
                QT_TRANSLATE_NOOP("app", "Unknown outcome '{outcome}' (allowed: {allowed})"),
                fields["outcome"], step, outcome=outcome, allowed=", ".join(OUTCOMES),
            )
            outcome = None
        effects = Effects(
            outcome=outcome,
            follow_up=self.text(fields, "follow_up", step) or None,
            meeting_signup=self.flag(fields, "meeting_signup", step),
            membership=self.flag(fields, "membership", step),
        )
        return NO_EFFECTS if effects.empty else effects

    def read(self, root: Node) -> Script | None:
        top = self.mapping(root, SCRIPT_FIELDS, QT_TRANSLATE_NOOP("app", "a script"))
        if top is None:
            return None
        name = self.text(top, "name", required=True)
        language = self.text(top, "language", default="sv")
        version_node = top.get("version")
        version = 1
        if version_node is not None:
            raw = self.scalar(version_node) if isinstance(version_node, ScalarNode) else None
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
                self.problem(QT_TRANSLATE_NOOP("app", "The version must be a whole number "
                                               "from 1 up"), version_node)
            else:
                version = raw
        consent = top.get("consent_text")
        if consent is not None:
            self.map.consent_line = _line(consent)
        steps_node = top.get("steps")
        steps: list[Step] = []
        if steps_node is None or not isinstance(steps_node, SequenceNode) \
                or not steps_node.value:
            self.problem(QT_TRANSLATE_NOOP("app", "The script needs a list of steps"),
                         steps_node or root)
        else:
            for index, node in enumerate(steps_node.value):
                step = self.step(index, node)
                if step is not None:
                    steps.append(step)
        return Script(
            key=self.text(top, "key", default=self.default_key) or self.default_key,
            name=name, language=language, version=version, steps=tuple(steps),
            consent_text=self.text(top, "consent_text"),
            description=self.text(top, "description"),
        )

    def step(self, index: int, node: Node) -> Step | None:
        fields = self.mapping(node, STEP_FIELDS, QT_TRANSLATE_NOOP("app", "a step"),
                              _peek(node, "id"))
        if fields is None:
            return None
        step_id = self.text(fields, "id", required=False)
        if not step_id:
            self.problem(QT_TRANSLATE_NOOP("app", "Step {n} has no id"), node, n=index + 1)
            step_id = f"step{index + 1}"
        position = len(self.map.step_lines)
        self.map.step_lines.append(_line(node))
        if "next" in fields:
            self.map.next_lines[position] = _line(fields["next"])
        for name in ("title", "text", "hint"):
            if name in fields:
                self.map.field_lines[(position, name)] = _line(fields[name])
        question = None
        if "question" in fields:
            question = self.question(fields["question"], step_id, position)
        return Step(
            id=step_id,
            title=self.text(fields, "title", step_id) or step_id,
            text=self.text(fields, "text", step_id),
            hint=self.text(fields, "hint", step_id),
            question=question,
            next=self.text(fields, "next", step_id) or None,
            effects=self.effects(fields, step_id),
        )

    def question(self, node: Node, step_id: str, position: int) -> Question | None:
        fields = self.mapping(node, QUESTION_FIELDS, QT_TRANSLATE_NOOP("app", "a question"),
                              step_id)
        if fields is None:
            return None
        kind = self.text(fields, "kind", step_id, required=True)
        if kind not in KINDS:
            if kind:
                self.problem(
                    QT_TRANSLATE_NOOP("app", "Unknown question kind '{kind}' "
                                      "(allowed: {allowed})"),
                    fields["kind"], step_id, kind=kind, allowed=", ".join(KINDS),
                )
            # Read on as a single choice, so its branches still count for the other checks.
            kind = "single"
        key = self.text(fields, "key", step_id) or step_id
        options: list[Option] = []
        options_node = fields.get("options")
        if options_node is not None:
            if not isinstance(options_node, SequenceNode):
                self.problem(QT_TRANSLATE_NOOP("app", "The options must be a list"),
                             options_node, step_id)
            else:
                for o_node in options_node.value:
                    option = self.option(o_node, step_id)
                    if option is not None:
                        self.map.option_lines[(position, len(options))] = _line(o_node)
                        options.append(option)
        options = self.complete_options(kind, options, step_id, node)
        return Question(kind, key, tuple(options))

    def option(self, node: Node, step_id: str) -> Option | None:
        if isinstance(node, ScalarNode):
            value = self.text({"value": node}, "value", step_id)
            return Option(value, value) if value else None
        fields = self.mapping(node, OPTION_FIELDS, QT_TRANSLATE_NOOP("app", "an option"), step_id)
        if fields is None:
            return None
        value = self.text(fields, "value", step_id, required=True)
        if not value:
            return None
        return Option(
            value=value,
            label=self.text(fields, "label", step_id) or value,
            next=self.text(fields, "next", step_id) or None,
            effects=self.effects(fields, step_id),
        )

    def complete_options(self, kind: str, options: list[Option], step_id: str,
                         node: Node) -> list[Option]:
        """Fill in the fixed options of yes/no and scale questions; check the others."""
        # Duplicate values are reported by validation, which knows each option's line.
        given = {option.value: option for option in reversed(options)}
        if kind == "text":
            if options:
                self.problem(QT_TRANSLATE_NOOP("app", "A text question has no options"),
                             node, step_id)
            return []
        fixed: tuple[str, ...] = ()
        if kind == "yes_no":
            fixed = YES_NO_VALUES
        elif kind == "scale":
            fixed = SCALE_VALUES
        if fixed:
            seen: set[str] = set()
            for option in options:
                if option.value in seen:
                    self.problem(QT_TRANSLATE_NOOP("app", "Option '{option}' is given twice"),
                                 node, step_id, option=option.value)
                seen.add(option.value)
            extra = [v for v in given if v not in fixed]
            if extra:
                self.problem(
                    QT_TRANSLATE_NOOP("app", "A {kind} question takes only the options "
                                      "{allowed}, not '{option}'"),
                    node, step_id, kind=kind, allowed=", ".join(fixed), option=extra[0],
                )
            labels = YES_NO_LABELS.get(self.language_hint, YES_NO_LABELS["en"])
            completed = []
            for i, value in enumerate(fixed):
                label = labels[i] if kind == "yes_no" else value
                option = given.get(value) or Option(value, label)
                if option.label == value:
                    option = replace(option, label=label)
                completed.append(option)
            return completed
        if not options:
            self.problem(QT_TRANSLATE_NOOP("app", "A {kind} question needs options"),
                         node, step_id, kind=kind)
        return options

    language_hint = "sv"


def read_script(text: str, file: str = "", default_key: str | None = None) -> LoadResult:
    """Parse and check a script. `script` is None only when the text is not a script at all."""
    key = default_key or (Path(file).stem if file else "script")
    reader = _Reader(key)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = Problem(
            QT_TRANSLATE_NOOP("app", "Not valid YAML: {reason}"),
            {"reason": exc.problem or str(exc)}, None,
            int(mark.line) + 1 if mark else None, file,
        )
        return LoadResult(None, [problem])
    except yaml.YAMLError as exc:
        return LoadResult(None, [Problem(QT_TRANSLATE_NOOP("app", "Not valid YAML: {reason}"),
                                         {"reason": str(exc)}, None, None, file)])
    if root is None:
        return LoadResult(None, [Problem(QT_TRANSLATE_NOOP("app", "The file is empty"),
                                         {}, None, None, file)])
    reader.language_hint = _peek(root, "language") or "sv"
    try:
        script = reader.read(root)
    except ConstructorError as exc:
        mark = exc.problem_mark
        return LoadResult(None, [Problem(
            QT_TRANSLATE_NOOP("app", "Not valid YAML: {reason}"),
            {"reason": exc.problem or str(exc)}, None,
            int(mark.line) + 1 if mark else None, file,
        )])
    problems = reader.problems
    if script is not None and script.steps:
        problems += validate(script, reader.map)
    problems = _sorted_unique(problems)
    return LoadResult(script, [p.located(file) for p in problems], reader.map)


def _peek(node: Node, name: str) -> str | None:
    """A scalar field of a mapping node as written, before the mapping is read."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == name and isinstance(value_node, ScalarNode):
                return str(value_node.value)
    return None


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems_key(p) for p in problems))
    by_key = {problems_key(p): p for p in problems}
    ordered = [by_key[k] for k in unique]
    return sorted(ordered, key=lambda p: p.line if p.line is not None else 10**9)


def problems_key(p: Problem) -> tuple[str, str, str | None, int | None]:
    return (p.template, repr(sorted(p.params.items())), p.step, p.line)


def load_script(text: str, file: str = "", default_key: str | None = None) -> Script:
    """A valid script, or a UserError listing every problem on its own line."""
    result = read_script(text, file, default_key)
    if result.script is None or result.problems:
        raise UserError(
            QT_TRANSLATE_NOOP("app", "Script {file} has errors:\n{problems}"),
            file=file or "<script>", problems="\n".join(str(p) for p in result.problems),
        )
    return result.script


def load_script_file(path: Path) -> Script:
    return load_script(read_text(path), str(path))


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("app", "Script file {path} cannot be read ({reason})"),
                        path=str(path), reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise UserError(QT_TRANSLATE_NOOP("app", "Script file {path} is not UTF-8 text"),
                        path=str(path)) from None


__all__ = ["LoadResult", "load_script", "load_script_file", "placeholder_problems",
           "read_script", "read_text"]
