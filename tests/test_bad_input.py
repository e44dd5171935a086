"""Every public entry point refuses bad input with a message a student can act on.

The message must name the argument, repeat the value given, and state the
accepted range with its unit.  Nothing may come back as NaN, and nothing may
be clipped silently.

The corpus of bad input is generated from the declarations themselves: every
public function of :mod:`calcify_lib` that declares its ranges with
``@accepts`` (``function.__accepts__``) is called with each declared argument
below its range, above it, NaN, infinite, a string, ``None`` and a boolean,
the other arguments valid.  A test makes sure no public function that takes
a quantity with a unit escapes the declaration.
"""

from __future__ import annotations

import importlib
import inspect
import math
import pkgutil
import re
from dataclasses import replace

import matplotlib.pyplot as plt
import numpy as np
import pytest

import calcify_lib
from calcify_lib import chemistry, precipitation, thermodynamics, units
from calcify_lib._validation import Range, accepts

# ---------------------------------------------------------------------- discovery

#: The processes of the homeostasis model: the right-hand side of its ODE, called by the integrator
#: with arrays of model states thousands of times a simulation; their inputs come from the model,
#: never from a reader, and the package exports none of them (they have no ``__all__``).
INTERNAL_MODULES = {
    "calcify_lib.homeostasis.bone", "calcify_lib.homeostasis.fgf23", "calcify_lib.homeostasis.gut",
    "calcify_lib.homeostasis.kidney", "calcify_lib.homeostasis.parathyroid",
    "calcify_lib.homeostasis.vitamin_d",
}

#: Public functions that take a quantity but are deliberately left unchecked, with the reason.
UNCHECKED = {
    "calcify_lib.homeostasis.serum.SerumTable.fractions":
        "the integrator's inner loop: interpolates model states, clipped to the table by design",
    "calcify_lib.homeostasis.serum.SerumTable.fractions_array": "the same, on arrays",
}


def _modules():
    for info in pkgutil.walk_packages(calcify_lib.__path__, "calcify_lib."):
        if info.name not in INTERNAL_MODULES and not info.name.split(".")[-1].startswith("_"):
            yield importlib.import_module(info.name)


def _is_public(module, name: str) -> bool:
    exported = getattr(module, "__all__", None)
    return not name.startswith("_") and (exported is None or name in exported)


def _public_functions():
    """(qualified name, function) for every public function and public method defined in calcify_lib."""
    for module in _modules():
        for name, obj in sorted(vars(module).items()):
            if not _is_public(module, name) or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj):
                yield f"{module.__name__}.{name}", obj
            elif inspect.isclass(obj):
                for method_name, method in sorted(vars(obj).items()):
                    if inspect.isfunction(method) and not method_name.startswith("_"):
                        yield f"{module.__name__}.{name}.{method_name}", method


PUBLIC_FUNCTIONS = dict(_public_functions())
DECLARED = {name: f for name, f in PUBLIC_FUNCTIONS.items() if getattr(f, "__accepts__", None)}

# A parameter that carries a quantity: its name ends with a unit, or is a dimensionless quantity.
UNIT_SUFFIX = re.compile(
    r"_(mg_dl|mmol_l|mol_l|g_l|g_dl|mg2_dl2|mmol2_l2|per_g_dl|c|k|deg|nm|m|m3|s|day|days|kt|pg_ml|ng_ml|"
    r"ml_min|mmol_day|j|j_m2)$"
)
QUANTITIES = {"ph", "severity", "saturation_ratio", "saturation_index", "days", "day", "ratio", "q", "ksp",
              "charge"}
NUMERIC_ANNOTATION = re.compile(r"^(float|int|np\.ndarray|numpy\.ndarray)\b")


def _takes_a_quantity(parameter: inspect.Parameter) -> bool:
    if not (UNIT_SUFFIX.search(parameter.name) or parameter.name in QUANTITIES):
        return False
    annotation = parameter.annotation
    if annotation is inspect.Parameter.empty:
        return True
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    return bool(NUMERIC_ANNOTATION.match(text))


