"""Local pH of tissues, and the saturation of calcium phosphates there (calcify_lib.tissue)."""

from __future__ import annotations

import math

import pytest

from calcify_lib import chemistry, homeostasis, tissue
from calcify_lib.cited import CitedConstant, constants_in

# ---------------------------------------------------------------------- Henderson-Hasselbalch


def test_henderson_hasselbalch_uses_the_cited_pk_and_solubility():
    assert tissue.PK_PRIME_CO2.value == 6.1
    assert tissue.CO2_SOLUBILITY_MMOL_L_MMHG.value == 0.0307
    # With [HCO3-] = s x PCO2 the log term vanishes: pH = pK'.
    assert tissue.henderson_hasselbalch_ph(0.0307 * 40.0, 40.0) == pytest.approx(6.1, abs=1e-12)


def test_normal_arterial_blood_has_ph_7_40():
    assert tissue.henderson_hasselbalch_ph(24.5, 40.0) == pytest.approx(7.40, abs=0.005)


def test_tenfold_more_bicarbonate_is_one_ph_unit():
    low = tissue.henderson_hasselbalch_ph(2.4, 40.0)
    assert tissue.henderson_hasselbalch_ph(24.0, 40.0) - low == pytest.approx(1.0, abs=1e-12)


def test_bicarbonate_and_ph_invert_each_other():
    hco3 = tissue.henderson_hasselbalch_hco3_mmol_l(7.31, 52.0)
    assert tissue.henderson_hasselbalch_ph(hco3, 52.0) == pytest.approx(7.31, abs=1e-12)


def test_cooler_plasma_dissolves_more_co2_and_has_a_higher_pk():
    assert tissue.co2_solubility_mmol_l_mmhg(30.0) > tissue.co2_solubility_mmol_l_mmhg(37.0)
    assert tissue.pk_prime(30.0) > tissue.pk_prime(37.0)


@pytest.mark.parametrize("hco3, pco2", [(0.0, 40.0), (-1.0, 40.0), (24.0, 0.0), (24.0, -5.0),
                                        (math.nan, 40.0), (24.0, math.inf)])
def test_bicarbonate_or_pco2_that_is_not_positive_and_finite_is_refused(hco3, pco2):
    with pytest.raises(ValueError, match="hco3_mmol_l|pco2_mmhg"):
        tissue.henderson_hasselbalch_ph(hco3, pco2)


def test_a_bicarbonate_given_as_text_is_refused_by_name():
    with pytest.raises(TypeError, match="hco3_mmol_l"):
        tissue.henderson_hasselbalch_ph("24", 40.0)


# ---------------------------------------------------------------------- blood


def test_blood_on_the_normal_buffer_line_is_ph_7_40_at_40_mmhg():
    assert tissue.blood_ph(40.0) == pytest.approx(7.40, abs=1e-9)


def test_blood_buffers_so_bicarbonate_falls_when_co2_is_blown_off():
    ph = tissue.blood_ph(28.0)
    assert tissue.henderson_hasselbalch_hco3_mmol_l(ph, 28.0) < tissue.henderson_hasselbalch_hco3_mmol_l(7.4, 40.0)
    # ...but pH rises less than it would with bicarbonate held (no buffering).
    assert ph < tissue.henderson_hasselbalch_ph(tissue.henderson_hasselbalch_hco3_mmol_l(7.4, 40.0), 28.0)


def test_added_base_raises_ph_and_deoxygenated_blood_is_more_alkaline():
    assert tissue.blood_ph(40.0, base_excess_mmol_l=2.0) > tissue.blood_ph(40.0)
    assert tissue.blood_ph(45.0, o2_saturation=0.75) > tissue.blood_ph(45.0, o2_saturation=1.0)


def test_oxygen_saturation_follows_severinghaus_and_the_bohr_shift():
    assert tissue.oxygen_saturation(26.8) == pytest.approx(0.5, abs=0.01)  # the standard P50
    assert tissue.oxygen_saturation(40.0, 7.5) > tissue.oxygen_saturation(40.0, 7.3)


def test_mixed_venous_blood_is_more_acidic_than_arterial_and_richer_in_co2():
    arterial, venous = tissue.arterial_blood(), tissue.mixed_venous_blood()
    assert venous.ph < arterial.ph
    assert venous.co2_content_ml_dl > arterial.co2_content_ml_dl
    assert venous.o2_content_ml_dl < arterial.o2_content_ml_dl


# ---------------------------------------------------------------------- the lung


@pytest.mark.parametrize("region", ["lung_apex", "lung_base"])
def test_the_lung_model_reproduces_wests_figure(region):
    vq = (tissue.WEST_APEX_VQ if region == "lung_apex" else tissue.WEST_BASE_VQ).value
    unit = tissue.lung_unit(vq)
    west = tissue.WEST_PUBLISHED[region]
    assert unit.pco2_mmhg == pytest.approx(west["pco2_mmhg"].value, abs=1.5)
    assert unit.ph == pytest.approx(west["ph"].value, abs=0.03)
    assert tissue.lung_ph(vq) == unit.ph


