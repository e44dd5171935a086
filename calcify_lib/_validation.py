"""Checks that turn bad input into clear errors, declared once at the signature.

Every public function of :mod:`calcify_lib` that takes a number states what
it accepts with :func:`accepts`, one :class:`Range` per argument::

    @accepts(ca_mg_dl=Range(0, 30, "mg/dL"))
    def ca_mg_dl_to_mmol_l(ca_mg_dl): ...

The decorator checks the arguments before the function runs and hands the
body the converted values (a ``float``, or a float64 array), so bodies never
re-check.  A refusal names the argument, repeats the value that was given,
and states the accepted range with its unit (``str(Range)``: ``"0 to 30
mg/dL"``), so that a student who moves a slider too far, or types ``"9,5"``
into a cell, learns what to change: :class:`ValueError` for a number out of
range, NaN or infinite, :class:`TypeError` for something that is not a number
(a string, ``None``, a boolean, a complex number...).  Nothing here clips,
rounds or returns NaN.

The declarations are kept on the function as ``__accepts__`` (argument name
to :class:`Range`): ``tests/test_bad_input.py`` builds its corpus of bad
input from them, and the API page prints them.

:func:`check_number`, :func:`check_array` and :func:`check_real` are the same
checks for code that validates a value that is not an argument.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import types
from dataclasses import KW_ONLY, dataclass, replace
from typing import Any, Callable, Mapping, TypeVar

import numpy as np

__all__ = ["Range", "accepts", "check_number", "check_array", "check_real"]

_KINDS = ("real", "number")
_F = TypeVar("_F", bound=Callable[..., Any])


def _format_bound(bound: float | str) -> str:
    return f"`{bound}`" if isinstance(bound, str) else f"{bound:g}"


@dataclass(frozen=True)
class Range:
    """What one numeric argument accepts: a range, its unit, scalar or array.

    Parameters
    ----------
    low, high
        The bounds.  ``-math.inf`` / ``math.inf`` leave a side open-ended
        (NaN and infinities are refused all the same).  A bound may also be
        the name of another argument of the same function (``"days"``) or an
        attribute of one (``"self.days"``): it is then read, already
        checked, at each call, and the message states the resolved range.
    unit
        The unit of the range, for the message and the documentation
        (``"mg/dL"``; ``"(pH units)"``, ``"(dimensionless)"`` for pure numbers).
    kind
        ``"real"``: a real number, or an array or (nested) sequence of them,
        every element in range (passed on as a float64 array; the message
        names the first bad element's index).  ``"number"``: a real scalar
        only (passed on as a float).
    low_inclusive, high_inclusive
        Whether the bound itself is accepted (both are by default).
        ``Range(0, math.inf, "m³", low_inclusive=False)`` is "greater than 0 m³".
    optional
        ``None`` is accepted too, and passed on as ``None``.

    ``str(Range)`` gives the words used in messages and in the documentation:

    >>> str(Range(0, 10, "mmol/L"))
    '0 to 10 mmol/L'
    >>> str(Range(0, math.inf, "m³", low_inclusive=False))
    'greater than 0 m³'
    >>> str(Range(0, 36500, "days", low_inclusive=False))
    'greater than 0 and at most 36500 days'
    """

    low: float | str
    high: float | str
    unit: str = ""
    _: KW_ONLY
    kind: str = "real"
    low_inclusive: bool = True
    high_inclusive: bool = True
    optional: bool = False

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(f"kind must be one of {_KINDS}; got {self.kind!r}")
        for side in ("low", "high"):
            bound = getattr(self, side)
            if isinstance(bound, bool) or not isinstance(bound, (numbers.Real, str)) or (
                    not isinstance(bound, str) and math.isnan(bound)):
                raise TypeError(f"{side} must be a real number or an argument's name; got {bound!r}")
        if not self.dynamic and not self.low <= self.high:
            raise ValueError(f"low must not exceed high; got {self.low!r} > {self.high!r}")

    # ------------------------------------------------------------------ words

    def __str__(self) -> str:
        low, high, unit = self.low, self.high, self.unit
        open_low = not isinstance(low, str) and low == -math.inf
        open_high = not isinstance(high, str) and high == math.inf
        if self.closed:
            text = f"{_format_bound(low)} to {_format_bound(high)}"
        elif open_low and open_high:
            text = "any finite number"
        else:
            lower = "" if open_low else (
                f"{'at least' if self.low_inclusive else 'greater than'} {_format_bound(low)}")
            upper = "" if open_high else (
                f"{'at most' if self.high_inclusive else 'less than'} {_format_bound(high)}")
            text = " and ".join(part for part in (lower, upper) if part)
        return f"{text} {unit}".rstrip()

    @property
    def closed(self) -> bool:
        """True for a range "low to high" with both ends finite and accepted."""
        return (self.low_inclusive and self.high_inclusive
                and (isinstance(self.low, str) or math.isfinite(self.low))
                and (isinstance(self.high, str) or math.isfinite(self.high)))

    @property
    def dynamic(self) -> bool:
        """True when a bound is another argument's value, read at each call."""
        return isinstance(self.low, str) or isinstance(self.high, str)

    def _in(self) -> str:
        # "a real number in 0 to 10 mmol/L", but "a real number greater than 0 m³"
        return f"in {self}" if self.closed else str(self)

    # ------------------------------------------------------------------ checks

    def resolve(self, arguments: Mapping[str, Any]) -> Range:
        """This range with any bound that names an argument replaced by that argument's value.

        ``arguments`` maps argument names to their (checked) values; a dotted
        bound (``"self.days"``) reads an attribute.
        """
        if not self.dynamic:
            return self
        bounds = {}
        for side in ("low", "high"):
            bound = getattr(self, side)
            if isinstance(bound, str):
                head, *attributes = bound.split(".")
                value = arguments[head]
                for attribute in attributes:
                    value = getattr(value, attribute)
                bound = float(value)
            bounds[side] = bound
        return replace(self, **bounds)

    def contains(self, number: float | np.ndarray) -> bool | np.ndarray:
        """Whether ``number`` (finite) lies in the range; elementwise for arrays."""
        low_ok = number >= self.low if self.low_inclusive else number > self.low
        high_ok = number <= self.high if self.high_inclusive else number < self.high
        return low_ok & high_ok

    def check(self, name: str, value: object) -> float | np.ndarray | None:
        """Return ``value`` converted (float, or float64 array for ``kind="real"``), or raise.

        Raises
        ------
        TypeError
            If ``value`` is not a real number (or, for ``kind="real"``, an
            array of them); ``None`` unless the range is ``optional``.
        ValueError
            If ``value`` (or an element of it) is NaN, infinite, or outside the range.
        """
        if value is None and self.optional:
            return None
        if self.kind == "number" or type(value) is float:
            return self._check_scalar(name, value)
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            return self._check_scalar(name, value)
        if isinstance(value, (str, bytes, bool)) or value is None or isinstance(value, numbers.Complex):
            # Refused by the scalar check, in its wording.
            return self._check_scalar(name, value)
        return self._check_array(name, value)

    def _check_scalar(self, name: str, value: object) -> float:
        if type(value) is not float and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
            raise TypeError(
                f"{name} must be a real number {self._in()}; got {value!r} "
                f"of type {type(value).__name__}"
            )
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise ValueError(f"{name} must be a finite number {self._in()}; got {value!r}")
        if not self.contains(number):
            if self.closed:
                raise ValueError(f"{name} must lie in {self}; got {value!r} {self.unit}".rstrip())
            raise ValueError(f"{name} must be a finite number {self}; got {value!r}")
        return number

    def _check_array(self, name: str, value: object) -> np.ndarray:
        refusal = f"{name} must be real numbers {self._in()}"
        if isinstance(value, (str, bytes)) or value is None:
            raise TypeError(f"{refusal}; got {value!r}")
        try:
            array = np.asarray(value)
        except (ValueError, TypeError) as error:  # ragged input
            raise TypeError(f"{refusal}; got {value!r}") from error
        if array.dtype == bool or not (
            np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
        ):
            raise TypeError(f"{refusal}; got an array of {array.dtype}")
        array = array.astype(np.float64)
        bad = ~np.isfinite(array) | ~self.contains(array)
        if bad.any():
            index = tuple(int(i) for i in np.argwhere(bad)[0])
            where = f" at index {index}" if array.ndim else ""
            verb = f"lie in {self}" if self.closed else f"be finite numbers {self}"
            raise ValueError(f"{name} must {verb}; got {float(array[index])!r}{where}")
        return array


# ---------------------------------------------------------------------- the decorator

def accepts(**ranges: Range) -> Callable[[_F], _F]:
    """Declare, at the signature, the range each numeric argument accepts.

    Each named argument, whether passed by position or by keyword, is
    checked with :meth:`Range.check` before the function runs, in the order
    of the declaration (a range whose bound is another argument after the
    others, so that argument is checked first), and the function receives the converted value
    (``float``, or a float64 array for ``kind="real"`` given an array).

    Defaults are checked once, when the function is decorated (a bad
    default is a programming error, raised at import); a default whose
    conversion is not itself (an ``int``) is passed in converted, so the body
    always sees the same types.  A default whose range depends on another
    argument is checked at each call instead.

    The declaration is kept as ``function.__accepts__`` (a read-only mapping
    of argument name to :class:`Range`); the signature, name and docstring
    are the function's own (:func:`functools.wraps`).

    >>> @accepts(ca_mg_dl=Range(0, 30, "mg/dL"))
    ... def double(ca_mg_dl):
    ...     return 2 * ca_mg_dl
    >>> double(4)
    8.0
    >>> double(ca_mg_dl=40)
    Traceback (most recent call last):
    ...
    ValueError: ca_mg_dl must lie in 0 to 30 mg/dL; got 40 mg/dL
    >>> str(double.__accepts__["ca_mg_dl"])
    '0 to 30 mg/dL'
    """
    for name, declared in ranges.items():
        if not isinstance(declared, Range):
            raise TypeError(f"accepts() takes a Range for each argument; got {declared!r} for {name!r}")

    def decorate(function: _F) -> _F:
        signature = inspect.signature(function)
        parameters = list(signature.parameters.values())
        positions = {
            p.name: i for i, p in enumerate(parameters)
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        }
        plan = []  # (name, position or None, range)
        injected = {}  # converted defaults that differ from the default itself
        for name, declared in ranges.items():
            parameter = signature.parameters.get(name)
            if parameter is None or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
                raise TypeError(f"{function.__qualname__} has no argument {name!r} to declare")
            for bound in (declared.low, declared.high):
                if isinstance(bound, str) and bound.split(".")[0] not in signature.parameters:
                    raise TypeError(f"the range of {name!r} refers to {bound!r}, which is not an argument "
                                    f"of {function.__qualname__}")
            default = parameter.default
            if default is not parameter.empty and not declared.dynamic:
                converted = declared.check(name, default)
                if converted is not default:
                    if parameter.kind is parameter.POSITIONAL_ONLY:
                        raise TypeError(f"the default of the positional-only {name!r} must be a float")
                    injected[name] = converted
            plan.append((name, positions.get(name), declared))
        # Ranges that read another argument go last, so that the argument they read is checked first.
        plan.sort(key=lambda step: step[2].dynamic)
        dynamic = any(declared.dynamic for _, _, declared in plan)
        defaults = {p.name: p.default for p in parameters if p.default is not p.empty}

        def argument(name, args, kwargs, checked):
            if name in checked:
                return checked[name]
            position = positions.get(name)
            if position is not None and position < len(args):
                return args[position]
            return kwargs[name] if name in kwargs else defaults[name]

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            n = len(args)
            if n:
                args = list(args)
            checked = {} if dynamic else None
            for name, position, declared in plan:
                if dynamic and declared.dynamic:
                    declared = declared.resolve(
                        {bound.split(".")[0]: argument(bound.split(".")[0], args, kwargs, checked)
                         for bound in (declared.low, declared.high) if isinstance(bound, str)})
                if position is not None and position < n:
                    value = args[position] = declared.check(name, args[position])
                elif name in kwargs:
                    value = kwargs[name] = declared.check(name, kwargs[name])
                elif name in injected:
                    value = kwargs[name] = injected[name]
                elif name in defaults:
                    value = defaults[name]
                    if dynamic and declared.dynamic:
                        declared.check(name, value)
                else:
                    continue  # missing: the call below raises Python's own TypeError
                if dynamic:
                    checked[name] = value
            return function(*args, **kwargs)

        wrapper.__signature__ = signature
        wrapper.__accepts__ = types.MappingProxyType(dict(ranges))
        return wrapper  # type: ignore[return-value]

    return decorate


# ---------------------------------------------------------------------- checks by hand

def check_number(name: str, value: object, *, low: float, high: float, unit: str) -> float:
    """Return ``value`` as a float if it is a finite real number in ``[low, high]``.

    Parameters
    ----------
    name
        The argument's name, as the caller spells it (``"ca_mg_dl"``).
    value
        What the caller passed.
    low, high
        The accepted closed range.
    unit
        The unit of the range, for the message (``"mg/dL"``).

    Raises
    ------
    TypeError
        If ``value`` is not a real number (a string, ``None``, a boolean,
        a complex number, a sequence...).
    ValueError
        If ``value`` is NaN, infinite, or outside ``[low, high]``.
    """
    return Range(low, high, unit, kind="number").check(name, value)


def check_array(name: str, value: object, *, low: float, high: float, unit: str) -> np.ndarray:
    """Vectorised :func:`check_number`: every element must pass.

    Scalars and nested sequences are accepted; the result is a float64
    array of the same shape.  The message names the first offending
    element so that the error stays short for large grids.
    """
    return Range(low, high, unit)._check_array(name, value)


def check_real(name: str, value: object, *, low: float, high: float, unit: str) -> float | np.ndarray:
    """Check a scalar with :func:`check_number`, anything else with :func:`check_array`.

    Lets one function serve both a single lab value and a whole grid for a figure.
    """
    return Range(low, high, unit).check(name, value)
