"""Whole-body calcium and phosphate balance in an adult: a reduced physiological model.

Metastatic calcification happens when the blood itself is supersaturated,
so "who calcifies?" is a question about the hormones and organs that set
plasma calcium and phosphate.  This package is a small model of that
control system, built to reproduce the laboratory picture of the diseases
that cause metastatic calcification, and the way treatments change it.

It follows the published models of human calcium homeostasis (Peterson &
Riggs :cite:`peterson2010physiologically`; Raposo, Sobrinho & Ferreira
:cite:`raposo2002minimal`), adds the FGF23 arm and the calcium-sensing
reverse sigmoid of Granjon, Bonny & Edwards (:cite:`granjon2016model`,
:cite:`granjon2017coupling`), and reduces them to nine physiological state
variables.  It is implemented from the equations; no published code is
copied.

Public API
----------
:data:`CONDITIONS`, :data:`TREATMENTS`; :func:`steady_state` returns
:class:`Labs`; :func:`simulate` returns a :class:`Trajectory` (arrays of
the same labs, :meth:`Trajectory.labs_at`, :meth:`Trajectory.mass_balance`);
:func:`severity_lever` says what a severity means for a condition.  Every
constant of the model is importable from here by its name.

The normal adult
----------------
Extracellular fluid (ECF) volume 14 L; total calcium 2.35 mmol/L
(9.4 mg/dL); phosphate 1.2 mmol/L (3.7 mg/dL); PTH 3.85 pmol/L (36 pg/mL);
calcitriol 90 pmol/L (37.5 pg/mL); GFR 100 mL/min; calcium intake
24 mmol/day, 15 % absorbed net and excreted in the urine (3.6 mmol/day)
(:cite:`peterson2010physiologically`); 25-hydroxyvitamin D 30 ng/mL
(:cite:`holick2011evaluation`); phosphorus intake 36 mmol/day (1.1 g), 65 %
absorbed net (:cite:`iom1997dietary`).  Every regulatory law is a
normalised function equal to 1 at this state, so the normal steady state
sits at these values by construction.

One module per process
----------------------
Each module holds the constants, the equations and the docstring of its
process; a process's functions work on floats and numpy arrays alike.

=========================  ==================================================================
module                     what it holds
=========================  ==================================================================
``serum``                  ECF volume, normal calcium and phosphate, ionized and
                           ultrafilterable fractions from :mod:`calcify_lib.chemistry`
``parathyroid``            calcium-sensing reverse sigmoid, PTH, growth of the glands
``vitamin_d``              25-OH-D, calcitriol and renal 1α-hydroxylase, receptor activity
``fgf23``                  FGF23
``gut``                    net absorption of calcium and phosphate
``bone``                   resorption, formation, the mineral they move; bisphosphonate effect
``kidney``                 GFR, calcium and phosphate excretion, dialysis
``conditions``             the normal adult's parameters; :data:`CONDITIONS`, :data:`TREATMENTS`
                           and their levers; :func:`severity_lever`
``parameters``             :class:`~.parameters.Parameters`, the numbers of one scenario
``model``                  the state, the right-hand side, integration, the steady state
``labs``                   :func:`steady_state`, :func:`simulate`, :class:`Labs`,
                           :class:`Trajectory`, :class:`MassBalance`
=========================  ==================================================================

Assumptions and limits
----------------------
* A teaching model.  Every law is a smooth, normalised function chosen to
  give the right direction and a typical size of effect; most gains were
  set by hand so that severity 1 lands on typical published labs, and each
  such constant has ``basis='set'`` (:class:`~calcify_lib.cited.CitedConstant`)
  and a note naming the lab pattern it reproduces.  It is not fitted to
  patients and must not guide treatment.
* PTH at quasi-steady state and no rapidly exchangeable bone pool: calcium
  moves over hours to days, not minutes.  No intracellular phosphate pool.
* Serum pH 7.4, albumin 40 g/L and magnesium 0.85 mmol/L throughout: no
  acidosis in CKD, no hypoalbuminaemia.
* Bone mass does not feed back: the skeleton (about 25,000 mmol of
  calcium) is an unlimited reservoir whose net gain or loss is reported
  (``Trajectory.bone_ca_mmol_day``), not a store that runs out.
* Soft-tissue calcification itself is not a sink for calcium or phosphate.
* Humoral (PTHrP) hypercalcaemia of malignancy is not modelled:
  ``'bone_destruction'`` is local osteolysis, with phosphate normal or
  mildly raised while the kidneys work.
* ``'chronic_kidney_disease'`` is CKD before dialysis unless ``'dialysis'``
  is a treatment; CKD on dialysis has a smaller residual kidney above
  severity 1 (near anuria at severity 2), and that residual kidney applies
  from the first session: its decline over the first years of dialysis is
  not followed in time.
* Hyperplastic glands removed at parathyroidectomy regrow under a
  persisting stimulus (CKD), so there the operation changes only the course,
  not the steady state.
"""

from __future__ import annotations

