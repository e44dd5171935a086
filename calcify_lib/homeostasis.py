"""Whole-body calcium and phosphate balance in an adult: a reduced physiological model.

Metastatic calcification happens when the blood itself is supersaturated,
so "who calcifies?" is a question about the hormones and organs that set
plasma calcium and phosphate.  This module is a small model of that
control system, built to reproduce the laboratory picture of the diseases
that cause metastatic calcification, and the way treatments change it.

It follows the published models of human calcium homeostasis (Peterson &
Riggs :cite:`peterson2010physiologically`; Raposo, Sobrinho & Ferreira
:cite:`raposo2002minimal`), adds the FGF23 arm and the calcium-sensing
reverse sigmoid of Granjon, Bonny & Edwards (:cite:`granjon2016model`,
:cite:`granjon2017coupling`), and reduces them to nine physiological state
variables.  It is implemented from the equations; no published code is
copied.

Public API
----------
:data:`CONDITIONS`, :data:`TREATMENTS`; :func:`steady_state` returns
:class:`Labs`; :func:`simulate` returns a :class:`Trajectory` (arrays of
the same labs, :meth:`Trajectory.labs_at`, :meth:`Trajectory.mass_balance`);
:func:`severity_lever` says what a severity means for a condition.

The normal adult
----------------
Extracellular fluid (ECF) volume 14 L; total calcium 2.35 mmol/L
(9.4 mg/dL); phosphate 1.2 mmol/L (3.7 mg/dL); PTH 3.85 pmol/L (36 pg/mL);
calcitriol 90 pmol/L (37.5 pg/mL); GFR 100 mL/min; calcium intake
24 mmol/day, 15 % absorbed net and excreted in the urine (3.6 mmol/day)
(:cite:`peterson2010physiologically`); 25-hydroxyvitamin D 30 ng/mL
(:cite:`holick2011evaluation`); phosphorus intake 36 mmol/day (1.1 g), 65 %
absorbed net (:cite:`iom1997dietary`).  Every regulatory law below is a
normalised function equal to 1 at this state, so the normal steady state
sits at these values by construction.

States and equations
--------------------
Time in days, amounts in mmol, concentrations in mmol/L unless a name says
otherwise.  The states are ECF calcium and phosphate; calcitriol D
(pmol/L); FGF23 F (relative); osteoclastic and osteoblastic activity
O_c, O_b (relative); the secretory mass of the normal parathyroid glands G
(relative); the excess X of 25-hydroxyvitamin D over normal (ng/mL); and
the antiresorptive effect R of a bisphosphonate (1 without one).  Ten
more states integrate the flows (bone, intake, urine, faeces, dialysis,
for calcium and for phosphate) so that :meth:`Trajectory.mass_balance`
can check that intake = excretion + change in the pools.

*Ionized calcium.*  Its fraction of total calcium, and the ultrafilterable
(not protein-bound) fraction, come from
:func:`calcify_lib.chemistry.speciate_grid` for serum (pH 7.4, albumin
40 g/L, Na 140, Mg 0.85 mmol/L), tabulated once over total Ca × phosphate
and interpolated bilinearly inside the differential equations.  The
reported labs call :func:`~calcify_lib.chemistry.speciate` directly (and
:func:`~calcify_lib.chemistry.speciate_grid` for trajectories).  Phosphate
binds calcium in ion pairs, so hyperphosphataemia lowers ionized calcium
here for a chemical reason.

*PTH* has a plasma half-life of minutes, so it is taken at quasi-steady
state, secretion over clearance:

.. math::

    \\mathrm{PTH} = \\mathrm{PTH}_0\\left[G\\,\\sigma_n\\!\\left(\\frac{\\mathrm{Ca^{2+}}}{s K}\\right)
        + A\\,\\sigma_a\\!\\left(\\frac{\\mathrm{Ca^{2+}}}{s K_a}\\right)\\right],\\qquad
    \\sigma(x) = r_{min} + \\frac{r_{max} - r_{min}}{1 + x^{n}},

Brown's four-parameter reverse sigmoid (:cite:`brown1983four`), Hill
coefficient n = 11.7 for normal tissue (:cite:`peterson2010physiologically`),
with K placed so that σ = 1 at the normal ionized calcium.  A is the
secretory mass of an adenoma; its curve is flatter and its set point
K_a = 1.17 K, the ratio of the in vivo set points of patients with primary
hyperparathyroidism and of controls (:cite:`schwarz1994interrelations`).
s < 1 is cinacalcet's left shift.  The glands' mass relaxes (half-time
180 days, :cite:`peterson2010physiologically`) towards

.. math::

    G^* = \\left(\\tfrac{1}{2}(1 + g^4)\\right)^{1/4},\\quad
    g = \\left(\\frac{\\mathrm{Ca^{2+}_0}}{\\mathrm{Ca^{2+}}}\\right)^{4}
        \\frac{1 + \\kappa}{v + \\kappa}\\,\\frac{p}{p_0},

a smooth maximum of 1 and g: low ionized calcium, low vitamin D activity
and high phosphate, the drivers of secondary hyperparathyroidism
(:cite:`kdigo2017ckdmbd`), make the glands grow; they hardly involute.

*Vitamin D receptor activity* is v = (1 − w) D/D₀ + w S/S₀, with S the
25-hydroxyvitamin D and w = 0.15 its share at normal.  At the hundreds of
ng/mL of vitamin D intoxication, 25-OH-D itself (and calcitriol it
displaces from the binding protein) drives the receptor while measured
calcitriol stays near normal (:cite:`jones2008pharmacokinetics`,
:cite:`tebben2016vitamin`).

*Calcitriol* (half-life 6.9 h, :cite:`peterson2010physiologically`):

.. math::

    \\frac{dD}{dt} = k_D\\left[D_0\\,\\Sigma(S)\\left(\\left(\\frac{\\mathrm{GFR}}{\\mathrm{GFR}_0}\\right)^{0.3}
        h_{\\mathrm{PTH}}\\,h_p\\,h_F + E\\,e\\right) - D\\right],

renal 1α-hydroxylase scaled by kidney mass, stimulated by PTH (h_PTH,
saturating) and suppressed by phosphate (h_p) and FGF23 (h_F), plus an
unregulated ectopic source E (granuloma macrophages), e its suppression
by glucocorticoids; Σ(S) is Michaelis-Menten in the substrate 25-OH-D.

*FGF23* relaxes to F* = (p/p₀)^1.5 · v · GFR₀/GFR: it rises with phosphate
and vitamin D activity (:cite:`granjon2017coupling`) and, in kidney
disease, early and steeply (:cite:`isakova2011fibroblast`).

*Gut.*  Net calcium absorption: intake × [a_p + a_a v²/(v² + K²)] (Hill
coefficient 2, :cite:`granjon2016model`), 15 % at normal.  Net phosphate
absorption: intake × [b_p + b_a v/(v + K_p)], 65 % at normal.

*Bone.*  Resorption (J₀ O_c + T) R and formation J₀ O_b h(m), with
J₀ = 7.5 mmol Ca/day, T tumour osteolysis, R the bisphosphonate effect,
and h(m) = m(1 + k)/(m + k) the mineral supply, m the relative Ca × P
product.  Osteoclasts follow PTH (with uraemic skeletal resistance,
:cite:`bover2021hyporesponsiveness`) and vitamin D activity within about a
week; osteoblasts follow resorption as (O_c R)^0.8 within about a month, so
sustained high PTH costs bone and low PTH adds to it.  Phosphate moves
with bone calcium at the molar ratio of hydroxyapatite, Ca₅(PO₄)₃OH,
P/Ca = 3/5 = 0.600.  The code of the Peterson-Riggs model uses 0.464 and
calls it a molar ratio; 0.464 is the *mass* ratio (6 × 30.97 /
10 × 40.08), so this model deliberately departs from it.

*Kidney.*  Filtered calcium is GFR × ultrafilterable calcium; filtered
phosphate GFR × phosphate.  The odds of excreting the filtered load,
FE/(1 − FE), are multiplied by

* calcium: (1 + k)/(1 + k PTH/PTH₀) (PTH retains calcium), (Ca²⁺/(s Ca²⁺₀))⁴
  (the tubular calcium-sensing receptor is calciuric, and cinacalcet
  sensitises it too), v^−0.3 (calcitriol's distal reabsorption) and
  GFR₀/GFR (the surviving nephrons excrete more of their load,
  :cite:`bricker1972pathogenesis`);
* phosphate: (PTH/PTH₀)^0.6 F^0.5 (p/p₀) (PTH and FGF23 are phosphaturic;
  transport saturates).

Hypercalcaemia lowers the GFR itself (polyuria, volume depletion; it
leads to renal failure, :cite:`stewart2005hypercalcemia`): the filtration
rate is multiplied by f = f_min + (1 − f_min)(1 + (Ca²⁺₀/K_h)⁶)/(1 + (Ca²⁺/K_h)⁶),
K_h = 1.75 mmol/L, f_min = 0.4.

Conditions and what severity scales
-----------------------------------
Severity 0 is the normal adult, 1 a typical presentation of the form that
causes metastatic calcification, 2 severe; the lever moves monotonically
in between.

``'normal'``
    No lever: severity has no effect.
``'primary_hyperparathyroidism'``
    Secretory mass of a single adenoma, A = severity² × 1.3 (normal glands
    = 1); severity 1 gives the mean preoperative calcium of a surgical
    series, 11.2 mg/dL (:cite:`mazzaglia2008changing`), severity 2 about
    13 mg/dL.
``'vitamin_d_intoxication'``
    Exogenous 25-hydroxyvitamin D, 30 + severity × 370 ng/mL: 400 ng/mL at
    severity 1, the hundreds of ng/mL reached after megadose supplements
    (:cite:`tebben2016vitamin`, :cite:`araki2011vitamin`).
``'sarcoidosis'``
    Granuloma 1α-hydroxylase, E = severity × 2.3 (normal renal production
    = 1): severity 1 raises calcitriol to about 2.5 times normal with
    hypercalcaemia and suppressed PTH (:cite:`papapoulos1979dihydroxycholecalciferol`,
    :cite:`tebben2016vitamin`).
``'chronic_kidney_disease'``
    GFR, falling geometrically from 100 mL/min (severity 0) to 12 mL/min
    (severity 1: kidney failure, G5, before dialysis, :cite:`kdigo2017ckdmbd`)
    and on to 5 mL/min (severity 2).
``'bone_destruction'``
    Tumour osteolysis (osteolytic metastases, myeloma), severity × 15 mmol
    calcium per day: severity 1 gives a total calcium of about 12 mg/dL with
    PTH suppressed (:cite:`stewart2005hypercalcemia`; calcium is 11 mg/dL or
    more in 13 % of newly diagnosed myeloma, :cite:`kyle2003review`).

Treatments (levers on parameters)
---------------------------------
``'phosphate_binder'``
    Absorbed phosphate × 0.6 (:cite:`kdigo2017ckdmbd`).
``'dialysis'``
    Thrice-weekly haemodialysis averaged over the week: a phosphate
    clearance of 7 L/day (:cite:`daugirdas2015removal`) and diffusive
    calcium exchange with a 1.25 mmol/L dialysate (:cite:`kdigo2017ckdmbd`).
``'cinacalcet'``
    Left shift of the calcium-sensing curves of parathyroid and kidney,
    s = 0.88 (:cite:`peacock2005cinacalcet`).
``'parathyroidectomy'``
    The adenoma is removed; normal tissue remains (:cite:`walker2018primary`).
``'glucocorticoid'``
    Granuloma 1α-hydroxylase × 0.1 and calcium absorption × 0.7
    (:cite:`tebben2016vitamin`).
``'stop_vitamin_d'``
    The exogenous vitamin D stops; its stores wash out with a half-life of
    two months (:cite:`jones2008pharmacokinetics`).
``'bisphosphonate'``
    Osteoclastic resorption, tumour osteolysis included, × 0.3, reached
    with a half-time of 2 days (:cite:`major2001zoledronic`).

In :func:`simulate` the disease starts at day 0 in a normal adult and the
treatments at ``treatment_start_day``.

Assumptions and limits
----------------------
* A teaching model.  Every law is a smooth, normalised function chosen to
  give the right direction and a typical size of effect; most gains were
  set by hand so that severity 1 lands on typical published labs, and each
  such constant says "set" in its :class:`~calcify_lib.cited.CitedConstant`
  note.  It is not fitted to patients and must not guide treatment.
* PTH at quasi-steady state and no rapidly exchangeable bone pool: calcium
  moves over hours to days, not minutes.  No intracellular phosphate pool.
* Serum pH 7.4, albumin 40 g/L and magnesium 0.85 mmol/L throughout: no
  acidosis in CKD, no hypoalbuminaemia.
* Bone mass does not feed back: the skeleton (about 25,000 mmol of
  calcium) is an unlimited reservoir whose net gain or loss is reported
  (``Trajectory.bone_ca_mmol_day``), not a store that runs out.
* Soft-tissue calcification itself is not a sink for calcium or phosphate.
* Humoral (PTHrP) hypercalcaemia of malignancy is not modelled:
  ``'bone_destruction'`` is local osteolysis, with phosphate normal to high.
* Hyperplastic glands removed at parathyroidectomy regrow under a
  persisting stimulus (CKD), so there the operation changes only the course,
  not the steady state.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

import numpy as np
from scipy.integrate import odeint
from scipy.optimize import root

from . import chemistry
from ._validation import check_number
from .cited import CitedConstant
from .precipitation import ca_x_p_mg2_dl2
from .units import ca_mmol_l_to_mg_dl, phosphate_mmol_l_to_mg_dl

__all__ = [
    "CONDITIONS",
    "TREATMENTS",
    "Labs",
    "Trajectory",
    "MassBalance",
    "steady_state",
    "simulate",
    "severity_lever",
]


def _c(value: float, unit: str, citation: str, note: str) -> CitedConstant:
    return CitedConstant(value=value, unit=unit, temperature_c=None, citation=citation, note=note)


# ------------------------------------------------------------------ the normal adult

ECF_VOLUME_L = _c(14.0, "L", "peterson2010physiologically",
                  "Extracellular fluid volume of the normal adult (V1 of the Peterson-Riggs model).")
NORMAL_TOTAL_CA_MMOL_L = _c(2.35, "mmol/L", "peterson2010physiologically",
                            "Normal steady-state total plasma calcium (32.9 mmol in 14 L), 9.4 mg/dL.")
NORMAL_PHOSPHATE_MMOL_L = _c(1.2, "mmol/L", "peterson2010physiologically",
                             "Normal steady-state extracellular phosphate (16.8 mmol in 14 L), 3.7 mg/dL.")
NORMAL_PTH_PMOL_L = _c(3.85, "pmol/L", "peterson2010physiologically",
                       "Normal steady-state plasma intact PTH (53.9 pmol in 14 L), about 36 pg/mL.")
NORMAL_CALCITRIOL_PMOL_L = _c(90.0, "pmol/L", "peterson2010physiologically",
                              "Normal steady-state plasma calcitriol (1260 pmol in 14 L), 37.5 pg/mL.")
NORMAL_GFR_ML_MIN = _c(100.0, "mL/min", "peterson2010physiologically",
                       "Glomerular filtration rate of the normal adult in the Peterson-Riggs model.")
NORMAL_CALCIFEDIOL_NG_ML = _c(30.0, "ng/mL", "holick2011evaluation",
                              "Normal serum 25-hydroxyvitamin D, taken at the Endocrine Society's "
                              "threshold of sufficiency (30 ng/mL, 75 nmol/L).")

CA_INTAKE_MMOL_DAY = _c(24.0, "mmol/day", "peterson2010physiologically",
                        "Dietary calcium of the Peterson-Riggs adult (24.055 mmol/day, about 960 mg).")
NORMAL_CA_NET_ABSORBED_FRACTION = _c(
    0.15, "1", "peterson2010physiologically",
    "Net intestinal calcium absorption at the normal state: 3.6 of 24 mmol/day in the Peterson-Riggs "
    "model, equal to normal urinary calcium (about 144 mg/day), so that the skeleton is in balance.")
P_INTAKE_MMOL_DAY = _c(36.0, "mmol/day", "iom1997dietary",
                       "Dietary phosphorus, about 1100 mg/day, within the usual intakes of adults "
                       "(roughly 1000-1500 mg/day).")
NORMAL_P_NET_ABSORBED_FRACTION = _c(
    0.65, "1", "iom1997dietary",
    "Net absorption of dietary phosphorus in adults, 55-70 % at usual intakes; a middle value.")

PTH_PG_ML_PER_PMOL_L = _c(9.4, "(pg/mL)/(pmol/L)", "peterson2010physiologically",
                          "Mass per molar concentration of intact PTH(1-84) used by the Peterson-Riggs "
                          "model (molar mass about 9.4 kg/mol).")
_ATOMIC_WEIGHTS_G_MOL = {
    "C": _c(12.011, "g/mol", "prohaska2022atomic", "Conventional standard atomic weight of carbon."),
    "H": _c(1.008, "g/mol", "prohaska2022atomic", "Conventional standard atomic weight of hydrogen."),
    "O": _c(15.999, "g/mol", "prohaska2022atomic", "Conventional standard atomic weight of oxygen."),
}
CALCITRIOL_MOLAR_MASS_G_MOL = _c(
    27 * _ATOMIC_WEIGHTS_G_MOL["C"].value + 44 * _ATOMIC_WEIGHTS_G_MOL["H"].value
    + 3 * _ATOMIC_WEIGHTS_G_MOL["O"].value,
    "g/mol", "prohaska2022atomic",
    "Molar mass of calcitriol, C27H44O3, from the standard atomic weights: 416.6 g/mol, so that "
    "1 pg/mL is 2.40 pmol/L.")
HYDROXYAPATITE_P_TO_CA_MOLAR_RATIO = _c(
    0.6, "mol P / mol Ca", "mcdowell1977solubility",
    "Stoichiometric molar ratio P/Ca of hydroxyapatite, Ca5(PO4)3OH: 3/5. Phosphate moves with bone "
    "calcium at this ratio; the 0.464 of the Peterson-Riggs code is the mass ratio, not the molar one.")

# The serum in which ionized calcium and the saturation index are computed.
# The serum around the ions (pH, albumin, sodium, magnesium) is chemistry's normal serum.
_SERUM = {name: constant.value for name, constant in chemistry.NORMAL_SERUM.items()}

# ------------------------------------------------------------------ time constants

CALCITRIOL_HALF_LIFE_DAYS = _c(math.log(2.0) / 2.4, "days", "peterson2010physiologically",
                               "Plasma calcitriol eliminated at 0.10 per hour (T69): half-life 6.9 h.")
GLAND_HALF_LIFE_DAYS = _c(180.0, "days", "peterson2010physiologically",
                          "Turnover of parathyroid secretory capacity (PTout 1.604e-4 per hour): "
                          "hyperplasia develops over months.")
FGF23_HALF_LIFE_DAYS = _c(0.5, "days", "granjon2017coupling",
                          "Lumped delay of FGF23 production behind phosphate and calcitriol, not its "
                          "plasma half-life (under an hour); set.")
OSTEOCLAST_HALF_LIFE_DAYS = _c(7.0, "days", "peterson2010physiologically",
                               "Time for osteoclastic resorption to follow PTH and vitamin D (osteoclasts "
                               "live about two weeks); set.")
OSTEOBLAST_HALF_LIFE_DAYS = _c(30.0, "days", "peterson2010physiologically",
                               "Time for bone formation to follow resorption (the formation phase of a "
                               "remodelling cycle lasts months); set.")
VITAMIN_D_WASHOUT_HALF_LIFE_DAYS = _c(
    60.0, "days", "jones2008pharmacokinetics",
    "Washout of excess vitamin D after intoxication: the half-life of stored vitamin D3, about two "
    "months, which outlasts that of 25-OH-D itself (about 15 days).")

# ------------------------------------------------------------------ parathyroid glands

CASR_HILL_COEFFICIENT = _c(11.7387, "1", "peterson2010physiologically",
                           "Steepness of the reverse sigmoid of PTH secretion against calcium (T59).")
PTH_MAX_OVER_BASAL = _c(5.0, "1", "brown1983four",
                        "Maximal (hypocalcaemic) over basal secretion, the upper asymptote of the "
                        "four-parameter curve; set.")
PTH_MIN_OVER_BASAL = _c(0.1, "1", "brown1983four",
                        "Non-suppressible (hypercalcaemic) over basal secretion, the lower asymptote; set.")
ADENOMA_SET_POINT_RATIO = _c(1.17, "1", "schwarz1994interrelations",
                             "Set point of adenomatous over normal parathyroid tissue: Brown's in vivo "
                             "set point was 1.32 mmol/L ionized calcium in primary hyperparathyroidism "
                             "against 1.13 in controls.")
ADENOMA_HILL_COEFFICIENT = _c(4.0, "1", "brown1983four",
                              "Steepness of the adenoma's calcium-PTH curve, flatter than normal tissue; "
                              "set.")
GLAND_GROWTH_CA_EXPONENT = _c(4.0, "1", "kdigo2017ckdmbd",
                              "Gain of low ionized calcium on the target gland mass; set so that CKD at "
                              "severity 1 gives a PTH of a few hundred pg/mL.")
GLAND_GROWTH_VDR_EXPONENT = _c(1.0, "1", "kdigo2017ckdmbd",
                               "Gain of low vitamin D activity on the target gland mass; set, as above.")
GLAND_GROWTH_VDR_HALF = _c(0.5, "1", "kdigo2017ckdmbd",
                           "Vitamin D activity (relative) that bounds the growth signal as activity "
                           "falls to zero, (1+k)/(v+k); set.")
GLAND_GROWTH_P_EXPONENT = _c(1.0, "1", "kdigo2017ckdmbd",
                             "Gain of high phosphate on the target gland mass; set, as above.")

# ------------------------------------------------------------------ vitamin D and calcitriol

CALCIFEDIOL_VDR_SHARE = _c(0.15, "1", "jones2008pharmacokinetics",
                           "Share of normal vitamin D receptor activity due to 25-OH-D (with the "
                           "calcitriol it displaces from binding protein); it dominates in intoxication. "
                           "Set.")
HYDROXYLASE_SUBSTRATE_HALF_NG_ML = _c(
    150.0, "ng/mL", "tebben2016vitamin",
    "25-OH-D at which 1alpha-hydroxylase is half saturated with substrate; set so that calcitriol "
    "stays normal in vitamin D intoxication while PTH is suppressed.")
CALCITRIOL_PTH_HALF = _c(0.5, "1", "peterson2010physiologically",
                         "PTH's stimulation of 1alpha-hydroxylase, r(1+k)/(r+k), at most 1.5-fold; set.")
CALCITRIOL_P_HALF = _c(0.5, "1", "peterson2010physiologically",
                       "Phosphate's suppression of 1alpha-hydroxylase, (1+k)/(1+k (p/p0)^2); set.")
CALCITRIOL_KIDNEY_MASS_EXPONENT = _c(
    0.3, "1", "peterson2010physiologically",
    "Renal 1alpha-hydroxylase scales as (GFR/GFR0)^k, k < 1 because the remaining tubules are driven "
    "harder; set so that calcitriol is about a quarter of normal in kidney failure.")
CALCITRIOL_FGF23_HALF = _c(0.2, "1", "granjon2017coupling",
                           "FGF23's suppression of 1alpha-hydroxylase, (1+k)/(1+k F); set.")

# ------------------------------------------------------------------ FGF23

FGF23_P_EXPONENT = _c(1.5, "1", "granjon2017coupling", "Gain of phosphate on FGF23 production; set.")
FGF23_VDR_EXPONENT = _c(1.0, "1", "granjon2017coupling",
                        "Gain of vitamin D activity on FGF23 production; set.")
FGF23_KIDNEY_EXPONENT = _c(1.0, "1", "isakova2011fibroblast",
                           "Rise of FGF23 as kidney mass is lost, (GFR0/GFR)^a; set so that FGF23 is "
                           "several-fold raised in kidney failure.")

# ------------------------------------------------------------------ gut

CA_PASSIVE_ABSORBED_FRACTION = _c(0.06, "1", "granjon2016model",
                                  "Calcitriol-independent net calcium absorption; set.")
CA_ACTIVE_ABSORBED_FRACTION = _c(0.55, "1", "granjon2016model",
                                 "Maximal calcitriol-dependent net calcium absorption (Hill 2); set.")
P_PASSIVE_ABSORBED_FRACTION = _c(0.5, "1", "granjon2017coupling",
                                 "Calcitriol-independent net phosphate absorption; set.")
P_ACTIVE_ABSORBED_FRACTION = _c(0.3, "1", "granjon2017coupling",
                                "Maximal calcitriol-dependent net phosphate absorption; set.")

# ------------------------------------------------------------------ bone

BONE_TURNOVER_CA_MMOL_DAY = _c(7.5, "mmol/day", "peterson2010physiologically",
                               "Normal osteoclastic resorption = formation, about 11 % a year of a "
                               "25,000 mmol skeleton; set.")
OSTEOCLAST_PTH_HALF = _c(2.0, "1", "peterson2010physiologically",
                         "PTH's stimulation of resorption, r(1+k)/(r+k), at most 3-fold; set.")
OSTEOCLAST_VDR_SHARE = _c(0.5, "1", "tebben2016vitamin",
                          "Share of normal resorption driven by vitamin D activity rather than PTH: "
                          "excess vitamin D raises resorption even with PTH suppressed; set.")
OSTEOCLAST_VDR_EXPONENT = _c(1.5, "1", "tebben2016vitamin",
                             "Gain of vitamin D activity on its share of resorption; set.")
SKELETAL_RESISTANCE_EXPONENT = _c(0.5, "1", "bover2021hyporesponsiveness",
                                  "Skeletal hyporesponsiveness to PTH in CKD: the bone sees "
                                  "PTH x (GFR/GFR0)^k; set.")
FORMATION_COUPLING_EXPONENT = _c(0.8, "1", "peterson2010physiologically",
                                 "Formation follows resorption as resorption^b, b < 1, so that high "
                                 "turnover loses bone; set.")
MINERALISATION_HALF = _c(0.2, "1", "peterson2010physiologically",
                         "Mineral supply of formation, m(1+k)/(m+k), m the relative Ca x P; set.")

# ------------------------------------------------------------------ kidney

RENAL_CA_PTH_HALF = _c(0.3, "1", "raposo2002minimal",
                       "PTH's retention of calcium: odds of excretion x (1+k)/(1+k PTH/PTH0); set.")
RENAL_CA_CASR_EXPONENT = _c(4.0, "1", "granjon2016model",
                            "Calciuric effect of ionized calcium on the tubular calcium-sensing receptor: "
                            "odds of excretion x (Ca2+/Ca2+_0)^e; set.")
RENAL_CA_VDR_EXPONENT = _c(0.3, "1", "granjon2016model",
                           "Calcitriol's stimulation of distal calcium reabsorption: odds of excretion "
                           "x v^-e; set.")
RENAL_CA_NEPHRON_EXPONENT = _c(1.0, "1", "bricker1972pathogenesis",
                               "Adaptation of the surviving nephrons: odds of calcium excretion x "
                               "(GFR0/GFR)^e; set so that CKD keeps calcium low-normal.")
HYPERCALCAEMIA_GFR_HALF_ICA_MMOL_L = _c(
    1.75, "mmol/L", "stewart2005hypercalcemia",
    "Ionized calcium at which hypercalcaemia (polyuria, volume depletion) has taken half of the GFR it "
    "can take; hypercalcaemia leads to renal failure. Set.")
HYPERCALCAEMIA_GFR_HILL = _c(6.0, "1", "stewart2005hypercalcemia",
                             "Steepness of the fall in GFR with ionized calcium; set.")
HYPERCALCAEMIA_GFR_FLOOR = _c(0.4, "1", "stewart2005hypercalcemia",
                              "Fraction of GFR that hypercalcaemia alone cannot take away; set so that "
                              "calcium excretion still rises with serum calcium.")
RENAL_P_PTH_EXPONENT = _c(0.6, "1", "granjon2017coupling",
                          "Phosphaturic gain of PTH: odds of excretion x (PTH/PTH0)^e; set.")
RENAL_P_FGF23_EXPONENT = _c(0.5, "1", "granjon2017coupling",
                            "Phosphaturic gain of FGF23: odds of excretion x F^e; set.")
RENAL_P_LOAD_EXPONENT = _c(1.0, "1", "granjon2017coupling",
                           "Saturation of phosphate reabsorption: odds of excretion x (p/p0)^e; set.")

# ------------------------------------------------------------------ conditions (severity 1)

ADENOMA_MASS_AT_SEVERITY_1 = _c(1.3, "1 (normal glands = 1)", "mazzaglia2008changing",
                                "Adenoma secretory mass at severity 1 (it grows as severity squared), "
                                "set so that total calcium is 11.2 mg/dL, the mean preoperative value "
                                "of the 2005 patients of a surgical series.")
EXOGENOUS_CALCIFEDIOL_AT_SEVERITY_1_NG_ML = _c(
    370.0, "ng/mL", "tebben2016vitamin",
    "Excess 25-OH-D at severity 1 (400 ng/mL in all): intoxication usually means more than "
    "150 ng/mL, and megadose cases reach several hundred (645 and 1220 ng/mL in araki2011vitamin).")
ECTOPIC_HYDROXYLASE_AT_SEVERITY_1 = _c(
    2.3, "1 (normal renal production = 1)", "tebben2016vitamin",
    "Granuloma 1alpha-hydroxylase at severity 1, set so that calcitriol is about 2.5 times normal with "
    "hypercalcaemia and suppressed PTH, the pattern of hypercalcaemic sarcoidosis.")
CKD_GFR_AT_SEVERITY_1_ML_MIN = _c(12.0, "mL/min", "kdigo2017ckdmbd",
                                  "Kidney failure (GFR category G5, below 15 mL/min) before dialysis.")
CKD_GFR_AT_SEVERITY_2_ML_MIN = _c(5.0, "mL/min", "kdigo2017ckdmbd",
                                  "Advanced kidney failure, 5 mL/min, as severity 2.")
TUMOUR_OSTEOLYSIS_AT_SEVERITY_1_MMOL_DAY = _c(
    15.0, "mmol/day", "stewart2005hypercalcemia",
    "Calcium released by tumour osteolysis at severity 1, set so that total calcium is about "
    "12 mg/dL with PTH suppressed: local osteolytic hypercalcaemia of malignancy.")

# ------------------------------------------------------------------ treatments

BINDER_ABSORBED_P_FACTOR = _c(0.6, "1", "kdigo2017ckdmbd",
                              "Fraction of absorbed phosphate left by a phosphate binder at usual doses "
                              "(a few hundred mg of phosphorus bound a day); set.")
DIALYSIS_P_CLEARANCE_L_DAY = _c(7.0, "L/day", "daugirdas2015removal",
                                "Week-averaged phosphate clearance of thrice-weekly haemodialysis; set so "
                                "that about 850-900 mg of phosphorus is removed a session at 1.8 mmol/L.")
DIALYSIS_CA_CLEARANCE_L_DAY = _c(7.0, "L/day", "daugirdas2015removal",
                                 "Week-averaged diffusive calcium exchange with the dialysate, taken equal "
                                 "to the phosphate clearance; set.")
DIALYSATE_CA_MMOL_L = _c(1.25, "mmol/L", "kdigo2017ckdmbd",
                         "Dialysate calcium: the lower end of the 1.25-1.50 mmol/L KDIGO suggests.")
CINACALCET_SET_POINT_FACTOR = _c(0.88, "1", "peacock2005cinacalcet",
                                 "Left shift of the calcium-sensing curves by cinacalcet; set so that "
                                 "calcium falls by about 1 mg/dL, into the normal range, while PTH falls "
                                 "by only a few per cent (73 % normocalcaemic, PTH -7.6 %).")
GLUCOCORTICOID_ECTOPIC_FACTOR = _c(0.1, "1", "tebben2016vitamin",
                                   "Granuloma 1alpha-hydroxylase left under glucocorticoids; set.")
GLUCOCORTICOID_CA_ABSORPTION_FACTOR = _c(0.7, "1", "tebben2016vitamin",
                                         "Intestinal calcium absorption left under glucocorticoids; set.")
BISPHOSPHONATE_RESORPTION_FACTOR = _c(0.3, "1", "major2001zoledronic",
                                      "Osteoclastic resorption, tumour osteolysis included, left under a "
                                      "bisphosphonate; set.")
BISPHOSPHONATE_ONSET_HALF_LIFE_DAYS = _c(
    2.0, "days", "major2001zoledronic",
    "Half-time for a bisphosphonate to reach its full effect; set so that calcium is normal after a "
    "few days (after zoledronic acid: by day 4 in about half, by day 10 in 88 %).")

# ------------------------------------------------------------------ public choices

#: The conditions :func:`steady_state` and :func:`simulate` know.
CONDITIONS = (
    "normal",
    "primary_hyperparathyroidism",
    "vitamin_d_intoxication",
    "sarcoidosis",
    "chronic_kidney_disease",
    "bone_destruction",
)
#: The treatments, each a lever on one or two parameters (see the module docstring).
TREATMENTS = (
    "phosphate_binder",
    "dialysis",
    "cinacalcet",
    "parathyroidectomy",
    "glucocorticoid",
    "stop_vitamin_d",
    "bisphosphonate",
)

_SEVERITY_RANGE = (0.0, 2.0)
_MAX_DAYS = 36_500.0
_GFR_L_DAY_PER_ML_MIN = 1.44
_POINTS_PER_DAY = 4.0
_MAX_POINTS = 4001
_TIME_RESOLUTION_DAYS = 1e-6  # shorter intervals are not integrated (about 0.1 s)

# State vector: nine physiological states, then the cumulative flows in (Ca, P) pairs.
(_CA, _PI, _D, _F, _OC, _OB, _GLAND, _X, _R) = range(9)
_N_STATES = 9
_BONE_CUM, _INTAKE_CUM, _URINE_CUM, _FAECES_CUM, _DIALYSIS_CUM = (_N_STATES + 2 * k for k in range(5))
_N_ALL_STATES = _N_STATES + 10


# ------------------------------------------------------------------ results

@dataclass(frozen=True)
class Labs:
    """The laboratory picture at one moment.

    Attributes
    ----------
    total_ca_mg_dl : float
        Total serum calcium.
    ionized_ca_mmol_l : float
        Free Ca²⁺ from :func:`calcify_lib.chemistry.speciate` (serum at pH 7.4).
    phosphate_mg_dl : float
        Serum phosphate, as phosphorus.
    pth_pg_ml : float
        Intact PTH.
    calcitriol_pg_ml : float
        1,25-dihydroxyvitamin D.
    fgf23_relative : float
        FGF23 relative to the normal adult (1).
    ca_x_p_mg2_dl2 : float
        The clinical calcium × phosphate product.
    si_hydroxyapatite : float
        Saturation index of hydroxyapatite (per Ca₅(PO₄)₃OH) in serum.
    urine_ca_mmol_day, urine_phosphate_mmol_day : float
        Daily urinary excretion.
    """

    total_ca_mg_dl: float
    ionized_ca_mmol_l: float
    phosphate_mg_dl: float
    pth_pg_ml: float
    calcitriol_pg_ml: float
    fgf23_relative: float
    ca_x_p_mg2_dl2: float
    si_hydroxyapatite: float
    urine_ca_mmol_day: float
    urine_phosphate_mmol_day: float

    def as_dict(self) -> dict[str, float]:
        """The labs keyed by field name."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class MassBalance:
    """Cumulative flows of calcium or phosphate over a simulation, in mmol.

    :attr:`residual_mmol` is intake − urine − faeces − dialysis − (change
    in the ECF) − (change in bone); zero when mass is conserved.  Dialysis
    is negative for a net gain from the dialysate.
    """

    element: str
    intake_mmol: float
    urine_mmol: float
    faeces_mmol: float
    dialysis_mmol: float
    ecf_change_mmol: float
    bone_change_mmol: float

    @property
    def residual_mmol(self) -> float:
        """What the balance fails to account for, in mmol."""
        return (self.intake_mmol - self.urine_mmol - self.faeces_mmol - self.dialysis_mmol
                - self.ecf_change_mmol - self.bone_change_mmol)


