"""FGF23, the phosphaturic hormone of bone.

*FGF23* relaxes to F* = (p/p₀)^1.5 · v · GFR₀/GFR: it rises with phosphate
and vitamin D activity (:cite:`granjon2017coupling`) and, in kidney
disease, early and steeply (:cite:`isakova2011fibroblast`).  F is relative
to the normal adult (1).  It suppresses renal 1α-hydroxylase
(:mod:`.vitamin_d`) and makes the kidney excrete phosphate (:mod:`.kidney`).

The functions are the laws of the model, called by :mod:`.model`: they work
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
                             "plasma half-life (under an hour); set.")
FGF23_P_EXPONENT = cited(1.5, "1", "granjon2017coupling", "Gain of phosphate on FGF23 production; set.")
FGF23_VDR_EXPONENT = cited(1.0, "1", "granjon2017coupling",
                           "Gain of vitamin D activity on FGF23 production; set.")
FGF23_KIDNEY_EXPONENT = cited(1.0, "1", "isakova2011fibroblast",
                              "Rise of FGF23 as kidney mass is lost, (GFR0/GFR)^a; set so that FGF23 is "
                              "several-fold raised in kidney failure.")


def parameters() -> dict[str, float]:
    """The FGF23 fields of :class:`~.parameters.Parameters`."""
    return dict(f_p=FGF23_P_EXPONENT.value, f_v=FGF23_VDR_EXPONENT.value, f_k=FGF23_KIDNEY_EXPONENT.value,
                k_f=rate_per_day(FGF23_HALF_LIFE_DAYS))


def fgf23_target(p, vdr, m: Parameters):
    """F* = (p/p0)^a_p v^a_v (GFR0/GFR)^a_k."""
    return (p / m.p0) ** m.f_p * vdr ** m.f_v * m.gfr_ratio ** (-m.f_k)

