"""The work-up of calcify_lib.diagnosis: the clinic's reasoning, the model's patients, the case library."""

from __future__ import annotations

import math

import pytest

from calcify_lib import cases, diagnosis, homeostasis
from calcify_lib.chemistry import albumin_corrected_calcium_mg_dl, speciate_serum
from calcify_lib.cited import CitedConstant
from calcify_lib.precipitation import ca_x_p_mg2_dl2

CAUSES = set(homeostasis.CONDITIONS)


def _model_labs(condition: str, severity: float = 1.0) -> dict[str, float]:
    """What interpret() is given for the model's patient: its labs, its lever, normal values otherwise."""
    labs = homeostasis.steady_state(condition, severity)
    lever, value, _ = homeostasis.severity_lever(condition, severity)
    return dict(
        total_ca_mg_dl=labs.total_ca_mg_dl, phosphate_mg_dl=labs.phosphate_mg_dl, pth_pg_ml=labs.pth_pg_ml,
        calcitriol_pg_ml=labs.calcitriol_pg_ml,
        calcidiol_ng_ml=value if lever == "calcifediol" else homeostasis.NORMAL_CALCIFEDIOL_NG_ML.value,
        egfr_ml_min_1_73m2=value if lever == "gfr" else diagnosis.NORMAL_EGFR_ML_MIN_1_73M2.value,
    )


# ---------------------------------------------------------------------- the model's patients

@pytest.mark.parametrize("condition", homeostasis.CONDITIONS)
def test_the_work_up_reads_every_model_patient_as_its_own_condition(condition):
    r = diagnosis.interpret(**_model_labs(condition))
    assert r.likely_cause == condition
    assert r.decided
    assert r.kind == ("dystrophic" if condition == "normal" else "metastatic")


@pytest.mark.parametrize("condition", [c for c in homeostasis.CONDITIONS if c != "normal"])
def test_a_severe_model_patient_is_read_the_same_way(condition):
    assert diagnosis.interpret(**_model_labs(condition, 1.5)).likely_cause == condition


def test_the_measures_come_from_the_existing_modules():
    a = _model_labs("chronic_kidney_disease")
    labs = homeostasis.steady_state("chronic_kidney_disease")
    r = diagnosis.interpret(**a)
    assert r.ca_x_p_mg2_dl2 == pytest.approx(labs.ca_x_p_mg2_dl2, rel=1e-9)
    assert r.si_hydroxyapatite == pytest.approx(labs.si_hydroxyapatite, abs=1e-6)


# ---------------------------------------------------------------------- the case library

@pytest.mark.parametrize("case", cases.CASES, ids=[c.key for c in cases.CASES])
def test_every_case_of_the_library_gets_the_expected_cause_and_kind(case):
    r = diagnosis.interpret(**case.arguments())
    assert (r.likely_cause, r.kind) == (case.expected_cause, case.expected_kind)
    assert r.decided


def test_the_library_covers_every_condition_a_dystrophic_a_mixed_case_and_the_albumin_trap():
    causes = {c.expected_cause for c in cases.CASES}
    assert causes == CAUSES
    kinds = {(c.expected_cause, c.expected_kind) for c in cases.CASES}
    assert ("normal", "dystrophic") in kinds
    assert any(c.expected_kind == "mixed" for c in cases.CASES)
    traps = [c for c in cases.CASES if c.lab("albumin_g_dl") is not None and c.lab("albumin_g_dl") < 3.0]
    assert any(diagnosis.interpret(**c.arguments()).calcium_status
               != diagnosis.interpret(**{**c.arguments(), "albumin_g_dl": 4.0}).calcium_status for c in traps)
    assert len(cases.CASES) >= 8


def test_every_lab_of_the_library_is_a_cited_constant_with_its_unit():
    for case in cases.CASES:
        for name, constant in case.labs:
            assert isinstance(constant, CitedConstant)
            assert constant.unit == cases.LAB_UNITS[name]
            assert constant.note