@dataclass(frozen=True, eq=False)
class Trajectory:
    """The course of the labs over a simulation, from :func:`simulate`.

    ``time_days`` holds about four points a day (at most 4001 points, and
    always the day treatment starts); every other array has one value per
    time.  The lab arrays carry the names and units of :class:`Labs`.
    Extra arrays: ``calcifediol_ng_ml`` (25-OH-D), ``gfr_ml_min`` (after
    any fall caused by hypercalcaemia) and ``bone_ca_mmol_day`` (net
    calcium deposited in bone; negative is loss).  The arrays are read-only.
    """

    condition: str
    severity: float
    treatments: tuple[str, ...]
    treatment_start_day: float
    days: float
    time_days: np.ndarray
    total_ca_mg_dl: np.ndarray
    ionized_ca_mmol_l: np.ndarray
    phosphate_mg_dl: np.ndarray
    pth_pg_ml: np.ndarray
    calcitriol_pg_ml: np.ndarray
    fgf23_relative: np.ndarray
    ca_x_p_mg2_dl2: np.ndarray
    si_hydroxyapatite: np.ndarray
    urine_ca_mmol_day: np.ndarray
    urine_phosphate_mmol_day: np.ndarray
    calcifediol_ng_ml: np.ndarray
    gfr_ml_min: np.ndarray
    bone_ca_mmol_day: np.ndarray
    _states: np.ndarray
    _before: "_Model"
    _after: "_Model"

    def _model_at(self, day: float) -> "_Model":
        return self._after if day >= self.treatment_start_day else self._before

    def labs_at(self, day: float) -> Labs:
        """The labs on ``day`` (0 to ``days``), integrated to that exact time.

        On the day treatment starts the treatment is already acting.
        """
        t = check_number("day", day, low=0.0, high=self.days, unit="days")
        i = int(np.searchsorted(self.time_days, t, side="right")) - 1
        i = min(max(i, 0), len(self.time_days) - 1)
        t0 = float(self.time_days[i])
        y = self._states[i]
        if t - t0 > _TIME_RESOLUTION_DAYS:
            y = _integrate(y, np.array([t0, t]), self._model_at(t0))[-1]
        return _labs_from_state(y, self._model_at(t))

    def mass_balance(self, element: str = "Ca") -> MassBalance:
        """Cumulative flows of ``'Ca'`` or ``'P'`` from day 0 to the end of the simulation."""
        if element not in ("Ca", "P"):
            raise ValueError(f"element must be one of 'Ca', 'P'; got {element!r}")
        k = 0 if element == "Ca" else 1
        delta = self._states[-1] - self._states[0]
        return MassBalance(
            element=element,
            intake_mmol=float(delta[_INTAKE_CUM + k]),
            urine_mmol=float(delta[_URINE_CUM + k]),
            faeces_mmol=float(delta[_FAECES_CUM + k]),
            dialysis_mmol=float(delta[_DIALYSIS_CUM + k]),
            ecf_change_mmol=float(delta[_CA + k]),
            bone_change_mmol=float(delta[_BONE_CUM + k]),
        )


