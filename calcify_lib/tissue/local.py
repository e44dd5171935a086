"""The tissues together: each compartment's pH, and the saturation of serum there.

:func:`~calcify_lib.tissue.local_chemistry` joins the organ modules: it takes a tissue's pH
from :mod:`~calcify_lib.tissue.blood`, :mod:`~calcify_lib.tissue.lung`,
:mod:`~calcify_lib.tissue.stomach` or :mod:`~calcify_lib.tissue.kidney`,
the serum of :func:`calcify_lib.homeostasis.steady_state` for a condition,
and speciates that serum at that pH.  :func:`~calcify_lib.tissue.saturation_index_ph_slope`
says how fast each phase's saturation index climbs with pH.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import chemistry, homeostasis
from .._validation import Range, accepts
from ..homeostasis.conditions import SEVERITY
from .blood import arterial_blood, mixed_venous_blood
from .kidney import renal_cortex_plasma, renal_papilla_ph
from .lung import WEST_APEX_VQ, WEST_BASE_VQ, lung_unit
from .stomach import (
    BASAL_ACID_OUTPUT_MMOL_H,
    GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN,
    POSTPRANDIAL_BASE_EXCESS_MMOL_L,
    STIMULATED_ACID_OUTPUT_MMOL_H,
    gastric_venous_blood,
)

__all__ = [
    "TISSUES",
    "TISSUE_LABELS",
    "TISSUE_STATUS",
    "ACID_SECRETION_STATES",
    "LocalChemistry",
    "local_chemistry",
    "saturation_index_ph_slope",
]

#: The compartments :func:`~calcify_lib.tissue.local_chemistry` knows.
TISSUES = ("arterial_blood", "mixed_venous_blood", "lung_apex", "lung_base", "gastric_mucosa",
           "renal_cortex", "renal_interstitium")

#: Words for each tissue.
TISSUE_LABELS = {
    "arterial_blood": "arterial blood",
    "mixed_venous_blood": "mixed venous blood",
    "lung_apex": "lung apex",
    "lung_base": "lung base",
    "gastric_mucosa": "gastric mucosa",
    "renal_cortex": "renal cortex",
    "renal_interstitium": "renal papilla",
}

#: How firm each tissue's pH is: ``'measured'`` (a measured value or range),
#: ``'cited'`` (computed from cited inputs, or reproducing a cited figure) or
#: ``'assumed'`` (rests on at least one modelling assumption).
TISSUE_STATUS = {
    "arterial_blood": "measured",
    "mixed_venous_blood": "cited",
    "lung_apex": "cited",
    "lung_base": "cited",
    "gastric_mucosa": "assumed",
    "renal_cortex": "assumed",
    "renal_interstitium": "measured",
}

#: The two states of the stomach: fasting (basal acid output) and after a meal (stimulated output).
ACID_SECRETION_STATES = ("fasting", "after_meal")

# ------------------------------------------------------------------ the tissues together

def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    listed = ", ".join(map(repr, choices))
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {listed}; got {value!r} of type {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


@dataclass(frozen=True)
class LocalChemistry:
    """A tissue's local acid-base state and the saturation of calcium phosphates there.

    Attributes
    ----------
    tissue, condition, severity, treatments, acid_secretion
        What was asked.
    ph : float
        Local pH.
    pco2_mmhg, hco3_mmol_l : float or None
        Local PCO₂ and bicarbonate where the model computes them (``None``
        for the papilla, whose pH is a measured offset).
    status : str
        ``'measured'``, ``'cited'`` or ``'assumed'``
        (:data:`~calcify_lib.tissue.local.TISSUE_STATUS`).
    total_ca_mg_dl, phosphate_mg_dl : float
        Serum calcium and phosphate of the condition
        (:func:`calcify_lib.homeostasis.steady_state`).
    speciation : calcify_lib.chemistry.Speciation
        Serum of that composition speciated at the local pH.
    """

    tissue: str
    condition: str
    severity: float
    treatments: tuple[str, ...]
    acid_secretion: str
    ph: float
    pco2_mmhg: float | None
    hco3_mmol_l: float | None
    status: str
    total_ca_mg_dl: float
    phosphate_mg_dl: float
    speciation: chemistry.Speciation = field(repr=False, compare=False)

    def saturation_index(self, phase: str) -> float:
        """SI = log₁₀(IAP/Ksp) of ``phase`` at the local pH, from :mod:`calcify_lib.chemistry`.

        ``phase`` is one of :data:`calcify_lib.chemistry.PHASES`; an unknown
        one raises ``ValueError`` listing them.
        """
        return float(self.speciation.saturation_index(phase))


def _local_acid_base(tissue: str, acid_secretion: str) -> tuple[float, float | None, float | None]:
    systemic_be = POSTPRANDIAL_BASE_EXCESS_MMOL_L.value if acid_secretion == "after_meal" else 0.0
    if tissue == "arterial_blood":
        blood = arterial_blood(base_excess_mmol_l=systemic_be)
    elif tissue == "mixed_venous_blood":
        blood = mixed_venous_blood(base_excess_mmol_l=systemic_be)
    elif tissue in ("lung_apex", "lung_base"):
        vq = WEST_APEX_VQ.value if tissue == "lung_apex" else WEST_BASE_VQ.value
        blood = lung_unit(vq, base_excess_mmol_l=systemic_be).blood
    elif tissue == "gastric_mucosa":
        output = (STIMULATED_ACID_OUTPUT_MMOL_H if acid_secretion == "after_meal"
                  else BASAL_ACID_OUTPUT_MMOL_H).value
        flow = GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN[acid_secretion].value
        blood = gastric_venous_blood(output, flow, base_excess_mmol_l=systemic_be)
    elif tissue == "renal_cortex":
        return renal_cortex_plasma(base_excess_mmol_l=systemic_be)
    else:
        return renal_papilla_ph(base_excess_mmol_l=systemic_be), None, None
    return blood.ph, blood.pco2_mmhg, blood.hco3_mmol_l


@accepts(severity=SEVERITY)
def local_chemistry(tissue: str, *, condition: str = "normal", severity: float = 1.0,
                    treatments=(), acid_secretion: str = "after_meal") -> LocalChemistry:
    """The local pH of ``tissue`` and the saturation of the calcium phosphates there.

    The serum calcium and phosphate come from
    :func:`calcify_lib.homeostasis.steady_state` of ``condition``; the
    speciation and saturation indices from
    :func:`calcify_lib.chemistry.speciate_serum` at the tissue's pH (albumin
    40 g/L, magnesium and sodium of normal serum).  The tissue's pH comes
    from this module's models (see the module docstring, and
    :data:`~calcify_lib.tissue.local.TISSUE_STATUS` for how firm each is).

    Parameters
    ----------
    tissue : str
        One of :data:`~calcify_lib.tissue.local.TISSUES`.
    condition : str
        One of :data:`calcify_lib.homeostasis.CONDITIONS`.
    severity : float
        0-2 (see :func:`calcify_lib.homeostasis.steady_state`).
    treatments : sequence of str
        Names from :data:`calcify_lib.homeostasis.TREATMENTS`.
    acid_secretion : str
        ``'after_meal'`` (default: the stomach secretes acid, and the
        systemic alkaline tide raises the base excess of all blood by
        1.05 mmol/L) or ``'fasting'`` (basal acid output, no tide).

    Returns
    -------
    LocalChemistry

    Raises
    ------
    ValueError, TypeError
        For an unknown tissue, acid-secretion state, condition or
        treatment (the message lists the valid ones), or a severity outside 0-2.

    Examples
    --------
    >>> apex = local_chemistry("lung_apex")
    >>> arterial = local_chemistry("arterial_blood")
    >>> apex.ph > arterial.ph, apex.saturation_index("hydroxyapatite") > arterial.saturation_index("hydroxyapatite")
    (True, True)
    """
    tissue = _check_choice("tissue", tissue, TISSUES)
    acid_secretion = _check_choice("acid_secretion", acid_secretion, ACID_SECRETION_STATES)
    labs = homeostasis.steady_state(condition, severity, treatments)
    ph, pco2, hco3 = _local_acid_base(tissue, acid_secretion)
    speciation = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph)
    chosen = (treatments,) if isinstance(treatments, str) else tuple(treatments)
    return LocalChemistry(
        tissue=tissue, condition=condition, severity=float(severity), treatments=chosen,
        acid_secretion=acid_secretion, ph=float(ph), pco2_mmhg=None if pco2 is None else float(pco2),
        hco3_mmol_l=None if hco3 is None else float(hco3), status=TISSUE_STATUS[tissue],
        total_ca_mg_dl=float(labs.total_ca_mg_dl), phosphate_mg_dl=float(labs.phosphate_mg_dl),
        speciation=speciation,
    )


@accepts(ph=Range(6.5, 8.0, "(pH units)", kind="number"), severity=SEVERITY)
def saturation_index_ph_slope(phase: str, *, condition: str = "normal", severity: float = 1.0,
                              ph: float = 7.4) -> float:
    """How much the SI of ``phase`` rises per 0.1 pH unit in the serum of ``condition``.

    A central difference of :func:`calcify_lib.chemistry.speciate_serum`
    over ph ± 0.05, at the condition's steady-state calcium and phosphate,
    total calcium and phosphate held fixed.  ``phase`` is one of
    :data:`calcify_lib.chemistry.PHASES`.

    >>> round(saturation_index_ph_slope("hydroxyapatite"), 2) > round(saturation_index_ph_slope("brushite"), 2)
    True
    """
    labs = homeostasis.steady_state(condition, severity)
    up = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph + 0.05)
    down = chemistry.speciate_serum(labs.total_ca_mg_dl, labs.phosphate_mg_dl, ph=ph - 0.05)
    return float(up.saturation_index(phase) - down.saturation_index(phase))
