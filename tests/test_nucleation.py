"""Classical nucleation theory for hydroxyapatite: the structure of the theory, its calibration,
and refusals of bad input."""

from __future__ import annotations

import math
import re

import pytest

from calcify_lib import chemistry, homeostasis, nucleation, thermodynamics
from calcify_lib.cited import CitedConstant

from conftest import ROOT

YEAR_S = 365.25 * 86400.0
DAY_S = 86400.0
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(), re.M))


def _serum_s(si: float) -> float:
    return nucleation.saturation_ratio_per_growth_unit(si, "hydroxyapatite")


NORMAL_S = _serum_s(float(chemistry.speciate_serum(9.42, 3.72).saturation_index("hydroxyapatite")))
CKD_S = _serum_s(homeostasis.steady_state("chronic_kidney_disease", 1.0).si_hydroxyapatite)
ANGLE = {name: surface.contact_angle_deg.value for name, surface in nucleation.SURFACES.items()}


# ------------------------------------------------------------------ the contact-angle factor

def test_the_contact_angle_factor_runs_from_no_barrier_to_no_help():
    assert nucleation.heterogeneous_factor(180.0) == 1.0
    assert nucleation.heterogeneous_factor(0.0) == 0.0
    assert nucleation.heterogeneous_factor(90.0) == 0.5


def test_a_better_wetted_surface_leaves_less_of_the_barrier():
    angles = [0.0, 1.0, 15.0, 30.0, 60.0, 89.0, 90.0, 91.0, 120.0, 150.0, 179.0, 180.0]
    factors = [nucleation.heterogeneous_factor(a) for a in angles]
    assert all(a < b for a, b in zip(factors, factors[1:]))


def test_the_factor_is_the_cap_volume_over_the_sphere_volume():
    # Volume of a cap of height h = R(1 - cos θ) is π h² (3R - h) / 3; the sphere's is 4πR³/3.
    for angle in (30.0, 75.0, 130.0):
        h = 1.0 - math.cos(math.radians(angle))
        cap_over_sphere = (math.pi * h * h * (3.0 - h) / 3.0) / (4.0 * math.pi / 3.0)
        assert nucleation.heterogeneous_factor(angle) == pytest.approx(cap_over_sphere, rel=1e-12)


# ------------------------------------------------------------------ structure of the theory

def test_the_barrier_scales_as_one_over_ln_squared_s():
    s1, s2 = 3.0, 20.0
    ratio = nucleation.nucleation_barrier_kt(s1) / nucleation.nucleation_barrier_kt(s2)
    assert ratio == pytest.approx((math.log(s2) / math.log(s1)) ** 2, rel=1e-12)


def test_a_wetting_surface_lowers_the_barrier_by_exactly_f():
    for angle in (30.0, 100.0, 150.0):
        ratio = (nucleation.nucleation_barrier_kt(NORMAL_S, contact_angle_deg=angle)
                 / nucleation.nucleation_barrier_kt(NORMAL_S))
        assert ratio == pytest.approx(nucleation.heterogeneous_factor(angle), rel=1e-12)


def test_the_barrier_follows_the_cnt_formula_with_the_module_constants():
    gamma = nucleation.EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value
    v = nucleation.MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value
    kt = nucleation.BOLTZMANN_CONSTANT_J_K.value * 310.15
    expected = 16 * math.pi * gamma**3 * v**2 / (3 * kt**3 * math.log(NORMAL_S) ** 2)
    assert nucleation.nucleation_barrier_kt(NORMAL_S) == pytest.approx(expected, rel=1e-12)


def test_the_critical_radius_scales_as_one_over_ln_s():
    ratio = nucleation.critical_radius_nm(4.0) / nucleation.critical_radius_nm(16.0)
    assert ratio == pytest.approx(2.0, rel=1e-12)


def test_the_critical_radius_and_barrier_agree():
    # For a sphere, ΔG* = (4π/3) γ r*²: the barrier is one third of the surface energy of the nucleus.
    gamma = nucleation.EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value
    kt = nucleation.BOLTZMANN_CONSTANT_J_K.value * 310.15
    r = nucleation.critical_radius_nm(NORMAL_S) * 1e-9
    assert 4 * math.pi / 3 * gamma * r * r / kt == pytest.approx(nucleation.nucleation_barrier_kt(NORMAL_S), rel=1e-12)


