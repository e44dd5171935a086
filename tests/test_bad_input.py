"""Every public entry point refuses bad input with a message a student can act on.

The message must name the argument, repeat the value given, and state the
accepted range with its unit.  Nothing may come back as NaN, and nothing may
be clipped silently.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from calcify_lib import chemistry, figures, precipitation, units

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
    (chemistry.hydroxyapatite_log_ksp, "temperature_c", {"temperature_c": 37.0}, "0 to 45 °C"),
]

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


def test_no_entry_point_returns_nan_at_the_edges_of_its_range():
    assert units.ca_mg_dl_to_mmol_l(0.0) == 0.0
    assert math.isfinite(units.ca_mg_dl_to_mmol_l(30.0))
    f = chemistry.phosphate_fractions(np.array([0.0, 14.0]))
    for share in (f.h3po4, f.h2po4, f.hpo4, f.po4):
        assert np.all(np.isfinite(share))