def test_an_unknown_case_is_refused_with_the_valid_keys():
    with pytest.raises(ValueError, match="phpt_classic"):
        cases.case("nobody")
    with pytest.raises(TypeError):
        cases.case(3)


# ---------------------------------------------------------------------- the steps of the work-up

def test_calcium_is_corrected_through_the_chemistry_function_with_coefficient_0_8():
    r = diagnosis.interpret(total_ca_mg_dl=10.2, phosphate_mg_dl=2.4, albumin_g_dl=2.6, pth_pg_ml=98.0)
    assert r.corrected_ca_mg_dl == pytest.approx(albumin_corrected_calcium_mg_dl(10.2, 2.6))
    assert r.corrected_ca_mg_dl == pytest.approx(10.2 + 0.8 * (4.0 - 2.6))
    assert "0.8" in r.reasons[0]
    assert r.ca_x_p_mg2_dl2 == pytest.approx(ca_x_p_mg2_dl2(r.corrected_ca_mg_dl, 2.4))
    si = float(speciate_serum(10.2, 2.4, albumin_g_l=26.0).saturation_index("hydroxyapatite"))
    assert r.si_hydroxyapatite == pytest.approx(si)


def test_a_high_pth_with_a_high_calcium_is_parathyroid_driven_and_says_so_with_its_value():
    r = diagnosis.interpret(total_ca_mg_dl=11.2, phosphate_mg_dl=2.6, pth_pg_ml=145.0)
    assert r.likely_cause == "primary_hyperparathyroidism"
    assert "PTH 145 pg/mL is high while calcium is high: parathyroid-driven." in r.reasons


def test_an_inappropriately_normal_pth_still_means_the_parathyroids():
    r = diagnosis.interpret(total_ca_mg_dl=11.0, phosphate_mg_dl=3.0, pth_pg_ml=40.0)
    assert r.likely_cause == "primary_hyperparathyroidism"
    assert any("inappropriately normal" in x for x in r.reasons)
    assert "familial hypocalciuric hypercalcaemia" in r.cannot_exclude


@pytest.mark.parametrize("calcidiol, calcitriol, cause", [
    (400.0, 30.0, "vitamin_d_intoxication"),
    (30.0, 100.0, "sarcoidosis"),
    (30.0, 20.0, "bone_destruction"),
])
def test_a_suppressed_pth_leads_to_the_vitamin_d_metabolites(calcidiol, calcitriol, cause):
    r = diagnosis.interpret(total_ca_mg_dl=12.0, phosphate_mg_dl=4.0, pth_pg_ml=8.0,
                            calcidiol_ng_ml=calcidiol, calcitriol_pg_ml=calcitriol)
    assert r.likely_cause == cause and r.decided


def test_bone_destruction_names_pthrp_as_what_it_cannot_exclude():
    r = diagnosis.interpret(total_ca_mg_dl=13.8, phosphate_mg_dl=2.3, pth_pg_ml=4.0,
                            calcidiol_ng_ml=25.0, calcitriol_pg_ml=14.0)
    assert any("PTHrP" in x for x in r.cannot_exclude)
    assert "PTHrP" in r.next_tests


def test_high_phosphate_low_egfr_and_high_pth_is_kidney_disease():
    r = diagnosis.interpret(total_ca_mg_dl=8.8, phosphate_mg_dl=6.0, pth_pg_ml=300.0, egfr_ml_min_1_73m2=10.0)
    assert r.likely_cause == "chronic_kidney_disease" and r.decided and r.kind == "metastatic"


