"""Every public entry point refuses bad input with a message a student can act on.

The message must name the argument, repeat the value given, and state the
accepted range with its unit.  Nothing may come back as NaN, and nothing may
be clipped silently.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from calcify_lib import chemistry, precipitation, thermodynamics, units
from calcify_lib.figures import chemistry as figures

# (function, argument under test, valid values for every argument, accepted range as printed)
ENTRY_POINTS = [
    (units.ca_mg_dl_to_mmol_l, "ca_mg_dl", {"ca_mg_dl": 9.5}, "0 to 30 mg/dL"),
    (units.ca_mmol_l_to_mg_dl, "ca_mmol_l", {"ca_mmol_l": 2.4}, "0 to 7.5 mmol/L"),
    (units.phosphate_mg_dl_to_mmol_l, "phosphate_mg_dl", {"phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (units.phosphate_mmol_l_to_mg_dl, "phosphate_mmol_l", {"phosphate_mmol_l": 1.1}, "0 to 10 mmol/L"),
    (units.ca_x_p_mg2_dl2_to_mmol2_l2, "ca_x_p_mg2_dl2", {"ca_x_p_mg2_dl2": 35.0}, "0 to 900 mg²/dL²"),
    (units.ca_x_p_mmol2_l2_to_mg2_dl2, "ca_x_p_mmol2_l2", {"ca_x_p_mmol2_l2": 2.8}, "0 to 75 mmol²/L²"),
    (precipitation.ionic_product, "ca_mmol_l", {"ca_mmol_l": 2.4, "phosphate_mmol_l": 1.1}, "0 to 7.5 mmol/L"),
    (precipitation.ionic_product, "phosphate_mmol_l", {"ca_mmol_l": 2.4, "phosphate_mmol_l": 1.1}, "0 to 10 mmol/L"),
    (precipitation.ca_x_p_mg2_dl2, "ca_mg_dl", {"ca_mg_dl": 9.5, "phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (precipitation.ca_x_p_mg2_dl2, "phosphate_mg_dl", {"ca_mg_dl": 9.5, "phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (precipitation.assess, "ca_mg_dl", {"ca_mg_dl": 9.5, "phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (precipitation.assess, "phosphate_mg_dl", {"ca_mg_dl": 9.5, "phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (figures.readout_html, "ca_mg_dl", {"ca_mg_dl": 9.5, "phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (figures.describe_ca, "ca_mg_dl", {"ca_mg_dl": 9.5}, "0 to 30 mg/dL"),
    (figures.describe_phosphate, "phosphate_mg_dl", {"phosphate_mg_dl": 3.5}, "0 to 30 mg/dL"),
    (chemistry.phosphoric_acid_pka, "temperature_c", {"temperature_c": 37.0}, "0 to 100 °C"),
    (chemistry.phosphate_fractions, "ph", {"ph": 7.4, "temperature_c": 37.0}, "0 to 14"),
    (chemistry.phosphate_fractions, "temperature_c", {"ph": 7.4, "temperature_c": 37.0}, "0 to 100 °C"),
    (chemistry.hydroxyapatite_log_ksp, "temperature_c", {"temperature_c": 37.0}, "0 to 100 °C"),
    (thermodynamics.log_ksp, "temperature_c", {"phase": "brushite", "temperature_c": 37.0}, "0 to 100 °C"),
    (thermodynamics.davies_log_gamma, "ionic_strength_mol_l",
     {"charge": 2, "ionic_strength_mol_l": 0.16}, "0 to 0.5 mol/L"),
    (chemistry.albumin_corrected_calcium_mg_dl, "total_ca_mg_dl",
     {"total_ca_mg_dl": 8.0, "albumin_g_dl": 2.5}, "0 to 30 mg/dL"),
    (chemistry.albumin_corrected_calcium_mg_dl, "albumin_g_dl",
     {"total_ca_mg_dl": 8.0, "albumin_g_dl": 2.5}, "0 to 10 g/dL"),
    (chemistry.albumin_corrected_calcium_mg_dl, "coefficient_mg_dl_per_g_dl",
     {"total_ca_mg_dl": 8.0, "albumin_g_dl": 2.5, "coefficient_mg_dl_per_g_dl": 0.8}, "0 to 2 mg/dL per g/dL"),
]

# speciate and speciate_grid: every argument, with the range the issue asks for.
SERUM = {"ca_mmol_l": 2.4, "phosphate_mmol_l": 1.2, "ph": 7.4, "temperature_c": 37.0, "na_mmol_l": 140.0,
         "mg_mmol_l": 0.85, "cl_mmol_l": 105.0, "albumin_g_l": 40.0}
SPECIATE_RANGES = {
    "ca_mmol_l": "0 to 100 mmol/L", "phosphate_mmol_l": "0 to 100 mmol/L", "ph": "0 to 14",
    "temperature_c": "0 to 100 °C", "na_mmol_l": "0 to 500 mmol/L", "mg_mmol_l": "0 to 100 mmol/L",
    "cl_mmol_l": "0 to 500 mmol/L", "albumin_g_l": "0 to 100 g/L",
}
for _function in (chemistry.speciate, chemistry.speciate_grid):
    for _argument, _accepted in SPECIATE_RANGES.items():
        ENTRY_POINTS.append((_function, _argument, SERUM, _accepted))

OUT_OF_RANGE = [-1.0, -1e-9, 1000.0, 1e308]
NOT_FINITE = [math.nan, math.inf, -math.inf]
WRONG_TYPE = ["9.5", "", None, True, 1 + 2j, b"9"]

IDS = [f"{f.__module__.split('.')[-1]}.{f.__name__}({arg})" for f, arg, _, _ in ENTRY_POINTS]


def _call(function, argument, valid, value):
    kwargs = dict(valid)
    kwargs[argument] = value
    return function(**kwargs)


@pytest.mark.parametrize(("function", "argument", "valid", "accepted"), ENTRY_POINTS, ids=IDS)
def test_valid_input_is_accepted(function, argument, valid, accepted):
    _call(function, argument, valid, valid[argument])


@pytest.mark.parametrize("value", OUT_OF_RANGE + NOT_FINITE, ids=repr)
@pytest.mark.parametrize(("function", "argument", "valid", "accepted"), ENTRY_POINTS, ids=IDS)
def test_impossible_numbers_are_refused_with_name_value_and_range(function, argument, valid, accepted, value):
    with pytest.raises(ValueError) as error:
        _call(function, argument, valid, value)
    message = str(error.value)
    assert argument in message
    assert repr(value) in message
    assert accepted in message


@pytest.mark.parametrize("value", WRONG_TYPE, ids=repr)
@pytest.mark.parametrize(("function", "argument", "valid", "accepted"), ENTRY_POINTS, ids=IDS)
def test_wrong_types_are_refused_with_a_type_error(function, argument, valid, accepted, value):
    if argument == "cl_mmol_l" and value is None:
        pytest.skip("cl_mmol_l=None is valid: chloride then balances the charge")
    with pytest.raises(TypeError) as error:
        _call(function, argument, valid, value)
    message = str(error.value)
    assert argument in message
    assert repr(value) in message
    assert accepted in message


ARRAY_FUNCTIONS = [
    (units.ca_mg_dl_to_mmol_l, "ca_mg_dl"),
    (units.phosphate_mg_dl_to_mmol_l, "phosphate_mg_dl"),
    (chemistry.phosphate_fractions, "ph"),
]


@pytest.mark.parametrize(("function", "argument"), ARRAY_FUNCTIONS, ids=[a for _, a in ARRAY_FUNCTIONS])
@pytest.mark.parametrize(
    "bad_grid",
    [np.array([8.0, np.nan, 9.0]), np.array([[8.0, 9.0], [-2.0, 9.0]]), [8.0, 9.0, 5000.0]],
    ids=["nan-inside", "negative-in-2d", "absurd-in-list"],
)
def test_a_grid_with_one_bad_element_is_refused_and_the_element_located(function, argument, bad_grid):
    with pytest.raises(ValueError) as error:
        function(**{argument: bad_grid})
    message = str(error.value)
    assert argument in message and "at index" in message


@pytest.mark.parametrize(("function", "argument"), ARRAY_FUNCTIONS, ids=[a for _, a in ARRAY_FUNCTIONS])
@pytest.mark.parametrize("bad_grid", [np.array(["8", "9"]), [8.0, None], np.array([True, False])], ids=["strings", "none", "bools"])
def test_a_grid_of_the_wrong_type_is_refused(function, argument, bad_grid):
    with pytest.raises(TypeError, match=argument):
        function(**{argument: bad_grid})


def test_saturation_ratio_refuses_a_zero_or_negative_ksp():
    for ksp in (0.0, -1.0):
        with pytest.raises(ValueError, match="ksp"):
            precipitation.saturation_ratio(1.0, ksp)


def test_verdict_refuses_a_negative_ratio():
    with pytest.raises(ValueError, match="ratio"):
        precipitation.verdict(-0.5)


def test_concentrations_above_100_mmol_l_are_refused_even_when_the_range_check_would_be_the_only_guard():
    for argument in ("ca_mmol_l", "phosphate_mmol_l", "mg_mmol_l"):
        with pytest.raises(ValueError, match=f"{argument} must lie in 0 to 100 mmol/L; got 100.5"):
            chemistry.speciate(**{**SERUM, argument: 100.5})


def test_albumin_above_100_g_l_is_refused():
    with pytest.raises(ValueError, match="albumin_g_l must lie in 0 to 100 g/L; got 120"):
        chemistry.speciate(2.4, 1.2, 7.4, albumin_g_l=120)


def test_an_ionic_strength_beyond_the_davies_equation_is_refused():
    # 90 mmol/L CaCl2 in 300 mmol/L NaCl: I = 0.5 (4 x 0.09 + 0.3 + 0.48) = 0.57 mol/L.
    with pytest.raises(ValueError, match=r"ionic strength must lie in 0 to 0.5 mol/L.*0.57"):
        chemistry.speciate(90.0, 0.0, 7.4, na_mmol_l=300.0)


def test_a_ph_outside_the_validated_range_warns_but_still_answers():
    with pytest.warns(chemistry.PhRangeWarning, match="6-9"):
        result = chemistry.speciate(2.4, 1.2, 10.5)
    assert math.isfinite(result.free_ca_mmol_l)


def test_a_temperature_outside_the_measured_range_warns():
    with pytest.warns(thermodynamics.ExtrapolationWarning, match="extrapolation"):
        chemistry.speciate(2.4, 1.2, 7.4, temperature_c=80.0)


def test_an_unknown_phase_lists_the_valid_ones():
    result = chemistry.speciate(2.4, 1.2, 7.4)
    with pytest.raises(ValueError) as error:
        result.saturation_index("calcite")
    for phase in chemistry.PHASES:
        assert repr(phase) in str(error.value)
    assert "'calcite'" in str(error.value)


def test_chloride_that_cannot_balance_the_charge_is_explained():
    with pytest.raises(ValueError, match="give cl_mmol_l explicitly"):
        chemistry.speciate(0.0, 90.0, 8.5, na_mmol_l=10.0)


@pytest.mark.parametrize(
    "bad_grid",
    [np.array([2.0, np.nan, 2.5]), np.array([[2.0, 2.4], [-2.0, 2.4]]), [2.0, 2.4, 500.0]],
    ids=["nan-inside", "negative-in-2d", "absurd-in-list"],
)
def test_a_speciation_grid_with_one_bad_element_is_refused_and_located(bad_grid):
    with pytest.raises(ValueError, match=r"ca_mmol_l must lie in 0 to 100 mmol/L; got .* at index"):
        chemistry.speciate_grid(bad_grid, 1.2, 7.4)


def test_no_entry_point_returns_nan_at_the_edges_of_its_range():
    assert units.ca_mg_dl_to_mmol_l(0.0) == 0.0
    assert math.isfinite(units.ca_mg_dl_to_mmol_l(30.0))
    f = chemistry.phosphate_fractions(np.array([0.0, 14.0]))
    for share in (f.h3po4, f.h2po4, f.hpo4, f.po4):
        assert np.all(np.isfinite(share))
    # Zero calcium or phosphate is a real solution: SI is -inf (infinitely undersaturated), never NaN.
    for ca, p in ((0.0, 1.2), (2.4, 0.0), (0.0, 0.0)):
        result = chemistry.speciate(ca, p, 7.4, albumin_g_l=40.0)
        assert result.saturation_index("hydroxyapatite") == -math.inf
        assert all(math.isfinite(v) for v in result.species_mmol_l.values())