# ------------------------------------------------------------------ serum chemistry table

@dataclass(frozen=True)
class _SerumTable:
    """Ionized and ultrafilterable fractions of total calcium on a Ca × P grid."""

    ca_low: float
    ca_step: float
    n_ca: int
    p_low: float
    p_step: float
    n_p: int
    ionized: tuple[float, ...]
    ultrafilterable: tuple[float, ...]
    ionized_array: np.ndarray
    ultrafilterable_array: np.ndarray

    def fractions(self, ca_mmol_l: float, phosphate_mmol_l: float) -> tuple[float, float]:
        """Bilinear interpolation at one point, on plain floats (inputs clipped to the grid)."""
        top_x = self.n_ca - 1.000001
        top_y = self.n_p - 1.000001
        x = (ca_mmol_l - self.ca_low) / self.ca_step
        y = (phosphate_mmol_l - self.p_low) / self.p_step
        x = 0.0 if x < 0.0 else (top_x if x > top_x else x)
        y = 0.0 if y < 0.0 else (top_y if y > top_y else y)
        i = int(x)
        j = int(y)
        fx = x - i
        fy = y - j
        n = self.n_p
        k = i * n + j
        w00 = (1.0 - fx) * (1.0 - fy)
        w01 = (1.0 - fx) * fy
        w10 = fx * (1.0 - fy)
        w11 = fx * fy
        a = self.ionized
        b = self.ultrafilterable
        return (w00 * a[k] + w01 * a[k + 1] + w10 * a[k + n] + w11 * a[k + n + 1],
                w00 * b[k] + w01 * b[k + 1] + w10 * b[k + n] + w11 * b[k + n + 1])

    def fractions_array(self, ca_mmol_l: np.ndarray, phosphate_mmol_l: np.ndarray):
        """:meth:`fractions` on arrays."""
        x = np.clip((np.asarray(ca_mmol_l) - self.ca_low) / self.ca_step, 0.0, self.n_ca - 1.000001)
        y = np.clip((np.asarray(phosphate_mmol_l) - self.p_low) / self.p_step, 0.0, self.n_p - 1.000001)
        i = x.astype(int)
        j = y.astype(int)
        fx = x - i
        fy = y - j
        out = []
        for grid in (self.ionized_array, self.ultrafilterable_array):
            out.append((1 - fx) * (1 - fy) * grid[i, j] + (1 - fx) * fy * grid[i, j + 1]
                       + fx * (1 - fy) * grid[i + 1, j] + fx * fy * grid[i + 1, j + 1])
        return out[0], out[1]


