"""The parathyroid glands: the calcium-sensing receptor, PTH secretion, and the glands' growth.

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
    g = \\left(\\frac{s\\,\\mathrm{Ca^{2+}_0}}{\\mathrm{Ca^{2+}}}\\right)^{4}
        \\frac{1 + \\kappa}{v + \\kappa}\\,\\frac{p}{p_0},

a smooth maximum of 1 and g: low ionized calcium, low vitamin D activity
and high phosphate, the drivers of secondary hyperparathyroidism
(:cite:`kdigo2017ckdmbd`), make the glands grow; they hardly involute.
The calcium-sensing receptor that controls growth is the one cinacalcet
sensitises, so the gland sees Ca²⁺/s here too: a calcimimetic lowers PTH
in secondary hyperparathyroidism (by 43 % against a 9 % rise on placebo
in haemodialysis, :cite:`block2004cinacalcet`) although it lowers the
calcium that drives the growth.
The normal PTH is 3.85 pmol/L (36 pg/mL, :cite:`peterson2010physiologically`).

The functions are the laws of the model, called by :mod:`~calcify_lib.homeostasis.model`: they work
on floats and numpy arrays alike, take the :class:`~.parameters.Parameters`
of one scenario, and check nothing (:func:`~calcify_lib.homeostasis.steady_state`
and :func:`~calcify_lib.homeostasis.simulate` check the input).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .parameters import cited, rate_per_day

if TYPE_CHECKING:
    from .parameters import Parameters

NORMAL_PTH_PMOL_L = cited(3.85, "pmol/L", "peterson2010physiologically",
                          "Normal steady-state plasma intact PTH (53.9 pmol in 14 L), about 36 pg/mL.",
                          basis="convention")
PTH_PG_ML_PER_PMOL_L = cited(9.4, "(pg/mL)/(pmol/L)", "peterson2010physiologically",
                             "Mass per molar concentration of intact PTH(1-84) used by the Peterson-Riggs "
                             "model (molar mass about 9.4 kg/mol, so 1 pmol/L is 9.4 pg/mL).",
                             basis="derived")
GLAND_HALF_LIFE_DAYS = cited(180.0, "days", "peterson2010physiologically",
                             "Turnover of parathyroid secretory capacity (ln 2 / PTout, PTout 1.604e-4 per "
                             "hour): hyperplasia develops over months.", basis="derived")
CASR_HILL_COEFFICIENT = cited(11.7387, "1", "peterson2010physiologically",
                              "Steepness of the reverse sigmoid of PTH secretion against calcium (T59, a "
                              "parameter of the published model).", basis="measured")
PTH_MAX_OVER_BASAL = cited(5.0, "1", "brown1983four",
                           "Maximal (hypocalcaemic) over basal secretion, the upper asymptote of the "
                           "four-parameter curve; set, with the gland-growth gains, so that kidney  "
                           "failure at severity 1 raises PTH to a few hundred pg/mL.", basis="set")
PTH_MIN_OVER_BASAL = cited(0.1, "1", "brown1983four",
                           "Non-suppressible (hypercalcaemic) over basal secretion, the lower asymptote; set "
                           "so that hypercalcaemia not driven by the glands suppresses PTH below its "
                           "reference range (15 pg/mL).", basis="set")
ADENOMA_SET_POINT_RATIO = cited(1.17, "1", "schwarz1994interrelations",
                                "Set point of adenomatous over normal parathyroid tissue: Brown's in vivo "
                                "set point was 1.32 mmol/L ionized calcium in primary hyperparathyroidism "
                                "against 1.13 in controls: 1.32/1.13 = 1.17.", basis="derived")
ADENOMA_HILL_COEFFICIENT = cited(4.0, "1", "brown1983four",
                                 "Steepness of the adenoma's calcium-PTH curve, flatter than normal tissue; "
                                 "set so that the adenoma keeps PTH above its reference range (65 pg/mL) at "
                                 "the calcium of 11.2 mg/dL it causes.", basis="set")
GLAND_GROWTH_CA_EXPONENT = cited(4.0, "1", "kdigo2017ckdmbd",
                                 "Gain of low ionized calcium on the target gland mass; set so that CKD at "
                                 "severity 1 gives a PTH of a few hundred pg/mL.", basis="set")
GLAND_GROWTH_VDR_EXPONENT = cited(1.0, "1", "kdigo2017ckdmbd",
                                  "Gain of low vitamin D activity on the target gland mass; set, with the "
                                  "calcium gain, so that CKD at severity 1 gives a PTH of a few hundred "
                                  "pg/mL.", basis="set")
GLAND_GROWTH_VDR_HALF = cited(0.5, "1", "kdigo2017ckdmbd",
                              "Vitamin D activity (relative) that bounds the growth signal as activity "
                              "falls to zero, (1+k)/(v+k); set so that losing "
                              "calcitriol can at most treble the growth signal, (1+k)/k = 3.", basis="set")
GLAND_GROWTH_P_EXPONENT = cited(1.0, "1", "kdigo2017ckdmbd",
                                "Gain of high phosphate on the target gland mass; set, with the calcium gain, "
                                "so that CKD at severity 1 gives a PTH of a few hundred pg/mL.", basis="set")


def parameters(ica0_mmol_l: float) -> dict[str, float]:
    """The parathyroid fields of :class:`~.parameters.Parameters`, given the normal ionized calcium.

    K is placed so that σ(Ca²⁺₀/K) = 1, i.e. (Ca²⁺₀/K)ⁿ = (r_max − 1)/(1 − r_min).
    """
    r_min, r_max = PTH_MIN_OVER_BASAL.value, PTH_MAX_OVER_BASAL.value
    hill = CASR_HILL_COEFFICIENT.value
    ica50 = ica0_mmol_l / ((r_max - 1.0) / (1.0 - r_min)) ** (1.0 / hill)
    return dict(
        pth0=NORMAL_PTH_PMOL_L.value,
        ica50=ica50, ica50_adenoma=ica50 * ADENOMA_SET_POINT_RATIO.value, hill=hill,
        hill_adenoma=ADENOMA_HILL_COEFFICIENT.value, r_min=r_min, r_max=r_max,
        g_ca=GLAND_GROWTH_CA_EXPONENT.value, g_v=GLAND_GROWTH_VDR_EXPONENT.value,
        g_vk=GLAND_GROWTH_VDR_HALF.value, g_p=GLAND_GROWTH_P_EXPONENT.value,
        k_g=rate_per_day(GLAND_HALF_LIFE_DAYS),
    )


def pth_pmol_l(ica, gland, m: Parameters):
    """Quasi-steady PTH from normal tissue and adenoma, two four-parameter reverse sigmoids."""
    x = ica / (m.ica50 * m.casr_factor)
    normal = m.r_min + (m.r_max - m.r_min) / (1.0 + x ** m.hill)
    xa = ica / (m.ica50_adenoma * m.casr_factor)
    adenoma = m.r_min + (m.r_max - m.r_min) / (1.0 + xa ** m.hill_adenoma)
    return m.pth0 * (gland * normal + m.adenoma_mass * adenoma)


def gland_target(ica, vdr, p, m: Parameters):
    """G* = ((1 + g^4)/2)^(1/4), a smooth maximum of 1 and the growth signal g.

    The gland senses Ca2+/s, s < 1 under cinacalcet, as its secretion does.
    """
    g = ((m.ica0 * m.casr_factor / ica) ** m.g_ca * ((1.0 + m.g_vk) / (vdr + m.g_vk)) ** m.g_v
         * (p / m.p0) ** m.g_p)
    return ((1.0 + g ** 4) * 0.5) ** 0.25

