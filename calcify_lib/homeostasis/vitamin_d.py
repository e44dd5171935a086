"""Vitamin D: 25-hydroxyvitamin D, calcitriol, and the activity of the vitamin D receptor.

The normal adult has 25-hydroxyvitamin D 30 ng/mL
(:cite:`holick2011evaluation`) and calcitriol 90 pmol/L (37.5 pg/mL,
:cite:`peterson2010physiologically`).  The state X is the excess of
25-hydroxyvitamin D over normal (ng/mL); it follows the exogenous dose and,
once that stops, washes out with a half-life of two months
(:cite:`jones2008pharmacokinetics`).

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

The functions are the laws of the model, called by :mod:`~calcify_lib.homeostasis.model`: they work
on floats and numpy arrays alike, take the :class:`~.parameters.Parameters`
of one scenario, and check nothing (:func:`~calcify_lib.homeostasis.steady_state`
and :func:`~calcify_lib.homeostasis.simulate` check the input).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .parameters import cited, rate_per_day

if TYPE_CHECKING:
    from .model import Signals, State
    from .parameters import Parameters

NORMAL_CALCITRIOL_PMOL_L = cited(90.0, "pmol/L", "peterson2010physiologically",
                                 "Normal steady-state plasma calcitriol (1260 pmol in 14 L), 37.5 pg/mL.",
                                 basis="convention")
NORMAL_CALCIFEDIOL_NG_ML = cited(30.0, "ng/mL", "holick2011evaluation",
                                 "Normal serum 25-hydroxyvitamin D, taken at the Endocrine Society's "
                                 "threshold of sufficiency (30 ng/mL, 75 nmol/L).", basis="guideline")
_ATOMIC_WEIGHTS_G_MOL = {
    "C": cited(12.011, "g/mol", "prohaska2022atomic",
               "Conventional standard atomic weight of carbon.", basis="convention"),
    "H": cited(1.008, "g/mol", "prohaska2022atomic",
               "Conventional standard atomic weight of hydrogen.", basis="convention"),
    "O": cited(15.999, "g/mol", "prohaska2022atomic",
               "Conventional standard atomic weight of oxygen.", basis="convention"),
}
CALCITRIOL_MOLAR_MASS_G_MOL = cited(
    27 * _ATOMIC_WEIGHTS_G_MOL["C"].value + 44 * _ATOMIC_WEIGHTS_G_MOL["H"].value
    + 3 * _ATOMIC_WEIGHTS_G_MOL["O"].value,
    "g/mol", "prohaska2022atomic",
    "Molar mass of calcitriol, C27H44O3, from the standard atomic weights: 416.6 g/mol, so that "
    "1 pg/mL is 2.40 pmol/L.", basis="derived")
CALCITRIOL_HALF_LIFE_DAYS = cited(math.log(2.0) / 2.4, "days", "peterson2010physiologically",
                                  "Plasma calcitriol eliminated at 0.10 per hour (T69): half-life "
                                  "ln 2 / 0.10 = 6.9 h.", basis="derived")
VITAMIN_D_WASHOUT_HALF_LIFE_DAYS = cited(
    60.0, "days", "jones2008pharmacokinetics",
    "Washout of excess vitamin D after intoxication: the half-life of stored vitamin D3, about two "
    "months, which outlasts that of 25-OH-D itself (about 15 days).", basis="measured")
CALCIFEDIOL_VDR_SHARE = cited(0.15, "1", "jones2008pharmacokinetics",
                              "Share of normal vitamin D receptor activity due to 25-OH-D (with the "
                              "calcitriol it displaces from binding protein); it dominates in intoxication. "
                              "Set so that vitamin D intoxication at severity 1 raises calcium above 11.5 "
                              "mg/dL while calcitriol stays inside its reference range.", basis="set")
HYDROXYLASE_SUBSTRATE_HALF_NG_ML = cited(
    150.0, "ng/mL", "tebben2016vitamin",
    "25-OH-D at which 1alpha-hydroxylase is half saturated with substrate; set so that calcitriol "
    "stays normal in vitamin D intoxication while PTH is suppressed.", basis="set")
CALCITRIOL_PTH_HALF = cited(0.5, "1", "peterson2010physiologically",
                            "PTH's stimulation of 1alpha-hydroxylase, r(1+k)/(r+k), at most 1.5-fold; set so "
                            "that primary hyperparathyroidism raises calcitriol above 1.2 times normal.",
                            basis="set")
CALCITRIOL_P_HALF = cited(0.5, "1", "peterson2010physiologically",
                          "Phosphate's suppression of 1alpha-hydroxylase, (1+k)/(1+k (p/p0)^2); set so that, "
                          "with FGF23 and the loss of kidney mass, calcitriol falls below its reference range "
                          "in kidney failure.", basis="set")
CALCITRIOL_KIDNEY_MASS_EXPONENT = cited(
    0.3, "1", "peterson2010physiologically",
    "Renal 1alpha-hydroxylase scales as (GFR/GFR0)^k, k < 1 because the remaining tubules are driven "
    "harder; set so that calcitriol is about a quarter of normal in kidney failure.", basis="set")
CALCITRIOL_FGF23_HALF = cited(0.2, "1", "granjon2017coupling",
                              "FGF23's suppression of 1alpha-hydroxylase, (1+k)/(1+k F); set so that, with "
                              "phosphate and the loss of kidney mass, calcitriol falls below its reference "
                              "range in kidney failure.", basis="set")


def parameters() -> dict[str, float]:
    """The vitamin D fields of :class:`~.parameters.Parameters`."""
    return dict(
        d0=NORMAL_CALCITRIOL_PMOL_L.value, s0=NORMAL_CALCIFEDIOL_NG_ML.value,
        w=CALCIFEDIOL_VDR_SHARE.value, sub_k=HYDROXYLASE_SUBSTRATE_HALF_NG_ML.value,
        d_pth_k=CALCITRIOL_PTH_HALF.value, d_p_k=CALCITRIOL_P_HALF.value,
        d_f_k=CALCITRIOL_FGF23_HALF.value, d_mass=CALCITRIOL_KIDNEY_MASS_EXPONENT.value,
        k_d=rate_per_day(CALCITRIOL_HALF_LIFE_DAYS), k_x=rate_per_day(VITAMIN_D_WASHOUT_HALF_LIFE_DAYS),
    )


def receptor_activity(d_pm, x_ng, m: Parameters):
    """v = (1 - w) D/D0 + w S/S0, with S = S0 + X."""
    return (1.0 - m.w) * d_pm / m.d0 + m.w * (m.s0 + x_ng) / m.s0


def substrate_supply(x_ng, m: Parameters):
    """Σ(S): Michaelis-Menten supply of 25-OH-D to 1alpha-hydroxylase, relative to normal."""
    s = m.s0 + x_ng
    return s / m.s0 * (m.sub_k + m.s0) / (m.sub_k + s)


def calcitriol_rate(state: State, s: Signals, m: Parameters):
    """dD/dt: the kidney's and the granulomas' production, less elimination.

    Renal 1alpha-hydroxylase relative to normal is (GFR/GFR0)^0.3 h_PTH h_p h_F:
    h_PTH = r(1+k)/(r+k), h_p = (1+k)/(1+k (p/p0)^2), h_F = (1+k)/(1+k F).
    """
    r_pth = s.pth_relative
    renal = (m.gfr_ratio ** m.d_mass * r_pth * (1.0 + m.d_pth_k) / (r_pth + m.d_pth_k)
             * (1.0 + m.d_p_k) / (1.0 + m.d_p_k * (s.phosphate_mmol_l / m.p0) ** 2)
             * (1.0 + m.d_f_k) / (1.0 + m.d_f_k * state.fgf23))
    return m.k_d * (m.d0 * substrate_supply(state.excess_calcifediol_ng_ml, m)
                    * (renal + m.ectopic * m.ectopic_factor) - state.calcitriol_pmol_l)