def _serum_speciation(ca_mmol_l, phosphate_mmol_l):
    """:func:`calcify_lib.chemistry.speciate_grid` in the model's serum."""
    return chemistry.speciate_grid(
        ca_mmol_l, phosphate_mmol_l, _SERUM["ph"], na_mmol_l=_SERUM["na_mmol_l"],
        mg_mmol_l=_SERUM["mg_mmol_l"], albumin_g_l=_SERUM["albumin_g_l"])


@functools.lru_cache(maxsize=1)
def _serum_table() -> _SerumTable:
    """Tabulate the serum fractions once: 150 × 101 points, total Ca 0.05-7.5, phosphate 0-10 mmol/L."""
    ca_low, ca_high, n_ca = 0.05, 7.5, 150
    p_low, p_high, n_p = 0.0, 10.0, 101
    ca = np.linspace(ca_low, ca_high, n_ca)
    p = np.linspace(p_low, p_high, n_p)
    s = _serum_speciation(ca[:, None], p[None, :])
    total = np.broadcast_to(ca[:, None], s.free_ca_mmol_l.shape)
    ionized = np.array(s.free_ca_mmol_l / total)
    ultrafilterable = np.array(1.0 - s.species_mmol_l["Ca-albumin"] / total)
    ionized.setflags(write=False)
    ultrafilterable.setflags(write=False)
    return _SerumTable(
        ca_low=ca_low, ca_step=(ca_high - ca_low) / (n_ca - 1), n_ca=n_ca,
        p_low=p_low, p_step=(p_high - p_low) / (n_p - 1), n_p=n_p,
        ionized=tuple(ionized.ravel().tolist()),
        ultrafilterable=tuple(ultrafilterable.ravel().tolist()),
        ionized_array=ionized, ultrafilterable_array=ultrafilterable,
    )