def test_every_public_function_taking_a_quantity_declares_its_range():
    missing = []
    for name, function in PUBLIC_FUNCTIONS.items():
        if name in UNCHECKED:
            continue
        declared = getattr(function, "__accepts__", {})
        for parameter in inspect.signature(function).parameters.values():
            if _takes_a_quantity(parameter) and parameter.name not in declared:
                missing.append(f"{name}({parameter.name})")
    assert not missing, "declare these with @accepts (calcify_lib._validation): " + ", ".join(missing)


def test_the_discovery_finds_the_entry_points_of_every_science_module():
    modules = {name.rsplit(".", 1)[0] for name in DECLARED}
    for expected in ("units", "precipitation", "thermodynamics", "chemistry.phosphate", "chemistry.speciation",
                     "chemistry.serum", "nucleation", "homeostasis.conditions", "homeostasis.labs",
                     "tissue.blood", "tissue.lung", "tissue.stomach", "tissue.kidney", "tissue.local",
                     "figures.chemistry.simple", "figures.chemistry.saturation", "figures.chemistry.tables",
                     "figures.two_faces", "figures.suspects.course", "figures.suspects.tables"):
        assert f"calcify_lib.{expected}" in modules
    assert len(DECLARED) >= 40


# ---------------------------------------------------------------------- valid calls

#: Values for the required arguments that are not numbers.  Factories: a figure needs fresh axes.
#: (The bad-input corpus does not need them: the declared check refuses before the function runs.
#: A valid call does: add a new categorical argument here.)
OTHER_ARGUMENTS = {
    "phase": lambda: "hydroxyapatite",
    "pair": lambda: "CaHPO4",
    "condition": lambda: "normal",
    "treatments": lambda: frozenset(),
    "surface": lambda: "collagen",
    "sera": lambda: {"normal serum": 12.8},
    "volumes_m3": lambda: {"1 mm³": 1e-9},
    "ax": lambda: plt.subplots()[1],
    "tissue": lambda: "lung_apex",
    "element": lambda: "Ca",
    "deposit": lambda: "dystrophic",
    "stain": lambda: "von_kossa",
    "section": lambda: importlib.import_module("calcify_lib.histology").draw_section("dystrophic", size_px=64),
    "rgb": lambda: np.full((8, 8, 3), 0.5),
    "haematoxylin_od": lambda: np.full((8, 8), 0.2),
    "crystal": lambda: "calcium_oxalate_monohydrate",
    "trajectory": lambda: calcify_lib.homeostasis.simulate("normal", days=30.0),
    "axes": lambda: plt.subplots(2, 2)[1].ravel(),
    "treatment_sets": lambda: ((), ("dialysis",)),
}
#: Stands for a required argument with no entry in OTHER_ARGUMENTS (the valid call then fails, saying so).
MISSING = object()
#: An instance for each class whose methods declare ranges.
INSTANCES = {
    "Trajectory": lambda: calcify_lib.homeostasis.simulate("normal", days=30.0),
    "MediaTrajectory": lambda: calcify_lib.vascular.simulate_media(2.0, 10.0),
}
#: Where the middle of the declared range would not be a valid or a quick call: a serum (the middle of
#: every concentration range together exceeds the ionic strength the Davies equation allows), body
#: temperature (the middle, 50 °C, is an extrapolation and warns), a month of simulation and a
#: treatment started within it, a reflection (Miller indices 0, 0, 0 are none), a powder pattern
#: (a range of angles).
TYPICAL = {
    "ca_mmol_l": 2.4, "phosphate_mmol_l": 1.2, "na_mmol_l": 140.0, "mg_mmol_l": 0.85, "cl_mmol_l": 105.0,
    "albumin_g_l": 40.0, "temperature_c": 37.0, "days": 30.0, "start_day": 10.0, "from_day": 10.0,
    "h": 0.0, "k": 0.0, "l": 2.0, "two_theta_deg": np.linspace(20.0, 60.0, 81),
}


def _middle(declared: Range) -> float:
    low, high = declared.low, declared.high
    if math.isfinite(low) and math.isfinite(high):
        return (low + high) / 2.0
    if math.isfinite(low):
        return low + 1.0
    return high - 1.0 if math.isfinite(high) else 0.0


