"""Checks on a whole script: step ids, where options lead, reachability, endless paths,
placeholders and the membership step that a recruited outcome needs."""

from __future__ import annotations

from app.errors import QT_TRANSLATE_NOOP
from app.services.scripts.engine import PLACEHOLDER_RE
from app.services.scripts.model import PLACEHOLDERS, Script, Step
from app.services.scripts.problems import Problem, SourceMap


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS]


def placeholder_problems(
    text: str, step: str | None, line: int | None
) -> list[Problem]:
    return [
        Problem(
            QT_TRANSLATE_NOOP(
                "app", "Unknown placeholder {{{name}}} (known: {known})"
            ),
            {"name": name, "known": ", ".join("{" + p + "}" for p in PLACEHOLDERS)},
            step, line,
        )
        for name in unknown_placeholders(text)
    ]


def edges(step: Step) -> list[str]:
    """The steps a step can lead to, in order (step.next also serves a skipped question)."""
    targets: list[str] = []
    if step.question is not None:
        targets += [option.next for option in step.question.options if option.next]
    if step.next:
        targets.append(step.next)
    return list(dict.fromkeys(targets))


def validate(script: Script, source: SourceMap | None = None) -> list[Problem]:
    """Every problem with `script`, in file order where possible."""
    src = source or SourceMap()
    problems: list[Problem] = []
    if not script.steps:
        return [Problem(QT_TRANSLATE_NOOP("app", "The script has no steps"))]

    ids: dict[str, int] = {}
    keys: dict[str, str] = {}
    for index, step in enumerate(script.steps):
        line = src.step(index)
        if not step.id:
            problems.append(Problem(QT_TRANSLATE_NOOP("app", "Step {n} has no id"),
                                    {"n": index + 1}, None, line))
            continue
        if step.id in ids:
            problems.append(Problem(
                QT_TRANSLATE_NOOP("app", "Duplicate step id '{id}' (also used by step {n})"),
                {"id": step.id, "n": ids[step.id] + 1}, step.id, line,
            ))
        else:
            ids[step.id] = index
        for name in ("title", "text", "hint"):
            problems += placeholder_problems(getattr(step, name), step.id, src.field(index, name))
        if step.next and not script.has_step(step.next):
            problems.append(Problem(
                QT_TRANSLATE_NOOP("app", "Goes on to unknown step '{target}'"),
                {"target": step.next}, step.id, src.next_lines.get(index, line),
            ))
        question = step.question
        if question is None:
            continue
        if question.key in keys:
            problems.append(Problem(
                QT_TRANSLATE_NOOP(
                    "app", "Question key '{key}' is already used by step '{other}'"
                ),
                {"key": question.key, "other": keys[question.key]}, step.id, line,
            ))
        else:
            keys[question.key] = step.id
        values: set[str] = set()
        for o_index, option in enumerate(question.options):
            o_line = src.option_lines.get((index, o_index), line)
            problems += placeholder_problems(option.label, step.id, o_line)
            if not option.value:
                problems.append(Problem(
                    QT_TRANSLATE_NOOP("app", "Option {n} has no value"),
                    {"n": o_index + 1}, step.id, o_line,
                ))
            elif option.value in values:
                problems.append(Problem(
                    QT_TRANSLATE_NOOP("app", "Option '{option}' is given twice"),
                    {"option": option.value}, step.id, o_line,
                ))
            values.add(option.value)
            if option.next and not script.has_step(option.next):
                problems.append(Problem(
                    QT_TRANSLATE_NOOP(
                        "app", "Option '{option}' leads nowhere: there is no step '{target}'"
                    ),
                    {"option": option.value, "target": option.next}, step.id, o_line,
                ))
    problems += placeholder_problems(script.consent_text, None, src.consent_line)
    problems += _graph_problems(script, src)
    problems += _membership_problems(script, src)
    return problems


def _line_of(script: Script, src: SourceMap, step_id: str) -> int | None:
    for index, step in enumerate(script.steps):
        if step.id == step_id:
            return src.step(index)
    return None


def _graph(script: Script) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for step in script.steps:
        graph.setdefault(step.id, [t for t in edges(step) if script.has_step(t)])
    return graph


def reachable(script: Script, start: str | None = None) -> set[str]:
    graph = _graph(script)
    origin = start or script.start
    seen = {origin}
    todo = [origin]
    while todo:
        for target in graph.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _graph_problems(script: Script, src: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    graph = _graph(script)
    seen = reachable(script)
    for index, step in enumerate(script.steps):
        if step.id not in seen:
            problems.append(Problem(
                QT_TRANSLATE_NOOP("app", "This step can never be reached from the start"),
                {}, step.id, src.step(index),
            ))
    # A cycle reachable from the start is a path that never ends.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[tuple[str, str]] = set()
    stack: list[tuple[str, int]] = [(script.start, 0)]
    state[script.start] = 1
    while stack:
        node, position = stack[-1]
        targets = graph[node]
        if position == len(targets):
            state[node] = 2
            stack.pop()
            continue
        stack[-1] = (node, position + 1)
        target = targets[position]
        if state.get(target) == 1:
            if (node, target) not in reported:
                reported.add((node, target))
                problems.append(Problem(
                    QT_TRANSLATE_NOOP(
                        "app", "A path from the start never ends: this step leads back "
                        "to step '{target}'"
                    ),
                    {"target": target}, node, _line_of(script, src, node),
                ))
        elif target not in state:
            state[target] = 1
            stack.append((target, 0))
    return problems


def _membership_problems(script: Script, src: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    members = {step.id for step in script.steps if step.effects.membership}
    for index, step in enumerate(script.steps):
        origins: list[tuple[str | None, int | None]] = []
        if step.effects.outcome == "recruited":
            origins.append((step.id, src.step(index)))
        if step.question is not None:
            origins += [
                (option.next or step.next, src.option_lines.get((index, o_index), src.step(index)))
                for o_index, option in enumerate(step.question.options)
                if option.effects.outcome == "recruited"
            ]
        for origin, line in origins:
            if origin in members:
                continue
            if origin is not None and script.has_step(origin) and reachable(script, origin) \
                    & members:
                continue
            problems.append(Problem(
                QT_TRANSLATE_NOOP(
                    "app", "The outcome 'recruited' needs a membership step (membership: "
                    "true) after it, which collects the details and the consent"
                ),
                {}, step.id, line,
            ))
            break
    for index, step in enumerate(script.steps):
        if step.effects.membership and not script.consent_text.strip():
            problems.append(Problem(
                QT_TRANSLATE_NOOP(
                    "app", "The membership step needs the consent text (consent_text) "
                    "that is read to the person"
                ),
                {}, step.id, src.step(index),
            ))
    return problems
