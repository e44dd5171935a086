"""The kidney: filtration, calcium and phosphate excretion, and dialysis in its place.

The normal adult's GFR is 100 mL/min (:cite:`peterson2010physiologically`);
at the normal state the urine carries away exactly what the gut absorbs
(3.6 mmol of calcium a day), which fixes the normal odds of excretion.

*Kidney.*  Filtered calcium is GFR × ultrafilterable calcium; filtered
phosphate GFR × phosphate.  The odds of excreting the filtered load,
FE/(1 − FE), are multiplied by

* calcium: (1 + k)/(1 + k PTH/PTH₀) (PTH retains calcium), (Ca²⁺/(s Ca²⁺₀))⁴
  (the tubular calcium-sensing receptor is calciuric, and cinacalcet
  sensitises it too), v^−0.3 (calcitriol's distal reabsorption) and
  GFR₀/GFR (the surviving nephrons excrete more of their load,
  :cite:`bricker1972pathogenesis`);
* phosphate: (PTH/PTH₀)^0.6 F^0.6 (p/p₀) (PTH and FGF23 are phosphaturic;
  transport saturates).

Hypercalcaemia lowers the GFR itself (polyuria, volume depletion; it
leads to renal failure, :cite:`stewart2005hypercalcemia`): the filtration
rate is multiplied by f = f_min + (1 − f_min)(1 + (Ca²⁺₀/K_h)⁶)/(1 + (Ca²⁺/K_h)⁶),
K_h = 1.75 mmol/L, f_min = 0.4.

*Dialysis* (a treatment, :mod:`~calcify_lib.homeostasis.conditions`): thrice-weekly 4-hour
haemodialysis averaged over the week, a phosphate clearance of 7 L/day,
so that a session removes about 800-1000 mg of phosphorus at the
phosphate of a typical patient (:cite:`daugirdas2015removal`), and
diffusive calcium exchange with a 1.25 mmol/L dialysate
(:cite:`kdigo2017ckdmbd`), so that calcium may be gained from the
dialysate.  In kidney disease on dialysis the residual kidney is small
(:data:`~.conditions.CKD_RESIDUAL_GFR_ON_DIALYSIS_ML_MIN`): the kidney
laws above then act on that residual GFR.

The functions are the laws of the model, called by :mod:`~calcify_lib.homeostasis.model`: they work
on floats and numpy arrays alike, take the :class:`~.parameters.Parameters`
of one scenario, and check nothing (:func:`~calcify_lib.homeostasis.steady_state`
and :func:`~calcify_lib.homeostasis.simulate` check the input).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import gut
from .parameters import cited

if TYPE_CHECKING:
    from .model import Signals, State
    from .parameters import Parameters

NORMAL_GFR_ML_MIN = cited(100.0, "mL/min", "peterson2010physiologically",
                          "Glomerular filtration rate of the normal adult in the Peterson-Riggs model.",
                          basis="convention")
RENAL_CA_PTH_HALF = cited(0.3, "1", "raposo2002minimal",
                          "PTH's retention of calcium: odds of excretion x (1+k)/(1+k PTH/PTH0); set so that "
                          "primary hyperparathyroidism still raises urinary calcium over 1.4-fold.",
                          basis="set")
RENAL_CA_CASR_EXPONENT = cited(4.0, "1", "granjon2016model",
                               "Calciuric effect of ionized calcium on the tubular calcium-sensing receptor: "
                               "odds of excretion x (Ca2+/Ca2+_0)^e; set so that the three PTH-independent "
                               "hypercalcaemias more than double urinary calcium.", basis="set")
RENAL_CA_VDR_EXPONENT = cited(0.3, "1", "granjon2016model",
                              "Calcitriol's stimulation of distal calcium reabsorption: odds of excretion "
                              "x v^-e; set small so that calcitriol-driven hypercalcaemia (vitamin D, "
                              "sarcoidosis) still more than doubles urinary calcium.", basis="set")
RENAL_CA_NEPHRON_EXPONENT = cited(1.0, "1", "bricker1972pathogenesis",
                                  "Adaptation of the surviving nephrons: odds of calcium excretion x "
                                  "(GFR0/GFR)^e; set so that CKD keeps calcium low-normal.", basis="set")
HYPERCALCAEMIA_GFR_HALF_ICA_MMOL_L = cited(
    1.75, "mmol/L", "stewart2005hypercalcemia",
    "Ionized calcium at which hypercalcaemia (polyuria, volume depletion) has taken half of the GFR it can "
    "take; hypercalcaemia leads to renal failure. Set so that the fall belongs to severe hypercalcaemia "
    "(ionized 1.75 mmol/L is about 14 mg/dL total).",
    basis="set",
)
HYPERCALCAEMIA_GFR_HILL = cited(6.0, "1", "stewart2005hypercalcemia",
                                "Steepness of the fall in GFR with ionized calcium; set so that GFR falls by "
                                "about a tenth at the ionized calcium of a typical presentation (1.4-1.5 "
                                "mmol/L) and by over a quarter at 1.75.", basis="set")
HYPERCALCAEMIA_GFR_FLOOR = cited(0.4, "1", "stewart2005hypercalcemia",
                                 "Fraction of GFR that hypercalcaemia alone cannot take away; set so that "
                                 "calcium excretion still rises with serum calcium.", basis="set")
RENAL_P_PTH_EXPONENT = cited(0.6, "1", "granjon2017coupling",
                             "Phosphaturic gain of PTH: odds of excretion x (PTH/PTH0)^e; set so that primary "
                             "hyperparathyroidism lowers phosphate by more than 0.4 mg/dL.", basis="set")
RENAL_P_FGF23_EXPONENT = cited(0.6, "1", "granjon2017coupling",
                               "Phosphaturic gain of FGF23: odds of excretion x F^e; set so that phosphate "
                               "stays in range at GFR 35 mL/min while FGF23 is over twice normal, and so "
                               "that FGF23 keeps phosphate at about 5 mg/dL or below in osteolytic "
                               "hypercalcaemia with PTH suppressed.", basis="set")
RENAL_P_LOAD_EXPONENT = cited(1.0, "1", "granjon2017coupling",
                              "Saturation of phosphate reabsorption: odds of excretion x (p/p0)^e; set so "
                              "that the fraction excreted rises with serum phosphate, as tubular reabsorption "
                              "saturates.", basis="set")
DIALYSIS_P_CLEARANCE_L_DAY = cited(7.0, "L/day", "daugirdas2015removal",
                                   "Week-averaged phosphate clearance of thrice-weekly 4-hour haemodialysis; "
                                   "set so that about 850-900 mg of phosphorus is removed a session at "
                                   "1.8 mmol/L, within the 800-1000 mg a session of conventional dialysis.",
                                   basis="set")
DIALYSIS_CA_CLEARANCE_L_DAY = cited(7.0, "L/day", "daugirdas2015removal",
                                    "Week-averaged diffusive calcium exchange with the dialysate, taken equal "
                                    "to the phosphate clearance; set so that serum calcium is pulled towards "
                                    "the dialysate's at the rate phosphate is cleared.", basis="set")
DIALYSATE_CA_MMOL_L = cited(1.25, "mmol/L", "kdigo2017ckdmbd",
                            "Dialysate calcium: the lower end of the 1.25-1.50 mmol/L KDIGO suggests.",
                            basis="guideline")

GFR_L_DAY_PER_ML_MIN = 1.44  # 1440 min/day / 1000 mL/L: a unit conversion, not a constant of nature


def parameters(ica0_mmol_l: float, uf0_mmol_l: float, p0_mmol_l: float) -> dict[str, float]:
    """The kidney's and dialysis' fields of :class:`~.parameters.Parameters`.

    At the normal state urine = net absorption (bone in balance): this fixes
    the odds of excretion, given the normal ionized, ultrafilterable calcium
    and phosphate (mmol/L).
    """
    gfr0_l_day = NORMAL_GFR_ML_MIN.value * GFR_L_DAY_PER_ML_MIN
    fe_ca0 = (gut.CA_INTAKE_MMOL_DAY.value * gut.NORMAL_CA_NET_ABSORBED_FRACTION.value
              / (gfr0_l_day * uf0_mmol_l))
    fe_p0 = gut.P_INTAKE_MMOL_DAY.value * gut.NORMAL_P_NET_ABSORBED_FRACTION.value / (gfr0_l_day * p0_mmol_l)
    hc_half, hc_hill = HYPERCALCAEMIA_GFR_HALF_ICA_MMOL_L.value, HYPERCALCAEMIA_GFR_HILL.value
    return dict(
        gfr0_l_day=gfr0_l_day, odds_ca0=fe_ca0 / (1.0 - fe_ca0), rc_pth_k=RENAL_CA_PTH_HALF.value,
        rc_sr=RENAL_CA_CASR_EXPONENT.value, rc_v=RENAL_CA_VDR_EXPONENT.value,
        rc_nephron=RENAL_CA_NEPHRON_EXPONENT.value,
        hc_half=hc_half, hc_hill=hc_hill, hc_floor=HYPERCALCAEMIA_GFR_FLOOR.value,
        hc_norm=1.0 + (ica0_mmol_l / hc_half) ** hc_hill,
        odds_p0=fe_p0 / (1.0 - fe_p0), rp_pth=RENAL_P_PTH_EXPONENT.value,
        rp_f=RENAL_P_FGF23_EXPONENT.value, rp_load=RENAL_P_LOAD_EXPONENT.value,
        dial_p_l_day=DIALYSIS_P_CLEARANCE_L_DAY.value, dial_ca_l_day=DIALYSIS_CA_CLEARANCE_L_DAY.value,
        dialysate_ca=DIALYSATE_CA_MMOL_L.value,
    )


def gfr_l_day(s: Signals, m: Parameters):
    """The filtration rate: kidney mass, times the fall f caused by hypercalcaemia.

    f = f_min + (1 - f_min) (1 + (Ca0/K)^n) / (1 + (Ca/K)^n), 1 at normal.
    """
    ica = s.ionized_ca_mmol_l
    return m.gfr0_l_day * m.gfr_ratio * (m.hc_floor + (1.0 - m.hc_floor) * m.hc_norm
                                         / (1.0 + (ica / m.hc_half) ** m.hc_hill))


def calcium_excretion_mmol_day(s: Signals, gfr_l_day, m: Parameters):
    """Urinary calcium: the filtered ultrafilterable calcium × FE, from the odds of excretion."""
    odds_ca = (m.odds_ca0 * (1.0 + m.rc_pth_k) / (1.0 + m.rc_pth_k * s.pth_relative)
               * (s.ionized_ca_mmol_l / (m.ica0 * m.casr_factor)) ** m.rc_sr * s.vdr_activity ** (-m.rc_v)
               * m.gfr_ratio ** (-m.rc_nephron))
    return gfr_l_day * s.ultrafilterable_ca_mmol_l * odds_ca / (1.0 + odds_ca)


def phosphate_excretion_mmol_day(state: State, s: Signals, gfr_l_day, m: Parameters):
    """Urinary phosphate: the filtered phosphate × FE, from the odds of excretion."""
    p = s.phosphate_mmol_l
    odds_p = m.odds_p0 * s.pth_relative ** m.rp_pth * state.fgf23 ** m.rp_f * (p / m.p0) ** m.rp_load
    return gfr_l_day * p * odds_p / (1.0 + odds_p)


def dialysis_calcium_mmol_day(s: Signals, m: Parameters):
    """Calcium removed by dialysis, averaged over the week; negative when gained from the dialysate."""
    return m.dialysis * m.dial_ca_l_day * (s.ultrafilterable_ca_mmol_l - m.dialysate_ca)


def dialysis_phosphate_mmol_day(s: Signals, m: Parameters):
    """Phosphate removed by dialysis, averaged over the week."""
    return m.dialysis * m.dial_p_l_day * s.phosphate_mmol_l