def test_more_supersaturation_lowers_the_barrier_and_raises_the_rate():
    ratios = [1.5, 2.0, 5.0, 12.8, 14.0, 30.0, 100.0]
    barriers = [nucleation.nucleation_barrier_kt(s) for s in ratios]
    rates = [nucleation.nucleation_rate_per_m3_s(s, contact_angle_deg=60.0) for s in ratios]
    assert all(a > b for a, b in zip(barriers, barriers[1:]))
    assert all(a < b for a, b in zip(rates, rates[1:]))


def test_a_larger_contact_angle_slows_nucleation():
    rates = [nucleation.nucleation_rate_per_m3_s(NORMAL_S, contact_angle_deg=a) for a in (60.0, 90.0, 100.0, 110.0)]
    assert all(a > b for a, b in zip(rates, rates[1:]))


def test_the_induction_time_is_one_over_rate_times_volume():
    for angle, volume in ((100.0, 1e-9), (110.0, 1e-6), (95.0, 1e-12)):
        rate = nucleation.nucleation_rate_per_m3_s(NORMAL_S, contact_angle_deg=angle)
        tau = nucleation.induction_time_s(NORMAL_S, contact_angle_deg=angle, volume_m3=volume)
        assert tau == pytest.approx(1.0 / (rate * volume), rel=1e-9)


def test_a_larger_volume_waits_proportionally_less():
    small = nucleation.induction_time_s(NORMAL_S, contact_angle_deg=100.0, volume_m3=1e-9)
    large = nucleation.induction_time_s(NORMAL_S, contact_angle_deg=100.0, volume_m3=1e-6)
    assert small / large == pytest.approx(1000.0, rel=1e-9)


def test_warmer_fluid_has_a_lower_barrier_at_the_same_s():
    assert nucleation.nucleation_barrier_kt(10.0, temperature_c=40.0) < nucleation.nucleation_barrier_kt(10.0, temperature_c=20.0)


# ------------------------------------------------------------------ no supersaturation, no nucleus

@pytest.mark.parametrize("s", [1.0, 0.999, 0.5, 1e-300])
def test_a_saturated_or_undersaturated_fluid_never_nucleates(s):
    assert nucleation.nucleation_barrier_kt(s) == math.inf
    assert nucleation.critical_radius_nm(s) == math.inf
    assert nucleation.nucleation_rate_per_m3_s(s, contact_angle_deg=0.0) == 0.0
    assert nucleation.induction_time_s(s, contact_angle_deg=10.0) == math.inf


def test_just_above_saturation_the_barrier_is_enormous():
    barrier = nucleation.nucleation_barrier_kt(1.0 + 1e-6)
    assert math.isfinite(barrier) and barrier > 1e12
    assert nucleation.induction_time_s(1.0 + 1e-6) == math.inf  # beyond a float, not an error


def test_a_perfectly_wetting_surface_removes_the_barrier():
    assert nucleation.nucleation_barrier_kt(NORMAL_S, contact_angle_deg=0.0) == 0.0
    assert nucleation.nucleation_rate_per_m3_s(NORMAL_S, contact_angle_deg=0.0) == nucleation.KINETIC_PREFACTOR_PER_M3_S.value


# ------------------------------------------------------------------ the bridge from chemistry

@pytest.mark.parametrize("phase", thermodynamics.PHASES)
def test_s_per_growth_unit_round_trips_with_the_saturation_index(phase):
    speciation = chemistry.speciate(2.4, 1.3, 7.4, albumin_g_l=40.0, mg_mmol_l=0.85)
    si = speciation.saturation_index(phase)
    nu = sum(thermodynamics.LOG_KSP[phase].ions.values())
    s = nucleation.saturation_ratio_per_growth_unit(si, phase)
    assert nu * math.log10(s) == pytest.approx(si, abs=1e-12)
    # S per growth unit is the nu-th root of IAP/Ksp.
    iap_over_ksp = 10.0 ** (speciation.log_iap(phase) - thermodynamics.log_ksp(phase, 37.0))
    assert s == pytest.approx(iap_over_ksp ** (1.0 / nu), rel=1e-9)


def test_hydroxyapatite_has_nine_ions_per_formula():
    assert nucleation.growth_units_per_formula("hydroxyapatite") == 9
    assert nucleation.growth_units_per_formula("octacalcium_phosphate") == 8