def _valid_arguments(qualname: str, function) -> dict:
    """A valid call of ``function``, as keyword arguments (``self`` included for a method)."""
    declared = function.__accepts__
    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "self":
            factory = INSTANCES.get(qualname.split(".")[-2])
            arguments["self"] = factory() if factory else MISSING
        elif parameter.name in declared:
            continue
        elif parameter.default is parameter.empty:
            factory = OTHER_ARGUMENTS.get(parameter.name)
            arguments[parameter.name] = factory() if factory else MISSING
    for name, accepted in declared.items():  # static ranges first: a dynamic bound reads them
        if accepted.optional:
            arguments[name] = None  # what the function does by default
        elif not accepted.dynamic:
            value = TYPICAL.get(name, _middle(accepted))
            assert np.all(accepted.contains(value)), f"TYPICAL[{name!r}] lies outside {accepted}"
            arguments[name] = value
    for name, accepted in declared.items():
        if accepted.dynamic:
            arguments[name] = _middle(accepted.resolve(arguments))
    return arguments


def _call(function, arguments: dict):
    arguments = dict(arguments)
    instance = arguments.pop("self", None)
    return function(instance, **arguments) if instance is not None else function(**arguments)


@pytest.mark.parametrize("qualname", sorted(DECLARED))
def test_a_valid_call_built_from_the_declaration_is_accepted(qualname):
    function = DECLARED[qualname]
    arguments = _valid_arguments(qualname, function)
    missing = [name for name, value in arguments.items() if value is MISSING]
    assert not missing, f"add a valid value for {missing} to OTHER_ARGUMENTS (or INSTANCES for self)"
    try:
        _call(function, arguments)
    finally:
        plt.close("all")


# ---------------------------------------------------------------------- the corpus

def _bad_values(declared: Range):
    """(value, expected error) that ``declared`` must refuse."""
    low, high = declared.low, declared.high
    if math.isfinite(low):
        yield low - max(1.0, abs(low)), ValueError
        if not declared.low_inclusive:
            yield low, ValueError
    if math.isfinite(high):
        yield high + max(1.0, abs(high)), ValueError
        if not declared.high_inclusive:
            yield high, ValueError
    yield math.nan, ValueError
    yield math.inf, ValueError
    yield -math.inf, ValueError
    yield "9.5", TypeError
    if not declared.optional:
        yield None, TypeError
    yield True, TypeError


def _corpus():
    for qualname in sorted(DECLARED):
        function = DECLARED[qualname]
        for argument, declared in function.__accepts__.items():
            # The bounds of a dynamic range are those of the valid call, resolved in the test.
            probe = declared.resolve(_valid_arguments_cached(qualname)) if declared.dynamic else declared
            for value, error in _bad_values(probe):
                yield pytest.param(qualname, argument, value, error, id=f"{qualname}({argument}={value!r})")


_VALID_CACHE: dict[str, dict] = {}


def _valid_arguments_cached(qualname):
    if qualname not in _VALID_CACHE:
        _VALID_CACHE[qualname] = _valid_arguments(qualname, DECLARED[qualname])
    return _VALID_CACHE[qualname]


CORPUS = list(_corpus())


def test_the_corpus_is_as_large_as_the_declarations_make_it():
    arguments = sum(len(f.__accepts__) for f in DECLARED.values())
    assert len(CORPUS) >= 7 * arguments


@pytest.mark.parametrize(("qualname", "argument", "value", "error"), CORPUS)
def test_bad_input_is_refused_naming_the_argument_the_value_and_the_range(qualname, argument, value, error):
    function = DECLARED[qualname]
    arguments = dict(_valid_arguments_cached(qualname))
    if "ax" in arguments:
        arguments["ax"] = OTHER_ARGUMENTS["ax"]()
    arguments[argument] = value
    accepted = function.__accepts__[argument].resolve(arguments)
    try:
        with pytest.raises(error) as refusal:
            _call(function, arguments)
    finally:
        plt.close("all")
    message = str(refusal.value)
    assert message.startswith(f"{argument} must ")
    assert repr(value) in message
    assert str(accepted) in message


def _grid_corpus():
    for qualname in sorted(DECLARED):
        for argument, declared in DECLARED[qualname].__accepts__.items():
            if declared.kind == "real" and not declared.dynamic:
                yield pytest.param(qualname, argument, id=f"{qualname}({argument})")