@pytest.mark.parametrize("labs, missing", [
    (dict(total_ca_mg_dl=11.4, phosphate_mg_dl=2.5), "intact PTH"),
    (dict(total_ca_mg_dl=12.0, phosphate_mg_dl=4.0, pth_pg_ml=5.0), "25-OH-D"),
    (dict(total_ca_mg_dl=12.0, phosphate_mg_dl=4.0, pth_pg_ml=5.0, calcidiol_ng_ml=30.0), "calcitriol"),
    (dict(total_ca_mg_dl=12.0, phosphate_mg_dl=4.0, pth_pg_ml=5.0, calcitriol_pg_ml=10.0), "25-OH-D"),
    (dict(total_ca_mg_dl=12.0, phosphate_mg_dl=4.0, pth_pg_ml=5.0, calcitriol_pg_ml=100.0), "25-OH-D"),
    (dict(total_ca_mg_dl=9.0, phosphate_mg_dl=6.0), "creatinine and eGFR"),
    (dict(total_ca_mg_dl=9.0, phosphate_mg_dl=6.0, egfr_ml_min_1_73m2=10.0), "intact PTH"),
])
def test_a_missing_test_leaves_the_cause_undecided_and_asks_for_it(labs, missing):
    r = diagnosis.interpret(**labs)
    assert not r.decided
    assert missing in r.next_tests
    assert r.likely_cause in CAUSES


def test_a_pattern_outside_the_model_is_named_undecided_with_its_look_alikes():
    r = diagnosis.interpret(total_ca_mg_dl=7.2, phosphate_mg_dl=5.8, pth_pg_ml=4.0, egfr_ml_min_1_73m2=98.0)
    assert not r.decided and r.likely_cause in CAUSES
    assert "hypoparathyroidism" in r.cannot_exclude


@pytest.mark.parametrize("injury, kind", [(None, "metastatic"), (False, "metastatic"), (True, "mixed")])
def test_the_kind_follows_the_serum_and_the_tissue(injury, kind):
    raised = diagnosis.interpret(total_ca_mg_dl=9.5, phosphate_mg_dl=7.0, pth_pg_ml=400.0,
                                 egfr_ml_min_1_73m2=6.0, tissue_injury=injury)
    assert raised.kind == kind
    normal = diagnosis.interpret(total_ca_mg_dl=9.5, phosphate_mg_dl=3.5, tissue_injury=injury)
    assert normal.kind == "dystrophic" and normal.likely_cause == "normal"


def test_a_low_calcium_does_not_make_the_serum_pro_calcifying():
    r = diagnosis.interpret(total_ca_mg_dl=7.8, phosphate_mg_dl=2.2, pth_pg_ml=120.0)
    assert r.calcium_status == "low" and r.kind == "dystrophic" and not r.decided


def test_every_threshold_is_a_cited_constant_with_a_basis():
    for name in ("CA_LOW_MG_DL", "CA_HIGH_MG_DL", "PHOSPHATE_LOW_MG_DL", "PHOSPHATE_HIGH_MG_DL", "PTH_HIGH_PG_ML",
                 "PTH_SUPPRESSED_BELOW_PG_ML", "CALCIDIOL_INTOXICATION_ABOVE_NG_ML", "CALCITRIOL_HIGH_PG_ML",
                 "CALCITRIOL_HIGH_WOMEN_PG_ML", "EGFR_LOW_BELOW_ML_MIN_1_73M2", "ALBUMIN_LOW_G_DL"):
        constant = getattr(diagnosis, name)
        assert isinstance(constant, CitedConstant)
        assert constant.basis == "guideline"


def test_the_same_labs_give_the_same_interpretation():
    a = diagnosis.interpret(**cases.case("myeloma").arguments())
    b = diagnosis.interpret(**cases.case("myeloma").arguments())
    assert a == b


# ---------------------------------------------------------------------- bad input

@pytest.mark.parametrize("name, value", [
    ("total_ca_mg_dl", -1.0), ("total_ca_mg_dl", math.nan), ("total_ca_mg_dl", 80.0),
    ("phosphate_mg_dl", -0.5), ("phosphate_mg_dl", math.inf), ("albumin_g_dl", 0.0), ("albumin_g_dl", 40.0),
    ("pth_pg_ml", -5.0), ("pth_pg_ml", 1e6), ("calcidiol_ng_ml", -1.0), ("calcitriol_pg_ml", math.nan),
    ("egfr_ml_min_1_73m2", 500.0),
])
def test_absurd_values_are_refused_naming_the_argument_and_the_range(name, value):
    labs = dict(total_ca_mg_dl=10.0, phosphate_mg_dl=3.5)
    labs[name] = value
    with pytest.raises(ValueError, match=name) as info:
        diagnosis.interpret(**labs)
    assert " to " in str(info.value)


