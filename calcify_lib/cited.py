"""Constants that carry their source, and how the number was obtained.

A :class:`CitedConstant` is a number together with its unit, the
temperature at which it holds, a citation key that resolves in the
repository's ``references.bib``, and its *basis*: whether it was measured,
derived, taken from a guideline, fixed by convention, or set by hand to
reproduce a stated target.  Every physical, chemical or clinical constant
in :mod:`calcify_lib` is one, so that a reader can trace any number in the
book to its origin and see how firm it is; ``tests/test_citations.py``
checks that each key exists in the bibliography and
``tests/test_constants_basis.py`` that each constant states its basis.

:func:`constants_in` collects the constants of a module (or package), and
:func:`basis_counts` counts them by basis: the census that the chapters
print when they say which of their numbers are measured and which are set.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import math
import numbers
import pkgutil
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["BASES", "CitedConstant", "basis_counts", "constants_in"]

#: How a constant's value was obtained; see :class:`CitedConstant` for each.
BASES = ("measured", "derived", "guideline", "convention", "set")


@dataclass(frozen=True)
class CitedConstant:
    """A number with its unit, temperature, citation and basis.

    Attributes
    ----------
    value
        The number, in ``unit`` (a tuple for the coefficients of a fit).
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
    basis
        How the value was obtained; keyword-only and required, one of
        :data:`BASES`:

        ``'measured'``
            Measured, or fitted to measurements, by the cited source: a
            cohort mean, a solubility product, a lattice constant, the
            coefficients of an empirical fit to data, a parameter that a
            published model fitted to data.
        ``'derived'``
            Computed from other cited values by a formula the note states
            (a molar mass from a formula, a ratio of two measured values, a
            rate constant from a half-life).
        ``'guideline'``
            A threshold, target or reference interval set by a guideline, a
            consensus or a laboratory's reference range (KDOQI's Ca × P
            ceiling, an upper limit of normal), or the agreed range of
            validity of an empirical equation.
        ``'convention'``
            Exact by definition or by choice: a unit conversion, an exact
            CODATA constant, a chosen reference state (the model's normal
            adult, the middle of a reference range, what severity 1 means).
        ``'set'``
            Chosen by hand to reproduce a stated target, not measured: the
            note must say which target (``"set so that ..."``).
    uncertainty
        The source's stated uncertainty, in the unit of ``value`` (for a
        log10 value, in log10 units), or ``None`` when the source gives none.
        Never invented.

    Raises
    ------
    ValueError
        If ``basis`` is not one of :data:`BASES`, or ``uncertainty`` is not
        a positive finite number.
    TypeError
        If ``uncertainty`` is not a real number.

    Examples
    --------
    >>> CitedConstant(40.078, "g/mol", None, "prohaska2022atomic",
    ...               "Standard atomic weight of calcium.", basis="measured", uncertainty=0.004).basis
    'measured'
    """

    value: float
    unit: str
    temperature_c: float | None
    citation: str
    note: str
    _: dataclasses.KW_ONLY
    basis: str
    uncertainty: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.basis, str) or self.basis not in BASES:
            raise ValueError(f"basis must be one of {', '.join(map(repr, BASES))}; got {self.basis!r}")
        u = self.uncertainty
        if u is None:
            return
        if isinstance(u, bool) or not isinstance(u, numbers.Real):
            raise TypeError(f"uncertainty must be a positive real number or None; got {u!r} "
                            f"of type {type(u).__name__}")
        if not (math.isfinite(u) and u > 0.0):
            raise ValueError(f"uncertainty must be a positive finite number (in {self.unit}) "
                             f"or None; got {u!r}")

    def __float__(self) -> float:
        return float(self.value)

    @property
    def conditions(self) -> str:
        """The temperature condition in words, for tables and docstrings."""
        if self.temperature_c is None:
            return "independent of temperature"
        return f"at {self.temperature_c:g} °C"


def _walk(obj: object, where: str, seen: set[int]) -> Iterator[tuple[str, CitedConstant]]:
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, CitedConstant):
        yield where, obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _walk(value, f"{where}[{key!r}]", seen)
    elif isinstance(obj, (tuple, list)):
        for index, value in enumerate(obj):
            yield from _walk(value, f"{where}[{index}]", seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            yield from _walk(getattr(obj, field.name), f"{where}.{field.name}", seen)


def constants_in(*modules: types.ModuleType) -> tuple[tuple[str, CitedConstant], ...]:
    """Every distinct :class:`CitedConstant` defined in ``modules``, with where it lives.

    Walks the names each module assigns at its top level, private ones
    included (not the names it imports), and what they hold (dicts, tuples,
    lists, dataclass instances); a package's submodules are walked too.  A
    constant reached twice (shared by two dicts) is counted once.

    Returns
    -------
    tuple of (str, CitedConstant)
        Dotted name (``"calcify_lib.units.CALCIUM_MOLAR_MASS_G_MOL"``) and
        constant, in a deterministic order.

    Examples
    --------
    >>> from calcify_lib import units
    >>> [name for name, _ in constants_in(units)]
    ['calcify_lib.units.CALCIUM_MOLAR_MASS_G_MOL', 'calcify_lib.units.PHOSPHORUS_MOLAR_MASS_G_MOL']
    """
    found: list[types.ModuleType] = []
    for module in modules:
        if not isinstance(module, types.ModuleType):
            raise TypeError(f"modules must be modules; got {module!r} of type {type(module).__name__}")
        found.append(module)
        if hasattr(module, "__path__"):
            for info in pkgutil.walk_packages(module.__path__, prefix=module.__name__ + "."):
                found.append(importlib.import_module(info.name))
    # Deepest first, so that a constant a package re-exports is named after its own module.
    ordered = sorted({m.__name__: m for m in found}.values(),
                     key=lambda m: (-m.__name__.count("."), m.__name__))
    seen: set[int] = set()
    result = []
    for module in ordered:
        assigned = _assigned_names(module)
        for name, value in vars(module).items():
            if not name.startswith("__") and name in assigned:
                result.extend(_walk(value, f"{module.__name__}.{name}", seen))
    return tuple(result)


def _assigned_names(module: types.ModuleType) -> set[str]:
    """The names a module binds by assignment at its top level (not by import or def)."""
    names: set[str] = set()
    for node in ast.parse(inspect.getsource(module)).body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def basis_counts(constants: Iterable[CitedConstant]) -> dict[str, int]:
    """How many of ``constants`` have each basis, in the order of :data:`BASES`.

    Examples
    --------
    >>> from calcify_lib import units
    >>> basis_counts(c for _, c in constants_in(units))
    {'measured': 2, 'derived': 0, 'guideline': 0, 'convention': 0, 'set': 0}
    """
    counts = dict.fromkeys(BASES, 0)
    for constant in constants:
        if not isinstance(constant, CitedConstant):
            raise TypeError(f"constants must be CitedConstant; got {constant!r}")
        counts[constant.basis] += 1
    return counts