from .bone import (
    BONE_TURNOVER_CA_MMOL_DAY,
    FORMATION_COUPLING_EXPONENT,
    HYDROXYAPATITE_P_TO_CA_MOLAR_RATIO,
    MINERALISATION_HALF,
    OSTEOBLAST_HALF_LIFE_DAYS,
    OSTEOCLAST_HALF_LIFE_DAYS,
    OSTEOCLAST_PTH_HALF,
    OSTEOCLAST_VDR_EXPONENT,
    OSTEOCLAST_VDR_SHARE,
    SKELETAL_RESISTANCE_EXPONENT,
)
from .conditions import (
    ADENOMA_MASS_AT_SEVERITY_1,
    BINDER_ABSORBED_P_FACTOR,
    BISPHOSPHONATE_ONSET_HALF_LIFE_DAYS,
    BISPHOSPHONATE_RESORPTION_FACTOR,
    CINACALCET_SET_POINT_FACTOR,
    CKD_GFR_AT_SEVERITY_1_ML_MIN,
    CKD_GFR_AT_SEVERITY_2_ML_MIN,
    CKD_RESIDUAL_GFR_ON_DIALYSIS_ML_MIN,
    CONDITIONS,
    ECTOPIC_HYDROXYLASE_AT_SEVERITY_1,
    EXOGENOUS_CALCIFEDIOL_AT_SEVERITY_1_NG_ML,
    GLUCOCORTICOID_CA_ABSORPTION_FACTOR,
    GLUCOCORTICOID_ECTOPIC_FACTOR,
    TREATMENTS,
    TUMOUR_OSTEOLYSIS_AT_SEVERITY_1_MMOL_DAY,
    severity_lever,
)
from .fgf23 import (
    FGF23_CA_EXPONENT,
    FGF23_HALF_LIFE_DAYS,
    FGF23_KIDNEY_EXPONENT,
    FGF23_P_EXPONENT,
    FGF23_VDR_EXPONENT,
    FGF23_VDR_SHARE,
)
from .gut import (
    CA_ACTIVE_ABSORBED_FRACTION,
    CA_INTAKE_MMOL_DAY,
    CA_PASSIVE_ABSORBED_FRACTION,
    NORMAL_CA_NET_ABSORBED_FRACTION,
    NORMAL_P_NET_ABSORBED_FRACTION,
    P_ACTIVE_ABSORBED_FRACTION,
    P_INTAKE_MMOL_DAY,
    P_PASSIVE_ABSORBED_FRACTION,
)
from .kidney import (
    DIALYSATE_CA_MMOL_L,
    DIALYSIS_CA_CLEARANCE_L_DAY,
    DIALYSIS_P_CLEARANCE_L_DAY,
    HYPERCALCAEMIA_GFR_FLOOR,
    HYPERCALCAEMIA_GFR_HALF_ICA_MMOL_L,
    HYPERCALCAEMIA_GFR_HILL,
    NORMAL_GFR_ML_MIN,
    RENAL_CA_CASR_EXPONENT,
    RENAL_CA_NEPHRON_EXPONENT,
    RENAL_CA_PTH_HALF,
    RENAL_CA_VDR_EXPONENT,
    RENAL_P_FGF23_EXPONENT,
    RENAL_P_LOAD_EXPONENT,
    RENAL_P_PTH_EXPONENT,
)
from .labs import Labs, MassBalance, Trajectory, simulate, steady_state
from .parathyroid import (
    ADENOMA_HILL_COEFFICIENT,
    ADENOMA_SET_POINT_RATIO,
    CASR_HILL_COEFFICIENT,
    GLAND_GROWTH_CA_EXPONENT,
    GLAND_GROWTH_P_EXPONENT,
    GLAND_GROWTH_VDR_EXPONENT,
    GLAND_GROWTH_VDR_HALF,
    GLAND_HALF_LIFE_DAYS,
    NORMAL_PTH_PMOL_L,
    PTH_MAX_OVER_BASAL,
    PTH_MIN_OVER_BASAL,
    PTH_PG_ML_PER_PMOL_L,
)
from .serum import ECF_VOLUME_L, NORMAL_PHOSPHATE_MMOL_L, NORMAL_TOTAL_CA_MMOL_L
from .vitamin_d import (
    CALCIFEDIOL_VDR_SHARE,
    CALCITRIOL_FGF23_HALF,
    CALCITRIOL_HALF_LIFE_DAYS,
    CALCITRIOL_KIDNEY_MASS_EXPONENT,
    CALCITRIOL_MOLAR_MASS_G_MOL,
    CALCITRIOL_P_HALF,
    CALCITRIOL_PTH_HALF,
    HYDROXYLASE_SUBSTRATE_HALF_NG_ML,
    NORMAL_CALCIFEDIOL_NG_ML,
    NORMAL_CALCITRIOL_PMOL_L,
    VITAMIN_D_WASHOUT_HALF_LIFE_DAYS,
)

__all__ = [
    "CONDITIONS",
    "TREATMENTS",
    "Labs",
    "Trajectory",
    "MassBalance",
    "steady_state",
    "simulate",
    "severity_lever",
]