def test_an_unknown_phase_lists_the_valid_ones():
    with pytest.raises(ValueError) as error:
        nucleation.saturation_ratio_per_growth_unit(10.0, "calcite")
    for phase in thermodynamics.PHASES:
        assert repr(phase) in str(error.value)
    assert "'calcite'" in str(error.value)


# ------------------------------------------------------------------ the constants

def test_the_molecular_volume_reproduces_the_density_of_hydroxyapatite():
    molar_mass_g_mol = 5 * 40.078 + 3 * (30.973762 + 4 * 15.999) + 15.999 + 1.008
    omega_cm3 = nucleation.MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value * 9 * 1e6
    density = molar_mass_g_mol / (6.02214076e23 * omega_cm3)
    assert density == pytest.approx(3.16, abs=0.02)


def test_the_sbf_saturation_index_is_what_the_chemistry_computes():
    sbf = chemistry.speciate(2.5, 1.0, 7.40, temperature_c=36.5, na_mmol_l=142.0 + 5.0,
                             mg_mmol_l=1.5, cl_mmol_l=147.8)
    assert sbf.saturation_index("hydroxyapatite") == pytest.approx(nucleation.SBF_SATURATION_INDEX.value, abs=0.01)


def test_the_calibration_reproduces_its_observation_sbf_clear_for_30_days():
    s = nucleation.saturation_ratio_per_growth_unit(nucleation.SBF_SATURATION_INDEX.value, "hydroxyapatite")
    tau = nucleation.induction_time_s(s, temperature_c=36.5, volume_m3=nucleation.SBF_VOLUME_M3.value)
    assert tau == pytest.approx(30 * DAY_S, rel=1e-9)


def test_the_effective_interfacial_energy_exceeds_the_measured_one():
    # The calibrated value carries what CNT leaves out (inhibitors, precursors); it must not be
    # smaller than the measured interfacial energy, nor absurdly larger.
    ratio = nucleation.EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value / nucleation.MEASURED_INTERFACIAL_ENERGY_J_M2.value
    assert 1.0 < ratio < 2.5


def test_with_the_measured_interfacial_energy_cnt_would_let_serum_precipitate():
    # The reason for the calibration: with γ = 90 mJ/m² the homogeneous barrier in normal serum is ~20 kT.
    scale = (nucleation.MEASURED_INTERFACIAL_ENERGY_J_M2.value / nucleation.EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value) ** 3
    assert nucleation.nucleation_barrier_kt(NORMAL_S) * scale < 25.0


def _module_constants():
    for name, value in vars(nucleation).items():
        if isinstance(value, CitedConstant):
            yield name, value
    for name, surface in nucleation.SURFACES.items():
        yield name, surface.contact_angle_deg


def test_every_constant_is_cited_with_a_key_in_references_bib():
    constants = list(_module_constants())
    assert len(constants) >= 14
    for name, constant in constants:
        assert constant.citation in BIB_KEYS, name
        assert constant.unit.strip() and len(constant.note) > 20, name


def test_every_surface_has_a_label_and_an_angle_in_range():
    assert {"healthy_endothelium", "collagen", "damaged_membranes"} <= set(nucleation.SURFACES)
    for surface in nucleation.SURFACES.values():
        assert surface.label.strip()
        assert 0.0 <= surface.contact_angle_deg.value <= 180.0
        assert surface.contact_angle_deg.unit == "°"
    assert ANGLE["healthy_endothelium"] == 180.0


def test_surfaces_are_ordered_from_no_help_to_most_help():
    assert ANGLE["healthy_endothelium"] > ANGLE["collagen"] > ANGLE["damaged_membranes"]


def test_the_teaching_angles_say_so():
    for name in ("collagen", "damaged_membranes", "healthy_endothelium"):
        assert "Teaching assumption" in nucleation.SURFACES[name].contact_angle_deg.note


# ------------------------------------------------------------------ what the chapter teaches

def test_normal_serum_on_healthy_endothelium_waits_longer_than_a_lifetime():
    assert nucleation.induction_time_s(NORMAL_S, contact_angle_deg=ANGLE["healthy_endothelium"]) > 100 * YEAR_S


def test_normal_serum_stays_clear_in_the_whole_extracellular_fluid_for_a_lifetime():
    # About 14 L of extracellular fluid: even all of it together does not nucleate without help.
    assert nucleation.induction_time_s(NORMAL_S, volume_m3=14e-3) > 100 * YEAR_S


