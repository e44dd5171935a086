"""Local pH of tissues and the saturation of calcium phosphates there.

Metastatic calcification happens when the blood is supersaturated, yet it
does not strike every tissue alike: the pathology texts list the gastric
mucosa, the lungs, the kidneys, the systemic arteries and the pulmonary
veins (:cite:`kumar2021robbins`).  The usual explanation is local pH:
tissues that export acid (parietal cells, the kidney) or lose CO₂ (the
lung) leave an alkaline side behind, and calcium phosphates are less
soluble in alkaline fluid.  This module puts numbers on that argument,
tissue by tissue, and says which numbers are measured and which assumed.

The chemistry of blood
----------------------
Bicarbonate, CO₂ and pH are tied by Henderson–Hasselbalch,

.. math::

    \\mathrm{pH} = \\mathrm{p}K' + \\log_{10}\\frac{[\\mathrm{HCO_3^-}]}{s\\,P_{\\mathrm{CO_2}}},

with pK′ = 6.1 and s = 0.0307 mmol/L/mmHg at 37 °C
(:func:`~calcify_lib.tissue.henderson_hasselbalch_ph`, :cite:`kelman1967digital`).  Blood
buffers: when CO₂ or acid is added, haemoglobin and plasma proteins take up part of the change.
That is the Van Slyke equation in the form of Lang and Zander (:cite:`lang2002accuracy`),

.. math::

    \\mathrm{BE} = (1 - 0.0143\\,\\mathrm{Hb})\\left[([\\mathrm{HCO_3^-}] - [\\mathrm{HCO_3^-}]_{7.4})
        + (9.5 + 1.63\\,\\mathrm{Hb})(\\mathrm{pH} - 7.4)\\right] - 0.2\\,\\mathrm{Hb}\\,(1 - S_{\\mathrm{O_2}}),

solved for pH by :func:`~calcify_lib.tissue.blood_ph` (Hb in g/dL; BE, the base excess, is zero in
normal blood; the last term is the Haldane effect of deoxygenated blood).

The tissues
-----------
:data:`~calcify_lib.tissue.local.TISSUES` names the compartments;
:func:`~calcify_lib.tissue.local_chemistry` gives each one's pH, and the saturation indices of
the five calcium phosphates of :mod:`calcify_lib.chemistry` at that pH, with the serum calcium
and phosphate of :func:`calcify_lib.homeostasis.steady_state`.

``arterial_blood``
    The reference: PCO₂ 40 mmHg on the normal buffer line (pH 7.40).
``mixed_venous_blood``
    The control, not alkaline: PCO₂ 45 mmHg, PO₂ 40 mmHg.
``lung_apex``, ``lung_base``
    End-capillary blood of lung units with West's V̇/Q̇ of 3.3 and 0.63
    (:func:`~calcify_lib.tissue.lung_unit`, a gas-exchange model of CO₂ and O₂).
``gastric_mucosa``
    Venous blood and interstitium of the acid-secreting mucosa: the
    alkaline tide as a mass balance (:func:`~calcify_lib.tissue.gastric_venous_blood`).
``renal_cortex``
    Peritubular capillary plasma of the cortex, where the proximal tubule
    returns filtered bicarbonate (:func:`~calcify_lib.tissue.renal_cortex_plasma`).
``renal_interstitium``
    The papillary interstitium, where nephrocalcinosis and Randall's
    plaque form, taken to have the pH measured in papillary vasa recta
    blood (:cite:`kuramochi1996changes`): more acidic than arterial blood.

What is measured and what is assumed
------------------------------------
Each tissue's :data:`~calcify_lib.tissue.local.TISSUE_STATUS` says how firm its pH is.  The lung
numbers are computed, and reproduce West's figure
(:cite:`west1962regional`, :cite:`west2012respiratory`).  The gastric
number rests on measured acid outputs and an *assumed* mucosal blood flow
(:data:`~calcify_lib.tissue.stomach.GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN`): no measurement of the
interstitial pH of the gastric lamina propria during the alkaline tide was
found.  The renal cortex rests on measured filtration and reabsorption and
an *assumed* local PCO₂.  The papilla rests on a measurement in the rat.

Assumptions and limits
----------------------
* Interstitial fluid is taken to have the pH of the blood that drains it
  and the calcium and phosphate of serum (protein and all): the
  saturation indices are those of serum at the local pH.
* The homeostasis model keeps systemic acid-base balance normal (base
  excess 0) in every condition; the metabolic acidosis of kidney failure,
  which would lower every tissue's pH, is not modelled.
* After a meal, the systemic base excess rises by the alkaline tide
  measured in venous blood
  (:data:`~calcify_lib.tissue.stomach.POSTPRANDIAL_BASE_EXCESS_MMOL_L`), with no respiratory
  compensation.
* Steady state, 37 °C, haemoglobin 15 g/dL, sea-level air.

One module per organ
--------------------
=============  ====================================================================
module         what it holds
=============  ====================================================================
``blood``      Henderson–Hasselbalch, the Van Slyke equation, O₂ and CO₂ contents,
               arterial and mixed venous blood
``lung``       gas exchange of a lung unit at a V̇A/Q̇; West's apex and base
``stomach``    the alkaline tide of the acid-secreting mucosa
``kidney``     the renal cortex and the papilla
``local``      :data:`~calcify_lib.tissue.local.TISSUES` together: :func:`~calcify_lib.tissue.local_chemistry`,
               :func:`~calcify_lib.tissue.saturation_index_ph_slope`
=============  ====================================================================

Everything public is importable from :mod:`calcify_lib.tissue` itself.
"""

