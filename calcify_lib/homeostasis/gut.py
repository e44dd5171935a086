"""The gut: net absorption of dietary calcium and phosphate.

The normal adult eats 24 mmol of calcium a day, 15 % absorbed net and
excreted in the urine (3.6 mmol/day, :cite:`peterson2010physiologically`),
and 36 mmol (1.1 g) of phosphorus, 65 % absorbed net (:cite:`iom1997dietary`).

*Gut.*  Net calcium absorption: intake × [a_p + a_a v²/(v² + K²)] (Hill
coefficient 2, :cite:`granjon2016model`), 15 % at normal.  Net phosphate
absorption: intake × [b_p + b_a v/(v + K_p)], 65 % at normal.  K and K_p
are placed so that the normal vitamin D activity (v = 1) gives those
normal fractions.  A phosphate binder and glucocorticoids scale the
absorbed amounts (:mod:`~calcify_lib.homeostasis.conditions`).

The functions are the laws of the model, called by :mod:`~calcify_lib.homeostasis.model`: they work
on floats and numpy arrays alike, take the :class:`~.parameters.Parameters`
of one scenario, and check nothing (:func:`~calcify_lib.homeostasis.steady_state`
and :func:`~calcify_lib.homeostasis.simulate` check the input).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .parameters import cited

if TYPE_CHECKING:
    from .model import Signals
    from .parameters import Parameters

CA_INTAKE_MMOL_DAY = cited(24.0, "mmol/day", "peterson2010physiologically",
                           "Dietary calcium of the Peterson-Riggs adult (24.055 mmol/day, about 960 mg).",
                           basis="convention")
NORMAL_CA_NET_ABSORBED_FRACTION = cited(
    0.15, "1", "peterson2010physiologically",
    "Net intestinal calcium absorption at the normal state: 3.6 of 24 mmol/day in the Peterson-Riggs model, "
    "equal to normal urinary calcium (about 144 mg/day), so that the skeleton is in balance.",
    basis="convention",
)
P_INTAKE_MMOL_DAY = cited(36.0, "mmol/day", "iom1997dietary",
                          "Dietary phosphorus, about 1100 mg/day, within the usual intakes of adults "
                          "(roughly 1000-1500 mg/day).", basis="convention")
NORMAL_P_NET_ABSORBED_FRACTION = cited(
    0.65, "1", "iom1997dietary",
    "Net absorption of dietary phosphorus in adults, 55-70 % at usual intakes; a middle value.",
    basis="convention",
)
CA_PASSIVE_ABSORBED_FRACTION = cited(0.06, "1", "granjon2016model",
                                     "Calcitriol-independent net calcium absorption; set, with the active "
                                     "fraction, so that sarcoidosis at severity 1 is hypercalcaemic (above 11 "
                                     "mg/dL) with PTH suppressed.", basis="set")
CA_ACTIVE_ABSORBED_FRACTION = cited(0.55, "1", "granjon2016model",
                                    "Maximal calcitriol-dependent net calcium absorption (Hill 2); set, with "
                                    "the passive fraction, so that sarcoidosis at severity 1 is "
                                    "hypercalcaemic (above 11 mg/dL) with PTH suppressed.", basis="set")
P_PASSIVE_ABSORBED_FRACTION = cited(0.5, "1", "granjon2017coupling",
                                    "Calcitriol-independent net phosphate absorption; set, with the active "
                                    "fraction, so that phosphate rises above normal in vitamin D intoxication "
                                    "and sarcoidosis.", basis="set")
P_ACTIVE_ABSORBED_FRACTION = cited(0.3, "1", "granjon2017coupling",
                                   "Maximal calcitriol-dependent net phosphate absorption; set, with the "
                                   "passive fraction, so that phosphate rises above normal in vitamin D "
                                   "intoxication and sarcoidosis.", basis="set")


def parameters() -> dict[str, float]:
    """The gut fields of :class:`~.parameters.Parameters`; K² and K_p give the normal fractions at v = 1."""
    f_ca0, f_p0 = NORMAL_CA_NET_ABSORBED_FRACTION.value, NORMAL_P_NET_ABSORBED_FRACTION.value
    ca_a_p, ca_a_a = CA_PASSIVE_ABSORBED_FRACTION.value, CA_ACTIVE_ABSORBED_FRACTION.value
    p_a_p, p_a_a = P_PASSIVE_ABSORBED_FRACTION.value, P_ACTIVE_ABSORBED_FRACTION.value
    return dict(
        ca_intake=CA_INTAKE_MMOL_DAY.value, ca_a_p=ca_a_p, ca_a_a=ca_a_a,
        ca_k2=ca_a_a / (f_ca0 - ca_a_p) - 1.0,
        p_intake=P_INTAKE_MMOL_DAY.value, p_a_p=p_a_p, p_a_a=p_a_a, p_k=p_a_a / (f_p0 - p_a_p) - 1.0,
    )


def calcium_absorption_mmol_day(s: Signals, m: Parameters):
    """Net calcium absorbed: intake × [a_p + a_a v²/(v² + K²)], times any treatment's factor."""
    v2 = s.vdr_activity * s.vdr_activity
    return m.ca_intake * m.ca_absorption_factor * (m.ca_a_p + m.ca_a_a * v2 / (v2 + m.ca_k2))


def phosphate_absorption_mmol_day(s: Signals, m: Parameters):
    """Net phosphate absorbed: intake × [b_p + b_a v/(v + K_p)], times any binder's factor."""
    vdr = s.vdr_activity
    return m.p_intake * m.p_absorption_factor * (m.p_a_p + m.p_a_a * vdr / (vdr + m.p_k))
