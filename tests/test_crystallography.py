"""Hydroxyapatite's powder pattern, computed from its structure, against ICDD 9-432."""

import math

import numpy as np
import pytest

from calcify_lib import crystallography as cx

REFERENCE = cx.REFERENCE_PEAKS_ICDD_9_432.value


def _by_hkl():
    return {p.hkl: p for p in cx.powder_pattern()}


def test_the_refined_structure_gives_back_the_formula_ca10_po4_6_oh_2():
    assert cx.cell_composition() == {"Ca": 10.0, "P": 6.0, "O": 26.0, "H": 2.0}
    counts = cx.cell_composition()
    assert counts["Ca"] / counts["P"] == pytest.approx(10.0 / 6.0)


def test_the_twelve_operations_of_p63m_form_a_group():
    ops = [(np.array(r), np.array(t)) for r, t in cx.SYMMETRY_OPERATIONS]
    assert len(ops) == 12

    def same(a, b):
        return np.array_equal(a[0], b[0]) and np.allclose((a[1] - b[1]) % 1.0, 0.0)

    for a in ops:
        for b in ops:
            product = (a[0] @ b[0], a[0] @ b[1] + a[1])
            assert any(same(product, c) for c in ops)


@pytest.mark.parametrize("hkl, two_theta, _", REFERENCE, ids=lambda v: str(v))
def test_every_reference_peak_is_reproduced_within_a_tenth_of_a_degree(hkl, two_theta, _):
    peak = _by_hkl()[hkl]
    assert abs(peak.two_theta_deg - two_theta) < 0.1
    assert abs(peak.two_theta_deg - two_theta) < 0.03  # what the refinement actually achieves


def test_the_strongest_peak_is_211_as_on_the_card():
    strongest = max(cx.powder_pattern(), key=lambda p: p.relative_intensity)
    assert strongest.hkl == (2, 1, 1)
    assert strongest.relative_intensity == 100.0


def test_the_three_strongest_reference_lines_are_among_the_four_strongest_computed():
    computed = sorted(cx.powder_pattern(), key=lambda p: -p.relative_intensity)[:4]
    assert {(2, 1, 1), (1, 1, 2), (3, 0, 0)} <= {p.hkl for p in computed}


@pytest.mark.parametrize("hkl, _, intensity", REFERENCE, ids=lambda v: str(v))
def test_relative_intensities_agree_with_the_card_within_a_fifth_of_full_scale(hkl, _, intensity):
    assert abs(_by_hkl()[hkl].relative_intensity - intensity) < 20.0


def test_reflections_of_equal_spacing_are_merged_into_one_peak():
    peak = _by_hkl()[(2, 1, 1)]
    # (211) and (121) are not equivalent in 6/m, but share d: 12 + 12 reflections.
    assert peak.multiplicity == 24
    assert _by_hkl()[(0, 0, 2)].multiplicity == 2
    assert _by_hkl()[(3, 0, 0)].multiplicity == 6
    assert peak.hkil == (2, 1, -3, 1)
    spacings = [round(p.d_angstrom, 5) for p in cx.powder_pattern()]
    assert len(spacings) == len(set(spacings))


def test_211_and_121_have_different_structure_factors_but_the_same_spacing():
    assert cx.d_spacing_angstrom(2, 1, 1) == pytest.approx(cx.d_spacing_angstrom(1, 2, 1))
    assert abs(cx.structure_factor(2, 1, 1)) != pytest.approx(abs(cx.structure_factor(1, 2, 1)), rel=0.01)


def test_braggs_law_inverts_the_spacing():
    d = cx.d_spacing_angstrom(0, 0, 2)
    assert d == pytest.approx(6.884 / 2)
    theta = math.radians(cx.bragg_two_theta_deg(d) / 2)
    assert 2 * d * math.sin(theta) == pytest.approx(1.5406)


def test_a_longer_wavelength_moves_every_peak_to_higher_angle():
    cu = _by_hkl()
    co = {p.hkl: p for p in cx.powder_pattern(wavelength_angstrom=1.7890, two_theta_max_deg=70.0)}
    for hkl, _, _ in REFERENCE:
        assert co[hkl].two_theta_deg > cu[hkl].two_theta_deg
        assert co[hkl].d_angstrom == pytest.approx(cu[hkl].d_angstrom)


def test_thermal_motion_weakens_high_angle_peaks_more_than_low_angle_ones():
    cold = _by_hkl()
    warm = {p.hkl: p for p in cx.powder_pattern(displacement_b_angstrom2=1.5)}
    assert warm[(2, 1, 3)].relative_intensity < cold[(2, 1, 3)].relative_intensity
    assert warm[(0, 0, 2)].relative_intensity > cold[(0, 0, 2)].relative_intensity


def test_form_factors_match_the_tables_shipped_with_periodictable():
    cromermann = pytest.importorskip("periodictable.cromermann")
    s = np.linspace(0.0, 1.5, 16)
    for element in cx.FORM_FACTOR_COEFFICIENTS:
        assert np.allclose(cx.atomic_form_factor(element, s), cromermann.fxrayatstol(element, s), rtol=1e-6)


def test_form_factors_count_the_electrons_at_zero_angle():
    for element, z in (("H", 1), ("O", 8), ("P", 15), ("Ca", 20)):
        assert cx.atomic_form_factor(element, 0.0) == pytest.approx(z, abs=0.01)


def test_scherrer_broadening_is_inversely_proportional_to_crystallite_size():
    bone = cx.scherrer_fwhm_deg(20.0, 25.88)
    assert bone == pytest.approx(math.degrees(0.9 * 1.5406 / (200.0 * math.cos(math.radians(12.94)))))
    assert cx.scherrer_fwhm_deg(200.0, 25.88) == pytest.approx(bone / 10.0)
    assert 0.3 < bone < 0.5


def test_small_crystallites_merge_the_three_lines_near_32_degrees_into_one_hump():
    grid = np.linspace(30.0, 34.5, 901)
    bone = cx.powder_profile(grid, crystallite_nm=10.0)
    sharp = cx.powder_profile(grid, crystallite_nm=200.0)

    def maxima(y):
        return int(np.sum((y[1:-1] > y[:-2]) & (y[1:-1] > y[2:]) & (y[1:-1] > 10.0)))

    assert maxima(sharp) >= 3
    assert maxima(bone) <= 2


@pytest.mark.parametrize("call, argument", [
    (lambda: cx.d_spacing_angstrom(0, 0, 0), "must not all be zero"),
    (lambda: cx.d_spacing_angstrom(40, 0, 0), "h"),
    (lambda: cx.bragg_two_theta_deg(0.5), "d_angstrom"),
    (lambda: cx.bragg_two_theta_deg(-1.0), "d_angstrom"),
    (lambda: cx.powder_pattern(wavelength_angstrom=10.0), "wavelength_angstrom"),
    (lambda: cx.powder_pattern(two_theta_min_deg=50.0, two_theta_max_deg=20.0), "two_theta_max_deg"),
    (lambda: cx.scherrer_fwhm_deg(0.0, 30.0), "crystallite_nm"),
    (lambda: cx.atomic_form_factor("Fe", 0.1), "element"),
])
def test_bad_input_is_refused_by_name(call, argument):
    with pytest.raises(ValueError, match=argument):
        call()