def test_wests_oxygen_figures_come_out_too():
    assert tissue.lung_unit(3.3).po2_mmhg == pytest.approx(132.0, abs=2.0)
    assert tissue.lung_unit(0.63).po2_mmhg == pytest.approx(89.0, abs=2.0)


def test_the_apex_is_more_alkaline_than_the_base():
    assert tissue.lung_ph(3.3) > tissue.lung_ph(0.63) + 0.05


def test_lung_ph_rises_with_the_ventilation_perfusion_ratio():
    values = [tissue.lung_ph(r) for r in (0.1, 0.3, 0.63, 1.0, 3.3, 10.0, 30.0)]
    assert values == sorted(values)


def test_a_shunt_leaves_the_blood_mixed_venous():
    assert tissue.lung_ph(0.0) == pytest.approx(tissue.mixed_venous_blood().ph, abs=1e-12)


def test_each_lung_unit_closes_its_co2_balance_and_its_gas_equation():
    unit = tissue.lung_unit(1.7)
    venous = tissue.mixed_venous_blood()
    given_off = venous.co2_content_ml_dl - unit.blood.co2_content_ml_dl
    assert 1.7 * unit.pco2_mmhg == pytest.approx(tissue.VENTILATION_UNITS_FACTOR.value * given_off, rel=1e-8)
    fio2 = tissue.INSPIRED_O2_FRACTION.value
    pio2 = (760.0 - 47.0) * fio2
    r = unit.respiratory_exchange_ratio
    assert unit.po2_mmhg == pytest.approx(pio2 - unit.pco2_mmhg * (fio2 + (1 - fio2) / r), abs=1e-6)


@pytest.mark.parametrize("bad", [-0.1, -3.0, math.nan, math.inf, -math.inf])
def test_a_ventilation_perfusion_ratio_that_is_negative_or_not_finite_is_refused(bad):
    with pytest.raises(ValueError, match="ventilation_perfusion_ratio"):
        tissue.lung_ph(bad)


# ---------------------------------------------------------------------- stomach and kidney


def test_acid_secretion_makes_the_gastric_venous_blood_alkaline():
    resting = tissue.gastric_venous_blood(0.0, 150.0)
    secreting = tissue.gastric_venous_blood(20.2, 150.0)
    assert resting.ph == pytest.approx(tissue.mixed_venous_blood().ph, abs=1e-9)
    assert secreting.ph > resting.ph
    # Acid leaves the blood but its CO2 stays: base excess up by output / flow, content unchanged.
    assert secreting.base_excess_mmol_l == pytest.approx(20.2 / 60.0 / 0.150)
    assert secreting.co2_content_ml_dl == pytest.approx(resting.co2_content_ml_dl)
    assert secreting.pco2_mmhg < resting.pco2_mmhg


def test_less_blood_flow_concentrates_the_alkaline_tide():
    assert tissue.gastric_venous_blood(20.2, 100.0).ph > tissue.gastric_venous_blood(20.2, 200.0).ph


def test_the_acid_outputs_are_the_cited_ones():
    assert tissue.STIMULATED_ACID_OUTPUT_MMOL_H.value == 20.2
    assert tissue.BASAL_ACID_OUTPUT_MMOL_H.value == pytest.approx(2.6 / 0.5)


def test_the_kidney_follows_the_evidence():
    arterial = tissue.arterial_blood().ph
    cortex_ph, _, cortex_hco3 = tissue.renal_cortex_plasma()
    # Mass balance: the returned bicarbonate barely alkalinises the peritubular plasma...
    assert 0.0 < cortex_ph - arterial < 0.05
    assert cortex_hco3 < tissue.arterial_blood().hco3_mmol_l * 1.1
    # ...and the measured papilla is more acidic than arterial blood by Kuramochi's 0.44-0.73.
    assert 0.44 <= arterial - tissue.renal_papilla_ph() <= 0.73


# ---------------------------------------------------------------------- local chemistry


@pytest.mark.parametrize("name", tissue.TISSUES)
def test_the_local_si_is_the_chemistry_modules_si_at_the_local_ph(name):
    lc = tissue.local_chemistry(name, condition="chronic_kidney_disease")
    labs = homeostasis.steady_state("chronic_kidney_disease", 1.0)
    serum = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=lc.ph)
    for phase in chemistry.PHASES:
        assert lc.saturation_index(phase) == pytest.approx(float(serum.saturation_index(phase)), abs=1e-12)
    assert lc.total_ca_mg_dl == pytest.approx(labs.total_ca_mg_dl)


