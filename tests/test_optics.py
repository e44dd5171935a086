"""Polarised light: the crossed-polariser law, birefringences, aggregates and Michel–Lévy colours."""

import math

import numpy as np
import pytest

from calcify_lib import optics


@pytest.mark.parametrize("azimuth, dn, d, lam", [(45.0, 0.16, 10000.0, 550.0), (30.0, 0.007, 50.0, 550.0),
                                                 (12.5, 0.01, 4000.0, 480.0), (-70.0, 0.172, 900.0, 700.0)])
def test_the_crossed_polarizer_law_is_sin2_2theta_times_sin2_pi_dn_d_over_lambda(azimuth, dn, d, lam):
    expected = math.sin(2 * math.radians(azimuth)) ** 2 * math.sin(math.pi * dn * d / lam) ** 2
    assert optics.crossed_polarizer_transmission(azimuth, dn, d, lam) == pytest.approx(expected, rel=1e-12)


def test_a_crystal_goes_extinct_every_ninety_degrees_and_is_brightest_at_forty_five():
    stage = np.arange(0.0, 360.0, 0.5)
    values = optics.crossed_polarizer_transmission(stage, 0.16, 3000.0, 550.0)
    assert np.allclose(values[stage % 90.0 == 0.0], 0.0, atol=1e-20)
    assert np.allclose(values[stage % 90.0 == 45.0], values.max())


def test_a_retardation_of_a_whole_wavelength_passes_nothing_and_half_a_wavelength_everything():
    assert optics.crossed_polarizer_transmission(45.0, 0.1, 5500.0, 550.0) == pytest.approx(0.0, abs=1e-20)
    assert optics.crossed_polarizer_transmission(45.0, 0.1, 2750.0, 550.0) == pytest.approx(1.0)


def test_apatite_is_barely_birefringent_and_oxalate_strongly():
    assert float(optics.BIREFRINGENCE["hydroxyapatite"]) < 0.01
    assert float(optics.BIREFRINGENCE["calcium_oxalate_monohydrate"]) > 0.1
    assert float(optics.BIREFRINGENCE["hydroxyapatite"]) < float(optics.BIREFRINGENCE["calcium_pyrophosphate_dihydrate"])


def test_cppd_is_length_slow_and_urate_length_fast_so_the_compensator_tells_them_apart():
    assert float(optics.ELONGATION_SIGN["calcium_pyrophosphate_dihydrate"]) == 1.0
    assert float(optics.ELONGATION_SIGN["monosodium_urate"]) == -1.0


def test_a_bone_sized_apatite_crystal_passes_a_few_millionths_of_the_light():
    value = optics.crossed_polarizer_transmission(45.0, float(optics.BIREFRINGENCE["hydroxyapatite"]), 50.0, 550.0)
    assert 1e-6 < value < 1e-5


def test_randomly_oriented_nanocrystals_retard_far_less_than_one_aligned_crystal():
    dn = float(optics.BIREFRINGENCE["hydroxyapatite"])
    single = optics.retardation_nm(dn, 4000.0)
    aggregate = optics.aggregate_retardation_nm(dn, 4000.0, 50.0)
    assert aggregate == pytest.approx(dn * math.sqrt(8.0 / 15.0 * 50.0 * 4000.0))
    assert single / aggregate == pytest.approx(math.sqrt(15.0 / 8.0 * 4000.0 / 50.0))
    assert optics.aggregate_transmission(dn, 4000.0, 50.0, 550.0) < 1e-4


@pytest.mark.parametrize("thickness_nm, crystallite_nm", [(4000.0, 50.0), (2000.0, 100.0), (600.0, 50.0)])
def test_exact_jones_matrices_confirm_the_random_walk_model_of_an_aggregate(thickness_nm, crystallite_nm):
    model = optics.aggregate_transmission(0.007, thickness_nm, crystallite_nm, 550.0)
    exact = optics.jones_aggregate_transmission(0.007, thickness_nm, crystallite_nm, 550.0, columns=4000)
    assert exact == pytest.approx(model, rel=0.1)


def test_the_jones_check_is_deterministic_for_a_seed():
    a = optics.jones_aggregate_transmission(0.007, 1000.0, 50.0, 550.0, columns=300, seed=3)
    assert a == optics.jones_aggregate_transmission(0.007, 1000.0, 50.0, 550.0, columns=300, seed=3)


