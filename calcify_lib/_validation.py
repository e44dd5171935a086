"""Checks that turn bad input into clear errors.

Every public function of :mod:`calcify_lib` passes its numeric arguments
through :func:`check_number` (scalars) or :func:`check_array` (grids) before
doing any arithmetic.  A refusal names the argument, repeats the value that
was given, and states the accepted range with its unit, so that a student
who moves a slider too far, or types ``"9,5"`` into a cell, learns what to
change.  Nothing here clips, rounds or returns NaN.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["check_number", "check_array", "check_real"]


def _describe_range(low: float, high: float, unit: str) -> str:
    return f"{low:g} to {high:g} {unit}".rstrip()


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
    accepted = _describe_range(low, high, unit)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a real number in {accepted}; got {value!r} "
            f"of type {type(value).__name__}"
        )
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{name} must be a finite number in {accepted}; got {value!r}")
    if not low <= number <= high:
        raise ValueError(f"{name} must lie in {accepted}; got {value!r} {unit}".rstrip())
    return number


def check_array(name: str, value: object, *, low: float, high: float, unit: str) -> np.ndarray:
    """Vectorised :func:`check_number`: every element must pass.

    Scalars and nested sequences are accepted; the result is a float64
    array of the same shape.  The message names the first offending
    element so that the error stays short for large grids.
    """
    accepted = _describe_range(low, high, unit)
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be real numbers in {accepted}; got {value!r}")
    try:
        array = np.asarray(value)
    except (ValueError, TypeError) as error:  # ragged input
        raise TypeError(f"{name} must be real numbers in {accepted}; got {value!r}") from error
    if array.dtype == bool or not (
        np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)
    ):
        raise TypeError(
            f"{name} must be real numbers in {accepted}; got an array of {array.dtype}"
        )
    array = array.astype(np.float64)
    bad = ~np.isfinite(array) | (array < low) | (array > high)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f" at index {index}" if array.ndim else ""
        raise ValueError(
            f"{name} must lie in {accepted}; got {float(array[index])!r}{where}"
        )
    return array


def check_real(name: str, value: object, *, low: float, high: float, unit: str) -> float | np.ndarray:
    """Check a scalar with :func:`check_number`, anything else with :func:`check_array`.

    Lets one function serve both a single lab value and a whole grid for a figure.
    """
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return check_number(name, value, low=low, high=high, unit=unit)
    if isinstance(value, (str, bytes, bool)) or value is None or isinstance(value, numbers.Complex):
        # Route through check_number for its scalar wording.
        return check_number(name, value, low=low, high=high, unit=unit)
    return check_array(name, value, low=low, high=high, unit=unit)
