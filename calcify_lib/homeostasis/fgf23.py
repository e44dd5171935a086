"""FGF23, the phosphaturic hormone of bone.

*FGF23* relaxes to

.. math::

    F^* = \\left[(1 - w)\\left(\\frac{\\mathrm{Ca^{2+}}}{\\mathrm{Ca^{2+}_0}}\\right)^{a_c}
          \\left(\\frac{p}{p_0}\\right)^{a_p} + w\\,v^{a_v}\\right]
          \\left(\\frac{\\mathrm{GFR_0}}{\\mathrm{GFR}}\\right)^{a_k},

a_c = 5, a_p = 2.5, w = 0.3, a_v = 1, a_k = 0.7.  Two drives add: the minerals (phosphate,
:cite:`granjon2017coupling`, and calcium, which raises FGF23 on its own and with phosphate,
:cite:`quinn2013interactions`) and vitamin D activity.  Because they add rather than multiply,
low calcitriol cannot cancel the phosphate signal: chronic hyperphosphataemia raises FGF23 even
when calcitriol is low, as in hypoparathyroidism (:cite:`gupta2004fgf23`), and local osteolysis,
which suppresses calcitriol, still raises FGF23 and keeps phosphate near normal while the
kidneys work (:cite:`stewart2005hypercalcemia`).  FGF23 rises early and steeply as the kidneys
fail (:cite:`isakova2011fibroblast`).  F is relative to the normal adult (1).  It suppresses
renal 1α-hydroxylase (:mod:`~calcify_lib.homeostasis.vitamin_d`) and makes the kidney excrete
phosphate (:mod:`~calcify_lib.homeostasis.kidney`).

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

FGF23_HALF_LIFE_DAYS = cited(0.5, "days", "granjon2017coupling",
                             "Lumped delay of FGF23 production behind phosphate and calcitriol, not its "
                             "plasma half-life (under an hour); set so that "
                             "FGF23 follows phosphate and calcitriol within about a day.", basis="set")
FGF23_P_EXPONENT = cited(2.5, "1", "gupta2004fgf23",
                         "Gain of phosphate on the mineral drive of FGF23 production, (p/p0)^a: chronic "
                         "hyperphosphataemia raises FGF23 even with calcitriol low (hypoparathyroidism); set "
                         "so that local osteolysis with normal kidneys keeps phosphate at about 5 mg/dL and "
                         "FGF23 is over twice normal at GFR 35 mL/min.", basis="set")
FGF23_CA_EXPONENT = cited(5.0, "1", "quinn2013interactions",
                          "Gain of ionized calcium on the mineral drive of FGF23 production, (Ca2+/Ca2+_0)^a: "
                          "raising serum calcium raised FGF23 in mice without PTH or the full-length "
                          "calcium-sensing receptor, and FGF23 followed the Ca x P product; set so that "
                          "osteolytic hypercalcaemia with normal kidneys keeps phosphate at about 5 mg/dL.",
                          basis="set")
FGF23_VDR_SHARE = cited(0.3, "1", "gupta2004fgf23",
                        "Share of normal FGF23 production driven by vitamin D activity, added to (not "
                        "multiplying) the mineral drive, so that low calcitriol cannot cancel the phosphate "
                        "signal: FGF23 is raised in hypoparathyroidism, where calcitriol is low; set.",
                        basis="set")
FGF23_VDR_EXPONENT = cited(1.0, "1", "granjon2017coupling",
                           "Gain of vitamin D activity on its share of FGF23 production; set, with that share, "
                           "so that FGF23 is several-fold raised in vitamin D intoxication.", basis="set")
FGF23_KIDNEY_EXPONENT = cited(0.7, "1", "isakova2011fibroblast",
                              "Rise of FGF23 as kidney mass is lost, (GFR0/GFR)^a; set so that FGF23 is over "
                              "twice normal at GFR 35 mL/min, several-fold raised in kidney failure, and "
                              "tens of times normal on dialysis, without driving calcitriol to nothing.",
                              basis="set")


def parameters() -> dict[str, float]:
    """The FGF23 fields of :class:`~.parameters.Parameters`."""
    return dict(f_p=FGF23_P_EXPONENT.value, f_c=FGF23_CA_EXPONENT.value, f_w=FGF23_VDR_SHARE.value,
                f_v=FGF23_VDR_EXPONENT.value, f_k=FGF23_KIDNEY_EXPONENT.value,
                k_f=rate_per_day(FGF23_HALF_LIFE_DAYS))


def fgf23_target(ica, p, vdr, m: Parameters):
    """F* = [(1 - w) (Ca2+/Ca2+_0)^a_c (p/p0)^a_p + w v^a_v] (GFR0/GFR)^a_k.

    The mineral drive and the vitamin D drive add, so phosphate raises FGF23
    even when calcitriol is low.
    """
    minerals = (ica / m.ica0) ** m.f_c * (p / m.p0) ** m.f_p
    return ((1.0 - m.f_w) * minerals + m.f_w * vdr ** m.f_v) * m.gfr_ratio ** (-m.f_k)

