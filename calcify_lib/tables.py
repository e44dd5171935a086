"""Tables that a chapter prints from the models, never types by hand.

A :class:`Table` renders as an accessible HTML table on the site and as an
aligned plain-text table in a terminal.  Both renderings are compared by
nbval, so a number that changes in the library shows up as a failing cell.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Sequence

__all__ = ["Table"]


@dataclass(frozen=True)
class Table:
    """A caption, column headers and rows of already formatted cells.

    Format numbers before building the table (``f"{x:.2f}"``), so the
    precision is a decision of the chapter and the output is deterministic.
    """

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"row {number} has {len(row)} cells; the table has {len(self.columns)} columns"
                )

    @classmethod
    def build(cls, caption: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> "Table":
        """Build from any sequences; cells are converted with ``str``."""
        return cls(caption, tuple(columns), tuple(tuple(str(c) for c in row) for row in rows))

    def __str__(self) -> str:
        widths = [max(len(c), *(len(r[i]) for r in self.rows)) if self.rows else len(c)
                  for i, c in enumerate(self.columns)]
        line = "  ".join(c.ljust(w) for c, w in zip(self.columns, widths))
        rule = "  ".join("-" * w for w in widths)
        body = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in self.rows]
        return "\n".join([self.caption, line.rstrip(), rule, *body])

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in self.columns)
        body = "".join(
            "<tr>" + f'<th scope="row">{html.escape(row[0])}</th>'
            + "".join(f"<td>{html.escape(cell)}</td>" for cell in row[1:]) + "</tr>"
            for row in self.rows
        )
        return (
            '<table class="calcify-table table">'
            f"<caption>{html.escape(self.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
