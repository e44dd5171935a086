"""Figures of the chapter on local pH: every number from calcify_lib.tissue, the body map within budget."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from calcify_lib import homeostasis, style, tissue  # noqa: E402
from calcify_lib.explorer import Explorer  # noqa: E402
from calcify_lib.figures import location  # noqa: E402


@pytest.fixture(scope="module")
def explorer() -> Explorer:
    return location.body_map_explorer()


def test_the_tissue_table_prints_the_models_numbers():
    table = location.tissue_table("chronic_kidney_disease", 1.0, "fasting")
    assert len(table.rows) == len(tissue.TISSUES)
    for row, name in zip(table.rows, tissue.TISSUES):
        lc = tissue.local_chemistry(name, condition="chronic_kidney_disease", acid_secretion="fasting")
        assert row[0] == style.label("tissue", name)
        assert row[1] == f"{lc.ph:.2f}"
        assert row[4] == f"{lc.saturation_index('hydroxyapatite'):+.2f}"
        assert row[-1] == tissue.TISSUE_STATUS[name]


def test_the_comparison_table_shows_normal_against_the_condition():
    table = location.comparison_table("chronic_kidney_disease", 1.0)
    apex = dict(zip(table.columns, table.rows[tissue.TISSUES.index("lung_apex")]))
    normal = tissue.local_chemistry("lung_apex")
    ckd = tissue.local_chemistry("lung_apex", condition="chronic_kidney_disease")
    assert apex["SI HAP"] == f"{normal.saturation_index('hydroxyapatite'):+.2f} → " \
                             f"{ckd.saturation_index('hydroxyapatite'):+.2f}"


def test_the_ph_sensitivity_table_gives_the_slope_per_tenth_of_a_ph_unit():
    table = location.ph_sensitivity_table()
    hap = table.rows[0]
    assert hap[-1] == f"{tissue.saturation_index_ph_slope('hydroxyapatite'):+.2f}"
    assert float(hap[3]) > float(hap[1])


def test_the_west_table_compares_the_model_with_the_printed_values():
    table = location.west_table()
    assert table.rows[0][2] == "28" and table.rows[0][4] == "7.51"
    assert table.rows[0][5] == f"{tissue.lung_ph(3.3):.3f}"


def test_the_gastric_and_kidney_tables_come_from_the_mass_balances():
    gastric = location.gastric_table()
    meal = gastric.rows[1]
    assert "assumed" in meal[2]
    assert float(meal[-1]) > 0
    kidney = location.kidney_table()
    assert float(kidney.rows[1][3]) < -0.4  # the papilla, more acidic than arterial blood


def test_the_assumptions_table_lists_every_set_constant():
    rows = location.assumptions_table().rows
    assert any(r[0] == "RENAL_CORTEX_PCO2_MMHG" for r in rows)
    assert sum("GASTRIC_MUCOSAL_BLOOD_FLOW" in r[0] for r in rows) == 2


def test_the_static_figures_draw():
    for fig in (location.lung_figure([0.5, 1.0, 4.0]), location.tissue_ph_si_figure(),
                location.body_map_figure("sarcoidosis", 2.0, "fasting")):
        assert fig.axes
        plt.close(fig)


def test_bad_input_to_the_figures_is_refused():
    with pytest.raises(ValueError, match="ratios"):
        location.lung_figure([-1.0, 2.0])
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="si_by_tissue"):
        location.body_map(ax, {"lung_apex": 10.0}, vmin=7.0, vmax=12.0)
    plt.close(fig)
    with pytest.raises(ValueError, match="severity"):
        location.tissue_table("normal", 5.0)


def test_the_colour_scale_spans_every_setting():
    low, high = location.si_color_range()
    for condition in ("normal", "vitamin_d_intoxication"):
        for name in tissue.TISSUES:
            si = tissue.local_chemistry(name, condition=condition, severity=2.0).saturation_index("hydroxyapatite")
            assert low <= si <= high


def test_the_explorer_offers_condition_severity_and_acid_secretion(explorer):
    names = [c.name for c in explorer.controls]
    assert names == ["condition", "severity", "acid_secretion"]
    assert explorer.controls[0].values == tuple(homeostasis.CONDITIONS)
    assert explorer.controls[2].values == tissue.ACID_SECRETION_STATES


@pytest.mark.parametrize("setting", [("chronic_kidney_disease", 1.0, "after_meal"),
                                     ("vitamin_d_intoxication", 2.0, "fasting")])
def test_the_explorer_readout_is_the_models(explorer, setting):
    condition, severity, state = setting
    view = explorer.view_at(condition=condition, severity=severity, acid_secretion=state)
    for name in tissue.TISSUES:
        lc = tissue.local_chemistry(name, condition=condition, severity=severity, acid_secretion=state)
        cells = (f'<td style="white-space:nowrap">{lc.ph:.2f}</td>'
                 f'<td style="white-space:nowrap">{lc.saturation_index("hydroxyapatite"):+.2f}</td>')
        assert cells in view.readout_html
    assert "Body map" in view.alt


def test_the_picture_changes_with_the_condition_but_not_with_severity_of_normal(explorer):
    normal = [explorer.view_at(condition="normal", severity=s, acid_secretion="fasting").png
              for s in location.BODY_MAP_SEVERITIES]
    assert len(set(normal)) == 1
    assert explorer.view_at(condition="chronic_kidney_disease", severity=2.0,
                            acid_secretion="fasting").png != normal[0]


def test_the_body_map_explorer_stays_under_400_kb(explorer):
    assert len(explorer.to_html().encode("utf-8")) < 400_000