# ------------------------------------------------------------------ the parameters of one scenario

@dataclass(frozen=True, slots=True)
class _Model:
    """Every number the right-hand side needs, as plain floats, for one scenario."""

    # normal state and chemical anchors
    volume_l: float
    c0: float
    p0: float
    d0: float
    pth0: float
    s0: float
    ica0: float
    # levers of the condition
    gfr_ratio: float
    adenoma_mass: float
    ectopic: float
    exogenous_ng_ml: float
    tumour_mmol_day: float
    # levers of the treatments
    p_absorption_factor: float
    ca_absorption_factor: float
    dialysis: float
    casr_factor: float
    ectopic_factor: float
    resorption_factor: float
    # parathyroid glands
    ica50: float
    ica50_adenoma: float
    hill: float
    hill_adenoma: float
    r_min: float
    r_max: float
    g_ca: float
    g_v: float
    g_vk: float
    g_p: float
    # vitamin D and calcitriol
    w: float
    sub_k: float
    d_pth_k: float
    d_p_k: float
    d_f_k: float
    d_mass: float
    # FGF23
    f_p: float
    f_v: float
    f_k: float
    # gut
    ca_intake: float
    ca_a_p: float
    ca_a_a: float
    ca_k2: float
    p_intake: float
    p_a_p: float
    p_a_a: float
    p_k: float
    # bone
    j0: float
    oc_k: float
    oc_share: float
    oc_v: float
    sr: float
    beta: float
    min_k: float
    p_ca: float
    # kidney
    gfr0_l_day: float
    odds_ca0: float
    rc_pth_k: float
    rc_sr: float
    rc_v: float
    rc_nephron: float
    hc_half: float
    hc_hill: float
    hc_floor: float
    hc_norm: float
    odds_p0: float
    rp_pth: float
    rp_f: float
    rp_load: float
    # dialysis
    dial_p_l_day: float
    dial_ca_l_day: float
    dialysate_ca: float
    # rate constants, per day
    k_d: float
    k_f: float
    k_oc: float
    k_ob: float
    k_g: float
    k_x: float
    k_bis: float


def _rate(half_life: CitedConstant) -> float:
    return math.log(2.0) / half_life.value