from __future__ import annotations

from .blood import (
    ARTERIAL_PO2_MMHG,
    BOHR_EXPONENT,
    BOHR_OFFSET,
    BOHR_SCALE_MMHG,
    BloodGas,
    CO2_SOLUBILITY_LINEAR_MMOL_L_MMHG_PER_C,
    CO2_SOLUBILITY_MMOL_L_MMHG,
    CO2_SOLUBILITY_QUADRATIC_MMOL_L_MMHG_PER_C2,
    DOUGLAS_COEFFICIENTS,
    DOUGLAS_PLASMA_FACTOR,
    HAEMOGLOBIN_G_DL,
    HALDANE_MMOL_L_PER_G_DL,
    HUFNER_ML_O2_PER_G,
    MIXED_VENOUS_PCO2_MMHG,
    MIXED_VENOUS_PO2_MMHG,
    O2_SOLUBILITY_ML_DL_MMHG,
    ODC_CUBIC_TORR3,
    ODC_LINEAR_TORR2,
    PK_PRIME_CO2,
    PK_PRIME_TEMPERATURE_COEFFICIENT_PER_C,
    REFERENCE_PCO2_MMHG,
    REFERENCE_PH,
    VAN_SLYKE_BETA_MMOL_L,
    VAN_SLYKE_BETA_PER_G_DL,
    VAN_SLYKE_Z_PER_G_DL,
    arterial_blood,
    blood_co2_content_ml_dl,
    blood_o2_content_ml_dl,
    blood_ph,
    co2_solubility_mmol_l_mmhg,
    henderson_hasselbalch_hco3_mmol_l,
    henderson_hasselbalch_ph,
    mixed_venous_blood,
    oxygen_saturation,
    pk_prime,
)
from .lung import (
    BAROMETRIC_PRESSURE_MMHG,
    INSPIRED_O2_FRACTION,
    LungUnit,
    VENTILATION_UNITS_FACTOR,
    WATER_VAPOUR_PRESSURE_MMHG,
    WEST_APEX_VQ,
    WEST_BASE_VQ,
    WEST_PUBLISHED,
    lung_ph,
    lung_unit,
)
from .stomach import (
    BASAL_ACID_OUTPUT_MMOL_H,
    GASTRIC_MUCOSAL_BLOOD_FLOW_ML_MIN,
    POSTPRANDIAL_BASE_EXCESS_MMOL_L,
    STIMULATED_ACID_OUTPUT_MMOL_H,
    gastric_venous_blood,
)
from .kidney import (
    FILTRATION_FRACTION,
    PAPILLA_PH_BELOW_ARTERIAL,
    PROXIMAL_BICARBONATE_FRACTION,
    PROXIMAL_WATER_FRACTION,
    RENAL_CORTEX_PCO2_MMHG,
    renal_cortex_plasma,
    renal_papilla_ph,
)
from .local import (
    ACID_SECRETION_STATES,
    LocalChemistry,
    TISSUES,
    TISSUE_LABELS,
    TISSUE_STATUS,
    local_chemistry,
    saturation_index_ph_slope,
)

# The public API, documented on the package's page; every constant is importable from here too.
__all__ = [
    "TISSUES", "TISSUE_LABELS", "TISSUE_STATUS", "ACID_SECRETION_STATES",
    "co2_solubility_mmol_l_mmhg", "pk_prime", "henderson_hasselbalch_ph",
    "henderson_hasselbalch_hco3_mmol_l", "blood_ph", "oxygen_saturation",
    "blood_co2_content_ml_dl", "blood_o2_content_ml_dl",
    "BloodGas", "arterial_blood", "mixed_venous_blood", "LungUnit", "lung_unit", "lung_ph",
    "gastric_venous_blood", "renal_cortex_plasma", "renal_papilla_ph",
    "LocalChemistry", "local_chemistry", "saturation_index_ph_slope",
]
