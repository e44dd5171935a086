"""Medial arterial calcification: smooth muscle cells that switch to bone, and the stiff artery that follows.

Dystrophic and metastatic calcification are *passive*: mineral forms where
the chemistry and a surface allow it.  In the media of arteries of people
with chronic kidney disease or diabetes, cells take part.  Vascular smooth
muscle cells (VSMCs) take up phosphate through the sodium-phosphate
cotransporter PiT-1, switch on the osteoblast transcription factor RUNX2
(Cbfa-1), shed matrix vesicles and mineralise their own matrix
(:cite:`jono2000phosphate`, :cite:`li2006role`).  The mineral stiffens the
wall, and the pulse wave travels faster.  This module is a small teaching
model of that chain, in four pieces, each with its source.

The model
---------
Two state variables: the **osteogenic fraction** *x* (the share of medial
VSMCs in the RUNX2-on state, 0-1) and the **mineral fraction** *m* (the
volume fraction of the media that is mineral, 0-1), in years *t*.

1. **Phosphate uptake through PiT-1**, saturating (:func:`pit1_uptake`):

   .. math:: u(P) = \\frac{P}{K_{\\mathrm{PiT}} + P}.

2. **The RUNX2 switch**.  The drive of phosphate is a steep Hill function of
   the uptake relative to the uptake at the switch's threshold,

   .. math:: D_P = \\frac{\\rho^n}{1 + \\rho^n}, \\qquad
       \\rho = \\frac{u(P)}{u(P_{1/2})}\\,
       \\frac{1 + \\beta\\,I}{H},

   where *I* is inflammation (0-1; TNF-α and its kin lower the threshold,
   :cite:`tintut2000tumor`) and *H* the inhibitors relative to normal
   (matrix Gla protein, fetuin-A, pyrophosphate; losing them calcifies
   arteries, :cite:`luo1997spontaneous`, :cite:`schafer2003fetuin`,
   :cite:`lomashvili2005pyrophosphate`).  Two positive feedbacks make the
   switch a switch: switched cells recruit their neighbours (BMP-2, and
   RUNX2 driving its own gene, :cite:`drissi2000transcriptional`), and the
   deposited crystals themselves push VSMCs to the osteogenic state
   (:cite:`ewence2008calcium`, :cite:`sage2011hyperphosphatemia`):

   .. math:: \\frac{dx}{dt} = k_{\\mathrm{on}}\\left(D_P
       + a\\,\\frac{x^2}{K_x^2 + x^2} + b\\,\\frac{m}{K_m + m}\\right)(1 - x)
       - k_{\\mathrm{off}}\\,x .

   Cells do switch back when phosphate falls (phosphate binders and a low
   phosphate diet lower osteoblastic markers in uraemic animals,
   :cite:`mathew2008mechanism`, :cite:`finch2013phosphate`), hence
   :math:`k_{\\mathrm{off}} > 0`; but the mineral does not go away, and it
   keeps driving the switch.  That is the model's **memory**: after a period
   of high phosphate, the osteogenic fraction at normal phosphate stays
   above that of an artery never exposed.

3. **Mineral deposition** by osteogenic cells through matrix vesicles
   (:cite:`anderson2003matrix`), proportional to the supersaturation of the
   extracellular fluid with hydroxyapatite, computed by
   :func:`calcify_lib.chemistry.speciate` (serum background of
   :data:`calcify_lib.chemistry.NORMAL_SERUM`) and converted to the
   supersaturation per growth unit *S* by
   :func:`calcify_lib.nucleation.saturation_ratio_per_growth_unit`:

   .. math:: \\frac{dm}{dt} = \\frac{k_{\\mathrm{dep}}\\,(S - 1)\\,x\\,(1 - m)}{H}.

   The media has no osteoclasts, so there is no resorption term: *m* never
   decreases.  In people, arterial calcification does not regress after
   kidney transplantation even when phosphate normalises
   (:cite:`marechal2012progression`), and precipitated hydroxyapatite is
   nominally irreversible at serum's supersaturation
   (:cite:`millan2021thermodynamics`).

4. **Stiffness**.  The Young's modulus of the media rises with the mineral
   fraction by the Halpin-Tsai law for stiff platelets in a soft matrix
   (:cite:`halpin1976halpin`; medial deposits form sheets along the elastic
   lamellae, :cite:`lanzer2014medial`):

   .. math:: \\frac{E}{E_0} = \\frac{1 + \\zeta\\eta m}{1 - \\eta m}, \\qquad
       \\eta = \\frac{E_{\\mathrm{HAP}}/E_0 - 1}{E_{\\mathrm{HAP}}/E_0 + \\zeta},

   and the pulse wave velocity follows from the Moens-Korteweg equation
   (:func:`moens_korteweg_pwv_m_s`) with a cited aortic geometry.  The pulse
   pressure of the forward wave follows the water-hammer relation
   :math:`\\Delta P = \\rho\\,c\\,\\Delta U` (:cite:`nichols2011mcdonalds`).

Calibration: what is measured and what is set
---------------------------------------------
* **measured**: the threshold of 1.4 mmol/L phosphate, below which human
  aortic SMCs did not mineralise and above which mineral rose with the dose
  (:cite:`jono2000phosphate`); the wall thickness
  (:cite:`mensel2014mri`) and diameter (:cite:`rogers2013distribution`) of
  the descending aorta; the Young's modulus of hydroxyapatite
  (:cite:`katz1971anisotropic`).
* **set** to reproduce a target (each note names it): the normal media's
  Young's modulus, set so that PWV is 7.2 m/s, the mean normal value at
  40-49 years (:cite:`refvalues2010determinants`); the rates and feedback
  strengths of the switch and the deposition rate, set so that (i) at
  normal phosphate (1.2 mmol/L) the media holds less than 0.5 % mineral
  after 30 years and PWV stays within the normal range for the age; (ii) at
  1.4 mmol/L the switch has barely begun; (iii) at a dialysis patient's
  phosphate (2.0 mmol/L, :cite:`block1998association`) PWV passes the
  10 m/s cut-off (:cite:`vanbortel2012expert`) within about four years;
  the aspect ratio of the deposits.

The model does not age the artery: the age-related stiffening of elastin
and collagen is held at its value at 40-49 years, so that the figures show
what the mineral adds.  It is a teaching model of orders of magnitude and
directions; its years and velocities are not predictions for a patient.

Assumptions and limits
----------------------
* One well-mixed media: no gradient across the wall, no intimal
  (atherosclerotic) calcification, no cell death or apoptotic bodies
  (which also nucleate mineral), no remodelling of the wall's thickness or
  radius.
* Phosphate, calcium, inflammation and inhibitors are constant within one
  call; chain calls (``initial_osteogenic_fraction``,
  ``initial_mineral_fraction``) to change them.
* Halpin-Tsai treats the deposits as aligned platelets in an isotropic
  matrix; the media is anisotropic and non-linear, and E here is an
  incremental modulus at mean pressure.
* Moens-Korteweg assumes a thin, elastic, uniform tube filled with an
  inviscid fluid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import chemistry, nucleation
from ._validation import Range, accepts
from .cited import CitedConstant
from .units import phosphate_mg_dl_to_mmol_l

__all__ = [
    "JONO_THRESHOLD_PHOSPHATE_MMOL_L",
    "SWITCH_HALF_PHOSPHATE_MMOL_L",
    "PIT1_HALF_SATURATION_MMOL_L",
    "SWITCH_HILL_COEFFICIENT",
    "SWITCH_ON_RATE_PER_YEAR",
    "SWITCH_OFF_RATE_PER_YEAR",
    "PARACRINE_FEEDBACK_STRENGTH",
    "PARACRINE_HALF_FRACTION",
    "MINERAL_FEEDBACK_STRENGTH",
    "MINERAL_FEEDBACK_HALF_FRACTION",
    "INFLAMMATION_THRESHOLD_FACTOR",
    "DEPOSITION_RATE_PER_YEAR",
    "NORMAL_MEDIA_YOUNG_MODULUS_KPA",
    "HYDROXYAPATITE_YOUNG_MODULUS_KPA",
    "DEPOSIT_ASPECT_RATIO",
    "AORTIC_WALL_THICKNESS_MM",
    "AORTIC_DIAMETER_MM",
    "AORTIC_LUMEN_RADIUS_MM",
    "BLOOD_DENSITY_KG_M3",
    "PWV_CUTOFF_M_S",
    "NORMAL_PWV_M_S",
    "NORMAL_PWV_RANGE_M_S",
    "PEAK_FLOW_VELOCITY_M_S",
    "MMHG_PA",
    "PHOSPHATE_EXPOSURES_MMOL_L",
    "MediaTrajectory",
    "pit1_uptake",
    "phosphate_drive",
    "media_supersaturation",
    "media_young_modulus_kpa",
    "moens_korteweg_pwv_m_s",
    "forward_pulse_pressure_mmhg",
    "simulate_media",
]

# ------------------------------------------------------------------ constants: the switch

JONO_THRESHOLD_PHOSPHATE_MMOL_L = CitedConstant(
    1.4, "mmol/L", 37.0, "jono2000phosphate",
    "Human aortic SMCs in medium with 1.4 mmol/L phosphate did not mineralise; above 1.4 mmol/L mineral "
    "rose with the dose, with RUNX2 (Cbfa-1) and osteocalcin, blocked by the PiT-1 inhibitor PFA. "
    "The model's switch begins here: its phosphate drive is about 2 % at 1.4 mmol/L.",
    basis="measured",
)
SWITCH_HALF_PHOSPHATE_MMOL_L = CitedConstant(
    1.8, "mmol/L", 37.0, "jono2000phosphate",
    "Phosphate at which the phosphate drive of the switch is 1/2 (no inflammation, normal inhibitors). "
    "Set so that the drive is small at 1.4 mmol/L (no mineral in culture) and large at 2 mmol/L, the "
    "concentration at which cultured SMCs mineralised.",
    basis="set",
)
PIT1_HALF_SATURATION_MMOL_L = CitedConstant(
    5.0, "mmol/L", 37.0, "jono2000phosphate",
    "Half-saturation of phosphate uptake through PiT-1 (sodium-dependent, saturable, inhibited by PFA "
    "in human aortic SMCs). Not measured by the source; set above the clinical range so that uptake "
    "keeps rising with phosphate there, as the dose-dependent response requires.",
    basis="set",
)
SWITCH_HILL_COEFFICIENT = CitedConstant(
    20.0, "1", None, "jono2000phosphate",
    "Steepness n of the phosphate drive in uptake. Set so that the drive is under 0.3 % at normal "
    "phosphate (1.2 mmol/L), about 2 % at 1.4 and over 80 % at 2.0 mmol/L: the contrast between no "
    "mineral at 1.4 mmol/L and dose-dependent mineral above it. A population threshold, far steeper "
    "than one binding step; not a molecular Hill coefficient.",
    basis="set",
)
SWITCH_ON_RATE_PER_YEAR = CitedConstant(
    2.0, "1/year", 37.0, "jono2000phosphate",
    "Rate at which fully driven medial VSMCs turn RUNX2-on, in vivo. Set so that at dialysis "
    "phosphate (2.0 mmol/L) most cells have switched within about two years (cultured cells switch in "
    "days; arteries of uraemic rats within months).",
    basis="set",
)
SWITCH_OFF_RATE_PER_YEAR = CitedConstant(
    1.0, "1/year", 37.0, "mathew2008mechanism",
    "Rate at which osteogenic cells return to the contractile state when undriven. Set so that "
    "switched cells drift back over years once undriven; positive because phosphate binders lowered aortic osteoblastic markers in uraemic mice (mathew2008mechanism) "
    "and a low phosphate diet stopped their rise in uraemic rats (finch2013phosphate).",
    basis="set",
)
PARACRINE_FEEDBACK_STRENGTH = CitedConstant(
    0.3, "1 (relative to full phosphate drive)", 37.0, "drissi2000transcriptional",
    "Strength of recruitment by cells already switched (RUNX2 autoregulates its own promoter; switched "
    "cells secrete BMP-2). Set below the value that would make the switch bistable without mineral, "
    "so that lowering phosphate can reverse the switch when no mineral has formed.",
    basis="set",
)
PARACRINE_HALF_FRACTION = CitedConstant(
    0.3, "1 (osteogenic fraction)", 37.0, "drissi2000transcriptional",
    "Osteogenic fraction at which paracrine recruitment is half maximal. Set (teaching assumption) so that "
    "recruitment by neighbours matters only once a sizeable share of cells has switched.",
    basis="set",
)
MINERAL_FEEDBACK_STRENGTH = CitedConstant(
    0.03, "1 (relative to full phosphate drive)", 37.0, "ewence2008calcium",
    "Strength with which deposited calcium phosphate crystals drive VSMCs to the osteogenic state "
    "(crystals taken up by VSMCs induce BMP-2 and further calcification: ewence2008calcium, "
    "sage2011hyperphosphatemia). Set so that it is small enough that normal phosphate keeps the media nearly free of "
    "mineral for decades, large enough that an artery once mineralised keeps some cells switched.",
    basis="set",
)
MINERAL_FEEDBACK_HALF_FRACTION = CitedConstant(
    0.02, "1 (mineral volume fraction)", 37.0, "sage2011hyperphosphatemia",
    "Mineral fraction at which the crystals' drive is half maximal (2 % of the media's volume). Set "
    "(teaching assumption) so that the drive saturates once a few per cent of the media is mineral.",
    basis="set",
)
INFLAMMATION_THRESHOLD_FACTOR = CitedConstant(
    0.5, "1 (per unit inflammation)", 37.0, "tintut2000tumor",
    "β: full inflammation (I = 1) multiplies the effective uptake by 1.5, moving the switch's midpoint "
    "from 1.8 to about 1.05 mmol/L phosphate. Set so that inflammation lowers the threshold by that much; TNF-α promotes osteoblastic differentiation and "
    "mineralisation of vascular cells in vitro (tintut2000tumor).",
    basis="set",
)
DEPOSITION_RATE_PER_YEAR = CitedConstant(
    1.2e-3, "1/year per unit (S - 1) per unit osteogenic fraction", 37.0, "vanbortel2012expert",
    "k_dep: volume fraction of the media mineralised per year by a fully osteogenic media per unit "
    "relative supersaturation of hydroxyapatite per growth unit. Set so that at dialysis phosphate "
    "(2.0 mmol/L) PWV passes the 10 m/s cut-off within about four years.",
    basis="set",
)

# ------------------------------------------------------------------ constants: the wall

HYDROXYAPATITE_YOUNG_MODULUS_KPA = CitedConstant(
    114.0e6, "kPa", None, "katz1971anisotropic",
    "Young's modulus of polycrystalline hydroxyapatite (about 114 GPa), the Voigt-Reuss-Hill average of "
    "its single-crystal elastic constants.",
    basis="derived",
)
DEPOSIT_ASPECT_RATIO = CitedConstant(
    10.0, "1 (width / thickness)", None, "lanzer2014medial",
    "Aspect ratio of medial mineral deposits, which form sheets and rings along the elastic lamellae; "
    "Halpin-Tsai's ζ is twice it. Set (teaching assumption) to match deposits tens of µm wide and a few µm thick.",
    basis="set",
)
AORTIC_WALL_THICKNESS_MM = CitedConstant(
    1.36, "mm", 37.0, "mensel2014mri",
    "Median wall thickness of the descending thoracic aorta in men of a general population (MRI; "
    "women 1.26 mm).",
    basis="measured",
)
AORTIC_DIAMETER_MM = CitedConstant(
    25.8, "mm", 37.0, "rogers2013distribution",
    "Average diameter of the descending thoracic aorta of men by CT in the Framingham Heart Study "
    "(women 23.1 mm).",
    basis="measured",
)
AORTIC_LUMEN_RADIUS_MM = CitedConstant(
    AORTIC_DIAMETER_MM.value / 2.0 - AORTIC_WALL_THICKNESS_MM.value, "mm", 37.0, "rogers2013distribution",
    "Lumen radius r = D/2 - h from the outer diameter (rogers2013distribution) and the wall thickness "
    "(mensel2014mri): 11.54 mm.",
    basis="derived",
)
BLOOD_DENSITY_KG_M3 = CitedConstant(
    1050.0, "kg/m³", 37.0, "nichols2011mcdonalds",
    "Density of whole blood, about 1.05 g/mL.",
    basis="measured",
)
PWV_CUTOFF_M_S = CitedConstant(
    10.0, "m/s", None, "vanbortel2012expert",
    "Carotid-femoral PWV above which aortic stiffness counts as target-organ damage (with 0.8 x the "
    "direct carotid-femoral distance).",
    basis="guideline",
)
NORMAL_PWV_M_S = CitedConstant(
    7.2, "m/s", None, "refvalues2010determinants",
    "Mean carotid-femoral PWV of the normal-value population (optimal or normal blood pressure, no "
    "risk factors) aged 40-49 years.",
    basis="measured",
)
NORMAL_PWV_RANGE_M_S = (
    CitedConstant(4.6, "m/s", None, "refvalues2010determinants",
                  "Lower limit (mean - 2 SD) of normal PWV at 40-49 years.", basis="measured"),
    CitedConstant(9.8, "m/s", None, "refvalues2010determinants",
                  "Upper limit (mean + 2 SD) of normal PWV at 40-49 years.", basis="measured"),
)
NORMAL_MEDIA_YOUNG_MODULUS_KPA = CitedConstant(
    2.0 * BLOOD_DENSITY_KG_M3.value * AORTIC_LUMEN_RADIUS_MM.value * NORMAL_PWV_M_S.value ** 2
    / AORTIC_WALL_THICKNESS_MM.value / 1e3, "kPa", 37.0, "refvalues2010determinants",
    "E0 = 2ρrc²/h, about 924 kPa: incremental Young's modulus of the normal aortic wall, set so that "
    "Moens-Korteweg with the model's aortic geometry gives 7.2 m/s, the mean normal carotid-femoral PWV "
    "at 40-49 years.",
    basis="set",
)
MMHG_PA = CitedConstant(
    133.322387415, "Pa/mmHg", None, "tiesinga2021codata",
    "One conventional millimetre of mercury in pascals (exact by definition).",
    basis="convention",
)
PEAK_FLOW_VELOCITY_M_S = CitedConstant(
    0.705, "m/s", None, "refvalues2010determinants",
    "ΔU, the rise of aortic blood velocity in early systole. Set so that the forward wave's pressure "
    "ρcΔU at the normal PWV is 40 mmHg, the pulse pressure of an optimal blood pressure of 120/80 mmHg "
    "(the source's lowest blood-pressure category).",
    basis="set",
)

# ------------------------------------------------------------------ exposures

#: Three serum phosphates the chapter follows over the years, mmol/L: normal, the top of the
#: KDOQI target for CKD stages 3-4, and the mean of haemodialysis patients.
PHOSPHATE_EXPOSURES_MMOL_L: dict[str, CitedConstant] = {
    "normal": CitedConstant(
        1.2, "mmol/L", None, "peterson2010physiologically",
        "Normal serum phosphate: the normal steady state of the Peterson-Riggs model (3.7 mg/dL), the "
        "book's normal adult (calcify_lib.patients).", basis="convention"),
    "ckd_stage_4": CitedConstant(
        round(float(phosphate_mg_dl_to_mmol_l(4.6)), 3), "mmol/L", None, "kdoqi2003bone",
        "4.6 mg/dL (1.49 mmol/L): the upper limit of the KDOQI target for "
        "CKD stages 3-4, a phosphate such a patient may sit at for years.", basis="guideline"),
    "dialysis": CitedConstant(
        round(float(phosphate_mg_dl_to_mmol_l(6.2)), 3), "mmol/L", None, "block1998association",
        "6.2 mg/dL (2.00 mmol/L): mean serum phosphorus of US haemodialysis patients, as in "
        "calcify_lib.patients.", basis="measured"),
}

# ------------------------------------------------------------------ ranges

_PHOSPHATE = Range(0.2, 5.0, "mmol/L", kind="number")
_CALCIUM = Range(1.0, 4.5, "mmol/L", kind="number")
_YEARS = Range(0.0, 100.0, "years", kind="number", low_inclusive=False)
_INFLAMMATION = Range(0.0, 1.0, "(dimensionless; 0 none, 1 severe)", kind="number")
_INHIBITORS = Range(0.1, 3.0, "(dimensionless; 1 is normal)", kind="number")
_FRACTION = Range(0.0, 1.0, "(volume or cell fraction)", kind="number")

def _positive(unit: str) -> Range:
    return Range(0.0, math.inf, unit, kind="real", low_inclusive=False)


# ------------------------------------------------------------------ the pieces

@accepts(phosphate_mmol_l=Range(0.0, 10.0, "mmol/L"))
def pit1_uptake(phosphate_mmol_l):
    """Relative phosphate uptake through PiT-1, :math:`u = P/(K_{\\mathrm{PiT}} + P)` (0-1).

    Saturable, sodium-dependent uptake as in human aortic SMCs
    (:cite:`jono2000phosphate`); :data:`PIT1_HALF_SATURATION_MMOL_L` is set.

    >>> round(pit1_uptake(5.0), 3), round(pit1_uptake(1.2), 3)
    (0.5, 0.194)
    """
    return phosphate_mmol_l / (PIT1_HALF_SATURATION_MMOL_L.value + phosphate_mmol_l)


@accepts(phosphate_mmol_l=Range(0.0, 10.0, "mmol/L"), inflammation=Range(0.0, 1.0, "(dimensionless)"),
         inhibitors=Range(0.1, 3.0, "(dimensionless; 1 is normal)"))
def phosphate_drive(phosphate_mmol_l, *, inflammation=0.0, inhibitors=1.0):
    """The phosphate drive of the RUNX2 switch, :math:`D_P = \\rho^n/(1+\\rho^n)` (0-1).

    :math:`\\rho = u(P)/u(P_{1/2}) \\cdot (1 + \\beta I)/H`, with
    :math:`P_{1/2}` = :data:`SWITCH_HALF_PHOSPHATE_MMOL_L`, set so that the switch
    begins above 1.4 mmol/L (:cite:`jono2000phosphate`).  Inflammation raises the
    drive at a given phosphate (:cite:`tintut2000tumor`); inhibitors lower it.

    >>> round(phosphate_drive(1.8), 3), round(phosphate_drive(1.4), 3), round(phosphate_drive(2.0), 2)
    (0.5, 0.022, 0.82)
    """
    rho = (pit1_uptake(phosphate_mmol_l) / pit1_uptake(SWITCH_HALF_PHOSPHATE_MMOL_L.value)
           * (1.0 + INFLAMMATION_THRESHOLD_FACTOR.value * inflammation) / inhibitors)
    power = rho ** SWITCH_HILL_COEFFICIENT.value
    return power / (1.0 + power)


@accepts(phosphate_mmol_l=_PHOSPHATE, calcium_mmol_l=_CALCIUM)
def media_supersaturation(phosphate_mmol_l: float, calcium_mmol_l: float = 2.35) -> float:
    """Relative supersaturation of hydroxyapatite per growth unit, S - 1, of the fluid bathing the media.

    Speciates a serum of the given total calcium and phosphate with
    :func:`calcify_lib.chemistry.speciate` (pH, albumin, magnesium and sodium
    of :data:`calcify_lib.chemistry.NORMAL_SERUM`), and converts the saturation
    index with :func:`calcify_lib.nucleation.saturation_ratio_per_growth_unit`.
    Matrix vesicles concentrate calcium and phosphate further
    (:cite:`anderson2003matrix`); that factor is folded into
    :data:`DEPOSITION_RATE_PER_YEAR`.
    """
    serum = chemistry.NORMAL_SERUM
    speciation = chemistry.speciate(
        calcium_mmol_l, phosphate_mmol_l, serum["ph"].value, mg_mmol_l=serum["mg_mmol_l"].value,
        na_mmol_l=serum["na_mmol_l"].value, albumin_g_l=serum["albumin_g_l"].value)
    si = float(speciation.saturation_index("hydroxyapatite"))
    return nucleation.saturation_ratio_per_growth_unit(si, "hydroxyapatite") - 1.0


@accepts(mineral_fraction=Range(0.0, 1.0, "(volume fraction)"))
def media_young_modulus_kpa(mineral_fraction):
    """Young's modulus of the media, kPa, by the Halpin-Tsai law (:cite:`halpin1976halpin`).

    .. math:: E = E_0\\,\\frac{1 + \\zeta\\eta m}{1 - \\eta m}, \\quad
        \\eta = \\frac{E_{\\mathrm{HAP}}/E_0 - 1}{E_{\\mathrm{HAP}}/E_0 + \\zeta},
        \\quad \\zeta = 2 \\times \\text{aspect ratio}.

    Equals :data:`NORMAL_MEDIA_YOUNG_MODULUS_KPA` at m = 0 and the modulus
    of hydroxyapatite at m = 1.

    >>> round(media_young_modulus_kpa(0.0)), round(media_young_modulus_kpa(1.0) / 1e6)
    (924, 114)
    """
    e0 = NORMAL_MEDIA_YOUNG_MODULUS_KPA.value
    ratio = HYDROXYAPATITE_YOUNG_MODULUS_KPA.value / e0
    zeta = 2.0 * DEPOSIT_ASPECT_RATIO.value
    eta = (ratio - 1.0) / (ratio + zeta)
    return e0 * (1.0 + zeta * eta * mineral_fraction) / (1.0 - eta * mineral_fraction)


@accepts(young_modulus_kpa=_positive("kPa"), wall_thickness_mm=_positive("mm"),
         lumen_radius_mm=_positive("mm"), blood_density_kg_m3=_positive("kg/m³"))
def moens_korteweg_pwv_m_s(young_modulus_kpa, wall_thickness_mm, lumen_radius_mm, *,
                           blood_density_kg_m3=1050.0):
    """Pulse wave velocity of a thin elastic tube, m/s: the Moens-Korteweg equation.

    .. math:: c = \\sqrt{\\frac{E\\,h}{2\\,r\\,\\rho}}

    Parameters
    ----------
    young_modulus_kpa : float or array
        Incremental Young's modulus E of the wall, kPa (> 0).
    wall_thickness_mm, lumen_radius_mm : float or array
        Wall thickness h and radius r, mm (> 0).
    blood_density_kg_m3 : float
        ρ, kg/m³ (> 0); 1050 is whole blood.

    Notes
    -----
    Assumptions: a thin-walled (h ≪ r), uniform, linearly elastic tube filled
    with an inviscid, incompressible fluid; long waves (:cite:`nichols2011mcdonalds`).

    >>> round(moens_korteweg_pwv_m_s(924.0, 1.36, 11.54), 2)
    7.2
    """
    result = np.sqrt(young_modulus_kpa * 1e3 * wall_thickness_mm
                     / (2.0 * lumen_radius_mm * blood_density_kg_m3))
    return float(result) if np.ndim(result) == 0 else result


@accepts(pwv_m_s=_positive("m/s"))
def forward_pulse_pressure_mmhg(pwv_m_s):
    """Pressure of the forward (incident) wave, mmHg: the water-hammer relation ΔP = ρ c ΔU.

    With the blood density :data:`BLOOD_DENSITY_KG_M3` and the systolic rise of
    velocity :data:`PEAK_FLOW_VELOCITY_M_S` (set: 40 mmHg at the normal PWV)
    (:cite:`nichols2011mcdonalds`).  At a fixed stroke, the pulse pressure rises
    in proportion to PWV; reflected waves, which return earlier in a stiff
    aorta, add more and are left out.

    >>> round(forward_pulse_pressure_mmhg(7.2), 1)
    40.0
    """
    result = BLOOD_DENSITY_KG_M3.value * pwv_m_s * PEAK_FLOW_VELOCITY_M_S.value / MMHG_PA.value
    return float(result) if np.ndim(result) == 0 else result


# ------------------------------------------------------------------ the simulation

@dataclass(frozen=True, eq=False)
class MediaTrajectory:
    """The media over time, from :func:`simulate_media`.

    Attributes
    ----------
    years : ndarray
        Time points, years from the start (first 0).
    osteogenic_fraction : ndarray
        Share of medial VSMCs in the RUNX2-on state, 0-1.
    mineral_fraction : ndarray
        Volume fraction of the media that is mineral, 0-1 (never decreasing).
    young_modulus_kpa : ndarray
        Young's modulus of the media (Halpin-Tsai), kPa.
    pwv_m_s : ndarray
        Pulse wave velocity (Moens-Korteweg, aortic geometry of this module), m/s.
    pulse_pressure_mmhg : ndarray
        Pressure of the forward wave (water hammer), mmHg.
    phosphate_mmol_l, calcium_mmol_l, inflammation, inhibitors : float
        The conditions, constant over the run.
    supersaturation : float
        S - 1 of hydroxyapatite in the fluid bathing the media.
    """

    years: np.ndarray
    osteogenic_fraction: np.ndarray
    mineral_fraction: np.ndarray
    young_modulus_kpa: np.ndarray
    pwv_m_s: np.ndarray
    pulse_pressure_mmhg: np.ndarray
    phosphate_mmol_l: float
    calcium_mmol_l: float
    inflammation: float
    inhibitors: float
    supersaturation: float

    def at(self, years: float) -> dict[str, float]:
        """Every quantity at ``years`` (linear interpolation between the stored points)."""
        if isinstance(years, bool) or not isinstance(years, (int, float)) or not (
                0.0 <= years <= float(self.years[-1])):
            raise ValueError(f"years must lie in 0 to {float(self.years[-1]):g} years (the run); got {years!r}")
        names = ("osteogenic_fraction", "mineral_fraction", "young_modulus_kpa", "pwv_m_s",
                 "pulse_pressure_mmhg")
        return {name: float(np.interp(years, self.years, getattr(self, name))) for name in names}

    @accepts(pwv_m_s=Range(0.0, 100.0, "m/s", kind="number", low_inclusive=False))
    def years_to_cross(self, pwv_m_s: float = PWV_CUTOFF_M_S.value) -> float:
        """First time PWV reaches ``pwv_m_s`` (interpolated), years; ``inf`` if it never does in the run."""
        above = np.nonzero(self.pwv_m_s >= pwv_m_s)[0]
        if above.size == 0:
            return math.inf
        i = int(above[0])
        if i == 0:
            return 0.0
        t0, t1, c0, c1 = self.years[i - 1], self.years[i], self.pwv_m_s[i - 1], self.pwv_m_s[i]
        return float(t0 + (pwv_m_s - c0) * (t1 - t0) / (c1 - c0))


def _rhs_factory(drive_p: float, deposition_per_year: float):
    k_on, k_off = SWITCH_ON_RATE_PER_YEAR.value, SWITCH_OFF_RATE_PER_YEAR.value
    a, kx2 = PARACRINE_FEEDBACK_STRENGTH.value, PARACRINE_HALF_FRACTION.value ** 2
    b, km = MINERAL_FEEDBACK_STRENGTH.value, MINERAL_FEEDBACK_HALF_FRACTION.value

    def rhs(_t, state):
        x, m = state
        x2 = x * x
        drive = drive_p + a * x2 / (kx2 + x2) + b * m / (km + m)
        return [k_on * drive * (1.0 - x) - k_off * x, deposition_per_year * x * (1.0 - m)]

    def jacobian(_t, state):
        x, m = state
        x2 = x * x
        drive = drive_p + a * x2 / (kx2 + x2) + b * m / (km + m)
        d_drive_dx = a * 2.0 * x * kx2 / (kx2 + x2) ** 2
        d_drive_dm = b * km / (km + m) ** 2
        return [[k_on * (d_drive_dx * (1.0 - x) - drive) - k_off, k_on * d_drive_dm * (1.0 - x)],
                [deposition_per_year * (1.0 - m), -deposition_per_year * x]]

    return rhs, jacobian


@accepts(phosphate_mmol_l=_PHOSPHATE, years=_YEARS, calcium_mmol_l=_CALCIUM, inflammation=_INFLAMMATION,
         inhibitors=_INHIBITORS, initial_osteogenic_fraction=_FRACTION, initial_mineral_fraction=_FRACTION,
         points_per_year=Range(1, 365, "points per year", kind="number"))
def simulate_media(phosphate_mmol_l, years, *, calcium_mmol_l=2.35, inflammation=0.0, inhibitors=1.0,
                   initial_osteogenic_fraction=0.0, initial_mineral_fraction=0.0,
                   points_per_year=12) -> MediaTrajectory:
    """Osteogenic switch, mineral, stiffness and pulse wave velocity of the aortic media over years.

    Integrates the two equations of the module docstring (switch and
    deposition) with :func:`scipy.integrate.solve_ivp` (LSODA, relative
    tolerance 1e-8) and computes, at each stored time, the Young's modulus
    (:func:`media_young_modulus_kpa`), the PWV (:func:`moens_korteweg_pwv_m_s`
    with :data:`AORTIC_WALL_THICKNESS_MM`, :data:`AORTIC_LUMEN_RADIUS_MM`) and
    the forward pulse pressure (:func:`forward_pulse_pressure_mmhg`).

    Parameters
    ----------
    phosphate_mmol_l : float
        Serum phosphate, 0.2-5 mmol/L (normal about 0.8-1.45; dialysis often 1.8-2.2).
    years : float
        Duration, greater than 0 and at most 100 years.
    calcium_mmol_l : float
        Total serum calcium, 1-4.5 mmol/L (normal 2.35).
    inflammation : float
        0 (none) to 1 (severe, as in active diabetes with inflammation or
        uraemic inflammation); lowers the switch's threshold.
    inhibitors : float
        Matrix Gla protein, fetuin-A and pyrophosphate together, relative to
        normal: 0.1-3 (1 normal; 0.5 half). Raises the threshold and slows
        deposition in proportion.
    initial_osteogenic_fraction, initial_mineral_fraction : float
        The state at the start, 0-1 (0 for a healthy media). Chain runs by
        passing the last values of a previous trajectory.
    points_per_year : int
        Stored time points per year, 1-365 (12: monthly).

    Returns
    -------
    MediaTrajectory
        Arrays over time (the mineral never decreases; every fraction in [0, 1]).

    Raises
    ------
    TypeError, ValueError
        For an argument that is not a real number or lies outside its range.

    Examples
    --------
    >>> normal = simulate_media(1.2, 10.0)
    >>> dialysis = simulate_media(2.0, 10.0)
    >>> bool(normal.pwv_m_s[-1] < 10.0 < dialysis.pwv_m_s[-1])
    True
    """
    from scipy.integrate import solve_ivp

    count = int(round(points_per_year * years))
    t_eval = np.linspace(0.0, years, max(count, 1) + 1)
    sigma = media_supersaturation(phosphate_mmol_l, calcium_mmol_l)
    drive_p = phosphate_drive(phosphate_mmol_l, inflammation=inflammation, inhibitors=inhibitors)
    rhs, jacobian = _rhs_factory(drive_p, DEPOSITION_RATE_PER_YEAR.value * sigma / inhibitors)
    solution = solve_ivp(rhs, (0.0, years), [initial_osteogenic_fraction, initial_mineral_fraction],
                         method="LSODA", t_eval=t_eval, jac=jacobian, rtol=1e-8, atol=1e-12)
    if not solution.success:  # pragma: no cover - the system is smooth and bounded
        raise RuntimeError(f"the media model failed to integrate: {solution.message}")
    # [0, 1] is invariant (dx/dt >= 0 at x = 0, < 0 at x = 1; dm/dt >= 0, and 0 at m = 1), and
    # dm/dt is never negative.  Only integration noise of the order of atol can leave them, so
    # it is removed, after checking that it is only that.
    x, m = solution.y
    noise = max(float(np.max(-x)), float(np.max(x - 1.0)), float(np.max(-m)), float(np.max(m - 1.0)),
                float(np.max(np.maximum.accumulate(m) - m)))
    if noise > 1e-9:  # pragma: no cover - would be a bug in the model, not bad input
        raise RuntimeError(f"the media model left its invariant region by {noise:g}")
    x = np.clip(x, 0.0, 1.0)
    m = np.clip(np.maximum.accumulate(m), 0.0, 1.0)
    modulus = media_young_modulus_kpa(m)
    pwv = moens_korteweg_pwv_m_s(modulus, AORTIC_WALL_THICKNESS_MM.value, AORTIC_LUMEN_RADIUS_MM.value,
                                 blood_density_kg_m3=BLOOD_DENSITY_KG_M3.value)
    pulse = forward_pulse_pressure_mmhg(pwv)
    arrays = [np.asarray(a, dtype=float) for a in (solution.t, x, m, modulus, pwv, pulse)]
    for array in arrays:
        array.setflags(write=False)
    return MediaTrajectory(*arrays, phosphate_mmol_l=phosphate_mmol_l, calcium_mmol_l=calcium_mmol_l,
                           inflammation=inflammation, inhibitors=inhibitors, supersaturation=sigma)
