"""The model of the T50 test (calcify_lib.calciprotein): direction of every determinant, calibration, refusals."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from calcify_lib import calciprotein as cp
from calcify_lib import chemistry
from calcify_lib.cited import CitedConstant


def _serum(key):
    return {name: c.value for name, c in cp.SERA[key].items()}


# ---------------------------------------------------------------------- the entry points as specified

def test_t50_minutes_has_the_specified_keyword_only_signature_with_healthy_defaults():
    parameters = inspect.signature(cp.t50_minutes).parameters
    assert list(parameters) == ["phosphate_mmol_l", "ionized_ca_mmol_l", "magnesium_mmol_l", "fetuin_a_g_l",
                                "pyrophosphate_umol_l", "albumin_g_l", "ph"]
    assert all(p.kind is p.KEYWORD_ONLY for p in parameters.values())
    assert parameters["phosphate_mmol_l"].default == 1.2
    assert parameters["ionized_ca_mmol_l"].default is None
    assert parameters["magnesium_mmol_l"].default == 0.85
    assert parameters["albumin_g_l"].default == 40.0
    assert parameters["ph"].default == 7.4
    # Every default is a healthy adult's value, each a CitedConstant.
    for name, constant in cp.HEALTHY_SERUM.items():
        assert isinstance(constant, CitedConstant)
        assert parameters[name].default == constant.value


def test_transformation_takes_minutes_and_the_same_keywords():
    parameters = inspect.signature(cp.transformation).parameters
    assert list(parameters) == ["minutes", *inspect.signature(cp.t50_minutes).parameters]
    assert all(p.kind is p.KEYWORD_ONLY for p in parameters.values())


# ---------------------------------------------------------------------- the calibration, against published values

def test_the_healthy_default_lies_in_the_general_population_range():
    # PREVEND (Eelderink 2020, eelderink2020serum): 329 ± 58 min in 6231 adults.
    t50 = cp.t50_minutes()
    assert 329.0 - 58.0 <= t50 <= 329.0 + 58.0
    assert t50 == pytest.approx(cp.HEALTHY_T50_MINUTES.value, abs=0.5)


def test_a_dialysis_serum_lies_in_the_haemodialysis_range():
    # ISAR (Lorenz 2017, lorenz2017worsening): 246 ± 64 min in 188 haemodialysis patients.
    t50 = cp.t50_minutes(**_serum("haemodialysis"))
    assert 246.0 - 64.0 <= t50 <= 246.0 + 64.0
    assert t50 < cp.t50_minutes() - 58.0 + 20.0  # well below the healthy mean, near its lower SD


def test_raising_serum_magnesium_by_the_bressendorff_amount_lengthens_t50_by_about_73_minutes():
    # Bressendorff 2018 (bressendorff2018magnesium): dialysate Mg 1.0 -> 2.0 mEq/L, T50 +73 min (95 % CI 30-116).
    dialysis = _serum("haemodialysis")
    raised = dict(dialysis, magnesium_mmol_l=dialysis["magnesium_mmol_l"] + cp.BRESSENDORFF_SERUM_MG_RISE_MMOL_L.value)
    rise = cp.t50_minutes(**raised) - cp.t50_minutes(**dialysis)
    assert 30.0 <= rise <= 116.0
    assert rise == pytest.approx(73.0, abs=1.0)


def test_ckd_3_4_falls_between_health_and_dialysis():
    # Smith 2014 (smith2014serum): propensity rises (T50 falls) with phosphate through CKD; a prediction, not a fit.
    healthy, ckd, dialysis = (cp.t50_minutes(**_serum(k)) for k in ("healthy", "ckd_3_4", "haemodialysis"))
    assert dialysis < ckd < healthy


# ---------------------------------------------------------------------- the directions (Smith 2014's determinants)

def _monotone(keyword, values, increasing):
    t = [cp.t50_minutes(**{keyword: v}) for v in values]
    steps = np.diff(t)
    return bool(np.all(steps > 0)) if increasing else bool(np.all(steps < 0))


def test_t50_falls_with_phosphate():
    assert _monotone("phosphate_mmol_l", (0.6, 1.0, 1.2, 1.6, 2.0, 3.0), increasing=False)


def test_t50_falls_with_ionized_calcium():
    assert _monotone("ionized_ca_mmol_l", (0.9, 1.05, 1.14, 1.3, 1.5), increasing=False)


def test_t50_rises_with_magnesium():
    assert _monotone("magnesium_mmol_l", (0.4, 0.7, 0.85, 1.1, 1.6), increasing=True)


def test_t50_rises_with_fetuin_a():
    assert _monotone("fetuin_a_g_l", (0.0, 0.3, 0.7, 1.0, 1.5), increasing=True)


def test_t50_rises_with_pyrophosphate():
    assert _monotone("pyrophosphate_umol_l", (0.0, 1.0, 2.26, 3.26, 6.0), increasing=True)


def test_t50_rises_with_albumin():
    assert _monotone("albumin_g_l", (20.0, 30.0, 40.0, 50.0), increasing=True)


def test_a_serum_without_fetuin_a_keeps_half_of_the_fetuin_factor():
    assert cp.t50_minutes(fetuin_a_g_l=0.0) == pytest.approx(
        cp.t50_minutes() * (1.0 - cp.FETUIN_A_SHARE.value), rel=1e-12)


def test_magnesium_acts_both_through_chemistry_and_through_kinetics():
    low, high = cp.assay_speciation(magnesium_mmol_l=0.5), cp.assay_speciation(magnesium_mmol_l=1.5)
    assert high.saturation_index < low.saturation_index  # MgHPO4 pairs take phosphate (chemistry)
    curve = cp.transformation(minutes=100.0, magnesium_mmol_l=1.5)
    assert curve.factors["magnesium"] > 1.0  # and the ripening itself is slower


def test_the_sample_ph_acts_only_through_the_ionized_calcium_it_was_measured_at():
    assert cp.t50_minutes(ph=7.3) == cp.t50_minutes(ph=7.5)  # the buffer sets the well's pH
    # the same ionized calcium at a higher pH needs more total calcium: shorter T50
    assert cp.t50_minutes(ionized_ca_mmol_l=1.14, ph=7.5) < cp.t50_minutes(ionized_ca_mmol_l=1.14, ph=7.3)


# ---------------------------------------------------------------------- the assay's chemistry comes from calcify_lib.chemistry

def test_the_well_is_speciated_by_chemistry_speciate():
    well = cp.assay_speciation()
    direct = chemistry.speciate(
        well.ca_mmol_l, well.phosphate_mmol_l, cp.ASSAY_PH.value, temperature_c=cp.ASSAY_TEMPERATURE_C.value,
        na_mmol_l=140.0, mg_mmol_l=well.magnesium_mmol_l, albumin_g_l=well.albumin_g_l,
        citrate_mmol_l=0.5 * chemistry.NORMAL_SERUM["citrate_mmol_l"].value,
        bicarbonate_mmol_l=0.5 * chemistry.NORMAL_SERUM["bicarbonate_mmol_l"].value)
    assert well.saturation_index == pytest.approx(float(direct.saturation_index("hydroxyapatite")), abs=1e-12)
    assert well.ca_mmol_l == pytest.approx(0.5 * cp.NORMAL_TOTAL_CA_MMOL_L.value + 10.0)
    assert well.phosphate_mmol_l == pytest.approx(0.5 * 1.2 + 6.0)
    # the assay makes serum far more supersaturated than it is
    assert well.saturation_index > well.serum_saturation_index + 3.0


def test_the_total_calcium_found_carries_the_ionized_calcium_asked_for():
    for ionized in (0.9, 1.14, 1.4):
        total = cp.serum_total_ca_mmol_l(ionized)
        serum = chemistry.speciate(total, 1.2, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0,
                                   citrate_mmol_l=chemistry.NORMAL_SERUM["citrate_mmol_l"].value,
                                   bicarbonate_mmol_l=chemistry.NORMAL_SERUM["bicarbonate_mmol_l"].value)
        assert serum.free_ca_mmol_l == pytest.approx(ionized, abs=1e-8)
    assert cp.assay_speciation(ionized_ca_mmol_l=1.14).serum_total_ca_mmol_l == pytest.approx(
        cp.NORMAL_TOTAL_CA_MMOL_L.value, abs=0.01)


# ---------------------------------------------------------------------- the time course

def test_the_fraction_transformed_is_sigmoidal_and_half_at_t50():
    minutes = np.arange(0.0, 901.0, 1.0)
    curve = cp.transformation(minutes=minutes)
    x = curve.fraction_transformed
    assert x[0] == 0.0 and x[-1] > 0.99
    assert np.all(np.diff(x) >= 0.0)
    slope = np.diff(x)
    peak = int(np.argmax(slope))
    assert 0 < peak < len(slope) - 1  # an inflection inside: sigmoidal, not saturating from the start
    assert np.interp(curve.t50_minutes, minutes, x) == pytest.approx(0.5, abs=1e-3)


def test_reading_t50_from_the_readings_agrees_with_the_model():
    for key in cp.SERA:
        curve = cp.transformation(minutes=np.arange(0.0, 721.0, 3.0), **_serum(key))
        assert curve.t50_read_minutes() == pytest.approx(curve.t50_minutes, abs=0.5)
        assert curve.t50_minutes == pytest.approx(cp.t50_minutes(**_serum(key)), rel=1e-12)


def test_readings_that_end_before_half_way_cannot_give_t50():
    curve = cp.transformation(minutes=np.arange(0.0, 120.0, 5.0))
    with pytest.raises(ValueError, match="beyond"):
        curve.t50_read_minutes()


def test_minutes_must_increase():
    with pytest.raises(ValueError, match="increase"):
        cp.transformation(minutes=[0.0, 10.0, 5.0])


# ---------------------------------------------------------------------- bad input

@pytest.mark.parametrize("keyword, value, error", [
    ("phosphate_mmol_l", -1.0, ValueError), ("phosphate_mmol_l", 12.0, ValueError),
    ("phosphate_mmol_l", math.nan, ValueError), ("phosphate_mmol_l", "1.2", TypeError),
    ("ionized_ca_mmol_l", 5.0, ValueError), ("magnesium_mmol_l", 0.0, ValueError),
    ("fetuin_a_g_l", -0.1, ValueError), ("pyrophosphate_umol_l", math.inf, ValueError),
    ("albumin_g_l", 200.0, ValueError), ("ph", 8.5, ValueError), ("magnesium_mmol_l", None, TypeError),
    ("fetuin_a_g_l", True, TypeError),
])
def test_bad_input_is_refused_with_the_argument_the_value_and_the_range(keyword, value, error):
    with pytest.raises(error) as info:
        cp.t50_minutes(**{keyword: value})
    message = str(info.value)
    assert keyword in message
    assert repr(value) in message or str(value) in message
    accepted = cp.t50_minutes.__accepts__[keyword]
    assert str(accepted) in message


def test_transformation_refuses_negative_minutes():
    with pytest.raises(ValueError, match=r"minutes must lie in 0 to 10000 min"):
        cp.transformation(minutes=[-5.0, 10.0])


def test_positional_arguments_are_refused():
    with pytest.raises(TypeError):
        cp.t50_minutes(1.2)  # type: ignore[misc]


# ---------------------------------------------------------------------- the constants

def test_fitted_constants_name_their_targets_and_cohort_values_are_measured():
    for constant in (cp.MAGNESIUM_HALF_EFFECT_MMOL_L, cp.PYROPHOSPHATE_HALF_EFFECT_UMOL_L, cp.FETUIN_A_SHARE):
        assert constant.basis == "set" and "set so that" in constant.note.lower()
    for constant in (cp.HEALTHY_T50_MINUTES, cp.DIALYSIS_T50_MINUTES, cp.BRESSENDORFF_T50_RISE_MINUTES):
        assert constant.basis == "measured"


def test_trial_results_are_cited_data():
    calipso = cp.TRIALS[0]
    assert (calipso.treated.value, calipso.control.value) == (11.0, 20.0)
    assert calipso.treated.citation == "raggi2020slowing"