@functools.lru_cache(maxsize=1)
def _normal_model() -> _Model:
    """The normal adult, anchored on the chemistry of normal serum."""
    fi0, fuf0 = _serum_table().fractions(NORMAL_TOTAL_CA_MMOL_L.value, NORMAL_PHOSPHATE_MMOL_L.value)
    c0 = NORMAL_TOTAL_CA_MMOL_L.value
    p0 = NORMAL_PHOSPHATE_MMOL_L.value
    ica0 = c0 * fi0
    uf0 = c0 * fuf0
    r_min, r_max = PTH_MIN_OVER_BASAL.value, PTH_MAX_OVER_BASAL.value
    hill = CASR_HILL_COEFFICIENT.value
    # sigma(ica0 / ica50) = 1, i.e. (ica0 / ica50)^n = (r_max - 1) / (1 - r_min).
    ica50 = ica0 / ((r_max - 1.0) / (1.0 - r_min)) ** (1.0 / hill)
    gfr0_l_day = NORMAL_GFR_ML_MIN.value * _GFR_L_DAY_PER_ML_MIN
    ca_intake, p_intake = CA_INTAKE_MMOL_DAY.value, P_INTAKE_MMOL_DAY.value
    f_ca0, f_p0 = NORMAL_CA_NET_ABSORBED_FRACTION.value, NORMAL_P_NET_ABSORBED_FRACTION.value
    ca_a_p, ca_a_a = CA_PASSIVE_ABSORBED_FRACTION.value, CA_ACTIVE_ABSORBED_FRACTION.value
    p_a_p, p_a_a = P_PASSIVE_ABSORBED_FRACTION.value, P_ACTIVE_ABSORBED_FRACTION.value
    # At the normal state urine = net absorption (bone in balance): this fixes the odds of excretion.
    fe_ca0 = ca_intake * f_ca0 / (gfr0_l_day * uf0)
    fe_p0 = p_intake * f_p0 / (gfr0_l_day * p0)
    hc_half, hc_hill = HYPERCALCAEMIA_GFR_HALF_ICA_MMOL_L.value, HYPERCALCAEMIA_GFR_HILL.value
    return _Model(
        volume_l=ECF_VOLUME_L.value, c0=c0, p0=p0, d0=NORMAL_CALCITRIOL_PMOL_L.value,
        pth0=NORMAL_PTH_PMOL_L.value, s0=NORMAL_CALCIFEDIOL_NG_ML.value, ica0=ica0,
        gfr_ratio=1.0, adenoma_mass=0.0, ectopic=0.0, exogenous_ng_ml=0.0, tumour_mmol_day=0.0,
        p_absorption_factor=1.0, ca_absorption_factor=1.0, dialysis=0.0, casr_factor=1.0,
        ectopic_factor=1.0, resorption_factor=1.0,
        ica50=ica50, ica50_adenoma=ica50 * ADENOMA_SET_POINT_RATIO.value, hill=hill,
        hill_adenoma=ADENOMA_HILL_COEFFICIENT.value, r_min=r_min, r_max=r_max,
        g_ca=GLAND_GROWTH_CA_EXPONENT.value, g_v=GLAND_GROWTH_VDR_EXPONENT.value,
        g_vk=GLAND_GROWTH_VDR_HALF.value, g_p=GLAND_GROWTH_P_EXPONENT.value,
        w=CALCIFEDIOL_VDR_SHARE.value, sub_k=HYDROXYLASE_SUBSTRATE_HALF_NG_ML.value,
        d_pth_k=CALCITRIOL_PTH_HALF.value, d_p_k=CALCITRIOL_P_HALF.value,
        d_f_k=CALCITRIOL_FGF23_HALF.value, d_mass=CALCITRIOL_KIDNEY_MASS_EXPONENT.value,
        f_p=FGF23_P_EXPONENT.value, f_v=FGF23_VDR_EXPONENT.value, f_k=FGF23_KIDNEY_EXPONENT.value,
        ca_intake=ca_intake, ca_a_p=ca_a_p, ca_a_a=ca_a_a, ca_k2=ca_a_a / (f_ca0 - ca_a_p) - 1.0,
        p_intake=p_intake, p_a_p=p_a_p, p_a_a=p_a_a, p_k=p_a_a / (f_p0 - p_a_p) - 1.0,
        j0=BONE_TURNOVER_CA_MMOL_DAY.value, oc_k=OSTEOCLAST_PTH_HALF.value,
        oc_share=OSTEOCLAST_VDR_SHARE.value, oc_v=OSTEOCLAST_VDR_EXPONENT.value,
        sr=SKELETAL_RESISTANCE_EXPONENT.value, beta=FORMATION_COUPLING_EXPONENT.value,
        min_k=MINERALISATION_HALF.value, p_ca=HYDROXYAPATITE_P_TO_CA_MOLAR_RATIO.value,
        gfr0_l_day=gfr0_l_day, odds_ca0=fe_ca0 / (1.0 - fe_ca0), rc_pth_k=RENAL_CA_PTH_HALF.value,
        rc_sr=RENAL_CA_CASR_EXPONENT.value, rc_v=RENAL_CA_VDR_EXPONENT.value,
        rc_nephron=RENAL_CA_NEPHRON_EXPONENT.value,
        hc_half=hc_half, hc_hill=hc_hill, hc_floor=HYPERCALCAEMIA_GFR_FLOOR.value,
        hc_norm=1.0 + (ica0 / hc_half) ** hc_hill,
        odds_p0=fe_p0 / (1.0 - fe_p0), rp_pth=RENAL_P_PTH_EXPONENT.value,
        rp_f=RENAL_P_FGF23_EXPONENT.value, rp_load=RENAL_P_LOAD_EXPONENT.value,
        dial_p_l_day=DIALYSIS_P_CLEARANCE_L_DAY.value, dial_ca_l_day=DIALYSIS_CA_CLEARANCE_L_DAY.value,
        dialysate_ca=DIALYSATE_CA_MMOL_L.value,
        k_d=_rate(CALCITRIOL_HALF_LIFE_DAYS), k_f=_rate(FGF23_HALF_LIFE_DAYS),
        k_oc=_rate(OSTEOCLAST_HALF_LIFE_DAYS), k_ob=_rate(OSTEOBLAST_HALF_LIFE_DAYS),
        k_g=_rate(GLAND_HALF_LIFE_DAYS), k_x=_rate(VITAMIN_D_WASHOUT_HALF_LIFE_DAYS),
        k_bis=_rate(BISPHOSPHONATE_ONSET_HALF_LIFE_DAYS),
    )


def _ckd_gfr_ml_min(severity: float) -> float:
    """GFR falls geometrically: 100 -> 12 mL/min over severity 0-1, 12 -> 5 mL/min over 1-2."""
    g0 = NORMAL_GFR_ML_MIN.value
    g1 = CKD_GFR_AT_SEVERITY_1_ML_MIN.value
    g2 = CKD_GFR_AT_SEVERITY_2_ML_MIN.value
    if severity <= 1.0:
        return g0 * (g1 / g0) ** severity
    return g1 * (g2 / g1) ** (severity - 1.0)


def _condition_levers(condition: str, severity: float) -> dict[str, float]:
    if condition == "primary_hyperparathyroidism":
        return {"adenoma_mass": severity ** 2 * ADENOMA_MASS_AT_SEVERITY_1.value}
    if condition == "vitamin_d_intoxication":
        return {"exogenous_ng_ml": severity * EXOGENOUS_CALCIFEDIOL_AT_SEVERITY_1_NG_ML.value}
    if condition == "sarcoidosis":
        return {"ectopic": severity * ECTOPIC_HYDROXYLASE_AT_SEVERITY_1.value}
    if condition == "chronic_kidney_disease":
        return {"gfr_ratio": _ckd_gfr_ml_min(severity) / NORMAL_GFR_ML_MIN.value}
    if condition == "bone_destruction":
        return {"tumour_mmol_day": severity * TUMOUR_OSTEOLYSIS_AT_SEVERITY_1_MMOL_DAY.value}
    return {}


def _treatment_levers(treatments: frozenset[str]) -> dict[str, float]:
    levers: dict[str, float] = {}
    if "phosphate_binder" in treatments:
        levers["p_absorption_factor"] = BINDER_ABSORBED_P_FACTOR.value
    if "dialysis" in treatments:
        levers["dialysis"] = 1.0
    if "cinacalcet" in treatments:
        levers["casr_factor"] = CINACALCET_SET_POINT_FACTOR.value
    if "parathyroidectomy" in treatments:
        levers["adenoma_mass"] = 0.0
    if "glucocorticoid" in treatments:
        levers["ectopic_factor"] = GLUCOCORTICOID_ECTOPIC_FACTOR.value
        levers["ca_absorption_factor"] = GLUCOCORTICOID_CA_ABSORPTION_FACTOR.value
    if "stop_vitamin_d" in treatments:
        levers["exogenous_ng_ml"] = 0.0
    if "bisphosphonate" in treatments:
        levers["resorption_factor"] = BISPHOSPHONATE_RESORPTION_FACTOR.value
    return levers


def _build_model(condition: str, severity: float, treatments: frozenset[str]) -> _Model:
    levers = _condition_levers(condition, severity)
    levers.update(_treatment_levers(treatments))  # a treatment overrides the disease's lever
    return replace(_normal_model(), **levers) if levers else _normal_model()


# ------------------------------------------------------------------ the regulatory laws
# Each works on floats and on numpy arrays alike, and equals 1 at the normal state.

def _vdr_activity(d_pm, x_ng, m: _Model):
    """v = (1 - w) D/D0 + w S/S0, with S = S0 + X."""
    return (1.0 - m.w) * d_pm / m.d0 + m.w * (m.s0 + x_ng) / m.s0


def _pth_pm(ica, gland, m: _Model):
    """Quasi-steady PTH from normal tissue and adenoma, two four-parameter reverse sigmoids."""
    x = ica / (m.ica50 * m.casr_factor)
    normal = m.r_min + (m.r_max - m.r_min) / (1.0 + x ** m.hill)
    xa = ica / (m.ica50_adenoma * m.casr_factor)
    adenoma = m.r_min + (m.r_max - m.r_min) / (1.0 + xa ** m.hill_adenoma)
    return m.pth0 * (gland * normal + m.adenoma_mass * adenoma)


def _gland_target(ica, vdr, p, m: _Model):
    """G* = ((1 + g^4)/2)^(1/4), a smooth maximum of 1 and the growth signal g."""
    g = ((m.ica0 / ica) ** m.g_ca * ((1.0 + m.g_vk) / (vdr + m.g_vk)) ** m.g_v
         * (p / m.p0) ** m.g_p)
    return ((1.0 + g ** 4) * 0.5) ** 0.25


def _fgf23_target(p, vdr, m: _Model):
    """F* = (p/p0)^a_p v^a_v (GFR0/GFR)^a_k."""
    return (p / m.p0) ** m.f_p * vdr ** m.f_v * m.gfr_ratio ** (-m.f_k)


def _osteoclast_target(pth, vdr, m: _Model):
    """PTH-driven share (saturating, blunted in uraemia) plus vitamin D-driven share."""
    r = pth / m.pth0 * m.gfr_ratio ** m.sr
    return (1.0 - m.oc_share) * r * (1.0 + m.oc_k) / (r + m.oc_k) + m.oc_share * vdr ** m.oc_v


def _osteoblast_target(oc, antiresorptive, m: _Model):
    """Formation follows resorption less than proportionally."""
    return (oc * antiresorptive) ** m.beta


def _hypercalcaemic_gfr_factor(ica, m: _Model):
    """f = f_min + (1 - f_min) (1 + (Ca0/K)^n) / (1 + (Ca/K)^n)."""
    return m.hc_floor + (1.0 - m.hc_floor) * m.hc_norm / (1.0 + (ica / m.hc_half) ** m.hc_hill)


def _substrate(x_ng, m: _Model):
    """Michaelis-Menten supply of 25-OH-D to 1alpha-hydroxylase, relative to normal."""
    s = m.s0 + x_ng
    return s / m.s0 * (m.sub_k + m.s0) / (m.sub_k + s)


# Indices of the fluxes in the tuple returned by _rates, after the nine derivatives.
_GUT_CA, _GUT_P, _URINE_CA, _URINE_P, _DIAL_CA, _DIAL_P, _BONE, _PTH, _GFR = range(_N_STATES, _N_STATES + 9)