def test_the_required_tissues_and_a_control_that_is_not_alkaline_exist():
    for name in ("arterial_blood", "lung_apex", "lung_base", "gastric_mucosa", "renal_interstitium"):
        assert name in tissue.TISSUES
    control = tissue.local_chemistry("mixed_venous_blood")
    assert control.ph < tissue.local_chemistry("arterial_blood").ph


@pytest.mark.parametrize("state", tissue.ACID_SECRETION_STATES)
def test_apex_and_secreting_stomach_are_more_alkaline_and_more_supersaturated_than_arterial_blood(state):
    arterial = tissue.local_chemistry("arterial_blood", acid_secretion=state)
    for name in ("lung_apex",) + (("gastric_mucosa",) if state == "after_meal" else ()):
        lc = tissue.local_chemistry(name, acid_secretion=state)
        assert lc.ph > arterial.ph
        assert lc.saturation_index("hydroxyapatite") > arterial.saturation_index("hydroxyapatite")


@pytest.mark.parametrize("condition", homeostasis.CONDITIONS)
def test_among_tissues_the_si_of_hydroxyapatite_follows_local_ph(condition):
    results = [tissue.local_chemistry(n, condition=condition) for n in tissue.TISSUES]
    by_ph = sorted(results, key=lambda lc: lc.ph)
    si = [lc.saturation_index("hydroxyapatite") for lc in by_ph]
    assert si == sorted(si)


@pytest.mark.parametrize("condition", [c for c in homeostasis.CONDITIONS if c != "normal"])
def test_systemic_causes_raise_every_tissues_si_at_its_own_ph(condition):
    for name in tissue.TISSUES:
        normal = tissue.local_chemistry(name)
        sick = tissue.local_chemistry(name, condition=condition)
        assert sick.ph == normal.ph
        assert sick.saturation_index("hydroxyapatite") > normal.saturation_index("hydroxyapatite")


def test_a_meal_raises_the_ph_of_the_stomach_most():
    gain = {n: tissue.local_chemistry(n).ph - tissue.local_chemistry(n, acid_secretion="fasting").ph
            for n in tissue.TISSUES}
    assert max(gain, key=gain.get) == "gastric_mucosa"
    assert all(g > 0 for g in gain.values())


def test_the_hydroxyapatite_si_rises_with_ph_faster_than_brushites():
    hap = tissue.saturation_index_ph_slope("hydroxyapatite")
    acp = tissue.saturation_index_ph_slope("amorphous_calcium_phosphate")
    dcpd = tissue.saturation_index_ph_slope("brushite")
    assert hap > acp > abs(dcpd)
    assert 0.2 < hap < 0.5


def test_every_tissue_states_how_firm_its_ph_is():
    assert set(tissue.TISSUE_STATUS) == set(tissue.TISSUES)
    assert set(tissue.TISSUE_STATUS.values()) <= {"measured", "cited", "assumed"}
    assert tissue.local_chemistry("gastric_mucosa").status == "assumed"


def test_the_modelling_assumptions_are_marked_as_such():
    assumed = [c for _, c in constants_in(tissue) if c.basis == "set"]
    assert {id(c) for c in assumed} >= {id(tissue.RENAL_CORTEX_PCO2_MMHG),
                                         *(id(c) for c in tissue.GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN.values())}
    assert all("ASSUMED" in c.note for c in assumed)


def test_every_constant_is_cited():
    constants = constants_in(tissue)
    assert len(constants) > 30
    assert all(isinstance(c, CitedConstant) and c.citation for _, c in constants)


# ---------------------------------------------------------------------- bad input


def test_an_unknown_tissue_is_refused_with_the_valid_ones_listed():
    with pytest.raises(ValueError, match="tissue must be one of .*'lung_apex'"):
        tissue.local_chemistry("liver")
    with pytest.raises(TypeError, match="tissue"):
        tissue.local_chemistry(3)


def test_an_unknown_condition_or_treatment_or_state_is_refused():
    with pytest.raises(ValueError, match="condition"):
        tissue.local_chemistry("lung_apex", condition="gout")
    with pytest.raises(ValueError, match="treatments"):
        tissue.local_chemistry("lung_apex", treatments=("aspirin",))
    with pytest.raises(ValueError, match="acid_secretion"):
        tissue.local_chemistry("lung_apex", acid_secretion="lunch")
    with pytest.raises(ValueError, match="severity"):
        tissue.local_chemistry("lung_apex", severity=3.0)


def test_an_unknown_phase_is_refused():
    with pytest.raises(ValueError, match="phase"):
        tissue.local_chemistry("lung_apex").saturation_index("calcite")


def test_results_are_deterministic_and_frozen():
    a, b = tissue.local_chemistry("lung_apex"), tissue.local_chemistry("lung_apex")
    assert a == b
    with pytest.raises(AttributeError):
        a.ph = 8.0
