"""Solution chemistry of calcium phosphate: speciation, activities and saturation indices.

The first chapter's ionic product Q = [Ca²⁺][PO₄³⁻] treats every calcium and
every phosphate as a free ion.  This module computes what is really there.

Speciation
----------
:func:`~calcify_lib.chemistry.speciate` distributes total calcium, magnesium, sodium and inorganic
phosphate (what the laboratory reports as "phosphate": orthophosphate, not the
several-fold larger total phosphorus that includes phospholipid) among the free
ions and the ion pairs

* phosphoric acid's four forms H₃PO₄, H₂PO₄⁻, HPO₄²⁻, PO₄³⁻ (three dissociations);
* water: H⁺ (set by the pH) and OH⁻;
* CaHPO₄⁰, CaH₂PO₄⁺, CaPO₄⁻, MgHPO₄⁰ and NaHPO₄⁻;
* optionally calcium bound to albumin (globulin binding folded in), with a
  constant that falls as the pH falls: a proton on the site's imidazole
  closes it (:data:`~calcify_lib.chemistry.binding.ALBUMIN_SITE_PKA`);
* optionally citrate (Cit³⁻, HCit²⁻, CaCit⁻, MgCit⁻, NaCit²⁻) and bicarbonate
  (HCO₃⁻, CO₃²⁻, CaHCO₃⁺, CaCO₃⁰), the complexed calcium of plasma
  (:data:`~calcify_lib.chemistry.binding.LIGAND_COMPLEXES`),

so that the mass balances on total calcium, magnesium, sodium, phosphate,
citrate and bicarbonate close to better than 1e-9 relative.  Activities use the Davies equation at
the ionic strength the composition itself produces; when no chloride is
given, chloride balances the charge.  The constants, one consistent set
from the NBS calcium-phosphate programme, are in
:mod:`calcify_lib.thermodynamics`.

How it is solved
----------------
With the pH fixed, every phosphate species is a multiple of [HPO₄²⁻] = h,
and free Ca, Mg and Na follow from their own mass balances in closed form
(a quadratic when albumin is present).  What is left is one equation,
total phosphate as a function of h, which is increasing and, in practice,
concave; Newton's method from a lower bound converges to it monotonically.
An outer loop updates the ionic strength until it stops changing
(relative 1e-13).  The same code runs on Python floats (:func:`~calcify_lib.chemistry.speciate`,
about 0.1 ms) and on numpy arrays (:func:`~calcify_lib.chemistry.speciate_grid`, a 100 × 100 grid
in a few tens of ms).

Saturation
----------
For a phase with ion activity product IAP and solubility product Ksp,

.. math::

    \\mathrm{SI} = \\log_{10}\\frac{\\mathrm{IAP}}{K_{sp}},

positive when the solution is supersaturated.  SI is per formula unit as
written in :data:`calcify_lib.thermodynamics.LOG_KSP` (hydroxyapatite per
Ca₅(PO₄)₃OH); doubling the formula doubles SI.

Assumptions and limits
----------------------
* Concentrations in mmol/L are used as mmol/kg of water (dilute solution).
* Davies activity coefficients: good to a few per cent up to an ionic
  strength of about 0.1-0.2 mol/L, refused above 0.5 mol/L.  Neutral species
  have γ = 1.
* Citrate and bicarbonate are optional inputs (default 0: a protein-free,
  ligand-free solution, as in the PHREEQC validation); :func:`~calcify_lib.chemistry.speciate_serum`
  supplies plasma's.  Bicarbonate is the total of HCO₃⁻, CO₃²⁻ and their
  calcium complexes at the given pH; CO₂ and pCO₂ are not modelled, nor are
  magnesium's carbonate complexes.  No lactate or sulfate complexes, no
  MgPO₄⁻ or MgH₂PO₄⁺; potassium is not a separate input (count it with sodium).
* Albumin binds only calcium (not magnesium), and is left out of the charge
  balance and the ionic strength.  Its pH dependence is one proton-competition
  step fitted to the measured slope of serum over pH 7.2-7.6; outside about
  6.8-7.8 the measured dependence is not log-linear (an inverse S,
  and albumin's neutral-to-basic transition near pH 8), so treat ionized
  calcium there as an extrapolation.
* No phosphate is bound to protein.  In normal serum the model has about
  84 % of inorganic phosphate free (as H₂PO₄⁻/HPO₄²⁻), 5 % in calcium pairs,
  5 % as MgHPO₄⁰ and 6 % as NaHPO₄⁻; the classic ultrafiltration partition
  (Walser, 1961) is about half free, a third complexed and 10-15 % protein
  bound.  No cited binding constant for phosphate on protein was found, so
  free phosphate is probably overstated by up to a factor of about 1.7
  (0.2 log units), and each phase's SI by up to about 0.2 per phosphate in
  its formula.
* Equilibrium only: an SI above zero says a phase may form, not that it
  will.  Kinetics and inhibitors are outside this module.
* Validated against PHREEQC for pH 6.8-7.8 (``tests/test_validation_phreeqc.py``);
  outside pH 6-9 :func:`~calcify_lib.chemistry.speciate` warns.

One module per step
-------------------
=================  ==================================================================
module             what it holds
=================  ==================================================================
``phosphate``      phosphoric acid's four forms and their shares at a pH
``binding``        calcium's partners in plasma: albumin's pH-dependent sites, and
                   the citrate and bicarbonate complexes
``speciation``     the mass balances, their solution, :class:`~calcify_lib.chemistry.Speciation`
                   and the saturation index of each phase
``serum``          a normal adult serum in clinical units, and the albumin
                   correction that laboratories apply to total calcium
=================  ==================================================================

Everything public is importable from :mod:`calcify_lib.chemistry` itself.
"""

from __future__ import annotations

from ..thermodynamics import GAS_CONSTANT_J_MOL_K, PHASES, ExtrapolationWarning, phosphoric_acid_pka
from .binding import (
    ALBUMIN_CA_ASSOCIATION_L_MOL,
    ALBUMIN_CA_SITES_PER_MOLECULE,
    ALBUMIN_MOLAR_MASS_G_MOL,
    ALBUMIN_SITE_PKA,
    LIGAND_COMPLEXES,
    SERUM_IONIZED_CA_PH_SLOPE,
)
from .phosphate import PHOSPHATE_SPECIES, PhosphateFractions, phosphate_fractions
from .serum import (
    COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL,
    NORMAL_SERUM,
    PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL,
    REFERENCE_ALBUMIN_G_DL,
    albumin_corrected_calcium_mg_dl,
    speciate_serum,
)
from .speciation import SPECIES, PhRangeWarning, Speciation, hydroxyapatite_log_ksp, speciate, speciate_grid

# The public API, documented on the package's page; every constant is importable from here too.
__all__ = [
    "GAS_CONSTANT_J_MOL_K",
    "PHASES",
    "PHOSPHATE_SPECIES",
    "SPECIES",
    "ExtrapolationWarning",
    "PhRangeWarning",
    "phosphoric_acid_pka",
    "PhosphateFractions",
    "phosphate_fractions",
    "hydroxyapatite_log_ksp",
    "LIGAND_COMPLEXES",
    "Speciation",
    "speciate",
    "speciate_grid",
    "NORMAL_SERUM",
    "speciate_serum",
    "albumin_corrected_calcium_mg_dl",
]