def _rates(ca_mmol, pi_mmol, d_pm, fgf, oc, ob, gland, x_ng, antiresorptive, fi, fuf, m: _Model):
    """Time derivatives and fluxes for one state (floats) or many (arrays).

    ``fi`` and ``fuf`` are the ionized and ultrafilterable fractions of
    total calcium.  Returns the nine derivatives, then gut Ca and P, urine
    Ca and P, dialysis Ca and P, net bone deposition of Ca (mmol/day), PTH
    (pmol/L) and GFR (L/day).
    """
    c = ca_mmol / m.volume_l
    p = pi_mmol / m.volume_l
    ica = c * fi
    uf = c * fuf
    vdr = _vdr_activity(d_pm, x_ng, m)
    pth = _pth_pm(ica, gland, m)
    r_pth = pth / m.pth0
    # calcitriol: renal 1alpha-hydroxylase plus the ectopic source
    renal = (m.gfr_ratio ** m.d_mass * r_pth * (1.0 + m.d_pth_k) / (r_pth + m.d_pth_k)
             * (1.0 + m.d_p_k) / (1.0 + m.d_p_k * (p / m.p0) ** 2)
             * (1.0 + m.d_f_k) / (1.0 + m.d_f_k * fgf))
    d_dot = m.k_d * (m.d0 * _substrate(x_ng, m) * (renal + m.ectopic * m.ectopic_factor) - d_pm)
    f_dot = m.k_f * (_fgf23_target(p, vdr, m) - fgf)
    g_dot = m.k_g * (_gland_target(ica, vdr, p, m) - gland)
    oc_dot = m.k_oc * (_osteoclast_target(pth, vdr, m) - oc)
    ob_dot = m.k_ob * (_osteoblast_target(oc, antiresorptive, m) - ob)
    x_dot = m.k_x * (m.exogenous_ng_ml - x_ng)
    r_dot = m.k_bis * (m.resorption_factor - antiresorptive)
    # gut (net absorption)
    v2 = vdr * vdr
    gut_ca = m.ca_intake * m.ca_absorption_factor * (m.ca_a_p + m.ca_a_a * v2 / (v2 + m.ca_k2))
    gut_p = m.p_intake * m.p_absorption_factor * (m.p_a_p + m.p_a_a * vdr / (vdr + m.p_k))
    # bone
    mineral = (c / m.c0) * (p / m.p0)
    resorption = (m.j0 * oc + m.tumour_mmol_day) * antiresorptive
    formation = m.j0 * ob * mineral * (1.0 + m.min_k) / (mineral + m.min_k)
    bone = formation - resorption
    # kidney: odds of excreting the filtered load
    gfr = m.gfr0_l_day * m.gfr_ratio * _hypercalcaemic_gfr_factor(ica, m)
    odds_ca = (m.odds_ca0 * (1.0 + m.rc_pth_k) / (1.0 + m.rc_pth_k * r_pth)
               * (ica / (m.ica0 * m.casr_factor)) ** m.rc_sr * vdr ** (-m.rc_v)
               * m.gfr_ratio ** (-m.rc_nephron))
    urine_ca = gfr * uf * odds_ca / (1.0 + odds_ca)
    odds_p = m.odds_p0 * r_pth ** m.rp_pth * fgf ** m.rp_f * (p / m.p0) ** m.rp_load
    urine_p = gfr * p * odds_p / (1.0 + odds_p)
    # dialysis, averaged over the week (calcium may be gained from the dialysate)
    dial_ca = m.dialysis * m.dial_ca_l_day * (uf - m.dialysate_ca)
    dial_p = m.dialysis * m.dial_p_l_day * p
    ca_dot = gut_ca - urine_ca - dial_ca - bone
    p_dot = gut_p - urine_p - dial_p - m.p_ca * bone
    return (ca_dot, p_dot, d_dot, f_dot, oc_dot, ob_dot, g_dot, x_dot, r_dot,
            gut_ca, gut_p, urine_ca, urine_p, dial_ca, dial_p, bone, pth, gfr)


def _rhs(y, t, m: _Model, table: _SerumTable):
    """dy/dt for odeint: the nine physiological states, then the cumulative flows (Ca, P)."""
    r = _rates(*y[:_N_STATES], *table.fractions(y[_CA] / m.volume_l, y[_PI] / m.volume_l), m)
    bone = r[_BONE]
    return (*r[:_N_STATES],
            bone, m.p_ca * bone,                                  # deposited in bone
            m.ca_intake, m.p_intake,                              # eaten
            r[_URINE_CA], r[_URINE_P],                            # urine
            m.ca_intake - r[_GUT_CA], m.p_intake - r[_GUT_P],     # faeces (not absorbed)
            r[_DIAL_CA], r[_DIAL_P])                              # dialysis


# ------------------------------------------------------------------ solving

_RTOL = 1e-8


def _atol(m: _Model) -> np.ndarray:
    scale = np.array([m.c0 * m.volume_l, m.p0 * m.volume_l, m.d0, 1.0, 1.0, 1.0, 1.0, m.s0, 1.0]
                     + [m.ca_intake, m.p_intake] * 5)
    return 1e-9 * scale


def _integrate(y0: np.ndarray, t: np.ndarray, m: _Model) -> np.ndarray:
    """Integrate from y0 over the times t with LSODA (switches to BDF when the system is stiff)."""
    out, info = odeint(_rhs, y0, t, args=(m, _serum_table()), rtol=_RTOL, atol=_atol(m),
                       mxstep=50_000, full_output=True)
    if info["message"] != "Integration successful.":  # pragma: no cover - defensive
        raise RuntimeError(f"the homeostasis model could not be integrated: {info['message']}")
    return out


def _normal_state() -> np.ndarray:
    m = _normal_model()
    y = np.zeros(_N_ALL_STATES)
    y[:_N_STATES] = (m.c0 * m.volume_l, m.p0 * m.volume_l, m.d0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0)
    return y


def _slow_states(c: float, p: float, d_pm: float, m: _Model):
    """Given calcium, phosphate and calcitriol, every other state at its steady value.

    Returns (F, Oc, Ob, G, X, R) and the two serum fractions.
    """
    fi, fuf = _serum_table().fractions(c, p)
    ica = c * fi
    x = m.exogenous_ng_ml
    vdr = _vdr_activity(d_pm, x, m)
    gland = _gland_target(ica, vdr, p, m)
    oc = _osteoclast_target(_pth_pm(ica, gland, m), vdr, m)
    r = m.resorption_factor
    return (_fgf23_target(p, vdr, m), oc, _osteoblast_target(oc, r, m), gland, x, r), fi, fuf


def _fixed_point_residual(u, m: _Model):
    """Scaled dCa/dt, dP/dt and dD/dt at log-relative calcium, phosphate and calcitriol u."""
    c = m.c0 * math.exp(u[0])
    p = m.p0 * math.exp(u[1])
    d = m.d0 * math.exp(u[2])
    slow, fi, fuf = _slow_states(c, p, d, m)
    r = _rates(c * m.volume_l, p * m.volume_l, d, *slow, fi, fuf, m)
    return [r[0] / m.ca_intake, r[1] / m.p_intake, r[2] / (m.k_d * m.d0)]


def _solve_fixed_point(m: _Model, guess) -> list[float] | None:
    sol = root(_fixed_point_residual, guess, args=(m,), method="hybr", tol=1e-13)
    x = [float(v) for v in sol.x]
    if not all(math.isfinite(v) and abs(v) < 5.0 for v in x):
        return None
    if max(abs(v) for v in _fixed_point_residual(x, m)) > 1e-10:
        return None
    return x


def _steady_vector(condition: str, severity: float, treatments: frozenset[str]) -> tuple[np.ndarray, _Model]:
    """The steady state: root finding from the normal state, with continuation in severity if needed.

    Every state but the skeleton is at rest (the skeleton may keep gaining or
    losing calcium).  Deterministic: the same inputs always take the same path.
    """
    m = _build_model(condition, severity, treatments)
    u = _solve_fixed_point(m, [0.0, 0.0, 0.0])
    if u is None:  # walk the severity up from the normal state
        u = [0.0, 0.0, 0.0]
        for k in range(1, 9):
            nxt = _solve_fixed_point(_build_model(condition, severity * k / 8, treatments), u)
            if nxt is None:  # pragma: no cover - not met in the tested ranges; integrate 30 years
                y = _integrate(_normal_state(), np.array([0.0, 10_950.0]), m)[-1]
                start = [math.log(y[_CA] / (m.c0 * m.volume_l)), math.log(y[_PI] / (m.p0 * m.volume_l)),
                         math.log(y[_D] / m.d0)]
                nxt = _solve_fixed_point(m, start)
                if nxt is None:
                    raise RuntimeError(f"no steady state found for {condition!r} at severity {severity}")
                u = nxt
                break
            u = nxt
    c, p, d = m.c0 * math.exp(u[0]), m.p0 * math.exp(u[1]), m.d0 * math.exp(u[2])
    slow, _, _ = _slow_states(c, p, d, m)
    y = np.zeros(_N_ALL_STATES)
    y[:_N_STATES] = (c * m.volume_l, p * m.volume_l, d, *slow)
    return y, m


# ------------------------------------------------------------------ labs

def _labs_from_state(y: np.ndarray, m: _Model) -> Labs:
    c = float(y[_CA]) / m.volume_l
    p = float(y[_PI]) / m.volume_l
    fi, fuf = _serum_table().fractions(c, p)
    r = _rates(*(float(v) for v in y[:_N_STATES]), fi, fuf, m)
    serum = chemistry.speciate(c, p, _SERUM["ph"], na_mmol_l=_SERUM["na_mmol_l"],
                               mg_mmol_l=_SERUM["mg_mmol_l"], albumin_g_l=_SERUM["albumin_g_l"])
    ca_mg_dl = float(ca_mmol_l_to_mg_dl(c))
    p_mg_dl = float(phosphate_mmol_l_to_mg_dl(p))
    return Labs(
        total_ca_mg_dl=ca_mg_dl,
        ionized_ca_mmol_l=float(serum.free_ca_mmol_l),
        phosphate_mg_dl=p_mg_dl,
        pth_pg_ml=float(r[_PTH]) * PTH_PG_ML_PER_PMOL_L.value,
        calcitriol_pg_ml=float(y[_D]) * CALCITRIOL_MOLAR_MASS_G_MOL.value / 1000.0,
        fgf23_relative=float(y[_F]),
        ca_x_p_mg2_dl2=float(ca_x_p_mg2_dl2(ca_mg_dl, p_mg_dl)),
        si_hydroxyapatite=float(serum.saturation_index("hydroxyapatite")),
        urine_ca_mmol_day=float(r[_URINE_CA]),
        urine_phosphate_mmol_day=float(r[_URINE_P]),
    )