def test_normal_serum_on_damaged_membranes_nucleates_within_days():
    tau = nucleation.induction_time_s(NORMAL_S, contact_angle_deg=ANGLE["damaged_membranes"])
    assert 60.0 < tau < 3 * DAY_S


def test_normal_serum_on_collagen_outlasts_a_lifetime_but_kidney_failure_serum_does_not():
    assert nucleation.induction_time_s(NORMAL_S, contact_angle_deg=ANGLE["collagen"]) > 100 * YEAR_S
    assert nucleation.induction_time_s(CKD_S, contact_angle_deg=ANGLE["collagen"]) < 10 * YEAR_S


def test_kidney_failure_serum_is_more_supersaturated_than_normal_serum():
    assert CKD_S > NORMAL_S > 1.0


@pytest.mark.parametrize("surface", sorted(ANGLE))
def test_kidney_failure_shortens_the_wait_on_every_surface(surface):
    normal = nucleation.induction_time_s(NORMAL_S, contact_angle_deg=ANGLE[surface])
    ckd = nucleation.induction_time_s(CKD_S, contact_angle_deg=ANGLE[surface])
    assert ckd < normal


def test_kidney_failure_shortens_the_wait_on_healthy_tissue_by_orders_of_magnitude():
    normal = nucleation.induction_time_s(NORMAL_S)
    ckd = nucleation.induction_time_s(CKD_S)
    assert normal / ckd > 100.0


def test_the_outputs_are_deterministic():
    first = [nucleation.induction_time_s(NORMAL_S, contact_angle_deg=a) for a in ANGLE.values()]
    second = [nucleation.induction_time_s(NORMAL_S, contact_angle_deg=a) for a in ANGLE.values()]
    assert first == second


# ------------------------------------------------------------------ bad input

S_FUNCTIONS = [
    nucleation.nucleation_barrier_kt,
    nucleation.critical_radius_nm,
    nucleation.nucleation_rate_per_m3_s,
    nucleation.induction_time_s,
]
ANGLE_FUNCTIONS = [nucleation.nucleation_barrier_kt, nucleation.nucleation_rate_per_m3_s, nucleation.induction_time_s]
S_IDS = [f.__name__ for f in S_FUNCTIONS]
ANGLE_IDS = [f.__name__ for f in ANGLE_FUNCTIONS]


@pytest.mark.parametrize("value", [-1.0, -1e-9, 0.0, -0.0, math.nan, math.inf, -math.inf], ids=repr)
@pytest.mark.parametrize("function", S_FUNCTIONS, ids=S_IDS)
def test_an_impossible_saturation_ratio_is_refused_with_name_value_and_range(function, value):
    with pytest.raises(ValueError) as error:
        function(value)
    message = str(error.value)
    assert "saturation_ratio" in message and repr(value) in message and "greater than 0" in message


@pytest.mark.parametrize("value", ["12.8", "", None, True, False, 1 + 2j, b"9"], ids=repr)
@pytest.mark.parametrize("function", S_FUNCTIONS, ids=S_IDS)
def test_a_saturation_ratio_of_the_wrong_type_is_refused(function, value):
    with pytest.raises(TypeError) as error:
        function(value)
    message = str(error.value)
    assert "saturation_ratio" in message and repr(value) in message and "greater than 0" in message


@pytest.mark.parametrize("value", [181.0, -1.0, 1e308, math.nan, math.inf], ids=repr)
@pytest.mark.parametrize("function", ANGLE_FUNCTIONS + [nucleation.heterogeneous_factor],
                         ids=ANGLE_IDS + ["heterogeneous_factor"])
def test_a_contact_angle_outside_0_to_180_is_refused(function, value):
    call = (lambda: function(value)) if function is nucleation.heterogeneous_factor else (
        lambda: function(NORMAL_S, contact_angle_deg=value))
    with pytest.raises(ValueError) as error:
        call()
    message = str(error.value)
    assert "contact_angle_deg" in message and repr(value) in message and "0 to 180 °" in message


@pytest.mark.parametrize("value", ["90", None, True], ids=repr)
def test_a_contact_angle_of_the_wrong_type_is_refused(value):
    with pytest.raises(TypeError, match="contact_angle_deg"):
        nucleation.nucleation_barrier_kt(NORMAL_S, contact_angle_deg=value)


