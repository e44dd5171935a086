"""The simple picture: Q against Ksp, and where the example patients fall."""

from __future__ import annotations

import math

import pytest

from calcify_lib import precipitation as pr
from calcify_lib.patients import EXAMPLE_PATIENTS, patient


def test_ionic_product_is_the_product_of_the_two_concentrations():
    assert pr.ionic_product(2.5, 1.2) == pytest.approx(3.0, rel=1e-15)


def test_saturation_ratio_divides_q_by_ksp():
    assert pr.saturation_ratio(3.0, 2.0) == 1.5


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [(0.0, pr.DISSOLVED), (0.999, pr.DISSOLVED), (1.0, pr.SATURATED), (1.001, pr.SUPERSATURATED), (40.0, pr.SUPERSATURATED)],
)
def test_verdict_follows_the_saturation_ratio(ratio, expected):
    assert pr.verdict(ratio) == expected


def test_free_energy_sign_matches_verdict():
    # ΔG = -RT ln S is negative exactly when precipitation is favoured.
    for ratio in (0.5, 2.0):
        favoured = -math.log(ratio) < 0
        assert favoured == (pr.verdict(ratio) == pr.SUPERSATURATED)


def test_thresholds_are_the_cited_guideline_values():
    assert pr.KDOQI_2003_CA_X_P_LIMIT_MG2_DL2.value == 55.0
    assert pr.CLASSIC_CA_X_P_THRESHOLD_MG2_DL2.value == 70.0
    assert pr.BLOCK_1998_CA_X_P_RISK_MG2_DL2.value == 72.0


def test_assess_reports_both_unit_systems_consistently():
    a = pr.assess(10.0, 7.0)
    assert a.q_mg2_dl2 == pytest.approx(70.0)
    assert a.q_mmol2_l2 == pytest.approx(a.ca_mmol_l * a.phosphate_mmol_l, rel=1e-12)
    assert a.ratio == pytest.approx(1.0)
    assert a.threshold_mmol2_l2 == pytest.approx(5.6389, abs=1e-4)


def test_normal_serum_is_below_the_clinical_threshold_in_the_simple_picture():
    p = patient("normal")
    a = pr.assess(p.ca_mg_dl.value, p.phosphate_mg_dl.value)
    assert a.verdict == pr.BELOW_THRESHOLD
    assert a.ratio == pytest.approx(9.42 * 3.72 / 70.0, rel=1e-12)


def test_dialysis_phosphate_pushes_the_product_past_the_kdoqi_limit():
    p = patient("chronic_kidney_disease")
    a = pr.assess(p.ca_mg_dl.value, p.phosphate_mg_dl.value, threshold="kdoqi_2003")
    assert a.supersaturated
    assert a.ca_mg_dl < 10.5  # with a normal calcium


def test_hyperparathyroidism_raises_calcium_but_barely_moves_the_product():
    normal, phpt = patient("normal"), patient("primary_hyperparathyroidism")
    assert phpt.ca_mg_dl.value > normal.ca_mg_dl.value
    assert phpt.phosphate_mg_dl.value < normal.phosphate_mg_dl.value
    q_normal = pr.ca_x_p_mg2_dl2(normal.ca_mg_dl.value, normal.phosphate_mg_dl.value)
    q_phpt = pr.ca_x_p_mg2_dl2(phpt.ca_mg_dl.value, phpt.phosphate_mg_dl.value)
    assert abs(q_phpt - q_normal) / q_normal < 0.10


def test_every_example_patient_has_cited_values_in_range():
    for p in EXAMPLE_PATIENTS:
        a = pr.assess(p.ca_mg_dl.value, p.phosphate_mg_dl.value)
        assert 0 < a.q_mg2_dl2 < 100


def test_unknown_threshold_is_refused_with_the_valid_names():
    with pytest.raises(ValueError, match="classic_70"):
        pr.assess(9.0, 4.0, threshold="kdigo")


def test_unknown_patient_is_refused_with_the_valid_keys():
    with pytest.raises(ValueError, match="primary_hyperparathyroidism"):
        patient("gout")


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [(0.5, pr.BELOW_THRESHOLD), (1.0, pr.AT_THRESHOLD), (1.2, pr.ABOVE_THRESHOLD)],
)
def test_the_simple_picture_speaks_of_a_clinical_threshold_not_of_saturation(ratio, expected):
    assert pr.threshold_verdict(ratio) == expected
    assert "saturat" not in expected
