"""The vascular chapter's figures, tables and explorer show what calcify_lib.vascular computes."""

from __future__ import annotations

import html
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from calcify_lib import style, vascular  # noqa: E402
from calcify_lib.explorer import Slider  # noqa: E402
from calcify_lib.figures import transdifferentiation as td  # noqa: E402


@pytest.fixture(scope="module")
def explorer():
    return td.artery_explorer()


def _colours(fig):
    found = set()
    for ax in fig.axes:
        for artist in ax.get_children():
            for getter in ("get_color", "get_facecolor", "get_edgecolor"):
                if hasattr(artist, getter):
                    value = getattr(artist, getter)()
                    values = value if isinstance(value, np.ndarray) and value.ndim == 2 else [value]
                    for v in values:
                        try:
                            rgba = matplotlib.colors.to_rgba(v)
                        except (ValueError, TypeError):
                            continue
                        if rgba[3] > 0:
                            found.add(matplotlib.colors.to_hex(rgba, keep_alpha=False).upper())
    return found


def test_the_exposures_are_the_cited_phosphates():
    assert td.EXPOSURES == {k: c.value for k, c in vascular.PHOSPHATE_EXPOSURES_MMOL_L.items()}
    assert td.EXPOSURES["normal"] < td.EXPOSURES["ckd_stage_4"] < td.EXPOSURES["dialysis"]


def test_the_years_table_holds_the_models_numbers():
    table = td.years_table()
    assert len(table.rows) == 9
    run = vascular.simulate_media(td.EXPOSURES["dialysis"], 10.0)
    row = next(r for r in table.rows if r[0].startswith("dialysis") and r[1] == "10")
    assert row[4] == f"{run.pwv_m_s[-1]:.1f}"
    assert row[3] == f"{100 * run.mineral_fraction[-1]:.2f}"
    assert row[2] == f"{run.osteogenic_fraction[-1]:.3f}"


def test_the_lowering_runs_chain_the_state_at_the_switch():
    runs = td.lowering_runs(switch_year=5.0, years=15.0)
    lowered = runs["lowered to normal at year 5"]
    dialysis = runs["dialysis phosphate throughout"]
    i = int(np.argmin(np.abs(lowered["years"] - 5.0)))
    assert lowered["mineral_fraction"][i] == pytest.approx(dialysis["mineral_fraction"][i])
    assert np.all(np.diff(lowered["years"]) > 0)
    assert np.all(np.diff(lowered["mineral_fraction"]) >= 0)
    assert lowered["osteogenic_fraction"][-1] < dialysis["osteogenic_fraction"][-1]


def test_the_lowering_table_reports_memory_after_the_switch():
    rows = {r[0]: r for r in td.lowering_table().rows}
    assert float(rows["lowered to normal at year 5, year 15"][1]) > float(rows["normal throughout, year 15"][1])


def test_the_calibration_table_lists_every_constant_with_its_basis():
    table = td.calibration_table()
    names = {r[0] for r in table.rows}
    assert "JONO_THRESHOLD_PHOSPHATE_MMOL_L" in names and "DEPOSITION_RATE_PER_YEAR" in names
    assert {r[3] for r in table.rows} <= {"measured", "derived", "guideline", "convention", "set"}


@pytest.mark.parametrize("draw, shape", [
    (td.cell_schematic, None), (td.spectrum, None), (td.intima_media, (1, 2)),
    (td.years_of_exposure, (2, 1)), (td.lowering, (3, 1)),
])
def test_every_figure_uses_only_the_books_colours(draw, shape):
    fig, axes = style.subplots(*(shape or (1, 1)), height_in=4.0)
    try:
        draw(*np.atleast_1d(axes).ravel())
        fig.canvas.draw()
        assert _colours(fig) <= {c.upper() for c in style.ALLOWED_COLORS}
    finally:
        plt.close(fig)


def test_the_switch_curve_draws_three_inflammation_levels_from_the_model():
    fig, ax = style.subplots()
    try:
        td.switch_curve(ax, phosphates_mmol_l=[1.0, 1.4, 2.0])
        lines = [line for line in ax.get_lines() if line.get_label() in
                 {style.label("inflammation", k) for k in ("none", "moderate", "severe")}]
        assert len(lines) == 3
        none = next(line for line in lines if line.get_label() == style.label("inflammation", "none"))
        expected = vascular.simulate_media(2.0, 1.0, points_per_year=1).osteogenic_fraction[-1]
        assert none.get_ydata()[-1] == pytest.approx(expected)
    finally:
        plt.close(fig)


def test_the_years_figure_marks_the_cutoff_and_one_curve_per_exposure():
    fig, axes = style.subplots(2, 1)
    try:
        td.years_of_exposure(*axes)
        assert len(axes[1].get_lines()) == 4  # three exposures and the 10 m/s line
        assert any(np.allclose(line.get_ydata(), vascular.PWV_CUTOFF_M_S.value) for line in axes[1].get_lines())
    finally:
        plt.close(fig)


