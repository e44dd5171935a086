"""Local pH of tissues and the saturation of calcium phosphates there.

Metastatic calcification happens when the blood is supersaturated, yet it
does not strike every tissue alike: the pathology texts list the gastric
mucosa, the lungs, the kidneys, the systemic arteries and the pulmonary
veins (:cite:`kumar2021robbins`).  The usual explanation is local pH:
tissues that export acid (parietal cells, the kidney) or lose CO₂ (the
lung) leave an alkaline side behind, and calcium phosphates are less
soluble in alkaline fluid.  This module puts numbers on that argument,
tissue by tissue, and says which numbers are measured and which assumed.

The chemistry of blood
----------------------
Bicarbonate, CO₂ and pH are tied by Henderson–Hasselbalch,

.. math::

    \\mathrm{pH} = \\mathrm{p}K' + \\log_{10}\\frac{[\\mathrm{HCO_3^-}]}{s\\,P_{\\mathrm{CO_2}}},

with pK′ = 6.1 and s = 0.0307 mmol/L/mmHg at 37 °C (:func:`henderson_hasselbalch_ph`,
:cite:`kelman1967digital`).  Blood buffers: when CO₂ or acid is added,
haemoglobin and plasma proteins take up part of the change.  That is the
Van Slyke equation in the form of Lang and Zander (:cite:`lang2002accuracy`),

.. math::

    \\mathrm{BE} = (1 - 0.0143\\,\\mathrm{Hb})\\left[([\\mathrm{HCO_3^-}] - [\\mathrm{HCO_3^-}]_{7.4})
        + (9.5 + 1.63\\,\\mathrm{Hb})(\\mathrm{pH} - 7.4)\\right] - 0.2\\,\\mathrm{Hb}\\,(1 - S_{\\mathrm{O_2}}),

solved for pH by :func:`blood_ph` (Hb in g/dL; BE, the base excess, is zero in
normal blood; the last term is the Haldane effect of deoxygenated blood).

The tissues
-----------
:data:`TISSUES` names the compartments; :func:`local_chemistry` gives each
one's pH, and the saturation indices of the five calcium phosphates of
:mod:`calcify_lib.chemistry` at that pH, with the serum calcium and
phosphate of :func:`calcify_lib.homeostasis.steady_state`.

``arterial_blood``
    The reference: PCO₂ 40 mmHg on the normal buffer line (pH 7.40).
``mixed_venous_blood``
    The control, not alkaline: PCO₂ 45 mmHg, PO₂ 40 mmHg.
``lung_apex``, ``lung_base``
    End-capillary blood of lung units with West's V̇/Q̇ of 3.3 and 0.63
    (:func:`lung_unit`, a gas-exchange model of CO₂ and O₂).
``gastric_mucosa``
    Venous blood and interstitium of the acid-secreting mucosa: the
    alkaline tide as a mass balance (:func:`gastric_venous_blood`).
``renal_cortex``
    Peritubular capillary plasma of the cortex, where the proximal tubule
    returns filtered bicarbonate (:func:`renal_cortex_plasma`).
``renal_interstitium``
    The papillary interstitium, where nephrocalcinosis and Randall's
    plaque form, taken to have the pH measured in papillary vasa recta
    blood (:cite:`kuramochi1996changes`): more acidic than arterial blood.

What is measured and what is assumed
------------------------------------
Each tissue's :data:`TISSUE_STATUS` says how firm its pH is.  The lung
numbers are computed, and reproduce West's figure
(:cite:`west1962regional`, :cite:`west2012respiratory`).  The gastric
number rests on measured acid outputs and an *assumed* mucosal blood flow
(:data:`GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN`): no measurement of the
interstitial pH of the gastric lamina propria during the alkaline tide was
found.  The renal cortex rests on measured filtration and reabsorption and
an *assumed* local PCO₂.  The papilla rests on a measurement in the rat.

Assumptions and limits
----------------------
* Interstitial fluid is taken to have the pH of the blood that drains it
  and the calcium and phosphate of serum (protein and all): the
  saturation indices are those of serum at the local pH.
* The homeostasis model keeps systemic acid-base balance normal (base
  excess 0) in every condition; the metabolic acidosis of kidney failure,
  which would lower every tissue's pH, is not modelled.
* After a meal, the systemic base excess rises by the alkaline tide
  measured in venous blood (:data:`POSTPRANDIAL_BASE_EXCESS_MMOL_L`), with
  no respiratory compensation.
* Steady state, 37 °C, haemoglobin 15 g/dL, sea-level air.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import chemistry, homeostasis
from ._validation import Range, accepts
from .cited import CitedConstant
from .homeostasis.conditions import SEVERITY
from .homeostasis.kidney import NORMAL_GFR_ML_MIN

__all__ = [
    "TISSUES", "TISSUE_LABELS", "TISSUE_STATUS", "ACID_SECRETION_STATES",
    "PK_PRIME_CO2", "CO2_SOLUBILITY_MMOL_L_MMHG",
    "co2_solubility_mmol_l_mmhg", "pk_prime", "henderson_hasselbalch_ph",
    "henderson_hasselbalch_hco3_mmol_l", "blood_ph", "oxygen_saturation",
    "blood_co2_content_ml_dl", "blood_o2_content_ml_dl",
    "BloodGas", "arterial_blood", "mixed_venous_blood", "LungUnit", "lung_unit", "lung_ph",
    "gastric_venous_blood", "renal_cortex_plasma", "renal_papilla_ph",
    "LocalChemistry", "local_chemistry", "saturation_index_ph_slope", "WEST_PUBLISHED",
    "WEST_APEX_VQ", "WEST_BASE_VQ", "BASAL_ACID_OUTPUT_MMOL_H", "STIMULATED_ACID_OUTPUT_MMOL_H",
    "GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN", "POSTPRANDIAL_BASE_EXCESS_MMOL_L", "RENAL_CORTEX_PCO2_MMHG",
    "PAPILLA_PH_BELOW_ARTERIAL",
]

#: The compartments :func:`local_chemistry` knows.
TISSUES = ("arterial_blood", "mixed_venous_blood", "lung_apex", "lung_base", "gastric_mucosa",
           "renal_cortex", "renal_interstitium")

#: Words for each tissue.
TISSUE_LABELS = {
    "arterial_blood": "arterial blood",
    "mixed_venous_blood": "mixed venous blood",
    "lung_apex": "lung apex",
    "lung_base": "lung base",
    "gastric_mucosa": "gastric mucosa",
    "renal_cortex": "renal cortex",
    "renal_interstitium": "renal papilla",
}

#: How firm each tissue's pH is: ``'measured'`` (a measured value or range),
#: ``'cited'`` (computed from cited inputs, or reproducing a cited figure) or
#: ``'assumed'`` (rests on at least one modelling assumption).
TISSUE_STATUS = {
    "arterial_blood": "measured",
    "mixed_venous_blood": "cited",
    "lung_apex": "cited",
    "lung_base": "cited",
    "gastric_mucosa": "assumed",
    "renal_cortex": "assumed",
    "renal_interstitium": "measured",
}

#: The two states of the stomach: fasting (basal acid output) and after a meal (stimulated output).
ACID_SECRETION_STATES = ("fasting", "after_meal")

# ------------------------------------------------------------------ constants

PK_PRIME_CO2 = CitedConstant(
    6.1, "(pH units)", 37.0, "kelman1967digital",
    "Apparent pK of the CO2/bicarbonate system in plasma at 37 °C.  Kelman's fit gives "
    "6.086 + 0.00472 = 6.09 at pH 7.4; the clinical Henderson-Hasselbalch equation rounds it to 6.1.",
    basis="convention")
PK_PRIME_TEMPERATURE_COEFFICIENT_PER_C = CitedConstant(
    0.00472, "(pH units)/°C", None, "kelman1967digital",
    "Rise of pK' per degree of cooling below 37 °C at pH 7.4 (Kelman's (38 - T) x 0.00472 term).",
    basis="measured")
CO2_SOLUBILITY_MMOL_L_MMHG = CitedConstant(
    0.0307, "mmol/L/mmHg", 37.0, "kelman1967digital",
    "Solubility of CO2 in plasma at 37 °C; Kelman: s = 0.0307 + 0.00057 (37 - T) + 0.00002 (37 - T)².",
    basis="measured")
CO2_SOLUBILITY_LINEAR_MMOL_L_MMHG_PER_C = CitedConstant(
    0.00057, "mmol/L/mmHg/°C", None, "kelman1967digital",
    "Linear temperature coefficient of the CO2 solubility (per degree below 37 °C).", basis="measured")
CO2_SOLUBILITY_QUADRATIC_MMOL_L_MMHG_PER_C2 = CitedConstant(
    0.00002, "mmol/L/mmHg/°C²", None, "kelman1967digital",
    "Quadratic temperature coefficient of the CO2 solubility.", basis="measured")

HAEMOGLOBIN_G_DL = CitedConstant(
    15.0, "g/dL", None, "kratz2004laboratory",
    "Haemoglobin of the model's adult: inside the adult reference range, and the 'standard blood' "
    "of Kelman's and Douglas's CO2-content equations.", basis="convention")
REFERENCE_PCO2_MMHG = CitedConstant(
    40.0, "mmHg", 37.0, "lang2002accuracy",
    "PCO2 at which base excess is defined (titration to pH 7.40 at 40 mmHg, 37 °C); also the "
    "normal arterial PCO2 (kratz2004laboratory: 35-45 mmHg).", basis="convention")
REFERENCE_PH = CitedConstant(
    7.40, "(pH units)", 37.0, "lang2002accuracy",
    "pH at which base excess is defined; normal arterial pH (kratz2004laboratory: 7.35-7.45).",
    basis="convention")
VAN_SLYKE_Z_PER_G_DL = CitedConstant(
    0.0143, "dL/g", None, "lang2002accuracy",
    "Z = 1 - 0.0143 Hb: the share of a litre of blood whose bicarbonate the plasma reports "
    "(Zander's form of the Van Slyke equation).", basis="measured")
VAN_SLYKE_BETA_MMOL_L = CitedConstant(
    9.5, "mmol/L per pH unit", None, "lang2002accuracy",
    "Non-bicarbonate buffer value of plasma in beta = 9.5 + 1.63 Hb.", basis="measured")
VAN_SLYKE_BETA_PER_G_DL = CitedConstant(
    1.63, "mmol/L per pH unit per g/dL", None, "lang2002accuracy",
    "Buffer value per g/dL of haemoglobin in beta = 9.5 + 1.63 Hb.", basis="measured")
HALDANE_MMOL_L_PER_G_DL = CitedConstant(
    0.2, "mmol/L per g/dL", None, "lang2002accuracy",
    "Base excess correction for deoxygenated haemoglobin, -0.2 Hb (1 - SO2).", basis="measured")

ODC_CUBIC_TORR3 = CitedConstant(
    23_400.0, "mmHg³", 37.0, "severinghaus1979simple",
    "S = 1 / (23400 / (PO2³ + 150 PO2) + 1): the standard human O2 dissociation curve at pH 7.4, "
    "PCO2 40, within 0.0055 of saturation.", basis="measured")
ODC_LINEAR_TORR2 = CitedConstant(
    150.0, "mmHg²", 37.0, "severinghaus1979simple", "The linear term of the same equation.",
    basis="measured")
BOHR_SCALE_MMHG = CitedConstant(
    26.6, "mmHg", 37.0, "severinghaus1979simple",
    "Bohr coefficient d ln PO2 / d pH = (PO2 / 26.6)^0.184 - 2.2 (Severinghaus's equation 4).",
    basis="measured")
BOHR_EXPONENT = CitedConstant(0.184, "1", 37.0, "severinghaus1979simple",
                              "Exponent of the Bohr-coefficient equation.", basis="measured")
BOHR_OFFSET = CitedConstant(2.2, "1", 37.0, "severinghaus1979simple",
                            "Offset of the Bohr-coefficient equation.", basis="measured")

DOUGLAS_PLASMA_FACTOR = CitedConstant(
    2.226, "(mL CO2 STPD/100 mL) per (mmol/L)", None, "douglas1988calculation",
    "Converts plasma CO2 (mmol/L) to mL per 100 mL: plasma CCO2 = 2.226 s PCO2 (1 + 10^(pH - pK')).",
    basis="convention")
DOUGLAS_COEFFICIENTS = CitedConstant(
    (0.0289, 3.352, 0.456, 8.142), "(dL/g, 1, 1, pH units)", 37.0, "douglas1988calculation",
    "Whole-blood CO2 content = plasma content x [1 - 0.0289 Hb / ((3.352 - 0.456 SO2)(8.142 - pH))], "
    "fitted to nine healthy men at rest and exercise (difference 0.02 ± 1.19 mL/100 mL).",
    basis="measured")
HUFNER_ML_O2_PER_G = CitedConstant(
    1.34, "mL O2/g Hb", None, "west2012respiratory",
    "Oxygen bound per gram of fully saturated haemoglobin.", basis="measured")
O2_SOLUBILITY_ML_DL_MMHG = CitedConstant(
    0.003, "mL O2/100 mL/mmHg", 37.0, "west2012respiratory",
    "Dissolved oxygen in blood.", basis="measured")

BAROMETRIC_PRESSURE_MMHG = CitedConstant(760.0, "mmHg", None, "west2012respiratory",
                                         "Standard barometric pressure at sea level, used in the alveolar gas equation.", basis="convention")
WATER_VAPOUR_PRESSURE_MMHG = CitedConstant(47.0, "mmHg", 37.0, "west2012respiratory",
                                           "Saturated water vapour at body temperature.",
                                           basis="measured")
INSPIRED_O2_FRACTION = CitedConstant(0.2093, "1", None, "west2012respiratory",
                                     "Fraction of O2 in dry air.", basis="measured")
VENTILATION_UNITS_FACTOR = CitedConstant(
    8.63, "(L BTPS/min)·mmHg per (mL STPD/100 mL)·(L/min)", 37.0, "west2012respiratory",
    "V̇A/Q̇ = 8.63 (CvCO2 - CcCO2) / PACO2: the 0.863 of the alveolar ventilation equation "
    "(STPD to BTPS at 37 °C, mmHg) times 10 (contents per 100 mL to per litre).", basis="derived")
MIXED_VENOUS_PO2_MMHG = CitedConstant(
    40.0, "mmHg", 37.0, "west2012respiratory",
    "PO2 of the mixed venous blood entering every lung unit (the v̄ point of West's O2-CO2 diagram).",
    basis="convention")
MIXED_VENOUS_PCO2_MMHG = CitedConstant(
    45.0, "mmHg", 37.0, "west2012respiratory",
    "PCO2 of the mixed venous blood entering every lung unit (the v̄ point of West's O2-CO2 diagram).",
    basis="convention")
ARTERIAL_PO2_MMHG = CitedConstant(
    95.0, "mmHg", 37.0, "west2012respiratory",
    "Arterial PO2 of a healthy young adult at sea level; sets the arterial saturation only.",
    basis="convention")
WEST_APEX_VQ = CitedConstant(
    3.3, "1", None, "west1962regional",
    "Ventilation-perfusion ratio of the uppermost slice of the upright lung in West's figure "
    "(PCO2 about 28 mmHg, pH about 7.51 there).", basis="measured")
WEST_BASE_VQ = CitedConstant(
    0.63, "1", None, "west1962regional",
    "Ventilation-perfusion ratio of the lowest slice of the upright lung in West's figure "
    "(PCO2 about 42 mmHg, pH about 7.39 there).", basis="measured")

#: West's figure, as printed: the values the lung model is checked against (not used by it).
WEST_PUBLISHED = {
    "lung_apex": {
        "pco2_mmhg": CitedConstant(28.0, "mmHg", 37.0, "west1962regional",
                                   "Alveolar PCO2 of the apical slice in West's figure.", basis="measured"),
        "ph": CitedConstant(7.51, "(pH units)", 37.0, "west1962regional",
                            "End-capillary blood pH of the apical slice in West's figure.", basis="measured"),
    },
    "lung_base": {
        "pco2_mmhg": CitedConstant(42.0, "mmHg", 37.0, "west1962regional",
                                   "Alveolar PCO2 of the basal slice in West's figure.", basis="measured"),
        "ph": CitedConstant(7.39, "(pH units)", 37.0, "west1962regional",
                            "End-capillary blood pH of the basal slice in West's figure.", basis="measured"),
    },
}

BASAL_ACID_OUTPUT_MMOL_H = CitedConstant(
    5.2, "mmol H+/h", None, "feldman1983gastric",
    "Basal gastric acid output of healthy people: basal bicarbonate secretion (2.6 mmol/h) was about "
    "50 % of basal H+ secretion in 14 healthy subjects, so about 5.2 mmol/h.", basis="derived")
STIMULATED_ACID_OUTPUT_MMOL_H = CitedConstant(
    20.2, "mmol H+/h", None, "feldman1983gastric",
    "Gastric H+ secretion of healthy subjects during an intravenous pentagastrin infusion; taken "
    "as the output after a meal.", basis="measured")
#: Blood flow through the acid-secreting mucosa, by acid-secretion state: modelling assumptions.
GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN = {
    "fasting": CitedConstant(
        100.0, "mL blood/min", 37.0, "feldman1983gastric",
        "ASSUMED, not measured: blood flow through the acid-secreting mucosa of a fasting adult.  "
        "No human measurement was used; set as an order of magnitude (a few per cent of the "
        "splanchnic flow) so that the mass balance can be written at all.", basis="set"),
    "after_meal": CitedConstant(
        200.0, "mL blood/min", 37.0, "feldman1983gastric",
        "ASSUMED, not measured: mucosal blood flow during secretion, set to twice the fasting value "
        "so that the mass balance follows the rise of mucosal flow with acid secretion.", basis="set"),
}
POSTPRANDIAL_BASE_EXCESS_MMOL_L = CitedConstant(
    1.05, "mmol/L", 37.0, "niv1995alkaline",
    "Rise of the base excess of arterialised venous blood 45 min after a test meal (19 patients "
    "with duodenal ulcer, ± 0.14 SE): the systemic alkaline tide.", basis="measured",
    uncertainty=0.14)

FILTRATION_FRACTION = CitedConstant(
    0.2, "1", None, "hall2021guyton",
    "Glomerular filtration rate over renal plasma flow (about 125 / 650 mL/min).", basis="measured")
PROXIMAL_WATER_FRACTION = CitedConstant(
    0.65, "1", None, "hall2021guyton",
    "Share of the filtered water reabsorbed by the proximal tubule (about 65 %).", basis="measured")
PROXIMAL_BICARBONATE_FRACTION = CitedConstant(
    0.8, "1", None, "hamm2008renal",
    "Share of the filtered bicarbonate (4000-4500 mmol/day) reabsorbed by the proximal tubule: "
    "75-80 %.", basis="measured", uncertainty=0.05)
RENAL_CORTEX_PCO2_MMHG = CitedConstant(
    40.0, "mmHg", 37.0, "hamm2008renal",
    "ASSUMED, not measured here: PCO2 of cortical peritubular blood, set equal to arterial so that "
    "the cortical pH shows the effect of the returned bicarbonate alone.  "
    "Rat micropuncture suggests the cortex may carry more CO2, which would make it more acidic.",
    basis="set")
PAPILLA_PH_BELOW_ARTERIAL = CitedConstant(
    0.585, "(pH units)", 37.0, "kuramochi1996changes",
    "How much more acidic papillary vasa recta blood was than systemic arterial blood in "
    "antidiuresis (rat): 0.44-0.73 pH units; the middle of that range.", basis="derived",
    uncertainty=0.145)

# ------------------------------------------------------------------ ranges

_T_C = Range(20.0, 42.0, "°C", kind="number")
_HCO3 = Range(0.0, 200.0, "mmol/L", kind="number", low_inclusive=False)
_PCO2 = Range(0.0, 300.0, "mmHg", kind="number", low_inclusive=False)
_PO2 = Range(0.0, 700.0, "mmHg", kind="number", low_inclusive=False)
_PH = Range(6.0, 8.5, "(pH units)", kind="number")
_BE = Range(-30.0, 30.0, "mmol/L", kind="number")
_SO2 = Range(0.0, 1.0, "(fraction)", kind="number")
_HB = Range(3.0, 25.0, "g/dL", kind="number")
_VQ = Range(0.0, 100.0, "(dimensionless)", kind="number")
_ACID = Range(0.0, 100.0, "mmol/h", kind="number")
_FLOW = Range(0.0, 5000.0, "mL/min", kind="number", low_inclusive=False)


# ------------------------------------------------------------------ Henderson-Hasselbalch

@accepts(temperature_c=_T_C)
def co2_solubility_mmol_l_mmhg(temperature_c: float = 37.0) -> float:
    """Solubility s of CO₂ in plasma, mmol/L/mmHg (:cite:`kelman1967digital`).

    .. math:: s = 0.0307 + 0.00057\\,(37 - T) + 0.00002\\,(37 - T)^2

    >>> co2_solubility_mmol_l_mmhg()
    0.0307
    """
    d = 37.0 - temperature_c
    return (CO2_SOLUBILITY_MMOL_L_MMHG.value + CO2_SOLUBILITY_LINEAR_MMOL_L_MMHG_PER_C.value * d
            + CO2_SOLUBILITY_QUADRATIC_MMOL_L_MMHG_PER_C2.value * d * d)


@accepts(temperature_c=_T_C)
def pk_prime(temperature_c: float = 37.0) -> float:
    """Apparent pK′ of CO₂/bicarbonate in plasma: 6.1 at 37 °C, + 0.00472 per °C cooler.

    >>> pk_prime()
    6.1
    """
    return PK_PRIME_CO2.value + PK_PRIME_TEMPERATURE_COEFFICIENT_PER_C.value * (37.0 - temperature_c)


@accepts(hco3_mmol_l=_HCO3, pco2_mmhg=_PCO2, temperature_c=_T_C)
def henderson_hasselbalch_ph(hco3_mmol_l: float, pco2_mmhg: float, *, temperature_c: float = 37.0) -> float:
    """pH of plasma from bicarbonate and PCO₂.

    .. math::

        \\mathrm{pH} = \\mathrm{p}K' + \\log_{10}\\frac{[\\mathrm{HCO_3^-}]}{s\\,P_{\\mathrm{CO_2}}}

    with pK′ = 6.1 and s = 0.0307 mmol/L/mmHg at 37 °C (:data:`PK_PRIME_CO2`,
    :data:`CO2_SOLUBILITY_MMOL_L_MMHG`, :cite:`kelman1967digital`).

    Parameters
    ----------
    hco3_mmol_l : float
        Plasma bicarbonate, greater than 0 and at most 200 mmol/L.
    pco2_mmhg : float
        Partial pressure of CO₂, greater than 0 and at most 300 mmHg.
    temperature_c : float
        20-42 °C (:func:`pk_prime`, :func:`co2_solubility_mmol_l_mmhg`).

    Returns
    -------
    float
        pH.

    Notes
    -----
    pK′ is taken as independent of pH (Kelman's small pH term is dropped)
    and of ionic strength.

    Examples
    --------
    >>> round(henderson_hasselbalch_ph(24.0, 40.0), 3)
    7.391
    """
    s = co2_solubility_mmol_l_mmhg(temperature_c)
    return pk_prime(temperature_c) + math.log10(hco3_mmol_l / (s * pco2_mmhg))


@accepts(ph=_PH, pco2_mmhg=_PCO2, temperature_c=_T_C)
def henderson_hasselbalch_hco3_mmol_l(ph: float, pco2_mmhg: float, *, temperature_c: float = 37.0) -> float:
    """Plasma bicarbonate at ``ph`` and ``pco2_mmhg``: the inverse of :func:`henderson_hasselbalch_ph`.

    >>> round(henderson_hasselbalch_hco3_mmol_l(7.4, 40.0), 2)
    24.5
    """
    return co2_solubility_mmol_l_mmhg(temperature_c) * pco2_mmhg * 10.0 ** (ph - pk_prime(temperature_c))


def _hco3(ph: float, pco2: float) -> float:
    return CO2_SOLUBILITY_MMOL_L_MMHG.value * pco2 * 10.0 ** (ph - PK_PRIME_CO2.value)


_REFERENCE_HCO3_MMOL_L = _hco3(REFERENCE_PH.value, REFERENCE_PCO2_MMHG.value)


# ------------------------------------------------------------------ blood

@accepts(pco2_mmhg=_PCO2, base_excess_mmol_l=_BE, o2_saturation=_SO2, hb_g_dl=_HB)
def blood_ph(pco2_mmhg: float, *, base_excess_mmol_l: float = 0.0, o2_saturation: float = 1.0,
             hb_g_dl: float = HAEMOGLOBIN_G_DL.value) -> float:
    """pH of whole blood at a PCO₂, from its base excess: the Van Slyke equation solved for pH.

    .. math::

        \\mathrm{BE} = Z\\left[(s P_{\\mathrm{CO_2}} 10^{\\mathrm{pH}-\\mathrm{p}K'}
            - [\\mathrm{HCO_3^-}]_{7.4}) + \\beta\\,(\\mathrm{pH} - 7.4)\\right]
            - 0.2\\,\\mathrm{Hb}\\,(1 - S_{\\mathrm{O_2}})

    with Z = 1 − 0.0143 Hb and β = 9.5 + 1.63 Hb (Zander's form,
    :cite:`lang2002accuracy`), and [HCO₃⁻]₇.₄ the bicarbonate at pH 7.40 and
    40 mmHg from :func:`henderson_hasselbalch_hco3_mmol_l` (24.5 mmol/L;
    Zander's 24.26 comes with his s = 0.0304), so that base excess is zero
    there by definition.  The right side rises with pH; Newton's method finds
    the root.

    Parameters
    ----------
    pco2_mmhg : float
        Greater than 0 and at most 300 mmHg.
    base_excess_mmol_l : float
        −30 to 30 mmol/L; 0 is normal blood.  Positive: a base (or loss of acid) was added.
    o2_saturation : float
        0-1.  Deoxygenated haemoglobin binds H⁺ (the Haldane effect).
    hb_g_dl : float
        Haemoglobin, 3-25 g/dL.

    Returns
    -------
    float
        pH at 37 °C.

    Examples
    --------
    >>> round(blood_ph(40.0), 3)
    7.4
    >>> round(blood_ph(28.0), 2)
    7.49
    """
    z = 1.0 - VAN_SLYKE_Z_PER_G_DL.value * hb_g_dl
    beta = VAN_SLYKE_BETA_MMOL_L.value + VAN_SLYKE_BETA_PER_G_DL.value * hb_g_dl
    haldane = HALDANE_MMOL_L_PER_G_DL.value * hb_g_dl * (1.0 - o2_saturation)
    target = (base_excess_mmol_l + haldane) / z + _REFERENCE_HCO3_MMOL_L
    ph = REFERENCE_PH.value
    for _ in range(50):
        hco3 = _hco3(ph, pco2_mmhg)
        residual = hco3 + beta * (ph - REFERENCE_PH.value) - target
        step = residual / (hco3 * math.log(10.0) + beta)
        ph -= step
        if abs(step) < 1e-12:
            break
    return ph


@accepts(po2_mmhg=_PO2, ph=_PH)
def oxygen_saturation(po2_mmhg: float, ph: float = 7.4) -> float:
    """O₂ saturation of haemoglobin (fraction) at ``po2_mmhg`` and ``ph``, 37 °C.

    Severinghaus's equation (:cite:`severinghaus1979simple`) at the standard
    PO₂ that the Bohr shift gives,

    .. math::

        S = \\left(\\frac{23400}{P^3 + 150P} + 1\\right)^{-1},\\qquad
        \\ln P = \\ln P_{\\mathrm{O_2}} - B\\,(\\mathrm{pH} - 7.4),\\quad
        B = (P_{\\mathrm{O_2}}/26.6)^{0.184} - 2.2.

    >>> round(oxygen_saturation(40.0), 3), round(oxygen_saturation(100.0), 3)
    (0.749, 0.977)
    """
    bohr = (po2_mmhg / BOHR_SCALE_MMHG.value) ** BOHR_EXPONENT.value - BOHR_OFFSET.value
    p = po2_mmhg * math.exp(-bohr * (ph - REFERENCE_PH.value))
    return 1.0 / (ODC_CUBIC_TORR3.value / (p ** 3 + ODC_LINEAR_TORR2.value * p) + 1.0)


@accepts(pco2_mmhg=_PCO2, ph=_PH, o2_saturation=_SO2, hb_g_dl=_HB)
def blood_co2_content_ml_dl(pco2_mmhg: float, ph: float, o2_saturation: float,
                            hb_g_dl: float = HAEMOGLOBIN_G_DL.value) -> float:
    """Whole-blood CO₂ content, mL STPD per 100 mL (:cite:`douglas1988calculation`).

    .. math::

        C_{\\mathrm{CO_2}} = 2.226\\,s\\,P_{\\mathrm{CO_2}}(1 + 10^{\\mathrm{pH}-\\mathrm{p}K'})
            \\left[1 - \\frac{0.0289\\,\\mathrm{Hb}}{(3.352 - 0.456\\,S_{\\mathrm{O_2}})(8.142 - \\mathrm{pH})}\\right]

    Deoxygenated blood holds more CO₂ at the same PCO₂ (the Haldane effect).

    >>> round(blood_co2_content_ml_dl(40.0, 7.4, 0.975), 1)
    45.8
    """
    a, b, c, d = DOUGLAS_COEFFICIENTS.value
    plasma = (DOUGLAS_PLASMA_FACTOR.value * CO2_SOLUBILITY_MMOL_L_MMHG.value * pco2_mmhg
              * (1.0 + 10.0 ** (ph - PK_PRIME_CO2.value)))
    return plasma * (1.0 - a * hb_g_dl / ((b - c * o2_saturation) * (d - ph)))


@accepts(po2_mmhg=_PO2, o2_saturation=_SO2, hb_g_dl=_HB)
def blood_o2_content_ml_dl(po2_mmhg: float, o2_saturation: float,
                           hb_g_dl: float = HAEMOGLOBIN_G_DL.value) -> float:
    """O₂ content, mL STPD per 100 mL: 1.34 Hb S + 0.003 PO₂ (:cite:`west2012respiratory`).

    >>> round(blood_o2_content_ml_dl(100.0, 0.975), 1)
    19.9
    """
    return HUFNER_ML_O2_PER_G.value * hb_g_dl * o2_saturation + O2_SOLUBILITY_ML_DL_MMHG.value * po2_mmhg


@dataclass(frozen=True)
class BloodGas:
    """The acid-base and gas state of one blood sample at 37 °C.

    Attributes
    ----------
    ph, pco2_mmhg, po2_mmhg, o2_saturation, base_excess_mmol_l
        As named; ``po2_mmhg`` is ``None`` where only the saturation is set.
    hco3_mmol_l : float
        Plasma bicarbonate, from :func:`henderson_hasselbalch_hco3_mmol_l`.
    co2_content_ml_dl, o2_content_ml_dl : float
        Whole-blood contents (:func:`blood_co2_content_ml_dl`, :func:`blood_o2_content_ml_dl`).
    """

    ph: float
    pco2_mmhg: float
    po2_mmhg: float | None
    o2_saturation: float
    base_excess_mmol_l: float
    hco3_mmol_l: float
    co2_content_ml_dl: float
    o2_content_ml_dl: float


def _gas(pco2: float, po2: float, base_excess: float) -> BloodGas:
    """Blood at ``pco2`` and ``po2`` with ``base_excess``: pH and saturation solved together."""
    so2 = oxygen_saturation(po2, REFERENCE_PH.value)
    ph = REFERENCE_PH.value
    for _ in range(100):
        ph_new = blood_ph(pco2, base_excess_mmol_l=base_excess, o2_saturation=so2)
        so2 = oxygen_saturation(po2, min(max(ph_new, 6.0), 8.5))
        if abs(ph_new - ph) < 1e-12:
            break
        ph = ph_new
    ph = blood_ph(pco2, base_excess_mmol_l=base_excess, o2_saturation=so2)
    return BloodGas(ph, pco2, po2, so2, base_excess, _hco3(ph, pco2),
                    blood_co2_content_ml_dl(pco2, ph, so2), blood_o2_content_ml_dl(po2, so2))


@accepts(base_excess_mmol_l=_BE)
def arterial_blood(*, base_excess_mmol_l: float = 0.0) -> BloodGas:
    """Systemic arterial blood: PCO₂ 40 mmHg, PO₂ 95 mmHg, the given base excess.

    >>> round(arterial_blood().ph, 2)
    7.4
    """
    return _gas(REFERENCE_PCO2_MMHG.value, ARTERIAL_PO2_MMHG.value, base_excess_mmol_l)


@accepts(base_excess_mmol_l=_BE)
def mixed_venous_blood(*, base_excess_mmol_l: float = 0.0) -> BloodGas:
    """Mixed venous blood: PCO₂ 45 mmHg, PO₂ 40 mmHg (:cite:`west2012respiratory`).

    >>> round(mixed_venous_blood().ph, 2)
    7.38
    """
    return _gas(MIXED_VENOUS_PCO2_MMHG.value, MIXED_VENOUS_PO2_MMHG.value, base_excess_mmol_l)


# ------------------------------------------------------------------ the lung

@dataclass(frozen=True)
class LungUnit:
    """End-capillary blood (and alveolar gas) of one lung unit, from :func:`lung_unit`.

    Attributes
    ----------
    ventilation_perfusion_ratio : float
        V̇A/Q̇ of the unit.
    blood : BloodGas
        End-capillary blood, in equilibrium with the alveolar gas: its
        ``pco2_mmhg`` and ``po2_mmhg`` are the alveolar partial pressures.
    respiratory_exchange_ratio : float
        CO₂ given off over O₂ taken up by the unit (``nan`` for a shunt, V̇/Q̇ = 0).
    """

    ventilation_perfusion_ratio: float
    blood: BloodGas
    respiratory_exchange_ratio: float

    @property
    def ph(self) -> float:
        return self.blood.ph

    @property
    def pco2_mmhg(self) -> float:
        return self.blood.pco2_mmhg

    @property
    def po2_mmhg(self) -> float:
        return self.blood.po2_mmhg


def _brent(f, low: float, high: float) -> float:
    from scipy.optimize import brentq

    return float(brentq(f, low, high, xtol=1e-10, rtol=1e-12, maxiter=200))


@accepts(ventilation_perfusion_ratio=_VQ, base_excess_mmol_l=_BE)
def lung_unit(ventilation_perfusion_ratio: float, *, base_excess_mmol_l: float = 0.0) -> LungUnit:
    """Gas exchange in one lung unit: alveolar gas and end-capillary blood at a V̇A/Q̇.

    Mixed venous blood (PO₂ 40, PCO₂ 45 mmHg, :func:`mixed_venous_blood`)
    flows through a unit ventilated with humidified air (PIO₂ =
    (760 − 47) × 0.2093 = 149 mmHg, no CO₂).  At steady state, with the blood
    leaving in equilibrium with the alveolar gas,

    .. math::

        \\frac{\\dot V_A}{\\dot Q} = \\frac{8.63\\,(C_{\\bar v\\mathrm{CO_2}} - C_{c\\mathrm{CO_2}})}{P_{A\\mathrm{CO_2}}},
        \\qquad
        P_{A\\mathrm{O_2}} = P_{I\\mathrm{O_2}} - P_{A\\mathrm{CO_2}}\\left[F_{I\\mathrm{O_2}}
            + \\frac{1 - F_{I\\mathrm{O_2}}}{R}\\right],
        \\quad R = \\frac{C_{\\bar v\\mathrm{CO_2}} - C_{c\\mathrm{CO_2}}}{C_{c\\mathrm{O_2}} - C_{\\bar v\\mathrm{O_2}}},

    the CO₂ balance and the alveolar gas equation (which carries the
    nitrogen balance) (:cite:`west2012respiratory`).  Contents come from
    :func:`blood_co2_content_ml_dl` (Haldane effect) and
    :func:`oxygen_saturation` (Bohr effect); pH from :func:`blood_ph`.  The
    two equations are solved as nested one-dimensional roots (Brent).

    Parameters
    ----------
    ventilation_perfusion_ratio : float
        V̇A/Q̇, 0 (a shunt: the blood leaves as it came) to 100 (nearly dead
        space, where the blood equations leave their range).  West's apex is
        3.3 and his base 0.63 (:data:`WEST_APEX_VQ`, :data:`WEST_BASE_VQ`).
    base_excess_mmol_l : float
        Base excess of all blood, −30 to 30 mmol/L (0 normal).

    Returns
    -------
    LungUnit

    Notes
    -----
    Diffusion equilibrium is assumed (true at rest at sea level); the
    inflowing blood is the same everywhere; haemoglobin 15 g/dL.  West's
    figure gives apex PCO₂ ≈ 28 mmHg, pH ≈ 7.51 and base PCO₂ ≈ 42 mmHg,
    pH ≈ 7.39 (:cite:`west1962regional`, :data:`WEST_PUBLISHED`); this model
    gives 29 mmHg and 7.48 at the apex, 42 mmHg and 7.39 at the base: within
    1.1 mmHg and 0.03 pH.  Its blood buffers a little more strongly than the
    curve behind West's figure (Zander's buffer value, :func:`blood_ph`).

    Examples
    --------
    >>> apex = lung_unit(3.3)
    >>> round(apex.pco2_mmhg), round(apex.ph, 2)
    (29, 7.48)
    """
    vq = ventilation_perfusion_ratio
    venous = mixed_venous_blood(base_excess_mmol_l=base_excess_mmol_l)
    if vq == 0.0:
        return LungUnit(0.0, venous, math.nan)
    pio2 = (BAROMETRIC_PRESSURE_MMHG.value - WATER_VAPOUR_PRESSURE_MMHG.value) * INSPIRED_O2_FRACTION.value
    fio2 = INSPIRED_O2_FRACTION.value
    cv_co2, cv_o2 = venous.co2_content_ml_dl, venous.o2_content_ml_dl

    def blood_at(pco2: float) -> BloodGas:
        # For this PACO2, the PAO2 that satisfies the alveolar gas equation.
        def gas_equation(po2: float) -> float:
            gas = _gas(pco2, po2, base_excess_mmol_l)
            co2_out = cv_co2 - gas.co2_content_ml_dl
            o2_in = gas.o2_content_ml_dl - cv_o2
            return po2 - (pio2 - pco2 * (fio2 + (1.0 - fio2) * o2_in / co2_out))

        po2 = _brent(gas_equation, venous.po2_mmhg + 1e-6, pio2 - 1e-6)
        return _gas(pco2, po2, base_excess_mmol_l)

    def co2_balance(pco2: float) -> float:
        gas = blood_at(pco2)
        return vq * pco2 - VENTILATION_UNITS_FACTOR.value * (cv_co2 - gas.co2_content_ml_dl)

    pco2 = _brent(co2_balance, 0.05, venous.pco2_mmhg - 1e-6)
    blood = blood_at(pco2)
    ratio = (cv_co2 - blood.co2_content_ml_dl) / (blood.o2_content_ml_dl - cv_o2)
    return LungUnit(float(vq), blood, ratio)


@accepts(ventilation_perfusion_ratio=_VQ, base_excess_mmol_l=_BE)
def lung_ph(ventilation_perfusion_ratio: float, *, base_excess_mmol_l: float = 0.0) -> float:
    """End-capillary blood pH of a lung unit with this V̇A/Q̇ (see :func:`lung_unit`).

    Parameters
    ----------
    ventilation_perfusion_ratio : float
        0-100 (dimensionless); a negative, NaN or infinite ratio is refused.
    base_excess_mmol_l : float
        −30 to 30 mmol/L.

    Returns
    -------
    float

    Examples
    --------
    >>> round(lung_ph(3.3), 2), round(lung_ph(0.63), 2)
    (7.48, 7.39)
    """
    return lung_unit(ventilation_perfusion_ratio, base_excess_mmol_l=base_excess_mmol_l).ph


# ------------------------------------------------------------------ stomach

@accepts(acid_output_mmol_h=_ACID, mucosal_blood_flow_ml_min=_FLOW, base_excess_mmol_l=_BE)
def gastric_venous_blood(acid_output_mmol_h: float, mucosal_blood_flow_ml_min: float, *,
                         base_excess_mmol_l: float = 0.0) -> BloodGas:
    """Blood leaving the acid-secreting mucosa: the alkaline tide as a mass balance.

    For every H⁺ that the parietal cells pump into the lumen, one HCO₃⁻
    (from CO₂ and water, by carbonic anhydrase) leaves them across the
    basolateral membrane in exchange for Cl⁻.  The blood thus loses acid
    without changing its total CO₂, so its base excess rises by

    .. math:: \\Delta\\mathrm{BE} = \\frac{J_{\\mathrm{H^+}}}{\\dot Q_{\\mathrm{mucosa}}}

    on top of the ordinary arterio-venous change of a working tissue, taken
    to be that of mixed venous blood (PCO₂ 45, PO₂ 40 mmHg).  The new PCO₂
    is the one at which the blood, with the higher base excess, holds the
    same CO₂ content (:func:`blood_co2_content_ml_dl`); pH follows from
    :func:`blood_ph` and bicarbonate from Henderson–Hasselbalch.

    Parameters
    ----------
    acid_output_mmol_h : float
        H⁺ secreted, 0-100 mmol/h: basal about 5.2, stimulated 20.2
        (:data:`BASAL_ACID_OUTPUT_MMOL_H`, :data:`STIMULATED_ACID_OUTPUT_MMOL_H`,
        :cite:`feldman1983gastric`).
    mucosal_blood_flow_ml_min : float
        Blood flow through the secreting mucosa, greater than 0 and at most
        5000 mL/min.  **A modelling assumption**: the chapter uses 100 mL/min
        fasting and 200 mL/min after a meal
        (:data:`GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN`); no human value was used.
    base_excess_mmol_l : float
        Base excess of the arterial blood that enters, −30 to 30 mmol/L.

    Returns
    -------
    BloodGas

    Notes
    -----
    The venous blood is well mixed: it is the *average* of the mucosa.
    Next to a secreting gland the interstitium may be far more alkaline;
    no one has measured it (no interstitial pH of the gastric lamina propria
    during the alkaline tide was found).  The gland's own CO₂ production is
    folded into the assumed mixed-venous starting point.

    Examples
    --------
    >>> round(gastric_venous_blood(0.0, 100.0).ph, 2)
    7.38
    >>> gastric_venous_blood(20.2, 200.0).ph > gastric_venous_blood(5.2, 100.0).ph
    True
    """
    start = mixed_venous_blood(base_excess_mmol_l=base_excess_mmol_l)
    added = acid_output_mmol_h / 60.0 / (mucosal_blood_flow_ml_min / 1000.0)
    new_be = base_excess_mmol_l + added
    so2 = start.o2_saturation

    def same_content(pco2: float) -> float:
        ph = blood_ph(pco2, base_excess_mmol_l=min(new_be, 30.0), o2_saturation=so2)
        return blood_co2_content_ml_dl(pco2, min(max(ph, 6.0), 8.5), so2) - start.co2_content_ml_dl

    pco2 = _brent(same_content, 10.0, start.pco2_mmhg + 1e-9)
    ph = blood_ph(pco2, base_excess_mmol_l=min(new_be, 30.0), o2_saturation=so2)
    return BloodGas(ph, pco2, None, so2, new_be, _hco3(ph, pco2), start.co2_content_ml_dl,
                    start.o2_content_ml_dl)


# ------------------------------------------------------------------ kidney

@accepts(base_excess_mmol_l=_BE)
def renal_cortex_plasma(*, base_excess_mmol_l: float = 0.0) -> tuple[float, float, float]:
    """Peritubular capillary plasma of the cortex: (pH, PCO₂ mmHg, HCO₃⁻ mmol/L).

    The textbook reason for an alkaline renal interstitium is that the
    proximal tubule returns thousands of millimoles of bicarbonate a day to
    the peritubular blood.  A mass balance on one minute of plasma flow:
    the glomerulus filters GFR of plasma with arterial bicarbonate *a*; the
    proximal tubule returns a fraction f_w = 0.65 of that water carrying a
    fraction f_b = 0.8 of its bicarbonate; the efferent plasma (RPF − GFR,
    with RPF = GFR / 0.2) joins it.  The peritubular bicarbonate is

    .. math::

        [\\mathrm{HCO_3^-}]_{pt} = a\\,\\frac{(\\mathrm{RPF} - \\mathrm{GFR}) + f_b\\,\\mathrm{GFR}}
            {(\\mathrm{RPF} - \\mathrm{GFR}) + f_w\\,\\mathrm{GFR}},

    only a little above *a*: the "thousands of millimoles" are the same
    bicarbonate that was filtered a moment before, and the reabsorbate
    (f_b a / f_w ≈ 30 mmol/L) is only mildly richer than plasma.  pH follows
    from Henderson–Hasselbalch at the cortical PCO₂, **assumed** equal to
    arterial (:data:`RENAL_CORTEX_PCO2_MMHG`).

    GFR is the homeostasis model's normal 100 mL/min; the ratio above does
    not depend on it, so a failing kidney changes this little.

    Examples
    --------
    >>> ph, pco2, hco3 = renal_cortex_plasma()
    >>> round(ph - arterial_blood().ph, 3) > 0, round(hco3, 1)
    (True, 25.4)
    """
    a = arterial_blood(base_excess_mmol_l=base_excess_mmol_l)
    gfr = NORMAL_GFR_ML_MIN.value
    rpf = gfr / FILTRATION_FRACTION.value
    efferent = rpf - gfr
    hco3 = a.hco3_mmol_l * ((efferent + PROXIMAL_BICARBONATE_FRACTION.value * gfr)
                            / (efferent + PROXIMAL_WATER_FRACTION.value * gfr))
    pco2 = RENAL_CORTEX_PCO2_MMHG.value
    return henderson_hasselbalch_ph(hco3, pco2), pco2, hco3


@accepts(base_excess_mmol_l=_BE)
def renal_papilla_ph(*, base_excess_mmol_l: float = 0.0) -> float:
    """pH of the papillary interstitium: arterial pH minus 0.585 (:cite:`kuramochi1996changes`).

    Kuramochi and colleagues measured papillary vasa recta blood 0.44-0.73
    pH units *more acidic* than systemic arterial blood in antidiuretic rats
    (:data:`PAPILLA_PH_BELOW_ARTERIAL`, the middle of that range); in
    diuresis the ascending vasa recta became 0.23-0.30 more alkaline.  The
    interstitium is taken to share the vasa recta's pH.  An alkaline niche
    at the tip of the loop of Henle, behind Randall's plaque, is a
    hypothesis that these measurements do not support on average.

    >>> round(renal_papilla_ph(), 2)
    6.82
    """
    return arterial_blood(base_excess_mmol_l=base_excess_mmol_l).ph - PAPILLA_PH_BELOW_ARTERIAL.value


# ------------------------------------------------------------------ the tissues together

def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    listed = ", ".join(map(repr, choices))
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {listed}; got {value!r} of type {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


@dataclass(frozen=True)
class LocalChemistry:
    """A tissue's local acid-base state and the saturation of calcium phosphates there.

    Attributes
    ----------
    tissue, condition, severity, treatments, acid_secretion
        What was asked.
    ph : float
        Local pH.
    pco2_mmhg, hco3_mmol_l : float or None
        Local PCO₂ and bicarbonate where the model computes them (``None``
        for the papilla, whose pH is a measured offset).
    status : str
        ``'measured'``, ``'cited'`` or ``'assumed'`` (:data:`TISSUE_STATUS`).
    total_ca_mg_dl, phosphate_mg_dl : float
        Serum calcium and phosphate of the condition
        (:func:`calcify_lib.homeostasis.steady_state`).
    speciation : calcify_lib.chemistry.Speciation
        Serum of that composition speciated at the local pH.
    """

    tissue: str
    condition: str
    severity: float
    treatments: tuple[str, ...]
    acid_secretion: str
    ph: float
    pco2_mmhg: float | None
    hco3_mmol_l: float | None
    status: str
    total_ca_mg_dl: float
    phosphate_mg_dl: float
    speciation: chemistry.Speciation = field(repr=False, compare=False)

    def saturation_index(self, phase: str) -> float:
        """SI = log₁₀(IAP/Ksp) of ``phase`` at the local pH, from :mod:`calcify_lib.chemistry`.

        ``phase`` is one of :data:`calcify_lib.chemistry.PHASES`; an unknown
        one raises ``ValueError`` listing them.
        """
        return float(self.speciation.saturation_index(phase))


def _local_acid_base(tissue: str, acid_secretion: str) -> tuple[float, float | None, float | None]:
    systemic_be = POSTPRANDIAL_BASE_EXCESS_MMOL_L.value if acid_secretion == "after_meal" else 0.0
    if tissue == "arterial_blood":
        blood = arterial_blood(base_excess_mmol_l=systemic_be)
    elif tissue == "mixed_venous_blood":
        blood = mixed_venous_blood(base_excess_mmol_l=systemic_be)
    elif tissue in ("lung_apex", "lung_base"):
        vq = WEST_APEX_VQ.value if tissue == "lung_apex" else WEST_BASE_VQ.value
        blood = lung_unit(vq, base_excess_mmol_l=systemic_be).blood
    elif tissue == "gastric_mucosa":
        output = (STIMULATED_ACID_OUTPUT_MMOL_H if acid_secretion == "after_meal"
                  else BASAL_ACID_OUTPUT_MMOL_H).value
        flow = GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN[acid_secretion].value
        blood = gastric_venous_blood(output, flow, base_excess_mmol_l=systemic_be)
    elif tissue == "renal_cortex":
        return renal_cortex_plasma(base_excess_mmol_l=systemic_be)
    else:
        return renal_papilla_ph(base_excess_mmol_l=systemic_be), None, None
    return blood.ph, blood.pco2_mmhg, blood.hco3_mmol_l


@accepts(severity=SEVERITY)
def local_chemistry(tissue: str, *, condition: str = "normal", severity: float = 1.0,
                    treatments=(), acid_secretion: str = "after_meal") -> LocalChemistry:
    """The local pH of ``tissue`` and the saturation of the calcium phosphates there.

    The serum calcium and phosphate come from
    :func:`calcify_lib.homeostasis.steady_state` of ``condition``; the
    speciation and saturation indices from
    :func:`calcify_lib.chemistry.speciate_serum` at the tissue's pH (albumin
    40 g/L, magnesium and sodium of normal serum).  The tissue's pH comes
    from this module's models (see the module docstring, and
    :data:`TISSUE_STATUS` for how firm each is).

    Parameters
    ----------
    tissue : str
        One of :data:`TISSUES`.
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severity : float
        0-2 (see :func:`calcify_lib.homeostasis.steady_state`).
    treatments : sequence of str
        Names from :data:`calcify_lib.homeostasis.TREATMENTS`.
    acid_secretion : str
        ``'after_meal'`` (default: the stomach secretes acid, and the
        systemic alkaline tide raises the base excess of all blood by
        1.05 mmol/L) or ``'fasting'`` (basal acid output, no tide).

    Returns
    -------
    LocalChemistry

    Raises
    ------
    ValueError, TypeError
        For an unknown tissue, acid-secretion state, condition or
        treatment (the message lists the valid ones), or a severity outside 0-2.

    Examples
    --------
    >>> apex = local_chemistry("lung_apex")
    >>> arterial = local_chemistry("arterial_blood")
    >>> apex.ph > arterial.ph, apex.saturation_index("hydroxyapatite") > arterial.saturation_index("hydroxyapatite")
    (True, True)
    """
    tissue = _check_choice("tissue", tissue, TISSUES)
    acid_secretion = _check_choice("acid_secretion", acid_secretion, ACID_SECRETION_STATES)
    labs = homeostasis.steady_state(condition, severity, treatments)
    ph, pco2, hco3 = _local_acid_base(tissue, acid_secretion)
    speciation = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph)
    chosen = (treatments,) if isinstance(treatments, str) else tuple(treatments)
    return LocalChemistry(
        tissue=tissue, condition=condition, severity=float(severity), treatments=chosen,
        acid_secretion=acid_secretion, ph=float(ph), pco2_mmhg=None if pco2 is None else float(pco2),
        hco3_mmol_l=None if hco3 is None else float(hco3), status=TISSUE_STATUS[tissue],
        total_ca_mg_dl=float(labs.total_ca_mg_dl), phosphate_mg_dl=float(labs.phosphate_mg_dl),
        speciation=speciation,
    )


@accepts(ph=Range(6.5, 8.0, "(pH units)", kind="number"), severity=SEVERITY)
def saturation_index_ph_slope(phase: str, *, condition: str = "normal", severity: float = 1.0,
                              ph: float = 7.4) -> float:
    """How much the SI of ``phase`` rises per 0.1 pH unit in the serum of ``condition``.

    A central difference of :func:`calcify_lib.chemistry.speciate_serum`
    over ph ± 0.05, at the condition's steady-state calcium and phosphate,
    total calcium and phosphate held fixed.  ``phase`` is one of
    :data:`calcify_lib.chemistry.PHASES`.

    >>> round(saturation_index_ph_slope("hydroxyapatite"), 2) > round(saturation_index_ph_slope("brushite"), 2)
    True
    """
    labs = homeostasis.steady_state(condition, severity)
    up = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph + 0.05)
    down = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph - 0.05)
    return float(up.saturation_index(phase) - down.saturation_index(phase))
