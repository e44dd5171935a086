"""Synthetic slides: stains by Beer–Lambert, polarised light, and colour deconvolution."""

import numpy as np
import pytest
from skimage.color import rgb2hed

from calcify_lib import histology, optics


@pytest.fixture(scope="module")
def sections():
    return {deposit: histology.draw_section(deposit) for deposit in histology.DEPOSITS}


def test_the_same_seed_draws_the_same_section_and_another_seed_another():
    a = histology.render(histology.draw_section("dystrophic", seed=1), "h_and_e")
    b = histology.render(histology.draw_section("dystrophic", seed=1), "h_and_e")
    c = histology.render(histology.draw_section("dystrophic", seed=2), "h_and_e")
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_every_deposit_holds_calcium_phosphate_and_only_the_oxalate_one_crystals(sections):
    for deposit, section in sections.items():
        assert section.mineral_area_fraction > 0.002, deposit
        assert bool(section.crystals) == (deposit == "oxalate")


def test_dystrophic_mineral_lies_in_necrosis_and_metastatic_mineral_in_living_tissue(sections):
    dystrophic = sections["dystrophic"]
    assert dystrophic.necrosis[dystrophic.mineral > 0.5].mean() > 0.9
    metastatic = sections["metastatic"]
    assert metastatic.necrosis.max() == 0.0
    assert metastatic.nuclei.sum() > 0.9 * sections["dystrophic"].nuclei.sum()


def test_calcium_is_basophilic_darker_than_nuclei_on_h_and_e(sections):
    section = sections["dystrophic"]
    rgb = histology.render(section, "h_and_e")
    mineral = rgb[section.mineral > 0.9].mean(axis=0)
    nuclei = rgb[(section.nuclei > 0.9) & (section.mineral == 0)].mean(axis=0)
    assert mineral.sum() < nuclei.sum()
    assert mineral[2] > mineral[1]  # blue-purple: more blue than green passes


def test_h_and_e_is_the_beer_lambert_law_with_ruifrok_and_johnstons_vectors(sections):
    section = sections["metastatic"]
    rgb = histology.render(section, "h_and_e")
    density = histology.STAIN_DENSITY["h_and_e"]
    pixel = tuple(np.argwhere(section.mineral > 0.9)[0])
    od_h = (float(density["haematoxylin_mineral"]) * section.mineral[pixel]
            + float(density["haematoxylin_nucleus"]) * section.nuclei[pixel]
            + float(density["haematoxylin_tissue"]) * section.tissue[pixel])
    od_e = float(density["eosin_tissue"]) * section.tissue[pixel]
    vectors = np.array([histology.STAIN_VECTORS["haematoxylin"].value, histology.STAIN_VECTORS["eosin"].value])
    expected = 10.0 ** -(od_h * vectors[0] + od_e * vectors[1])
    assert np.allclose(rgb[pixel], expected, rtol=1e-6)


def test_von_kossa_turns_calcium_phosphate_black_and_leaves_oxalate_unstained(sections):
    section = sections["oxalate"]
    rgb = histology.render(section, "von_kossa")
    assert rgb[section.mineral > 0.9].max() < 0.1  # 2.4 × 0.577 OD per channel: under a tenth passes
    assert rgb[section.mineral > 0.9].mean() < 0.1
    assert rgb[section.oxalate > 0.99].mean() > 0.8


def test_alizarin_red_turns_calcium_orange_red(sections):
    section = sections["dystrophic"]
    red, green, blue = rgb = histology.render(section, "alizarin_red")[section.mineral > 0.9].mean(axis=0)
    assert red > 0.6 and red > green > blue


def test_apatite_stays_dark_between_crossed_polarisers_while_oxalate_glows(sections):
    section = sections["oxalate"]
    intensity = histology.polarized_intensity(section, stage_deg=0.0)
    apatite = (section.mineral > 0.5) & (section.oxalate == 0.0)
    assert apatite.any()
    assert intensity[apatite].max() < 1e-3
    assert intensity[section.oxalate > 0.99].max() > 0.3
    rgb = histology.render(section, "crossed_polarizers")
    assert rgb[apatite].max() < 0.05
    assert rgb[section.oxalate > 0.99].max() > 0.5


def test_each_oxalate_crystal_goes_extinct_when_its_axis_meets_a_polariser(sections):
    section = sections["oxalate"]
    crystal = section.crystals[0]
    mask = histology._crystal_mask(section.shape, crystal) > 0.99
    dark = histology.polarized_intensity(section, stage_deg=crystal.angle_deg)
    bright = histology.polarized_intensity(section, stage_deg=crystal.angle_deg - 45.0)
    assert dark[mask].max() == pytest.approx(0.0, abs=1e-12) or np.median(dark[mask]) < 1e-12
    expected = optics.crossed_polarizer_transmission(45.0, 0.16, crystal.thickness_nm, 550.0)
    assert np.median(bright[mask]) == pytest.approx(expected)


@pytest.mark.parametrize("deposit", histology.DEPOSITS)
def test_colour_deconvolution_recovers_the_drawn_calcified_area_within_ten_percent(sections, deposit):
    section = sections[deposit]
    haematoxylin, _ = histology.deconvolve(histology.render(section, "h_and_e"))
    recovered = histology.calcified_area_fraction(haematoxylin)
    assert recovered == pytest.approx(section.mineral_area_fraction, rel=0.10)


def test_a_threshold_below_the_nuclei_counts_nuclei_as_mineral(sections):
    section = sections["dystrophic"]
    haematoxylin, _ = histology.deconvolve(histology.render(section, "h_and_e"))
    low = histology.calcified_area_fraction(haematoxylin, threshold_od=0.3)
    assert low > 1.3 * section.mineral_area_fraction


def test_deconvolution_is_skimages_rgb2hed_of_the_digitised_image(sections):
    rgb = histology.render(sections["dystrophic"], "h_and_e")
    haematoxylin, eosin = histology.deconvolve(rgb, noise=0.0)
    expected = rgb2hed(np.round(rgb * 255.0) / 255.0) * 6.0
    assert np.allclose(haematoxylin, expected[..., 0]) and np.allclose(eosin, expected[..., 1])


@pytest.mark.parametrize("call, error, argument", [
    (lambda: histology.draw_section("gout"), ValueError, "deposit"),
    (lambda: histology.draw_section(3), TypeError, "deposit"),
    (lambda: histology.draw_section("dystrophic", size_px=10), ValueError, "size_px"),
    (lambda: histology.render(histology.draw_section("dystrophic"), "giemsa"), ValueError, "stain"),
    (lambda: histology.render("slide", "h_and_e"), TypeError, "section"),
    (lambda: histology.deconvolve(np.full((4, 4, 3), 2.0)), ValueError, "rgb"),
    (lambda: histology.deconvolve(np.zeros((4, 4))), ValueError, "rgb"),
    (lambda: histology.calcified_area_fraction(np.zeros((4, 4)), threshold_od=-1.0), ValueError, "threshold_od"),
])
def test_bad_input_is_refused_by_name(call, error, argument):
    with pytest.raises(error, match=argument):
        call()