GRID_ARGUMENTS = list(_grid_corpus())


@pytest.mark.parametrize(("qualname", "argument"), GRID_ARGUMENTS)
def test_a_grid_with_one_bad_element_is_refused_and_the_element_located(qualname, argument):
    function = DECLARED[qualname]
    declared = function.__accepts__[argument]
    good = np.mean(TYPICAL.get(argument, _middle(declared)))
    bad = next(value for value, error in _bad_values(declared) if error is ValueError)
    for grid, index in (([good, math.nan, good], "(1,)"), ([[good, good], [bad, good]], "(1, 0)")):
        arguments = dict(_valid_arguments_cached(qualname))
        arguments[argument] = np.array(grid)
        with pytest.raises(ValueError) as refusal:
            _call(function, arguments)
        message = str(refusal.value)
        assert message.startswith(f"{argument} must ") and str(declared) in message
        assert f"at index {index}" in message


@pytest.mark.parametrize(("qualname", "argument"), GRID_ARGUMENTS)
@pytest.mark.parametrize("bad_grid", [np.array(["8", "9"]), [8.0, None], np.array([True, False]), [[1.0], [1.0, 2.0]]],
                         ids=["strings", "none", "bools", "ragged"])
def test_a_grid_of_the_wrong_type_is_refused(qualname, argument, bad_grid):
    arguments = dict(_valid_arguments_cached(qualname))
    arguments[argument] = bad_grid
    with pytest.raises(TypeError, match=f"^{argument} must be real numbers"):
        _call(DECLARED[qualname], arguments)


def test_a_scalar_only_argument_refuses_an_array():
    with pytest.raises(TypeError, match=r"ca_mmol_l must be a real number in 0 to 100 mmol/L; got array"):
        chemistry.speciate(np.array([2.4, 2.5]), 1.2, 7.4)


# ---------------------------------------------------------------------- Range and accepts

def test_a_range_speaks_the_words_of_the_messages_and_the_documentation():
    assert str(Range(0, 30, "mg/dL")) == "0 to 30 mg/dL"
    assert str(Range(0, 14, "")) == "0 to 14"
    assert str(Range(0.0, math.inf, "m³", low_inclusive=False)) == "greater than 0 m³"
    assert str(Range(0, 36500, "days", low_inclusive=False)) == "greater than 0 and at most 36500 days"
    assert str(Range(-math.inf, 5, "K", high_inclusive=False)) == "less than 5 K"
    assert str(Range(0, "days", "days")) == "0 to `days` days"


def test_a_range_refuses_to_be_declared_upside_down_or_of_an_unknown_kind():
    with pytest.raises(ValueError, match="low must not exceed high"):
        Range(10, 0, "mg/dL")
    with pytest.raises(ValueError, match="kind must be one of"):
        Range(0, 1, "mg/dL", kind="integer")


def test_accepts_checks_positional_and_keyword_arguments_and_passes_floats():
    seen = []

    @accepts(a_mg_dl=Range(0, 10, "mg/dL", kind="number"), b_mg_dl=Range(0, 10, "mg/dL"))
    def f(a_mg_dl, b_mg_dl=1.0, *, c=None):
        """Doc."""
        seen.append((a_mg_dl, b_mg_dl))
        return c

    f(3, np.int64(4))
    f(b_mg_dl=[1, 2], a_mg_dl=np.float32(0.5))
    assert type(seen[0][0]) is float and type(seen[0][1]) is float
    assert seen[1][1].dtype == np.float64 and seen[1][0] == 0.5
    with pytest.raises(ValueError, match=r"b_mg_dl must lie in 0 to 10 mg/dL; got 11 mg/dL"):
        f(1, 11)
    with pytest.raises(ValueError, match=r"a_mg_dl must lie in 0 to 10 mg/dL; got -1 mg/dL"):
        f(a_mg_dl=-1)
    assert f.__name__ == "f" and f.__doc__ == "Doc."
    assert str(inspect.signature(f)) == "(a_mg_dl, b_mg_dl=1.0, *, c=None)"
    assert list(f.__accepts__) == ["a_mg_dl", "b_mg_dl"]
    with pytest.raises(TypeError):
        f.__accepts__["c"] = Range(0, 1, "")  # read-only


