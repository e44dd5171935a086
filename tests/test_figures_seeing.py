"""The "Seeing is believing" figures show what the models compute, and weigh little."""

from __future__ import annotations

import base64
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from calcify_lib import crystallography, histology, optics
from calcify_lib.figures import seeing


@pytest.fixture(scope="module")
def slides():
    return seeing.slide_explorer()


@pytest.fixture(scope="module")
def stage():
    return seeing.polarizer_explorer()


def test_the_slide_explorer_has_a_view_for_every_stain_and_deposit(slides):
    assert [c.values for c in slides.controls] == [histology.STAINS, histology.DEPOSITS]
    # Identical pictures are stored once: in polarised light both apatite-only sections are plain black.
    black = [slides.view_at(stain="crossed_polarizers", deposit=d).png for d in ("dystrophic", "metastatic")]
    assert black[0] == black[1]
    assert len({v.png for v in slides.views()}) == len(histology.STAINS) * len(histology.DEPOSITS) - 1


def test_every_slide_view_says_what_it_shows_with_the_models_numbers(slides):
    view = slides.view_at(stain="h_and_e", deposit="dystrophic")
    section = histology.draw_section("dystrophic")
    haematoxylin, _ = histology.deconvolve(histology.render(section, "h_and_e"))
    assert f"{100 * histology.calcified_area_fraction(haematoxylin):.1f} %" in view.readout_html
    assert f"{100 * section.mineral_area_fraction:.1f} %" in view.alt
    polarised = slides.view_at(stain="crossed_polarizers", deposit="oxalate")
    assert "oxalate crystals shine" in polarised.alt
    assert "Apatite I/I₀ = 8.5e-05" in polarised.readout_html


def test_the_stage_explorer_reads_out_the_polariser_law(stage):
    view = stage.view_at(crystal="calcium_oxalate_monohydrate", thickness_um=2.0, stage_deg=15.0)
    expected = optics.crossed_polarizer_transmission(30.0, 0.16, 2000.0, 550.0)
    assert f"I/I₀ = <strong>{expected:.2g}</strong>" in view.readout_html
    assert view.readout_html == seeing.polarizer_readout_html("calcium_oxalate_monohydrate", 2.0, 15.0)


def test_turning_the_stage_45_degrees_extinguishes_a_crystal_but_not_the_apatite_deposit(stage):
    dark = stage.view_at(crystal="calcium_oxalate_monohydrate", thickness_um=5.0, stage_deg=45.0)
    assert "I/I₀ = <strong>0</strong>" in dark.readout_html or "e-3" in dark.readout_html
    a = stage.view_at(crystal="hydroxyapatite_deposit", thickness_um=5.0, stage_deg=0.0)
    b = stage.view_at(crystal="hydroxyapatite_deposit", thickness_um=5.0, stage_deg=45.0)
    assert a.readout_html == b.readout_html
    assert "black" in a.readout_html


def test_one_picture_per_crystal_and_thickness_and_the_dot_moves_with_the_stage(stage):
    views = [stage.view_at(crystal="calcium_oxalate_monohydrate", thickness_um=5.0, stage_deg=s)
             for s in (0.0, 30.0)]
    assert views[0].png == views[1].png
    assert views[0].markers != views[1].markers
    oxalate = {stage.view_at(crystal="calcium_oxalate_monohydrate", thickness_um=t, stage_deg=0.0).png
               for t in (0.5, 2.0, 5.0, 10.0, 20.0)}
    assert len(oxalate) == 5
    assert len({v.png for v in stage.views()}) <= 3 * 5


@pytest.mark.parametrize("make", [seeing.slide_explorer, seeing.polarizer_explorer])
def test_each_explorer_stays_under_400_kb(make):
    html = make().to_html()
    assert len(html.encode("utf-8")) < 400_000
    assert re.search(r'id="cx-[0-9a-f]{12}"', html)


def test_explorers_are_deterministic():
    assert seeing.polarizer_explorer().to_html() == seeing.polarizer_explorer().to_html()


def test_the_colour_table_gives_black_white_and_purple_red_at_0_300_and_550_nm():
    table = seeing.color_table((0.0, 300.0, 550.0))
    assert [row[-1] for row in table.rows] == ["black", "white", "purple"]
    assert table.rows[1][-2] == seeing.color_hex(optics.interference_color_srgb(300.0))


def test_the_peak_table_is_the_computed_pattern_beside_the_card():
    table = seeing.peak_table()
    assert [r[0] for r in table.rows] == ["002", "211", "112", "300", "310", "222", "213"]
    peaks = {p.hkl: p for p in crystallography.powder_pattern()}
    assert table.rows[1][2] == f"{peaks[(2, 1, 1)].two_theta_deg:.2f}"
    assert all(abs(float(r[4])) < 0.1 for r in table.rows)


def test_the_deconvolution_table_reports_the_drawn_and_recovered_areas():
    table = seeing.deconvolution_table()
    for row in table.rows:
        assert abs(float(row[3])) <= 10.0


def test_the_crystal_table_ends_with_the_dark_apatite_deposit():
    table = seeing.crystal_table()
    assert table.rows[-1][-1] == "black"
    assert float(table.rows[-1][4]) < 1e-3


@pytest.mark.parametrize("draw", [seeing.stain_panel_figure, seeing.deconvolution_figure,
                                  seeing.polarizer_law_figure, seeing.michel_levy_figure,
                                  seeing.powder_figure, seeing.stage_rotation_figure])
def test_every_figure_is_drawn_at_the_book_width(draw):
    fig = draw()
    try:
        assert fig.get_size_inches()[0] == pytest.approx(6.4)
    finally:
        plt.close(fig)


def test_colour_names_follow_the_michel_levy_sequence():
    names = [seeing.color_name(optics.interference_color_srgb(r)) for r in (0.0, 300.0, 450.0, 550.0, 600.0)]
    assert names == ["black", "white", "orange", "purple", "blue"]


def test_a_slide_png_is_a_small_palette_image():
    png = seeing.slide_png(histology.render(histology.draw_section("metastatic"), "h_and_e"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) < 30_000
    assert base64.b64encode(png)