@pytest.mark.parametrize("name, value", [
    ("total_ca_mg_dl", "11.2"), ("phosphate_mg_dl", None), ("pth_pg_ml", "high"), ("tissue_injury", "yes"),
    ("tissue_injury", 1), ("albumin_g_dl", True),
])
def test_wrong_types_are_refused(name, value):
    labs = dict(total_ca_mg_dl=10.0, phosphate_mg_dl=3.5)
    labs[name] = value
    with pytest.raises(TypeError, match=name):
        diagnosis.interpret(**labs)


def test_interpret_takes_keywords_only():
    with pytest.raises(TypeError):
        diagnosis.interpret(11.0, 3.0)


# ---------------------------------------------------------------------- the planner

def test_parathyroidectomy_normalises_calcium_within_a_day_and_stopping_vitamin_d_takes_months():
    surgery = diagnosis.plan_treatment("primary_hyperparathyroidism", "parathyroidectomy", start_day=90.0)
    washout = diagnosis.plan_treatment("vitamin_d_intoxication", "stop_vitamin_d", start_day=90.0)
    assert 0.0 < surgery.days_to_normal_calcium < 1.0
    assert 30.0 < washout.days_to_normal_calcium < 150.0
    assert surgery.treated.total_ca_mg_dl[-1] <= diagnosis.CA_HIGH_MG_DL.value


def test_a_binder_alone_does_not_reach_the_phosphate_target_but_with_dialysis_it_does():
    binder = diagnosis.plan_treatment("chronic_kidney_disease", "phosphate_binder", start_day=90.0)
    both = diagnosis.plan_treatment("chronic_kidney_disease", ("phosphate_binder", "dialysis"), start_day=90.0)
    assert binder.days_to_target_phosphate is None
    assert both.days_to_target_phosphate is not None and both.days_to_target_phosphate < 2.0


def test_the_untreated_course_is_the_simulation_without_treatment():
    course = diagnosis.plan_treatment("sarcoidosis", "glucocorticoid", start_day=30.0, days=200.0)
    plain = homeostasis.simulate("sarcoidosis", 1.0, 200.0)
    assert (course.untreated.total_ca_mg_dl == plain.total_ca_mg_dl).all()
    before = course.treated.time_days < 30.0
    assert (course.treated.total_ca_mg_dl[before] == plain.total_ca_mg_dl[before]).all()


def test_the_planner_refuses_a_start_after_the_end_and_unknown_treatments():
    with pytest.raises(ValueError, match="start_day"):
        diagnosis.plan_treatment("sarcoidosis", "glucocorticoid", start_day=400.0, days=300.0)
    with pytest.raises(ValueError, match="treatments"):
        diagnosis.plan_treatment("sarcoidosis", "aspirin")


def test_a_calcium_binder_adds_more_calcium_than_the_failing_kidney_excretes():
    extra = diagnosis.binder_calcium_absorbed_mmol_day(1500.0)
    urine = homeostasis.steady_state("chronic_kidney_disease").urine_ca_mmol_day
    assert extra > urine
    assert diagnosis.binder_calcium_absorbed_mmol_day(0.0) == 0.0
    half = diagnosis.binder_calcium_absorbed_mmol_day(500.0)
    assert diagnosis.binder_calcium_absorbed_mmol_day(1000.0) == pytest.approx(2 * half)
    with pytest.raises(ValueError, match="elemental_ca_mg_day"):
        diagnosis.binder_calcium_absorbed_mmol_day(-10.0)
