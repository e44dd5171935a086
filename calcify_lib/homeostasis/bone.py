"""Bone: osteoclastic resorption, osteoblastic formation, and the mineral they move.

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

R is 1 without a bisphosphonate and relaxes towards the treatment's factor
(:mod:`~calcify_lib.homeostasis.conditions`) with a half-time of 2 days.

Bone mass does not feed back: the skeleton (about 25,000 mmol of calcium)
is an unlimited reservoir whose net gain or loss is reported
(``Trajectory.bone_ca_mmol_day``), not a store that runs out.  There is no
rapidly exchangeable bone pool: calcium moves over hours to days, not
minutes.

The functions are the laws of the model, called by :mod:`~calcify_lib.homeostasis.model`: they work
on floats and numpy arrays alike, take the :class:`~.parameters.Parameters`
of one scenario, and check nothing (:func:`~calcify_lib.homeostasis.steady_state`
and :func:`~calcify_lib.homeostasis.simulate` check the input).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .parameters import cited, rate_per_day

if TYPE_CHECKING:
    from .model import Signals, State
    from .parameters import Parameters

HYDROXYAPATITE_P_TO_CA_MOLAR_RATIO = cited(
    0.6, "mol P / mol Ca", "mcdowell1977solubility",
    "Stoichiometric molar ratio P/Ca of hydroxyapatite, Ca5(PO4)3OH: 3/5. Phosphate moves with bone calcium "
    "at this ratio; the 0.464 of the Peterson-Riggs code is the mass ratio, not the molar one.",
    basis="derived",
)
OSTEOCLAST_HALF_LIFE_DAYS = cited(7.0, "days", "peterson2010physiologically",
                                  "Time for osteoclastic resorption to follow PTH and vitamin D (osteoclasts "
                                  "live about two weeks); set so that "
                                  "resorption follows them within about a week.", basis="set")
OSTEOBLAST_HALF_LIFE_DAYS = cited(30.0, "days", "peterson2010physiologically",
                                  "Time for bone formation to follow resorption (the formation phase of a "
                                  "remodelling cycle lasts months); set so that "
                                  "formation catches up with resorption within a few months.", basis="set")
BONE_TURNOVER_CA_MMOL_DAY = cited(7.5, "mmol/day", "peterson2010physiologically",
                                  "Normal osteoclastic resorption = formation, about 11 % a year of a "
                                  "25,000 mmol skeleton; set so that "
                                  "about a tenth of the adult skeleton is remodelled each year.", basis="set")
OSTEOCLAST_PTH_HALF = cited(2.0, "1", "peterson2010physiologically",
                            "PTH's stimulation of resorption, r(1+k)/(r+k), at most 3-fold; set so that "
                            "PTH can at most treble resorption, 1 + k = 3.", basis="set")
OSTEOCLAST_VDR_SHARE = cited(0.5, "1", "tebben2016vitamin",
                             "Share of normal resorption driven by vitamin D activity rather than PTH: excess "
                             "vitamin D raises resorption even with PTH suppressed; set so that vitamin D "
                             "intoxication at severity 1 is hypercalcaemic (above 11.5 mg/dL) with PTH below "
                             "its range.", basis="set")
OSTEOCLAST_VDR_EXPONENT = cited(1.5, "1", "tebben2016vitamin",
                                "Gain of vitamin D activity on its share of resorption; set, with the share, "
                                "so that vitamin D intoxication at severity 1 is hypercalcaemic (above 11.5 "
                                "mg/dL) with PTH below its range.", basis="set")
SKELETAL_RESISTANCE_EXPONENT = cited(0.5, "1", "bover2021hyporesponsiveness",
                                     "Skeletal hyporesponsiveness to PTH in CKD: the bone sees PTH x "
                                     "(GFR/GFR0)^k; set so that the few hundred pg/mL of PTH in kidney "
                                     "failure leave calcium low-normal (8.4-9.4 mg/dL).", basis="set")
FORMATION_COUPLING_EXPONENT = cited(0.8, "1", "peterson2010physiologically",
                                    "Formation follows resorption as resorption^b, b < 1, so that high "
                                    "turnover loses bone; set.", basis="set")
MINERALISATION_HALF = cited(0.2, "1", "peterson2010physiologically",
                            "Mineral supply of formation, m(1+k)/(m+k), m the relative Ca x P; set so that "
                            "formation slows only when the mineral supply falls well below normal, and rises "
                            "at most 1.2-fold above it.", basis="set")


def parameters() -> dict[str, float]:
    """The bone fields of :class:`~.parameters.Parameters`."""
    return dict(
        j0=BONE_TURNOVER_CA_MMOL_DAY.value, oc_k=OSTEOCLAST_PTH_HALF.value,
        oc_share=OSTEOCLAST_VDR_SHARE.value, oc_v=OSTEOCLAST_VDR_EXPONENT.value,
        sr=SKELETAL_RESISTANCE_EXPONENT.value, beta=FORMATION_COUPLING_EXPONENT.value,
        min_k=MINERALISATION_HALF.value, p_ca=HYDROXYAPATITE_P_TO_CA_MOLAR_RATIO.value,
        k_oc=rate_per_day(OSTEOCLAST_HALF_LIFE_DAYS), k_ob=rate_per_day(OSTEOBLAST_HALF_LIFE_DAYS),
    )


def osteoclast_target(pth, vdr, m: Parameters):
    """PTH-driven share (saturating, blunted in uraemia) plus vitamin D-driven share."""
    r = pth / m.pth0 * m.gfr_ratio ** m.sr
    return (1.0 - m.oc_share) * r * (1.0 + m.oc_k) / (r + m.oc_k) + m.oc_share * vdr ** m.oc_v


def osteoblast_target(oc, antiresorptive, m: Parameters):
    """Formation follows resorption less than proportionally: (O_c R)^b."""
    return (oc * antiresorptive) ** m.beta



def net_calcium_deposition_mmol_day(state: State, s: Signals, m: Parameters):
    """Formation − resorption: calcium gained by bone (negative when bone is lost).

    Resorption (J0 O_c + T) R: osteoclasts and any tumour osteolysis, under
    the bisphosphonate effect R.  Formation J0 O_b h(m), h(m) = m(1 + k)/(m + k),
    m the Ca × P product relative to normal.
    """
    mineral = (s.total_ca_mmol_l / m.c0) * (s.phosphate_mmol_l / m.p0)
    resorption = (m.j0 * state.osteoclasts + m.tumour_mmol_day) * state.antiresorptive
    formation = m.j0 * state.osteoblasts * mineral * (1.0 + m.min_k) / (mineral + m.min_k)
    return formation - resorption
