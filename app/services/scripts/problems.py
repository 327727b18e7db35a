"""What is wrong with a script: one Problem per error, naming the file, the step and the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    # English template, marked with QT_TRANSLATE_NOOP("app", ...) where it is raised, so the
    # GUI can translate it before filling in the parameters.
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    step: str | None = None  # the step id the problem is in, if any
    line: int | None = None  # 1-based line in the YAML text, when known
    file: str = ""

    @property
    def message(self) -> str:
        return self.template.format(**self.params) if self.params else self.template

    def located(self, file: str) -> Problem:
        return Problem(self.template, self.params, self.step, self.line, file)

    def __str__(self) -> str:
        where = self.file or "<script>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        if self.step is not None:
            return f"{where}: step '{self.step}': {self.message}"
        return f"{where}: {self.message}"


@dataclass
class SourceMap:
    """Lines of a script's parts, by position (ids may be duplicated in a broken file)."""

    step_lines: list[int] = field(default_factory=list)
    next_lines: dict[int, int] = field(default_factory=dict)
    option_lines: dict[tuple[int, int], int] = field(default_factory=dict)
    field_lines: dict[tuple[int, str], int] = field(default_factory=dict)
    consent_line: int | None = None

    def step(self, index: int) -> int | None:
        return self.step_lines[index] if index < len(self.step_lines) else None

    def field(self, index: int, name: str) -> int | None:
        return self.field_lines.get((index, name), self.step(index))
