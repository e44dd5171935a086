"""The media model: phosphate switches smooth muscle to bone, mineral accumulates, and the aorta stiffens."""

from __future__ import annotations

import math

import numpy as np
import pytest

from calcify_lib import chemistry, nucleation, vascular
from calcify_lib.cited import BASES, CitedConstant

NORMAL = vascular.PHOSPHATE_EXPOSURES_MMOL_L["normal"].value
CKD4 = vascular.PHOSPHATE_EXPOSURES_MMOL_L["ckd_stage_4"].value
DIALYSIS = vascular.PHOSPHATE_EXPOSURES_MMOL_L["dialysis"].value
CUTOFF = vascular.PWV_CUTOFF_M_S.value


@pytest.fixture(scope="module")
def runs():
    return {p: vascular.simulate_media(p, 10.0) for p in (0.8, NORMAL, 1.4, CKD4, 1.8, DIALYSIS, 2.5)}


# ------------------------------------------------------------------ physics

@pytest.mark.parametrize("e_kpa, h_mm, r_mm, rho", [(924.0, 1.36, 11.54, 1050.0), (500.0, 1.0, 10.0, 1000.0),
                                                    (2000.0, 2.0, 12.0, 1060.0)])
def test_moens_korteweg_is_the_square_root_of_eh_over_2_r_rho(e_kpa, h_mm, r_mm, rho):
    expected = math.sqrt(e_kpa * 1e3 * (h_mm * 1e-3) / (2.0 * (r_mm * 1e-3) * rho))
    assert vascular.moens_korteweg_pwv_m_s(e_kpa, h_mm, r_mm, blood_density_kg_m3=rho) == pytest.approx(
        expected, rel=1e-14)


def test_moens_korteweg_default_density_is_blood():
    assert vascular.moens_korteweg_pwv_m_s(1000.0, 1.0, 10.0) == pytest.approx(
        math.sqrt(1e6 * 1e-3 / (2 * 1e-2 * 1050.0)), rel=1e-14)


def test_quadrupling_the_modulus_doubles_the_wave_speed():
    slow = vascular.moens_korteweg_pwv_m_s(500.0, 1.36, 11.54)
    assert vascular.moens_korteweg_pwv_m_s(2000.0, 1.36, 11.54) == pytest.approx(2 * slow, rel=1e-12)


def test_the_normal_aorta_of_the_model_has_the_normal_pwv_of_its_age():
    pwv = vascular.moens_korteweg_pwv_m_s(vascular.media_young_modulus_kpa(0.0),
                                          vascular.AORTIC_WALL_THICKNESS_MM.value,
                                          vascular.AORTIC_LUMEN_RADIUS_MM.value)
    assert pwv == pytest.approx(vascular.NORMAL_PWV_M_S.value, rel=1e-12)


def test_halpin_tsai_runs_from_the_soft_wall_to_hydroxyapatite_and_rises_in_between():
    m = np.linspace(0.0, 1.0, 101)
    e = vascular.media_young_modulus_kpa(m)
    assert e[0] == pytest.approx(vascular.NORMAL_MEDIA_YOUNG_MODULUS_KPA.value, rel=1e-12)
    assert e[-1] == pytest.approx(vascular.HYDROXYAPATITE_YOUNG_MODULUS_KPA.value, rel=1e-9)
    assert np.all(np.diff(e) > 0)


def test_the_forward_pulse_pressure_is_the_water_hammer():
    c = 9.0
    expected = vascular.BLOOD_DENSITY_KG_M3.value * c * vascular.PEAK_FLOW_VELOCITY_M_S.value / 133.322387415
    assert vascular.forward_pulse_pressure_mmhg(c) == pytest.approx(expected, rel=1e-12)
    assert vascular.forward_pulse_pressure_mmhg(vascular.NORMAL_PWV_M_S.value) == pytest.approx(40.0, abs=0.05)


# ------------------------------------------------------------------ chemistry is reused, not copied