def test_a_single_crystal_in_the_jones_check_obeys_the_law_on_average():
    # One layer: the mean over random azimuths of sin²2θ·sin²(πR/λ) with R = Δn t sin²ψ.
    value = optics.jones_aggregate_transmission(0.1, 1000.0, 1000.0, 550.0, columns=20000)
    psi = np.linspace(0.0, 1.0, 20001)  # cos ψ uniform
    expected = 0.5 * np.mean(np.sin(np.pi * 0.1 * 1000.0 * (1 - psi ** 2) / 550.0) ** 2)
    assert value == pytest.approx(expected, rel=0.05)


def test_zero_retardation_is_black():
    assert np.allclose(optics.interference_color_srgb(0.0), 0.0)


def test_three_hundred_nanometres_is_first_order_white():
    rgb = optics.interference_color_srgb(300.0)
    assert rgb.min() > 0.8 and rgb.max() - rgb.min() < 0.2
    assert optics.michel_levy_order(300.0) == 1


def test_five_hundred_fifty_nanometres_is_the_first_order_red_with_the_green_removed():
    rgb = optics.interference_color_srgb(550.0)
    red, green, blue = rgb
    assert green < 0.05 and red > 0.3 and blue > 0.3
    assert optics.interference_color_xyz(550.0)[1] < 0.1  # dark: the eye's most sensitive green is gone


def test_the_colours_are_the_cie_integral_computed_by_colour_science():
    import colour

    shape = colour.SpectralShape(380.0, 780.0, 5.0)
    cmfs = colour.MSDS_CMFS["CIE 1931 2 Degree Standard Observer"].copy().align(shape)
    d65 = colour.SDS_ILLUMINANTS["D65"].copy().align(shape)
    for r in (120.0, 450.0, 800.0):
        wavelengths = shape.wavelengths
        sd = colour.SpectralDistribution(dict(zip(wavelengths, np.sin(np.pi * r / wavelengths) ** 2)))
        xyz = colour.sd_to_XYZ(sd, cmfs, d65, method="Integration") / 100.0
        assert np.allclose(optics.interference_color_xyz(r), xyz, atol=2e-3)


def test_the_bare_illuminant_is_white_so_brightness_is_relative_to_the_lamp():
    # At R = λ/2 for every λ there is no such plate, but the long-period limit averages to half the lamp.
    y = optics.interference_color_xyz(np.linspace(20000.0, 21000.0, 41))[:, 1].mean()
    assert y == pytest.approx(0.5, abs=0.02)


def test_turning_a_crystal_to_extinction_darkens_its_colour_to_black():
    assert np.allclose(optics.interference_color_srgb(800.0, azimuth_deg=0.0), 0.0)
    assert optics.interference_color_srgb(800.0, azimuth_deg=45.0).max() > 0.9


def test_every_constant_cites_a_source():
    for name, constant in {**optics.BIREFRINGENCE, **optics.ELONGATION_SIGN}.items():
        assert constant.citation and constant.note, name


@pytest.mark.parametrize("call, argument", [
    (lambda: optics.crossed_polarizer_transmission(float("nan"), 0.1, 1000.0, 550.0), "azimuth_deg"),
    (lambda: optics.crossed_polarizer_transmission(math.inf, 0.1, 1000.0, 550.0), "azimuth_deg"),
    (lambda: optics.crossed_polarizer_transmission(45.0, -0.01, 1000.0, 550.0), "birefringence"),
    (lambda: optics.crossed_polarizer_transmission(45.0, 1.5, 1000.0, 550.0), "birefringence"),
    (lambda: optics.crossed_polarizer_transmission(45.0, 0.1, 0.0, 550.0), "thickness_nm"),
    (lambda: optics.crossed_polarizer_transmission(45.0, 0.1, math.inf, 550.0), "thickness_nm"),
    (lambda: optics.crossed_polarizer_transmission(45.0, 0.1, 1000.0, -550.0), "wavelength_nm"),
    (lambda: optics.crossed_polarizer_transmission(45.0, 0.1, 1000.0, float("nan")), "wavelength_nm"),
    (lambda: optics.interference_color_srgb(-1.0), "retardation_nm"),
    (lambda: optics.aggregate_retardation_nm(0.007, 100.0, 500.0), "crystallite_nm"),
])
def test_bad_input_is_refused_by_name(call, argument):
    with pytest.raises(ValueError, match=argument):
        call()


def test_a_string_is_refused_with_a_type_error():
    with pytest.raises(TypeError, match="birefringence"):
        optics.crossed_polarizer_transmission(45.0, "0.1", 1000.0, 550.0)