def test_a_missing_argument_is_pythons_own_error():
    with pytest.raises(TypeError, match=r"missing 1 required positional argument: 'ph'"):
        chemistry.speciate(2.4, 1.2)


def test_defaults_are_checked_once_when_the_function_is_declared():
    with pytest.raises(ValueError, match=r"x_mg_dl must lie in 0 to 10 mg/dL; got 20.0"):
        @accepts(x_mg_dl=Range(0, 10, "mg/dL"))
        def f(x_mg_dl=20.0):
            return x_mg_dl

    @accepts(x_mg_dl=Range(0, 10, "mg/dL"))
    def g(x_mg_dl=2):
        return x_mg_dl

    assert g() == 2.0 and type(g()) is float  # an int default reaches the body converted, like a given value


def test_a_declaration_must_name_an_argument():
    with pytest.raises(TypeError, match="has no argument 'y_mg_dl'"):
        @accepts(y_mg_dl=Range(0, 10, "mg/dL"))
        def f(x_mg_dl):
            return x_mg_dl
    with pytest.raises(TypeError, match="refers to 'horizon'"):
        @accepts(x=Range(0, "horizon", "days"))
        def g(x):
            return x


def test_a_bound_that_is_another_argument_is_stated_resolved():
    with pytest.raises(ValueError, match="treatment_start_day must lie in 0 to 30 days; got 31"):
        calcify_lib.homeostasis.simulate("normal", days=30, treatment_start_day=31)
    trajectory = calcify_lib.homeostasis.simulate("normal", days=20.0)
    with pytest.raises(ValueError, match="day must lie in 0 to 20 days; got 25"):
        trajectory.labs_at(25)


def test_an_optional_argument_accepts_none():
    plain = chemistry.speciate(2.4, 1.2, 7.4, cl_mmol_l=None)
    assert plain.cl_mmol_l > 0.0
    assert chemistry.speciate_grid.__accepts__["cl_mmol_l"].optional


def test_the_checked_value_is_what_the_body_used_to_compute_with():
    # Same float conversion as the hand-written checks: an int and its float give identical results.
    assert units.ca_mg_dl_to_mmol_l(10) == units.ca_mg_dl_to_mmol_l(10.0)
    assert chemistry.speciate(2, 1, 7).free_ca_mmol_l == chemistry.speciate(2.0, 1.0, 7.0).free_ca_mmol_l
    grid = units.phosphate_mg_dl_to_mmol_l([3, 4])
    assert grid.dtype == np.float64


# ---------------------------------------------------------------------- beyond the declared ranges

def test_saturation_ratio_refuses_a_zero_or_negative_ksp():
    for ksp in (0.0, -1.0):
        with pytest.raises(ValueError, match="ksp"):
            precipitation.saturation_ratio(1.0, ksp)


def test_verdict_refuses_a_negative_ratio():
    with pytest.raises(ValueError, match="ratio"):
        precipitation.verdict(-0.5)


SERUM = {"ca_mmol_l": 2.4, "phosphate_mmol_l": 1.2, "ph": 7.4, "temperature_c": 37.0, "na_mmol_l": 140.0,
         "mg_mmol_l": 0.85, "cl_mmol_l": 105.0, "albumin_g_l": 40.0}


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
    with pytest.warns(chemistry.PhRangeWarning, match="6-9") as record:
        result = chemistry.speciate(2.4, 1.2, 10.5)
    assert math.isfinite(result.free_ca_mmol_l)
    assert record[0].filename == __file__  # the warning points at the caller, not at the library


def test_a_temperature_outside_the_measured_range_warns():
    with pytest.warns(thermodynamics.ExtrapolationWarning, match="extrapolation") as record:
        thermodynamics.log_ksp("brushite", 80.0)
    assert record[0].filename == __file__
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


def test_an_open_bound_refuses_the_bound_itself_in_words():
    from calcify_lib import nucleation

    with pytest.raises(ValueError, match=r"volume_m3 must be a finite number greater than 0 m³; got 0.0"):
        nucleation.induction_time_s(12.8, volume_m3=0.0)
    declared = replace(nucleation.induction_time_s.__accepts__["volume_m3"], low_inclusive=True)
    assert declared.check("volume_m3", 0.0) == 0.0