def test_the_supersaturation_is_the_chemistry_modules():
    serum = chemistry.NORMAL_SERUM
    s = chemistry.speciate(2.35, 2.0, serum["ph"].value, mg_mmol_l=serum["mg_mmol_l"].value,
                           na_mmol_l=serum["na_mmol_l"].value, albumin_g_l=serum["albumin_g_l"].value)
    expected = nucleation.saturation_ratio_per_growth_unit(float(s.saturation_index("hydroxyapatite")),
                                                           "hydroxyapatite") - 1.0
    assert vascular.media_supersaturation(2.0) == pytest.approx(expected, rel=1e-12)


def test_more_phosphate_or_calcium_means_more_supersaturation():
    assert vascular.media_supersaturation(1.0) < vascular.media_supersaturation(2.0)
    assert vascular.media_supersaturation(1.2, 2.0) < vascular.media_supersaturation(1.2, 2.8)


def test_deposition_scales_with_the_supersaturation_at_the_same_switch():
    """Same phosphate (same switch), more calcium: mineral rises by the ratio of S - 1, early on."""
    low, high = (vascular.simulate_media(DIALYSIS, 0.5, calcium_mmol_l=ca) for ca in (2.2, 2.6))
    ratio = vascular.media_supersaturation(DIALYSIS, 2.6) / vascular.media_supersaturation(DIALYSIS, 2.2)
    assert high.mineral_fraction[-1] / low.mineral_fraction[-1] == pytest.approx(ratio, rel=0.02)


# ------------------------------------------------------------------ the trajectory

def test_the_trajectory_has_the_named_arrays_on_one_time_axis(runs):
    t = runs[DIALYSIS]
    for name in ("years", "osteogenic_fraction", "mineral_fraction", "pwv_m_s", "young_modulus_kpa",
                 "pulse_pressure_mmhg"):
        array = getattr(t, name)
        assert isinstance(array, np.ndarray) and array.shape == t.years.shape
        assert not array.flags.writeable
    assert t.years[0] == 0.0 and t.years[-1] == pytest.approx(10.0)


def test_mineral_never_decreases(runs):
    for t in runs.values():
        assert np.all(np.diff(t.mineral_fraction) >= 0.0)


def test_mineral_never_decreases_even_when_phosphate_falls():
    high = vascular.simulate_media(DIALYSIS, 5.0)
    low = vascular.simulate_media(0.8, 10.0, initial_osteogenic_fraction=float(high.osteogenic_fraction[-1]),
                                  initial_mineral_fraction=float(high.mineral_fraction[-1]))
    assert low.mineral_fraction[0] == high.mineral_fraction[-1]
    assert np.all(np.diff(low.mineral_fraction) >= 0.0)


@pytest.mark.parametrize("p, inflammation, inhibitors", [(0.2, 0.0, 1.0), (5.0, 1.0, 0.1), (2.0, 0.5, 3.0)])
def test_fractions_stay_within_zero_and_one(p, inflammation, inhibitors):
    t = vascular.simulate_media(p, 100.0, inflammation=inflammation, inhibitors=inhibitors, points_per_year=4)
    for array in (t.osteogenic_fraction, t.mineral_fraction):
        assert np.all((array >= 0.0) & (array <= 1.0))


def test_mineral_at_ten_years_rises_with_phosphate(runs):
    mineral = [runs[p].mineral_fraction[-1] for p in sorted(runs)]
    assert np.all(np.diff(mineral) > 0)


def test_normal_phosphate_keeps_pwv_under_the_cutoff_for_ten_years(runs):
    assert np.all(runs[NORMAL].pwv_m_s < CUTOFF)


def test_normal_phosphate_keeps_the_media_nearly_free_of_mineral_and_pwv_normal_for_decades():
    t = vascular.simulate_media(NORMAL, 30.0)
    assert t.mineral_fraction[-1] < 0.005
    low, high = (c.value for c in vascular.NORMAL_PWV_RANGE_M_S)
    assert np.all((t.pwv_m_s >= low) & (t.pwv_m_s <= high))


def test_dialysis_phosphate_passes_the_cutoff_within_years(runs):
    crossing = runs[DIALYSIS].years_to_cross()
    assert 2.0 < crossing < 6.0
    assert runs[DIALYSIS].pwv_m_s[-1] > CUTOFF


