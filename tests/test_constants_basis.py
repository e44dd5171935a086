"""Every constant says how its value was obtained: measured, derived, guideline, convention or set.

The walker is the one of ``tests/test_citations.py``: every module of
:mod:`calcify_lib`, subpackages included, every attribute, and whatever
dicts, tuples and dataclasses hold, so that a constant hidden in a table of
ion pairs or a representative patient is checked like a module-level one.
"""

from __future__ import annotations

import math
import re

import pytest

import calcify_lib
from calcify_lib import homeostasis, thermodynamics
from calcify_lib.cited import BASES, CitedConstant, basis_counts, constants_in

from test_citations import _all_constants

#: A 'set' constant's note must say what the value was set to reproduce, in one of these
#: phrases ("set so that CKD at severity 1 gives a PTH of a few hundred pg/mL", "set to land
#: inside the KDOQI target").  A bare "set." names no target and fails.
TARGET_PHRASES = ("so that", "to reproduce", "to land", "to match")
#: Notes that say the value was tuned; such a constant must have basis 'set'.
SAYS_TUNED = re.compile(r"\bset (so|to)\b|\bcalibrated\b|\bhand-set\b|\btuned\b", re.IGNORECASE)

ALL = _all_constants()


def test_the_walker_finds_the_constants_of_every_model():
    assert len(ALL) >= 150
    # Named after the module that defines them (the test walker names a constant after the
    # first module it meets it in, which may be one that imports it).
    modules = {where.split(".")[1] for where, _ in constants_in(calcify_lib)}
    assert {"thermodynamics", "chemistry", "nucleation", "homeostasis", "patients", "units",
            "precipitation", "figures"} <= modules


def test_every_constant_states_a_valid_basis():
    bad = [(where, c.basis) for where, c in ALL if c.basis not in BASES]
    assert not bad


def test_a_set_constant_names_the_target_it_reproduces():
    vague = [(where, c.note) for where, c in ALL
             if c.basis == "set" and not any(phrase in c.note for phrase in TARGET_PHRASES)]
    assert not vague


def test_a_note_that_says_the_value_was_tuned_belongs_to_a_set_constant():
    mislabelled = [(where, c.basis) for where, c in ALL if SAYS_TUNED.search(c.note) and c.basis != "set"]
    assert not mislabelled


def test_every_given_uncertainty_is_a_positive_finite_number_on_a_single_value():
    for where, c in ALL:
        if c.uncertainty is not None:
            assert isinstance(c.value, (int, float)), where
            assert math.isfinite(c.uncertainty) and c.uncertainty > 0.0, where


def _quotes_its_own_uncertainty(c: CitedConstant) -> bool:
    """The note gives "X ± u" with X the constant's value (or, for a log10 value, -value or 10**value)."""
    if not isinstance(c.value, (int, float)):
        return False
    for x in re.findall(r"(\d+(?:\.\d+)?)\s*±", c.note):
        rounding = 0.5 * 10.0 ** -(len(x.split(".")[1]) if "." in x else 0)
        candidates = [c.value, -c.value] + ([10.0 ** c.value] if c.unit.startswith("1 (log10") else [])
        if any(abs(float(x) - v) <= rounding for v in candidates):
            return True
    return False


def test_an_uncertainty_quoted_in_a_note_is_filled_in():
    # A ± that belongs to something else (a target's spread, a fit's residual) does not count.
    missing = [where for where, c in ALL if _quotes_its_own_uncertainty(c) and c.uncertainty is None]
    assert not missing
    quoted = [c for _, c in ALL if _quotes_its_own_uncertainty(c)]
    assert len(quoted) >= 4  # MgHPO4, OCP at 37 °C, ACP, albumin's calcium sites


def test_the_uncertainties_are_the_sources():
    ocp_37c = thermodynamics.LOG_KSP["octacalcium_phosphate"].data[1]
    assert (ocp_37c.value, ocp_37c.uncertainty) == (-48.7, 0.2)  # Tung 1988: pKsp 48.7 ± 0.2
    mg_pair = thermodynamics.ION_PAIRS["MgHPO4"].log_k
    # 1004 ± 89 L/mol as log10: the upper end of the range sits one uncertainty above.
    assert mg_pair.value + mg_pair.uncertainty == pytest.approx(math.log10(1004.0 + 89.0), abs=2e-3)


def test_constructing_a_constant_without_a_basis_fails():
    with pytest.raises(TypeError, match="basis"):
        CitedConstant(1.0, "1", None, "kdoqi2003bone", "A number with no account of itself.")


def test_an_unknown_basis_is_refused_with_the_valid_ones():
    with pytest.raises(ValueError, match="'measured', 'derived', 'guideline', 'convention', 'set'"):
        CitedConstant(1.0, "1", None, "kdoqi2003bone", "A number with a vague basis.", basis="estimated")


@pytest.mark.parametrize("bad", [0.0, -0.1, math.nan, math.inf])
def test_an_uncertainty_must_be_positive_and_finite(bad):
    with pytest.raises(ValueError, match="uncertainty"):
        CitedConstant(1.0, "1", None, "kdoqi2003bone", "A number with a bad uncertainty.",
                      basis="measured", uncertainty=bad)


@pytest.mark.parametrize("bad", ["0.1", True])
def test_an_uncertainty_that_is_not_a_number_is_a_type_error(bad):
    with pytest.raises(TypeError, match="uncertainty"):
        CitedConstant(1.0, "1", None, "kdoqi2003bone", "A number with a bad uncertainty.",
                      basis="measured", uncertainty=bad)


def test_the_library_census_counts_every_constant_the_walker_finds():
    found = constants_in(calcify_lib)
    assert {id(c) for _, c in found} == {id(c) for _, c in ALL}
    counts = basis_counts(c for _, c in found)
    assert tuple(counts) == BASES
    assert sum(counts.values()) == len(ALL)


def test_the_homeostasis_model_is_mostly_set_by_hand_and_says_so():
    counts = basis_counts(c for _, c in constants_in(homeostasis))
    assert counts["set"] > sum(counts.values()) / 2
