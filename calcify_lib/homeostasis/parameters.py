"""The parameters of one scenario, as plain floats for the right-hand side.

Every constant of the model is a :class:`~calcify_lib.cited.CitedConstant` kept in the module of
the process it belongs to (:mod:`~calcify_lib.homeostasis.serum`,
:mod:`~calcify_lib.homeostasis.parathyroid`, :mod:`~calcify_lib.homeostasis.vitamin_d`,
:mod:`~calcify_lib.homeostasis.fgf23`, :mod:`~calcify_lib.homeostasis.gut`,
:mod:`~calcify_lib.homeostasis.bone`, :mod:`~calcify_lib.homeostasis.kidney`) or, for the levers
of the diseases and treatments, in :mod:`~calcify_lib.homeostasis.conditions`.  The differential
equations do not read those constants one by one:
:func:`calcify_lib.homeostasis.conditions.build_parameters` gathers them, with the anchors of
the normal adult and the levers of one condition and its treatments, into one frozen
:class:`Parameters`, whose fields are grouped here by process in the order of the equations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..cited import CitedConstant

__all__ = ["Parameters", "cited", "rate_per_day"]


def cited(value: float, unit: str, citation: str, note: str, *, basis: str,
          uncertainty: float | None = None) -> CitedConstant:
    """A :class:`~calcify_lib.cited.CitedConstant` of physiology: no temperature dependence.

    ``basis`` says how the value was obtained (:data:`calcify_lib.cited.BASES`); a ``'set'``
    constant's note names the published lab pattern it was set to reproduce.
    """
    return CitedConstant(value=value, unit=unit, temperature_c=None, citation=citation, note=note,
                         basis=basis, uncertainty=uncertainty)


def rate_per_day(half_life: CitedConstant) -> float:
    """First-order rate constant ln 2 / t½, per day, of a half-life in days."""
    return math.log(2.0) / half_life.value


@dataclass(frozen=True, slots=True)
class Parameters:
    """Every number the right-hand side needs, as plain floats, for one scenario.

    Built by :func:`calcify_lib.homeostasis.conditions.build_parameters`;
    the comment above each group names the module whose constants it holds.
    """

    # normal state and chemical anchors (serum, parathyroid, vitamin_d)
    volume_l: float
    c0: float
    p0: float
    d0: float
    pth0: float
    s0: float
    ica0: float
    # levers of the condition (conditions)
    gfr_ratio: float
    adenoma_mass: float
    ectopic: float
    exogenous_ng_ml: float
    tumour_mmol_day: float
    # levers of the treatments (conditions)
    p_absorption_factor: float
    ca_absorption_factor: float
    dialysis: float
    casr_factor: float
    ectopic_factor: float
    resorption_factor: float
    # parathyroid glands (parathyroid)
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
    # vitamin D and calcitriol (vitamin_d)
    w: float
    sub_k: float
    d_pth_k: float
    d_p_k: float
    d_f_k: float
    d_mass: float
    # FGF23 (fgf23)
    f_p: float
    f_c: float
    f_w: float
    f_v: float
    f_k: float
    # gut (gut)
    ca_intake: float
    ca_a_p: float
    ca_a_a: float
    ca_k2: float
    p_intake: float
    p_a_p: float
    p_a_a: float
    p_k: float
    # bone (bone)
    j0: float
    oc_k: float
    oc_share: float
    oc_v: float
    sr: float
    beta: float
    min_k: float
    p_ca: float
    # kidney (kidney)
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
    # dialysis (conditions)
    dial_p_l_day: float
    dial_ca_l_day: float
    dialysate_ca: float
    # rate constants, per day (one half-life in each process module)
    k_d: float
    k_f: float
    k_oc: float
    k_ob: float
    k_g: float
    k_x: float
    k_bis: float