def test_ckd_stage_4_lies_between_normal_and_dialysis(runs):
    assert runs[NORMAL].pwv_m_s[-1] < runs[CKD4].pwv_m_s[-1] < runs[DIALYSIS].pwv_m_s[-1]


def test_pwv_and_pulse_pressure_follow_the_mineral(runs):
    t = runs[DIALYSIS]
    assert np.all(np.diff(t.pwv_m_s) >= 0.0)
    assert np.allclose(t.pulse_pressure_mmhg, vascular.forward_pulse_pressure_mmhg(t.pwv_m_s))


def test_years_to_cross_is_infinite_when_never_crossed(runs):
    assert runs[NORMAL].years_to_cross() == math.inf


# ------------------------------------------------------------------ the switch (Jono 2000)

def test_the_switch_threshold_is_consistent_with_jono_2000():
    """No mineral at 1.4 mmol/L in culture, dose-dependent mineral above: the drive is small at 1.4, large at 2."""
    threshold = vascular.JONO_THRESHOLD_PHOSPHATE_MMOL_L.value
    assert threshold == 1.4
    assert vascular.phosphate_drive(threshold) < 0.05
    assert vascular.phosphate_drive(2.0) > 0.5
    one_year = {p: vascular.simulate_media(p, 1.0) for p in (1.0, 1.2, 1.4, 1.6, 2.0, 3.0)}
    assert one_year[1.4].osteogenic_fraction[-1] < 0.05
    assert one_year[2.0].osteogenic_fraction[-1] > 0.5
    mineral = [one_year[p].mineral_fraction[-1] for p in sorted(one_year)]
    assert np.all(np.diff(mineral) > 0)  # dose-dependent above the threshold
    assert one_year[2.0].mineral_fraction[-1] > 20 * one_year[1.4].mineral_fraction[-1]


def test_inflammation_lowers_the_threshold_and_inhibitors_raise_it():
    base = vascular.phosphate_drive(1.3)
    assert vascular.phosphate_drive(1.3, inflammation=1.0) > base > vascular.phosphate_drive(1.3, inhibitors=1.5)
    calm, inflamed = (vascular.simulate_media(1.2, 5.0, inflammation=i).mineral_fraction[-1] for i in (0.0, 1.0))
    assert inflamed > 10 * calm


def test_losing_inhibitors_calcifies_the_media_at_normal_phosphate():
    normal = vascular.simulate_media(NORMAL, 10.0)
    without = vascular.simulate_media(NORMAL, 10.0, inhibitors=0.5)
    assert without.mineral_fraction[-1] > 10 * normal.mineral_fraction[-1]


def test_lowering_phosphate_reverses_most_of_the_switch_but_keeps_a_memory():
    high = vascular.simulate_media(DIALYSIS, 5.0)
    state = {"initial_osteogenic_fraction": float(high.osteogenic_fraction[-1]),
             "initial_mineral_fraction": float(high.mineral_fraction[-1])}
    lowered = vascular.simulate_media(NORMAL, 10.0, **state)
    never = vascular.simulate_media(NORMAL, 15.0)
    assert lowered.osteogenic_fraction[-1] < 0.5 * high.osteogenic_fraction[-1]  # reverses, largely
    assert lowered.osteogenic_fraction[-1] > 5 * never.osteogenic_fraction[-1]  # but remembers
    assert lowered.pwv_m_s[-1] > CUTOFF  # and the stiffness stays


def test_at_normal_phosphate_switched_cells_turn_back():
    t = vascular.simulate_media(NORMAL, 5.0, initial_osteogenic_fraction=0.7)
    assert np.all(np.diff(t.osteogenic_fraction) < 0.0)
    assert t.osteogenic_fraction[-1] < 0.7 / 3


def test_runs_are_deterministic():
    a, b = (vascular.simulate_media(1.7, 7.0, inflammation=0.3) for _ in range(2))
    assert np.array_equal(a.mineral_fraction, b.mineral_fraction)
    assert np.array_equal(a.osteogenic_fraction, b.osteogenic_fraction)


