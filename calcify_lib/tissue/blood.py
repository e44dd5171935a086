"""Blood as a buffer: Henderson–Hasselbalch, the Van Slyke equation, oxygen and CO₂ contents.

Every local pH of :mod:`calcify_lib.tissue` is the pH of some blood, so this module holds the
chemistry of blood gases that the other modules call.  Bicarbonate, CO₂ and pH are tied by
Henderson–Hasselbalch (:func:`~calcify_lib.tissue.henderson_hasselbalch_ph`,
:cite:`kelman1967digital`); blood buffers what is added to it, as the Van Slyke equation of Lang
and Zander describes (:func:`~calcify_lib.tissue.blood_ph`, :cite:`lang2002accuracy`);
haemoglobin carries oxygen along Severinghaus's dissociation curve
(:func:`~calcify_lib.tissue.oxygen_saturation`, :cite:`severinghaus1979simple`) and CO₂ as
Douglas's equation says (:func:`~calcify_lib.tissue.blood_co2_content_ml_dl`,
:cite:`douglas1988calculation`). :func:`~calcify_lib.tissue.arterial_blood` and
:func:`~calcify_lib.tissue.mixed_venous_blood` are the two reference bloods.

Assumptions and limits
----------------------
* 37 °C unless a function says otherwise; haemoglobin 15 g/dL.
* The Van Slyke equation is for whole blood in vitro; the interstitium is
  taken to share the pH of the blood that drains it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .._validation import accepts
from ..cited import CitedConstant
from ._ranges import _BE, _HB, _HCO3, _PCO2, _PH, _PO2, _SO2, _T_C

__all__ = [
    "PK_PRIME_CO2",
    "PK_PRIME_TEMPERATURE_COEFFICIENT_PER_C",
    "CO2_SOLUBILITY_MMOL_L_MMHG",
    "CO2_SOLUBILITY_LINEAR_MMOL_L_MMHG_PER_C",
    "CO2_SOLUBILITY_QUADRATIC_MMOL_L_MMHG_PER_C2",
    "HAEMOGLOBIN_G_DL",
    "REFERENCE_PCO2_MMHG",
    "REFERENCE_PH",
    "VAN_SLYKE_Z_PER_G_DL",
    "VAN_SLYKE_BETA_MMOL_L",
    "VAN_SLYKE_BETA_PER_G_DL",
    "HALDANE_MMOL_L_PER_G_DL",
    "ODC_CUBIC_TORR3",
    "ODC_LINEAR_TORR2",
    "BOHR_SCALE_MMHG",
    "BOHR_EXPONENT",
    "BOHR_OFFSET",
    "DOUGLAS_PLASMA_FACTOR",
    "DOUGLAS_COEFFICIENTS",
    "HUFNER_ML_O2_PER_G",
    "O2_SOLUBILITY_ML_DL_MMHG",
    "MIXED_VENOUS_PO2_MMHG",
    "MIXED_VENOUS_PCO2_MMHG",
    "ARTERIAL_PO2_MMHG",
    "co2_solubility_mmol_l_mmhg",
    "pk_prime",
    "henderson_hasselbalch_ph",
    "henderson_hasselbalch_hco3_mmol_l",
    "blood_ph",
    "oxygen_saturation",
    "blood_co2_content_ml_dl",
    "blood_o2_content_ml_dl",
    "BloodGas",
    "arterial_blood",
    "mixed_venous_blood",
]

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

    with pK′ = 6.1 and s = 0.0307 mmol/L/mmHg at 37 °C
    (:data:`~calcify_lib.tissue.blood.PK_PRIME_CO2`,
    :data:`~calcify_lib.tissue.blood.CO2_SOLUBILITY_MMOL_L_MMHG`, :cite:`kelman1967digital`).

    Parameters
    ----------
    hco3_mmol_l : float
        Plasma bicarbonate, greater than 0 and at most 200 mmol/L.
    pco2_mmhg : float
        Partial pressure of CO₂, greater than 0 and at most 300 mmHg.
    temperature_c : float
        20-42 °C (:func:`~calcify_lib.tissue.pk_prime`,
        :func:`~calcify_lib.tissue.co2_solubility_mmol_l_mmhg`).

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
    """Plasma bicarbonate at ``ph`` and ``pco2_mmhg``: the inverse of :func:`~calcify_lib.tissue.henderson_hasselbalch_ph`.

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
    40 mmHg from :func:`~calcify_lib.tissue.henderson_hasselbalch_hco3_mmol_l` (24.5 mmol/L;
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
        Plasma bicarbonate, from :func:`~calcify_lib.tissue.henderson_hasselbalch_hco3_mmol_l`.
    co2_content_ml_dl, o2_content_ml_dl : float
        Whole-blood contents (:func:`~calcify_lib.tissue.blood_co2_content_ml_dl`,
        :func:`~calcify_lib.tissue.blood_o2_content_ml_dl`).
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


def _brent(f, low: float, high: float) -> float:
    from scipy.optimize import brentq

    return float(brentq(f, low, high, xtol=1e-10, rtol=1e-12, maxiter=200))


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