def test_the_cross_section_draws_as_many_switched_cells_and_mineral_as_asked():
    fig, ax = plt.subplots()
    try:
        switched, segments = td.draw_cross_section(ax, 0.5, 0.06)
        assert switched == 9 and segments == 4
        orange = matplotlib.colors.to_rgba(style.color("media", "osteogenic_cell"))
        assert sum(p.get_facecolor() == orange for p in ax.patches) == 9
        with pytest.raises(ValueError, match="mineral_fraction"):
            td.draw_cross_section(ax, 0.5, 1.5)
    finally:
        plt.close(fig)


def test_the_explorer_has_phosphate_and_years_as_sliders(explorer):
    assert [c.name for c in explorer.controls] == ["phosphate_mmol_l", "years"]
    assert all(isinstance(c, Slider) for c in explorer.controls)


def test_the_explorer_readout_is_the_models(explorer):
    view = explorer.view_at(phosphate_mmol_l=2.0, years=10.0)
    run = vascular.simulate_media(2.0, 20.0)
    v = run.at(10.0)
    text = html.unescape(re.sub(r"<[^>]+>", "", view.readout_html))
    assert f"PWV {v['pwv_m_s']:.1f} m/s" in text
    assert f"osteogenic fraction {v['osteogenic_fraction']:.2f}" in text
    assert "cut-off" in text
    assert "normal range" in explorer.view_at(phosphate_mmol_l=1.2, years=5.0).readout_html


def test_the_explorer_marker_moves_with_pwv_and_the_picture_with_the_mineral(explorer):
    slow = explorer.view_at(phosphate_mmol_l=1.2, years=1.0)
    fast = explorer.view_at(phosphate_mmol_l=2.4, years=20.0)
    assert fast.markers[0].x > slow.markers[0].x
    assert fast.png != slow.png
    assert "m/s" in fast.alt and "osteogenic" in fast.alt


def test_the_explorer_page_weight_stays_under_400_kb(explorer):
    assert len(explorer.to_html().encode("utf-8")) < 400_000


# ------------------------------------------------------------------ tables and self-checks

def test_the_end_state_table_reports_where_each_run_ends():
    halved = vascular.simulate_media(1.2, 10.0, inhibitors=0.5)
    normal = vascular.simulate_media(1.2, 10.0)
    table = td.end_state_table("Ten years", {"halved": halved, "normal": normal})
    assert table.rows[0] == ("halved", f"{halved.osteogenic_fraction[-1]:.3f}",
                             f"{100 * halved.mineral_fraction[-1]:.2f}", f"{halved.pwv_m_s[-1]:.1f}",
                             f"{halved.years_to_cross():.1f}")
    assert table.rows[1][-1] == "not in the run"  # normal phosphate never reaches 10 m/s in ten years


def test_the_end_state_table_refuses_what_is_not_a_run():
    with pytest.raises(TypeError, match="MediaTrajectory"):
        td.end_state_table("Ten years", {"a number": 7.2})
    with pytest.raises(ValueError, match="caption"):
        td.end_state_table(" ", {"normal": vascular.simulate_media(1.2, 1.0)})


def test_the_crossing_table_gives_the_years_to_the_cutoff_of_each_exposure():
    table = td.crossing_table(30.0)
    runs = td.exposure_trajectories(30.0)
    assert [r[1] for r in table.rows] == ["not within 30 years",
                                         f"{runs['ckd_stage_4'].years_to_cross():.1f}",
                                         f"{runs['dialysis'].years_to_cross():.1f}"]


def test_the_drive_table_rises_steeply_and_inflammation_shifts_it():
    rows = td.drive_table().rows
    plain = [float(r[1]) for r in rows]
    inflamed = [float(r[2]) for r in rows]
    assert plain == sorted(plain) and plain[-1] > 100 * plain[1]  # 1.2 -> 2.0 mmol/L
    assert all(i >= p for i, p in zip(inflamed, plain))


def test_the_stiffer_wall_check_expects_pwv_to_grow_with_the_root_of_the_modulus():
    q = td.self_check_stiffer_wall(2.0)
    c0 = vascular.NORMAL_PWV_M_S.value
    assert q.answer == pytest.approx(c0 * np.sqrt(2.0), abs=0.02)
    assert q.verdict(2.0 * c0) == "high"  # PWV taken as proportional to E
    assert q.verdict(c0) == "low"
    with pytest.raises(ValueError, match="modulus_factor"):
        td.self_check_stiffer_wall(0.5)


def test_the_lowering_check_says_the_cells_turn_back_but_the_mineral_stays():
    q = td.self_check_lowering_phosphate()
    right = [o for o in q.options if o.correct]
    assert len(right) == 1 and "mineral stays" in right[0].text
    lowered = td.lowering_runs()["lowered to normal at year 5"]
    assert f"{lowered['pwv_m_s'][-1]:.1f} m/s" in right[0].feedback
    assert lowered["mineral_fraction"][-1] >= lowered["mineral_fraction"][60]
