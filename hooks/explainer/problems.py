"""Problems found in the data, each pointing a contributor at a file, a line and a fix."""

from __future__ import annotations

from dataclasses import dataclass

from .text_policy import visible


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data; `str()` gives the `file:line: where: what` form contributors see."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        # Invisible characters (a key or value quoted back) are named, never printed: a bidi override
        # in a message would reorder the terminal line, a control character could drive the terminal.
        where = f" {visible(self.where)}:" if self.where else ""
        return f"{visible(self.file)}:{self.line}:{where} {visible(self.message)}"


class DataError(Exception):
    """Raised when the data cannot be built into a site; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the data; nothing was built.")
        return "\n".join(lines)