# ------------------------------------------------------------------ checking the input

def _check_condition(condition: object) -> str:
    choices = ", ".join(map(repr, CONDITIONS))
    if not isinstance(condition, str):
        raise TypeError(f"condition must be one of {choices}; got {condition!r} of type "
                        f"{type(condition).__name__}")
    if condition not in CONDITIONS:
        raise ValueError(f"condition must be one of {choices}; got {condition!r}")
    return condition


def _check_severity(severity: object) -> float:
    return check_number("severity", severity, low=_SEVERITY_RANGE[0], high=_SEVERITY_RANGE[1],
                        unit="(dimensionless)")


def _check_treatments(treatments: object) -> frozenset[str]:
    choices = ", ".join(map(repr, TREATMENTS))
    if isinstance(treatments, str):
        treatments = (treatments,)
    if treatments is None or isinstance(treatments, (bytes, dict)) or not hasattr(treatments, "__iter__"):
        raise TypeError(f"treatments must be a sequence of names from {choices}; got {treatments!r}")
    items = tuple(treatments)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"treatments must be names from {choices}; got {item!r} of type "
                            f"{type(item).__name__}")
        if item not in TREATMENTS:
            raise ValueError(f"treatments must be names from {choices}; got {item!r}")
    return frozenset(items)


def _check_days(days: object) -> float:
    span = check_number("days", days, low=0.0, high=_MAX_DAYS, unit="days")
    if span <= 0.0:
        raise ValueError(f"days must be more than 0 and at most {_MAX_DAYS:g} days; got {days!r}")
    return span


# ------------------------------------------------------------------ public API

def severity_lever(condition: str, severity: float = 1.0) -> tuple[str, float, str]:
    """What ``severity`` sets for ``condition``: (name, value, unit).

    Examples
    --------
    >>> severity_lever("chronic_kidney_disease", 1.0)
    ('gfr', 12.0, 'mL/min')
    >>> severity_lever("vitamin_d_intoxication", 1.0)
    ('calcifediol', 400.0, 'ng/mL')
    >>> severity_lever("normal", 2.0)
    ('none', 0.0, '')
    """
    condition = _check_condition(condition)
    s = _check_severity(severity)
    levers = _condition_levers(condition, s)
    if condition == "primary_hyperparathyroidism":
        return ("adenoma_mass", levers["adenoma_mass"], "x normal gland mass")
    if condition == "vitamin_d_intoxication":
        return ("calcifediol", NORMAL_CALCIFEDIOL_NG_ML.value + levers["exogenous_ng_ml"], "ng/mL")
    if condition == "sarcoidosis":
        return ("ectopic_hydroxylase", levers["ectopic"], "x normal renal calcitriol production")
    if condition == "chronic_kidney_disease":
        return ("gfr", _ckd_gfr_ml_min(s), "mL/min")
    if condition == "bone_destruction":
        return ("tumour_osteolysis", levers["tumour_mmol_day"], "mmol Ca/day")
    return ("none", 0.0, "")


def steady_state(condition: str, severity: float = 1.0, treatments=()) -> Labs:
    """The labs once the body has settled with ``condition`` at ``severity`` under ``treatments``.

    Solves for the fixed point of the model (every time derivative zero but
    the skeleton's slow gain or loss) with :func:`scipy.optimize.root`,
    starting from the normal state; deterministic.

    Parameters
    ----------
    condition : str
        One of :data:`CONDITIONS`.
    severity : float
        0 (normal) to 2 (severe); 1 is a typical presentation.  See the
        module docstring, or :func:`severity_lever`, for what it scales.
    treatments : sequence of str
        Names from :data:`TREATMENTS`, in any order (a single name is
        accepted too).

    Returns
    -------
    Labs

    Raises
    ------
    ValueError, TypeError
        For an unknown condition or treatment, or a severity that is not a
        finite number in 0-2; the message lists the valid choices or range.

    Examples
    --------
    >>> labs = steady_state("normal")
    >>> round(labs.total_ca_mg_dl, 1), round(labs.phosphate_mg_dl, 1), round(labs.pth_pg_ml)
    (9.4, 3.7, 36)
    >>> round(steady_state("primary_hyperparathyroidism").total_ca_mg_dl, 1)
    11.2
    """
    condition = _check_condition(condition)
    s = _check_severity(severity)
    chosen = _check_treatments(treatments)
    y, m = _steady_vector(condition, s, chosen)
    return _labs_from_state(y, m)


def simulate(condition: str, severity: float = 1.0, days: float = 365.0, treatments=(),
             treatment_start_day: float = 0.0) -> Trajectory:
    """The course of the labs from the onset of ``condition`` in a normal adult.

    The disease starts on day 0 from the normal steady state; the
    ``treatments`` start on ``treatment_start_day`` (0: from the onset).
    Integrated with LSODA (:func:`scipy.integrate.odeint`), which switches
    to a stiff (BDF) method when the fast hormones need it.

    Parameters
    ----------
    condition, severity, treatments
        As for :func:`steady_state`.
    days : float
        Length of the simulation: more than 0, at most 36,500 days.
    treatment_start_day : float
        0 to ``days``.

    Returns
    -------
    Trajectory
        Times and the labs as arrays; :meth:`Trajectory.labs_at` gives
        :class:`Labs` on any day, :meth:`Trajectory.mass_balance` the flows.

    Examples
    --------
    >>> course = simulate("vitamin_d_intoxication", days=730, treatments=("stop_vitamin_d",),
    ...                   treatment_start_day=365)
    >>> [round(course.labs_at(day).total_ca_mg_dl, 1) for day in (365, 395, 545, 730)]
    [11.9, 11.3, 10.0, 9.5]
    """
    condition = _check_condition(condition)
    s = _check_severity(severity)
    chosen = _check_treatments(treatments)
    span = _check_days(days)
    start = check_number("treatment_start_day", treatment_start_day, low=0.0, high=span, unit="days")
    if start <= _TIME_RESOLUTION_DAYS:
        start = 0.0
    elif span - start <= _TIME_RESOLUTION_DAYS:
        start = span
    before = _build_model(condition, s, frozenset())
    after = _build_model(condition, s, chosen)
    n = int(min(max(math.ceil(span * _POINTS_PER_DAY), 2) + 1, _MAX_POINTS))
    times = np.linspace(0.0, span, n)
    y0 = _normal_state()
    if chosen and 0.0 < start < span:
        times = np.union1d(times[np.abs(times - start) > _TIME_RESOLUTION_DAYS], [start])
        first = _integrate(y0, times[times <= start], before)
        switch = first[-1].copy()
        if "parathyroidectomy" in chosen:  # hyperplastic glands are taken out with the adenoma
            switch[_GLAND] = min(switch[_GLAND], 1.0)
        second = _integrate(switch, times[times >= start], after)
        states = np.vstack([first, second[1:]])
    else:
        states = _integrate(y0, times, after if start == 0.0 else before)
    return _trajectory(condition, s, tuple(t for t in TREATMENTS if t in chosen), start, span,
                       times, states, before, after)


def _trajectory(condition, severity, treatments, start, span, times, states, before, after) -> Trajectory:
    table = _serum_table()
    treated = times >= start
    c = states[:, _CA] / before.volume_l
    p = states[:, _PI] / before.volume_l
    fi, fuf = table.fractions_array(c, p)
    fluxes = {name: np.empty(len(times)) for name in ("urine_ca", "urine_p", "bone", "pth", "gfr")}
    for model, mask in ((before, ~treated), (after, treated)):
        if mask.any():
            r = _rates(*(states[mask, k] for k in range(_N_STATES)), fi[mask], fuf[mask], model)
            for name, index in (("urine_ca", _URINE_CA), ("urine_p", _URINE_P), ("bone", _BONE),
                                ("pth", _PTH), ("gfr", _GFR)):
                fluxes[name][mask] = r[index]
    serum = _serum_speciation(c, p)
    ca_mg_dl = np.asarray(ca_mmol_l_to_mg_dl(c))
    p_mg_dl = np.asarray(phosphate_mmol_l_to_mg_dl(p))
    arrays = {
        "total_ca_mg_dl": ca_mg_dl,
        "ionized_ca_mmol_l": np.asarray(serum.free_ca_mmol_l),
        "phosphate_mg_dl": p_mg_dl,
        "pth_pg_ml": fluxes["pth"] * PTH_PG_ML_PER_PMOL_L.value,
        "calcitriol_pg_ml": states[:, _D] * CALCITRIOL_MOLAR_MASS_G_MOL.value / 1000.0,
        "fgf23_relative": states[:, _F].copy(),
        "ca_x_p_mg2_dl2": np.asarray(ca_x_p_mg2_dl2(ca_mg_dl, p_mg_dl)),
        "si_hydroxyapatite": np.asarray(serum.saturation_index("hydroxyapatite")),
        "urine_ca_mmol_day": fluxes["urine_ca"],
        "urine_phosphate_mmol_day": fluxes["urine_p"],
        "calcifediol_ng_ml": before.s0 + states[:, _X],
        "gfr_ml_min": fluxes["gfr"] / _GFR_L_DAY_PER_ML_MIN,
        "bone_ca_mmol_day": fluxes["bone"],
        "time_days": np.asarray(times, dtype=float),
        "_states": states,
    }
    for array in arrays.values():
        array.setflags(write=False)
    return Trajectory(condition=condition, severity=severity, treatments=treatments,
                      treatment_start_day=start, days=span, _before=before, _after=after, **arrays)