def test_reading_a_trajectory_between_its_points_interpolates_and_outside_refuses(runs):
    t = runs[DIALYSIS]
    assert t.at(10.0)["pwv_m_s"] == pytest.approx(float(t.pwv_m_s[-1]))
    with pytest.raises(ValueError, match="years"):
        t.at(11.0)


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("kwargs, name", [
    ({"phosphate_mmol_l": -1.0}, "phosphate_mmol_l"),
    ({"phosphate_mmol_l": math.nan}, "phosphate_mmol_l"),
    ({"phosphate_mmol_l": 12.0}, "phosphate_mmol_l"),
    ({"years": 0.0}, "years"),
    ({"years": -2.0}, "years"),
    ({"years": 101.0}, "years"),
    ({"calcium_mmol_l": -0.1}, "calcium_mmol_l"),
    ({"calcium_mmol_l": 9.0}, "calcium_mmol_l"),
    ({"calcium_mmol_l": math.inf}, "calcium_mmol_l"),
    ({"inflammation": 1.5}, "inflammation"),
    ({"inhibitors": 0.0}, "inhibitors"),
    ({"initial_mineral_fraction": 1.2}, "initial_mineral_fraction"),
])
def test_simulate_media_refuses_bad_input_by_name(kwargs, name):
    args = {"phosphate_mmol_l": 1.2, "years": 5.0, **kwargs}
    with pytest.raises(ValueError, match=name):
        vascular.simulate_media(args.pop("phosphate_mmol_l"), args.pop("years"), **args)


@pytest.mark.parametrize("value", ["1.2", None, True, [1.2]])
def test_simulate_media_refuses_a_phosphate_that_is_not_a_number(value):
    with pytest.raises(TypeError, match="phosphate_mmol_l"):
        vascular.simulate_media(value, 5.0)


@pytest.mark.parametrize("kwargs, name", [
    ({"young_modulus_kpa": 0.0}, "young_modulus_kpa"),
    ({"young_modulus_kpa": -5.0}, "young_modulus_kpa"),
    ({"wall_thickness_mm": math.nan}, "wall_thickness_mm"),
    ({"lumen_radius_mm": math.inf}, "lumen_radius_mm"),
    ({"lumen_radius_mm": 0.0}, "lumen_radius_mm"),
    ({"blood_density_kg_m3": -1050.0}, "blood_density_kg_m3"),
])
def test_moens_korteweg_refuses_a_geometry_or_modulus_that_is_not_positive_and_finite(kwargs, name):
    args = {"young_modulus_kpa": 900.0, "wall_thickness_mm": 1.4, "lumen_radius_mm": 11.5, **kwargs}
    with pytest.raises(ValueError, match=name):
        vascular.moens_korteweg_pwv_m_s(args.pop("young_modulus_kpa"), args.pop("wall_thickness_mm"),
                                        args.pop("lumen_radius_mm"), **args)


def test_the_modulus_refuses_a_mineral_fraction_outside_zero_to_one():
    with pytest.raises(ValueError, match="mineral_fraction"):
        vascular.media_young_modulus_kpa(1.5)


# ------------------------------------------------------------------ citations and calibration

def _constants():
    found = [getattr(vascular, n) for n in vascular.__all__]
    found += list(vascular.NORMAL_PWV_RANGE_M_S) + list(vascular.PHOSPHATE_EXPOSURES_MMOL_L.values())
    return [c for c in found if isinstance(c, CitedConstant)]


def test_every_constant_states_its_basis_and_every_set_one_its_target():
    constants = _constants()
    assert len(constants) >= 25
    for c in constants:
        assert c.basis in BASES
        if c.basis == "set":
            assert "set" in c.note.lower(), c


def test_the_calibration_targets_are_the_cited_sources():
    assert vascular.PWV_CUTOFF_M_S.citation == "vanbortel2012expert"
    assert vascular.NORMAL_PWV_M_S.citation == "refvalues2010determinants"
    assert vascular.JONO_THRESHOLD_PHOSPHATE_MMOL_L.citation == "jono2000phosphate"
