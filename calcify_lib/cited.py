"""Constants that carry their source.

A :class:`CitedConstant` is a number together with its unit, the
temperature at which it holds, and a citation key that resolves in the
repository's ``references.bib``.  Every physical, chemical or clinical
constant in :mod:`calcify_lib` is one, so that a reader can trace any
number in the book to its origin; ``tests/test_citations.py`` checks that
each key exists in the bibliography.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CitedConstant"]


@dataclass(frozen=True)
class CitedConstant:
    """A number with its unit, temperature and citation.

    Attributes
    ----------
    value
        The number, in ``unit``.
    unit
        The unit, spelled out (``"mg²/dL²"``, ``"g/mol"``, ``"1"`` for a
        dimensionless number).
    temperature_c
        The temperature in °C at which the value holds, or ``None`` when the
        quantity does not depend on temperature (an atomic weight, a
        guideline threshold).
    citation
        A key of ``references.bib``.
    note
        What exactly the number is, in one or two sentences.
    """

    value: float
    unit: str
    temperature_c: float | None
    citation: str
    note: str

    def __float__(self) -> float:
        return float(self.value)

    @property
    def conditions(self) -> str:
        """The temperature condition in words, for tables and docstrings."""
        if self.temperature_c is None:
            return "independent of temperature"
        return f"at {self.temperature_c:g} °C"