@pytest.mark.parametrize("value", [101.0, -1.0, math.nan, math.inf], ids=repr)
@pytest.mark.parametrize("function", S_FUNCTIONS, ids=S_IDS)
def test_a_temperature_outside_0_to_100_c_is_refused(function, value):
    with pytest.raises(ValueError) as error:
        function(NORMAL_S, temperature_c=value)
    message = str(error.value)
    assert "temperature_c" in message and repr(value) in message and "0 to 100 °C" in message


@pytest.mark.parametrize("value", [0.0, -1e-9, math.nan, math.inf], ids=repr)
def test_a_volume_that_is_not_positive_and_finite_is_refused(value):
    with pytest.raises(ValueError) as error:
        nucleation.induction_time_s(NORMAL_S, volume_m3=value)
    message = str(error.value)
    assert "volume_m3" in message and repr(value) in message and "greater than 0 m³" in message


@pytest.mark.parametrize("value", ["1e-9", None, True], ids=repr)
def test_a_volume_of_the_wrong_type_is_refused(value):
    with pytest.raises(TypeError, match="volume_m3"):
        nucleation.induction_time_s(NORMAL_S, volume_m3=value)


@pytest.mark.parametrize("value", [math.nan, math.inf, 301.0, "10", None, True], ids=repr)
def test_a_bad_saturation_index_is_refused(value):
    with pytest.raises((ValueError, TypeError), match="saturation_index"):
        nucleation.saturation_ratio_per_growth_unit(value, "hydroxyapatite")


@pytest.mark.parametrize("phase", [None, 3, "Hydroxyapatite", ""], ids=repr)
def test_a_phase_that_is_not_a_known_name_is_refused(phase):
    with pytest.raises(ValueError, match="phase must be one of"):
        nucleation.saturation_ratio_per_growth_unit(10.0, phase)


# -------------------------------------------------- the cluster's free energy curve

def test_the_cluster_energy_peaks_at_the_critical_radius_with_the_barrier():
    s = 12.8
    r_star = nucleation.critical_radius_nm(s)
    radii = [r_star * k for k in (0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 2.0)]
    energies = [nucleation.cluster_free_energy_kt(r, s) for r in radii]
    assert max(energies) == energies[3]
    assert energies[3] == pytest.approx(nucleation.nucleation_barrier_kt(s), rel=1e-12)


def test_a_wetting_surface_scales_the_whole_cluster_curve_by_f():
    radii = [0.2, 0.8, 1.5]
    bulk = nucleation.cluster_free_energy_kt(radii, 14.0)
    cap = nucleation.cluster_free_energy_kt(radii, 14.0, contact_angle_deg=100.0)
    f = nucleation.heterogeneous_factor(100.0)
    assert list(cap) == pytest.approx([f * e for e in bulk], rel=1e-12)


def test_large_clusters_go_downhill_and_empty_clusters_cost_nothing():
    assert nucleation.cluster_free_energy_kt(0.0, 12.8) == 0.0
    assert nucleation.cluster_free_energy_kt(5.0, 12.8) < 0.0


def test_below_saturation_the_cluster_curve_only_rises():
    energies = nucleation.cluster_free_energy_kt([0.5, 1.0, 2.0, 4.0], 0.9)
    assert all(b > a for a, b in zip(energies, energies[1:]))


def test_the_critical_nucleus_holds_tens_of_growth_units_and_shrinks_with_s():
    n_normal = nucleation.critical_nucleus_growth_units(12.8)
    n_ckd = nucleation.critical_nucleus_growth_units(14.0)
    assert 10 < n_ckd < n_normal < 1000
    r = nucleation.critical_radius_nm(12.8) * 1e-9
    volume = nucleation.MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value
    assert n_normal == pytest.approx(4 / 3 * math.pi * r**3 / volume, rel=1e-12)
    assert nucleation.critical_nucleus_growth_units(1.0) == math.inf


@pytest.mark.parametrize("radius", [-0.1, 101.0, math.nan, math.inf])
def test_an_impossible_cluster_radius_is_refused(radius):
    with pytest.raises(ValueError, match=r"radius_nm.*0 to 100 nm"):
        nucleation.cluster_free_energy_kt(radius, 12.8)
