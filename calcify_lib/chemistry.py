"""Solution chemistry of calcium phosphate: speciation, activities and saturation indices.

The first chapter's ionic product Q = [Ca²⁺][PO₄³⁻] treats every calcium and
every phosphate as a free ion.  This module computes what is really there.

Speciation
----------
:func:`speciate` distributes total calcium, magnesium, sodium and inorganic
phosphate (what the laboratory reports as "phosphate": orthophosphate, not the
several-fold larger total phosphorus that includes phospholipid) among the free
ions and the ion pairs

* phosphoric acid's four forms H₃PO₄, H₂PO₄⁻, HPO₄²⁻, PO₄³⁻ (three dissociations);
* water: H⁺ (set by the pH) and OH⁻;
* CaHPO₄⁰, CaH₂PO₄⁺, CaPO₄⁻, MgHPO₄⁰ and NaHPO₄⁻;
* optionally calcium bound to albumin (globulin binding folded in), with a
  constant that falls as the pH falls: a proton on the site's imidazole
  closes it (:data:`ALBUMIN_SITE_PKA`);
* optionally citrate (Cit³⁻, HCit²⁻, CaCit⁻, MgCit⁻, NaCit²⁻) and bicarbonate
  (HCO₃⁻, CO₃²⁻, CaHCO₃⁺, CaCO₃⁰), the complexed calcium of plasma
  (:data:`LIGAND_COMPLEXES`),

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
(relative 1e-13).  The same code runs on Python floats (:func:`speciate`,
about 0.1 ms) and on numpy arrays (:func:`speciate_grid`, a 100 × 100 grid
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
  ligand-free solution, as in the PHREEQC validation); :func:`speciate_serum`
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
  outside pH 6-9 :func:`speciate` warns.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field, replace

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant
from .thermodynamics import (
    DAVIES_LINEAR_COEFFICIENT,
    DAVIES_MAX_IONIC_STRENGTH_MOL_L,
    GAS_CONSTANT_J_MOL_K,
    LOG_KSP,
    PHASES,
    ExtrapolationWarning,
    davies_a,
    ion_pair_log_k,
    log_ksp,
    phosphoric_acid_pka,
    water_log_kw,
)
from .thermodynamics import _KCAL, _KELVIN, IonPair, _vant_hoff

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
    "ALBUMIN_MOLAR_MASS_G_MOL",
    "ALBUMIN_CA_SITES_PER_MOLECULE",
    "ALBUMIN_CA_ASSOCIATION_L_MOL",
    "Speciation",
    "speciate",
    "speciate_grid",
    "NORMAL_SERUM",
    "speciate_serum",
    "PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL",
    "COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL",
    "albumin_corrected_calcium_mg_dl",
]


class PhRangeWarning(UserWarning):
    """The pH lies outside the range in which the speciation was validated."""


#: The four forms of phosphate, from most to least protonated.
PHOSPHATE_SPECIES = ("H3PO4", "H2PO4-", "HPO4-2", "PO4-3")

#: Every species :func:`speciate` reports, with its charge.
SPECIES: dict[str, int] = {
    "Ca+2": 2, "Mg+2": 2, "Na+": 1, "Cl-": -1, "H+": 1, "OH-": -1,
    "H3PO4": 0, "H2PO4-": -1, "HPO4-2": -2, "PO4-3": -3,
    "CaHPO4": 0, "CaH2PO4+": 1, "CaPO4-": -1, "MgHPO4": 0, "NaHPO4-": -1,
    "Ca-albumin": 0,
    "Cit-3": -3, "HCit-2": -2, "CaCit-": -1, "MgCit-": -1, "NaCit-2": -2,
    "HCO3-": -1, "CO3-2": -2, "CaHCO3+": 1, "CaCO3": 0,
}

_TEMPERATURE_RANGE_C = (0.0, 100.0)
_PH_RANGE = (0.0, 14.0)
_PH_VALIDATED = (6.0, 9.0)
_CONCENTRATION_RANGE_MMOL_L = (0.0, 100.0)
_ALBUMIN_RANGE_G_L = (0.0, 100.0)
# Sodium and chloride are the background salt (140 and ~100 mmol/L in plasma); the
# ionic-strength limit of the Davies equation bounds them in practice.
_SALT_RANGE_MMOL_L = (0.0, 500.0)

_TEMPERATURE_C = Range(*_TEMPERATURE_RANGE_C, "°C", kind="number")
_PH = Range(*_PH_RANGE, "(pH units)")
_CONCENTRATION_MMOL_L = Range(*_CONCENTRATION_RANGE_MMOL_L, "mmol/L")
_SALT_MMOL_L = Range(_CONCENTRATION_RANGE_MMOL_L[0], _SALT_RANGE_MMOL_L[1], "mmol/L")
_ALBUMIN_G_L = Range(*_ALBUMIN_RANGE_G_L, "g/L")
# Citrate: about 0.1 mmol/L in plasma; citrate-anticoagulated blood carries 10-20 mmol/L.
_CITRATE_MMOL_L = Range(0.0, 30.0, "mmol/L")
# What speciate_grid accepts: every argument but the temperature may be an array.
_SPECIATION_GRID = {
    "ca_mmol_l": _CONCENTRATION_MMOL_L, "phosphate_mmol_l": _CONCENTRATION_MMOL_L, "ph": _PH,
    "temperature_c": _TEMPERATURE_C, "na_mmol_l": _SALT_MMOL_L, "mg_mmol_l": _CONCENTRATION_MMOL_L,
    "cl_mmol_l": replace(_SALT_MMOL_L, optional=True), "albumin_g_l": _ALBUMIN_G_L,
    "citrate_mmol_l": _CITRATE_MMOL_L, "bicarbonate_mmol_l": _CONCENTRATION_MMOL_L,
}
# What speciate accepts: the same, one number each.
_SPECIATION = {name: replace(declared, kind="number") for name, declared in _SPECIATION_GRID.items()}


@accepts(temperature_c=_TEMPERATURE_C)
def hydroxyapatite_log_ksp(temperature_c: float = 37.0) -> float:
    """log10 Ksp of hydroxyapatite, per Ca₅(PO₄)₃OH (:cite:`mcdowell1977solubility`).

    .. math::

        K_{sp} = \\{\\mathrm{Ca^{2+}}\\}^5\\{\\mathrm{PO_4^{3-}}\\}^3\\{\\mathrm{OH^-}\\},
        \\qquad \\log_{10} K_{sp} = \\frac{-8219.41}{T} - 1.6657 - 0.098215\\,T

    with activities in mol/L and T in kelvin.  Measured from 5 to 37 °C;
    accepted 0-100 °C with an :class:`ExtrapolationWarning` outside 5-45 °C.
    Hydroxyapatite, like β-tricalcium phosphate, is *less* soluble when warm.

    Examples
    --------
    >>> round(hydroxyapatite_log_ksp(37.0), 2)
    -58.63
    """
    return log_ksp("hydroxyapatite", temperature_c)


@dataclass(frozen=True)
class PhosphateFractions:
    """Fractions of total phosphate in each protonation state (they sum to 1).

    Each attribute is a float, or an array shaped like the ``ph`` given.
    """

    ph: float | np.ndarray
    temperature_c: float
    h3po4: float | np.ndarray
    h2po4: float | np.ndarray
    hpo4: float | np.ndarray
    po4: float | np.ndarray

    def as_dict(self) -> dict[str, float | np.ndarray]:
        """The fractions keyed by species formula (:data:`PHOSPHATE_SPECIES`)."""
        return dict(zip(PHOSPHATE_SPECIES, (self.h3po4, self.h2po4, self.hpo4, self.po4)))


@accepts(ph=_PH, temperature_c=_TEMPERATURE_C)
def phosphate_fractions(ph: float | np.ndarray, temperature_c: float = 37.0) -> PhosphateFractions:
    """Share of total phosphate present as H₃PO₄, H₂PO₄⁻, HPO₄²⁻ and PO₄³⁻.

    With :math:`h = 10^{-\\mathrm{pH}}` and the cumulative products
    :math:`\\beta_0 = h^3,\\ \\beta_1 = K_1h^2,\\ \\beta_2 = K_1K_2h,\\ \\beta_3 = K_1K_2K_3`,
    the fraction of species :math:`i` is :math:`\\beta_i / \\sum_j \\beta_j`.

    Parameters
    ----------
    ph : float or array
        0-14.
    temperature_c : float
        0-100 °C; sets the pKa values (:func:`phosphoric_acid_pka`).

    Returns
    -------
    PhosphateFractions

    Notes
    -----
    Ideal solution, no ion pairs: see the module docstring for what that
    changes in serum.

    Examples
    --------
    >>> f = phosphate_fractions(7.4)
    >>> round(f.hpo4, 3), f"{f.po4:.2e}"
    (0.623, '8.89e-06')
    """
    ph_value = ph
    pka1, pka2, pka3 = phosphoric_acid_pka(temperature_c)
    # Work in log space relative to the most abundant term to avoid overflow.
    log_terms = np.stack(
        np.broadcast_arrays(
            -3.0 * np.asarray(ph_value),
            -pka1 - 2.0 * np.asarray(ph_value),
            -pka1 - pka2 - np.asarray(ph_value),
            -pka1 - pka2 - pka3 + 0.0 * np.asarray(ph_value),
        )
    )
    log_terms = log_terms - log_terms.max(axis=0)
    terms = 10.0**log_terms
    fractions = terms / terms.sum(axis=0)
    values = [float(f) if np.ndim(ph_value) == 0 else f for f in fractions]
    return PhosphateFractions(
        ph=ph_value,
        temperature_c=float(temperature_c),
        h3po4=values[0],
        h2po4=values[1],
        hpo4=values[2],
        po4=values[3],
    )


# ------------------------------------------------------------------ albumin

ALBUMIN_MOLAR_MASS_G_MOL = CitedConstant(
    66_438.0, "g/mol", None, "peters1996albumin",
    "Molar mass of human serum albumin from its amino-acid sequence (585 residues).",
    basis="derived",
)
ALBUMIN_CA_SITES_PER_MOLECULE = CitedConstant(
    12.0, "1 (sites per albumin molecule)", 37.0, "pedersen1971binding",
    "12 ± 1 identical, independent calcium sites per albumin at pH 7.4, ionic strength 0.15-0.16.",
    basis="measured", uncertainty=1.0,
)
ALBUMIN_CA_ASSOCIATION_L_MOL = CitedConstant(
    295.6, "L/mol (per site with its imidazole deprotonated; free Ca in mol/L)", 37.0,
    "moore1970ionized",
    "Intrinsic per-site constant of the deprotonated site, set so that normal serum (NORMAL_SERUM: "
    "total Ca 2.35, phosphate 1.2, Mg 0.85, citrate 0.116, bicarbonate 24 mmol/L, albumin 40 g/L, "
    "pH 7.4) has Moore's mean ionized calcium, 1.14 mmol/L. At pH 7.4 the effective constant "
    "K/(1 + 10^(pKa - pH)) is 132 L/mol; Pedersen's purified albumin gives 90-100 L/mol, and the "
    "larger effective value carries globulin binding (about a fifth of protein-bound calcium, "
    "moore1970ionized), which this model lumps with albumin. Taken as temperature independent "
    "(ΔH° = 0, pedersen1972temperature).",
    basis="set",
)
ALBUMIN_SITE_PKA = CitedConstant(
    7.495, "(pH units)", 37.0, "thode1982evaluation",
    "pKa of the proton that closes albumin's calcium site (an imidazole, pedersen1972temperature), "
    "set so that at constant total calcium d log10[Ca2+]/dpH = -0.221 over pH 7.2-7.6 in normal "
    "serum, the mean slope measured in serum and venous blood equilibrated at two pCO2 values "
    "(n = 124; ± 0.040, 2 SD).",
    basis="set",
)

#: The measured slope d log10[Ca²⁺]/dpH of serum at constant total calcium that
#: :data:`ALBUMIN_SITE_PKA` is set to reproduce (the basis of laboratories' pH correction
#: of ionized calcium).
SERUM_IONIZED_CA_PH_SLOPE = CitedConstant(
    -0.221, "1 (log10 units per pH unit)", 37.0, "thode1982evaluation",
    "Mean slope d log10 c(Ca2+)/dpH at constant total calcium, measured in serum (n = 104) and "
    "venous blood (n = 20) equilibrated at two pCO2 values; ± 0.040 is 2 SD.",
    basis="measured", uncertainty=0.040,
)


def _albumin_sites_mol_l(albumin_g_l):
    return albumin_g_l / ALBUMIN_MOLAR_MASS_G_MOL.value * ALBUMIN_CA_SITES_PER_MOLECULE.value

# ------------------------------------------------------- citrate and bicarbonate

#: Complexes of calcium with the small anions of plasma, and the reactions that compete
#: with them for those anions, keyed by the species formed.  Each is an
#: :class:`~calcify_lib.thermodynamics.IonPair` (log10 K at zero ionic strength, in L/mol,
#: and ΔH° for van't Hoff).  Citrate: NIST SRD 46 as carried by PHREEQC's minteq.v4.dat;
#: bicarbonate and carbonate: phreeqc.dat.
LIGAND_COMPLEXES: dict[str, IonPair] = {
    "CaCit-": IonPair(
        "Ca+2", "Cit-3",
        CitedConstant(4.87, "1 (log10 of L/mol)", 25.0, "martell2004nist46",
                      "Ca+2 + Cit-3 = CaCit-, log10 K = 4.87 at 25 °C and zero ionic strength "
                      "(minteq.v4.dat, source NIST46.2).", basis="measured"),
        CitedConstant(-8.368, "kJ/mol", 25.0, "martell2004nist46",
                      "ΔH° of Ca+2 + Cit-3 = CaCit- (minteq.v4.dat, source NIST46.2).", basis="measured"),
    ),
    "MgCit-": IonPair(
        "Mg+2", "Cit-3",
        CitedConstant(4.89, "1 (log10 of L/mol)", 25.0, "martell2004nist46",
                      "Mg+2 + Cit-3 = MgCit-, log10 K = 4.89 at 25 °C: magnesium competes with "
                      "calcium for citrate almost equally (minteq.v4.dat, NIST46.2).", basis="measured"),
        CitedConstant(8.368, "kJ/mol", 25.0, "martell2004nist46",
                      "ΔH° of Mg+2 + Cit-3 = MgCit- (minteq.v4.dat, source NIST46.2).", basis="measured"),
    ),
    "NaCit-2": IonPair(
        "Na+", "Cit-3",
        CitedConstant(1.03, "1 (log10 of L/mol)", 25.0, "martell2004nist46",
                      "Na+ + Cit-3 = NaCit-2, log10 K = 1.03 at 25 °C (minteq.v4.dat, source "
                      "SCD 2.62); weak, but sodium is 140 mmol/L.", basis="measured"),
        CitedConstant(-2.8033, "kJ/mol", 25.0, "martell2004nist46",
                      "ΔH° of Na+ + Cit-3 = NaCit-2 (minteq.v4.dat, source SCD 2.62).", basis="measured"),
    ),
    "HCit-2": IonPair(
        "H+", "Cit-3",
        CitedConstant(6.396, "1 (log10 of L/mol)", 25.0, "martell2004nist46",
                      "H+ + Cit-3 = HCit-2, pKa3 of citric acid 6.396 at 25 °C (minteq.v4.dat, "
                      "NIST46.2); the doubly protonated forms are negligible above pH 6.", basis="measured"),
        CitedConstant(3.3472, "kJ/mol", 25.0, "martell2004nist46",
                      "ΔH° of H+ + Cit-3 = HCit-2 (minteq.v4.dat, source NIST46.2).", basis="measured"),
    ),
    "CaHCO3+": IonPair(
        "Ca+2", "HCO3-",
        CitedConstant(11.435 - 10.329, "1 (log10 of L/mol)", 25.0, "parkhurst2013phreeqc",
                      "Ca+2 + HCO3- = CaHCO3+, log10 K = 1.106 at 25 °C: phreeqc.dat's "
                      "Ca+2 + CO3-2 + H+ = CaHCO3+ (11.435) less CO3-2 + H+ = HCO3- (10.329).",
                      basis="derived"),
        CitedConstant((-0.871 + 3.561) * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "ΔH° = -0.871 - (-3.561) = +2.69 kcal/mol, from the same two reactions of "
                      "phreeqc.dat (its analytic expression gives log10 K = 1.17 at 37 °C; "
                      "van't Hoff gives 1.18).", basis="derived"),
    ),
    "CaCO3": IonPair(
        "Ca+2", "CO3-2",
        CitedConstant(3.224, "1 (log10 of L/mol)", 25.0, "parkhurst2013phreeqc",
                      "Ca+2 + CO3-2 = CaCO3(0), log10 K = 3.224 at 25 °C (phreeqc.dat).", basis="measured"),
        CitedConstant(3.545 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "ΔH° = +3.545 kcal/mol (phreeqc.dat).", basis="measured"),
    ),
    "HCO3-": IonPair(
        "H+", "CO3-2",
        CitedConstant(10.329, "1 (log10 of L/mol)", 25.0, "parkhurst2013phreeqc",
                      "CO3-2 + H+ = HCO3-, pKa2 of carbonic acid 10.329 at 25 °C (phreeqc.dat).",
                      basis="measured"),
        CitedConstant(-3.561 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "ΔH° = -3.561 kcal/mol (phreeqc.dat).", basis="measured"),
    ),
}

# _Constants field name of each complex (k_<name>).
_COMPLEX_FIELDS = {"cacit": "CaCit-", "mgcit": "MgCit-", "nacit": "NaCit-2", "hcit": "HCit-2",
                   "cahco3": "CaHCO3+", "caco3": "CaCO3", "hco3": "HCO3-"}


def _complex_log_k(field_name: str, temperature_c: float) -> float:
    data = LIGAND_COMPLEXES[_COMPLEX_FIELDS[field_name]]
    return _vant_hoff(data.log_k.value, data.log_k.temperature_c + _KELVIN,
                      data.enthalpy_kj_mol.value, temperature_c + _KELVIN)


# ------------------------------------------------------------------ speciation

@dataclass(frozen=True)
class Speciation:
    """The equilibrium composition of a solution, from :func:`speciate`.

    Every concentration is in mmol/L.  From :func:`speciate` the fields are
    floats; from :func:`speciate_grid` they are numpy arrays of the
    broadcast shape of the inputs.  "Phosphate" is inorganic phosphate
    (orthophosphate), what the laboratory reports; none of it is bound to
    protein in this model, although about 10-15 % is in serum (see
    :func:`speciate_serum`).

    Attributes
    ----------
    ca_mmol_l, phosphate_mmol_l, mg_mmol_l, na_mmol_l : float or array
        The totals given.
    ph, temperature_c, albumin_g_l : float or array
        The conditions given.
    citrate_mmol_l, bicarbonate_mmol_l : float or array
        The total citrate and bicarbonate given (0 unless given).
    cl_mmol_l : float or array
        Chloride: as given, or as needed to balance the charge.
    free_ca_mmol_l : float or array
        Free (ionized) calcium, Ca²⁺.
    species_mmol_l : dict
        Every species of :data:`SPECIES`, keyed by formula.
    ionic_strength_mol_l : float or array
        I = ½ Σ cᵢ zᵢ², from the composition.
    activity_coefficients : dict
        Davies γ keyed by charge (-3 to 3; γ depends on \\|z\\| only).
    """

    ca_mmol_l: float | np.ndarray
    phosphate_mmol_l: float | np.ndarray
    ph: float | np.ndarray
    temperature_c: float
    na_mmol_l: float | np.ndarray
    mg_mmol_l: float | np.ndarray
    albumin_g_l: float | np.ndarray
    citrate_mmol_l: float | np.ndarray
    bicarbonate_mmol_l: float | np.ndarray
    cl_mmol_l: float | np.ndarray
    free_ca_mmol_l: float | np.ndarray
    species_mmol_l: dict[str, float | np.ndarray]
    ionic_strength_mol_l: float | np.ndarray
    activity_coefficients: dict[int, float | np.ndarray]
    _log_ksp: dict[str, float] = field(repr=False, compare=False)

    @property
    def ionized_fraction(self) -> float | np.ndarray:
        """Free Ca²⁺ as a fraction of total calcium (0 when there is no calcium)."""
        return _safe_ratio(self.free_ca_mmol_l, self.ca_mmol_l)

    def activity_mol_l(self, species: str) -> float | np.ndarray:
        """Activity of ``species`` (mol/L scale): γ(z) × concentration."""
        if species not in SPECIES:
            raise ValueError(f"species must be one of {', '.join(map(repr, SPECIES))}; got {species!r}")
        if species == "H+":
            return 10.0 ** -self.ph
        return self.activity_coefficients[SPECIES[species]] * self.species_mmol_l[species] * 1e-3

    def log_iap(self, phase: str) -> float | np.ndarray:
        """log10 of the ion activity product of ``phase`` (see :data:`~calcify_lib.thermodynamics.PHASES`).

        Returns -inf when an ion of the phase is absent (zero calcium or phosphate).
        """
        product = _phase(phase)
        total = 0.0
        with np.errstate(divide="ignore"):
            for ion, exponent in product.ions.items():
                activity = self.activity_mol_l(ion)
                total = total + exponent * (np.log10(activity) if isinstance(activity, np.ndarray)
                                            else (math.log10(activity) if activity > 0 else -math.inf))
        return total

    def saturation_index(self, phase: str) -> float | np.ndarray:
        """SI = log10(IAP/Ksp) of ``phase`` at this solution's temperature.

        Parameters
        ----------
        phase : str
            ``'hydroxyapatite'`` (per Ca₅(PO₄)₃OH), ``'brushite'``,
            ``'octacalcium_phosphate'`` (per Ca₄H(PO₄)₃·2.5H₂O),
            ``'beta_tricalcium_phosphate'`` or ``'amorphous_calcium_phosphate'``.

        Returns
        -------
        float or array
            Positive: supersaturated; zero: saturated; negative: undersaturated.
            -inf when calcium or phosphate is absent.

        Raises
        ------
        ValueError
            For an unknown phase; the message lists the valid ones.
        """
        _phase(phase)
        return self.log_iap(phase) - self._log_ksp[phase]

    def mass_balance_residuals(self) -> dict[str, float | np.ndarray]:
        """Relative error of each mass balance (Ca, Mg, Na, P, citrate, bicarbonate): (recomputed - given) / given.

        Totals below 1e-200 mmol/L (far below one ion per cubic kilometre) are compared
        absolutely: converting them to mol/L underflows, and a relative error means nothing there.
        """
        s = self.species_mmol_l
        sums = {
            "Ca": (s["Ca+2"] + s["CaHPO4"] + s["CaH2PO4+"] + s["CaPO4-"] + s["Ca-albumin"]
                   + s["CaCit-"] + s["CaHCO3+"] + s["CaCO3"], self.ca_mmol_l),
            "Mg": (s["Mg+2"] + s["MgHPO4"] + s["MgCit-"], self.mg_mmol_l),
            "Na": (s["Na+"] + s["NaHPO4-"] + s["NaCit-2"], self.na_mmol_l),
            "citrate": (s["Cit-3"] + s["HCit-2"] + s["CaCit-"] + s["MgCit-"] + s["NaCit-2"],
                        self.citrate_mmol_l),
            "bicarbonate": (s["HCO3-"] + s["CO3-2"] + s["CaHCO3+"] + s["CaCO3"], self.bicarbonate_mmol_l),
            "P": (sum(s[k] for k in PHOSPHATE_SPECIES) + s["CaHPO4"] + s["CaH2PO4+"] + s["CaPO4-"]
                  + s["MgHPO4"] + s["NaHPO4-"], self.phosphate_mmol_l),
        }
        return {k: _safe_ratio(found - given, np.maximum(given, _TINY_MMOL_L) if isinstance(given, np.ndarray)
                               else max(given, _TINY_MMOL_L)) for k, (found, given) in sums.items()}


_TINY_MMOL_L = 1e-200


def _safe_ratio(numerator, denominator):
    if isinstance(denominator, np.ndarray) or isinstance(numerator, np.ndarray):
        numerator, denominator = np.broadcast_arrays(np.asarray(numerator, float), np.asarray(denominator, float))
        out = np.zeros(numerator.shape)
        np.divide(numerator, denominator, out=out, where=denominator > 0)
        return out
    return numerator / denominator if denominator > 0 else 0.0


def _phase(phase: str):
    if not isinstance(phase, str) or phase not in LOG_KSP:
        raise ValueError(f"phase must be one of {', '.join(map(repr, PHASES))}; got {phase!r}")
    return LOG_KSP[phase]


@dataclass(frozen=True)
class _Constants:
    """Equilibrium constants at one temperature (K in mol/L units, zero ionic strength)."""

    k1: float
    k2: float
    k3: float
    kw: float
    k_cahpo4: float
    k_cah2po4: float
    k_capo4: float
    k_mghpo4: float
    k_nahpo4: float
    davies_a: float
    k_albumin: float
    albumin_pka: float
    k_cacit: float
    k_mgcit: float
    k_nacit: float
    k_hcit: float
    k_hco3: float
    k_cahco3: float
    k_caco3: float


def _constants(temperature_c: float) -> _Constants:
    pka1, pka2, pka3 = phosphoric_acid_pka(temperature_c)
    return _Constants(
        k1=10.0 ** -pka1, k2=10.0 ** -pka2, k3=10.0 ** -pka3,
        kw=10.0 ** water_log_kw(temperature_c),
        k_cahpo4=10.0 ** ion_pair_log_k("CaHPO4", temperature_c),
        k_cah2po4=10.0 ** ion_pair_log_k("CaH2PO4+", temperature_c),
        k_capo4=10.0 ** ion_pair_log_k("CaPO4-", temperature_c),
        k_mghpo4=10.0 ** ion_pair_log_k("MgHPO4", temperature_c),
        k_nahpo4=10.0 ** ion_pair_log_k("NaHPO4-", temperature_c),
        davies_a=davies_a(temperature_c),
        k_albumin=ALBUMIN_CA_ASSOCIATION_L_MOL.value,
        albumin_pka=ALBUMIN_SITE_PKA.value,
        **{f"k_{name}": 10.0 ** _complex_log_k(name, temperature_c) for name in _COMPLEX_FIELDS},
    )


def _all(condition) -> bool:
    return bool(np.all(condition)) if isinstance(condition, np.ndarray) else bool(condition)


def _solve(ca, p, mg, na, cl, ph, sites, k: _Constants, citrate=0.0, bicarbonate=0.0):
    """Equilibrium speciation; every concentration in mol/L, floats or broadcastable arrays.

    Returns (species dict in mol/L, chloride in mol/L, ionic strength, γ1, γ2, γ3).
    """
    ah = 10.0 ** -ph
    # Albumin's sites bind calcium only when their imidazole is deprotonated (see ALBUMIN_SITE_PKA).
    ka = k.k_albumin / (1.0 + 10.0 ** (k.albumin_pka - ph))
    ska = sites * ka
    # A first ionic strength from the totals; the loop below refines it.
    ionic = 0.5 * (4.0 * ca + 4.0 * mg + 2.0 * na + 4.0 * p + 10.0 * citrate + 2.0 * bicarbonate) + 1e-12
    # Free citrate and free bicarbonate start at their totals (upper bounds) and are refined with
    # the ionic strength: both ligands are updated from the free metals of the previous pass.
    cit_free = citrate * 1.0
    hco3_free = bicarbonate * 1.0
    for _ in range(200):
        root = ionic ** 0.5
        g1 = 10.0 ** (-k.davies_a * (root / (1.0 + root) - DAVIES_LINEAR_COEFFICIENT.value * ionic))
        g2 = g1 ** 4
        g3 = g1 ** 9
        # Free phosphate per unit [HPO4-2], and the pairing strengths (all in terms of h).
        f_h2po4 = ah * g2 / (k.k2 * g1)
        f_h3po4 = ah * ah * g2 / (k.k1 * k.k2)
        f_po4 = k.k3 * g2 / (ah * g3)
        free_p = 1.0 + f_h2po4 + f_h3po4 + f_po4
        g_cahpo4 = k.k_cahpo4 * g2 * g2
        g_cah2po4 = k.k_cah2po4 * g2 * f_h2po4
        g_capo4 = k.k_capo4 * g2 * g3 / g1 * f_po4
        g_ca = g_cahpo4 + g_cah2po4 + g_capo4
        g_mg = k.k_mghpo4 * g2 * g2
        g_na = k.k_nahpo4 * g2
        # Complexes with citrate and bicarbonate per unit free ligand (concentration constants).
        f_co3 = g1 / (k.k_hco3 * ah * g2)            # [CO3-2] / [HCO3-]
        c_cacit = k.k_cacit * g2 * g3 / g1           # [CaCit-] / ([Ca+2][Cit-3])
        c_mgcit = k.k_mgcit * g2 * g3 / g1
        c_nacit = k.k_nacit * g1 * g3 / g2
        f_hcit = k.k_hcit * ah * g3 / g2             # [HCit-2] / [Cit-3]
        c_cahco3 = k.k_cahco3 * g2                   # [CaHCO3+] / ([Ca+2][HCO3-])
        c_caco3 = k.k_caco3 * g2 * g2 * f_co3        # [CaCO3] / ([Ca+2][HCO3-])
        l_ca = c_cacit * cit_free + (c_cahco3 + c_caco3) * hco3_free
        l_mg = c_mgcit * cit_free
        l_na = c_nacit * cit_free
        # Newton on h = [HPO4-2] from a lower bound (all metal free): total P is increasing in h.
        h = p / (free_p + g_ca * ca + g_mg * mg + g_na * na)
        for _ in range(200):
            a = 1.0 + l_ca + g_ca * h
            b = a + ska - ca * ka
            c = 2.0 * ca / (b + (b * b + 4.0 * a * ka * ca) ** 0.5)
            m = mg / (1.0 + l_mg + g_mg * h)
            n = na / (1.0 + l_na + g_na * h)
            residual = h * (free_p + c * g_ca + m * g_mg + n * g_na) - p
            dc = -g_ca * c / (a + ska / (1.0 + ka * c) ** 2)
            slope = (free_p + g_ca * (c + h * dc) + g_mg * m / (1.0 + l_mg + g_mg * h)
                     + g_na * n / (1.0 + l_na + g_na * h))
            step = residual / slope
            h_new = h - step
            # Safeguard: stay positive (halve instead of crossing zero).
            h = np.where(h_new > 0.0, h_new, 0.5 * h) if isinstance(h_new, np.ndarray) else (
                h_new if h_new > 0.0 else 0.5 * h)
            # Converged when the step, or the residual, is down to rounding error.
            if _all((abs(step) <= 1e-15 * abs(h) + 1e-300) | (abs(residual) <= 1e-14 * p)):
                break
        else:  # pragma: no cover - the iteration converges quadratically in a few steps
            raise RuntimeError("speciation did not converge (phosphate balance)")
        a = 1.0 + l_ca + g_ca * h
        b = a + ska - ca * ka
        c = 2.0 * ca / (b + (b * b + 4.0 * a * ka * ca) ** 0.5)
        m = mg / (1.0 + l_mg + g_mg * h)
        n = na / (1.0 + l_na + g_na * h)
        hydrogen = ah / g1
        hydroxide = k.kw / ah / g1
        species = {
            "Ca+2": c, "Mg+2": m, "Na+": n, "H+": hydrogen, "OH-": hydroxide,
            "H3PO4": f_h3po4 * h, "H2PO4-": f_h2po4 * h, "HPO4-2": h, "PO4-3": f_po4 * h,
            "CaHPO4": g_cahpo4 * c * h, "CaH2PO4+": g_cah2po4 * c * h, "CaPO4-": g_capo4 * c * h,
            "MgHPO4": g_mg * m * h, "NaHPO4-": g_na * n * h,
            "Ca-albumin": ska * c / (1.0 + ka * c),
            "Cit-3": cit_free, "HCit-2": f_hcit * cit_free, "CaCit-": c_cacit * c * cit_free,
            "MgCit-": c_mgcit * m * cit_free, "NaCit-2": c_nacit * n * cit_free,
            "HCO3-": hco3_free, "CO3-2": f_co3 * hco3_free, "CaHCO3+": c_cahco3 * c * hco3_free,
            "CaCO3": c_caco3 * c * hco3_free,
        }
        charge = sum(SPECIES[name] * value for name, value in species.items() if name != "Cl-"
                     and name != "Ca-albumin")
        chloride = charge if cl is None else cl
        species["Cl-"] = chloride
        new_ionic = 0.5 * sum(SPECIES[name] ** 2 * value for name, value in species.items()
                              if name != "Ca-albumin")
        # The ligands' free concentrations from the free metals just found.
        new_cit = citrate / (1.0 + f_hcit + c_cacit * c + c_mgcit * m + c_nacit * n)
        new_hco3 = bicarbonate / (1.0 + f_co3 + (c_cahco3 + c_caco3) * c)
        done = (_all(abs(new_ionic - ionic) <= 1e-13 * new_ionic)
                and _all(abs(new_cit - cit_free) <= 1e-13 * new_cit + 1e-300)
                and _all(abs(new_hco3 - hco3_free) <= 1e-13 * new_hco3 + 1e-300))
        ionic = new_ionic
        cit_free = new_cit
        hco3_free = new_hco3
        if cl is None and not _all(chloride >= 0.0):
            break
        if done:
            break
    else:  # pragma: no cover
        raise RuntimeError("speciation did not converge (ionic strength and ligands)")
    return species, chloride, ionic, g1, g2, g3


def _warn_outside_validated_ph(ph) -> None:
    if not (_all(np.asarray(ph) >= _PH_VALIDATED[0]) and _all(np.asarray(ph) <= _PH_VALIDATED[1])):
        warnings.warn(
            f"ph outside {_PH_VALIDATED[0]:g}-{_PH_VALIDATED[1]:g}, the range in which this speciation "
            "was validated against PHREEQC; results are less certain",
            PhRangeWarning, stacklevel=4,  # this helper, speciate, @accepts's wrapper, the caller
        )


def _speciate(ca, p, ph, t_c, na, mg, cl, albumin, citrate, bicarbonate) -> Speciation:
    k = _constants(t_c)
    species, chloride, ionic, g1, g2, g3 = _solve(
        ca * 1e-3, p * 1e-3, mg * 1e-3, na * 1e-3, None if cl is None else cl * 1e-3, ph,
        _albumin_sites_mol_l(albumin), k, citrate * 1e-3, bicarbonate * 1e-3,
    )
    if not _all(chloride >= 0.0):
        raise ValueError(
            "cl_mmol_l=None asks chloride to balance the charge, but the solution already carries "
            "more negative than positive charge (phosphate, bicarbonate, citrate or pH too high for the "
            "sodium given); "
            "raise na_mmol_l or give cl_mmol_l explicitly"
        )
    limit = DAVIES_MAX_IONIC_STRENGTH_MOL_L.value
    if not _all(ionic <= limit):
        worst = float(np.max(ionic))
        raise ValueError(
            f"ionic strength must lie in 0 to {limit:g} mol/L for the Davies activity model; "
            f"this composition gives {worst:.3g} mol/L (lower the concentrations)"
        )
    gammas = {0: 1.0 if not isinstance(g1, np.ndarray) else np.ones_like(g1)}
    for z, g in ((1, g1), (2, g2), (3, g3)):
        gammas[z] = g
        gammas[-z] = g
    return Speciation(
        ca_mmol_l=ca, phosphate_mmol_l=p, ph=ph, temperature_c=t_c, na_mmol_l=na, mg_mmol_l=mg,
        albumin_g_l=albumin, citrate_mmol_l=citrate, bicarbonate_mmol_l=bicarbonate,
        cl_mmol_l=chloride * 1e3, free_ca_mmol_l=species["Ca+2"] * 1e3,
        species_mmol_l={name: value * 1e3 for name, value in species.items()},
        ionic_strength_mol_l=ionic, activity_coefficients=gammas,
        _log_ksp={phase: log_ksp(phase, t_c) for phase in PHASES},
    )


@accepts(**_SPECIATION)
def speciate(
    ca_mmol_l: float,
    phosphate_mmol_l: float,
    ph: float,
    *,
    temperature_c: float = 37.0,
    na_mmol_l: float = 140.0,
    mg_mmol_l: float = 0.0,
    cl_mmol_l: float | None = None,
    albumin_g_l: float = 0.0,
    citrate_mmol_l: float = 0.0,
    bicarbonate_mmol_l: float = 0.0,
) -> Speciation:
    """Equilibrium speciation of calcium, magnesium, sodium and phosphate at a fixed pH.

    Solves the mass balances

    .. math::

        \\mathrm{Ca_T} = [\\mathrm{Ca^{2+}}] + [\\mathrm{CaHPO_4^0}] + [\\mathrm{CaH_2PO_4^+}]
            + [\\mathrm{CaPO_4^-}] + [\\mathrm{Ca{-}alb}], \\qquad
        \\mathrm{P_T} = \\sum_i [\\mathrm{H}_i\\mathrm{PO_4}] + \\text{pairs},

    and likewise for Mg and Na, with the mass-action laws of
    :mod:`calcify_lib.thermodynamics` written in activities
    (:math:`a_i = \\gamma_{z_i} c_i`, Davies :cite:`davies1962ion`), at the
    ionic strength the composition produces.

    Parameters
    ----------
    ca_mmol_l, phosphate_mmol_l : float
        Total calcium and total inorganic phosphate, 0-100 mmol/L.
    ph : float
        0-14 (warns outside 6-9, where the model was not validated).
        Taken as -log10 of the H⁺ activity.
    temperature_c : float
        0-100 °C (warns outside 5-45 °C, where the constants were measured).
    na_mmol_l : float
        Total sodium (stand-in for all monovalent cations), 0-500 mmol/L.
    mg_mmol_l : float
        Total magnesium, 0-100 mmol/L.
    cl_mmol_l : float or None
        Chloride, 0-500 mmol/L; None lets chloride balance the charge.
    albumin_g_l : float
        0-100 g/L.  0 is a protein-free solution (an ultrafiltrate); about
        40 g/L is serum, in which about half of calcium is then ionized
        (with plasma's citrate and bicarbonate; without them, about 53 %).
        Binding falls as the pH falls:
        :math:`K(\\mathrm{pH}) = K / (1 + 10^{\\mathrm{p}K_a - \\mathrm{pH}})`,
        with K = :data:`ALBUMIN_CA_ASSOCIATION_L_MOL` and pKa =
        :data:`ALBUMIN_SITE_PKA`: the site binds calcium only while its
        imidazole is deprotonated (:cite:`pedersen1972temperature`), and the
        pKa is set so that serum's ionized calcium falls by 0.221 log units
        per pH unit at constant total calcium, as measured
        (:cite:`thode1982evaluation`).  One class of independent sites; no
        electrostatic or conformational (neutral-to-basic) effects.
    citrate_mmol_l : float
        Total citrate, 0-30 mmol/L (plasma about 0.12; citrate-anticoagulated
        blood 10-20).  Default 0.
    bicarbonate_mmol_l : float
        Total bicarbonate (HCO₃⁻ + CO₃²⁻ + CaHCO₃⁺ + CaCO₃⁰), 0-100 mmol/L
        (plasma about 24).  Default 0.

    Returns
    -------
    Speciation
        Free Ca²⁺, every species, ionic strength, activity coefficients, and
        :meth:`Speciation.saturation_index`.

    Raises
    ------
    TypeError, ValueError
        For a value that is not a number or lies outside its range, when
        chloride cannot balance the charge, or when the ionic strength
        exceeds 0.5 mol/L (the limit of the Davies equation).

    Examples
    --------
    >>> s = speciate(2.35, 1.2, 7.4, mg_mmol_l=0.85, albumin_g_l=40.0,
    ...              citrate_mmol_l=0.116, bicarbonate_mmol_l=24.0)
    >>> round(s.ionized_fraction, 2), round(s.ionic_strength_mol_l, 3)
    (0.48, 0.147)
    >>> round(s.saturation_index("hydroxyapatite"), 1), round(s.saturation_index("brushite"), 2)
    (10.0, -0.36)
    """
    _warn_outside_validated_ph(ph)
    return _speciate(ca_mmol_l, phosphate_mmol_l, ph, temperature_c, na_mmol_l, mg_mmol_l, cl_mmol_l,
                     albumin_g_l, citrate_mmol_l, bicarbonate_mmol_l)


@accepts(**_SPECIATION_GRID)
def speciate_grid(
    ca_mmol_l: float | np.ndarray,
    phosphate_mmol_l: float | np.ndarray,
    ph: float | np.ndarray,
    *,
    temperature_c: float = 37.0,
    na_mmol_l: float | np.ndarray = 140.0,
    mg_mmol_l: float | np.ndarray = 0.0,
    cl_mmol_l: float | np.ndarray | None = None,
    albumin_g_l: float | np.ndarray = 0.0,
    citrate_mmol_l: float | np.ndarray = 0.0,
    bicarbonate_mmol_l: float | np.ndarray = 0.0,
) -> Speciation:
    """:func:`speciate` over whole grids at once (vectorised with numpy).

    Every argument but ``temperature_c`` may be an array; they broadcast
    against each other (``ca[:, None]`` and ``phosphate[None, :]`` give a
    Ca × P grid).  The result's fields, and its saturation indices, are
    arrays of the broadcast shape.  Same model, ranges and errors as
    :func:`speciate`; the message of a refused grid names the first bad
    element.

    Examples
    --------
    >>> import numpy as np
    >>> ca = np.linspace(1.0, 4.0, 4)[:, None]
    >>> p = np.linspace(0.5, 3.0, 3)[None, :]
    >>> speciate_grid(ca, p, 7.4).saturation_index("hydroxyapatite").shape
    (4, 3)
    """
    _warn_outside_validated_ph(ph)
    ca, p, ph, t_c, na, mg, cl, albumin = (ca_mmol_l, phosphate_mmol_l, ph, temperature_c, na_mmol_l,
                                           mg_mmol_l, cl_mmol_l, albumin_g_l)
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in
                                   (ca, p, ph, na, mg, albumin, citrate_mmol_l, bicarbonate_mmol_l,
                                    0.0 if cl is None else cl)))
    ca, p, ph, na, mg, albumin, citrate, bicarbonate, cl_array = (np.array(a) for a in arrays)
    return _speciate(ca, p, ph, t_c, na, mg, None if cl is None else cl_array, albumin, citrate,
                     bicarbonate)


# ------------------------------------------------------------------ serum

#: The background composition of a normal adult serum, used wherever a chapter
#: needs "serum" rather than a beaker: pH, albumin, magnesium, sodium.
NORMAL_SERUM: dict[str, CitedConstant] = {
    "ph": CitedConstant(7.40, "(pH units)", 37.0, "kratz2004laboratory",
                        "Middle of the arterial reference range 7.35-7.45.", basis="convention"),
    "albumin_g_l": CitedConstant(40.0, "g/L", None, "kratz2004laboratory",
                                 "Middle of the adult reference range 35-50 g/L (3.5-5.0 g/dL).",
                                 basis="convention"),
    "mg_mmol_l": CitedConstant(0.85, "mmol/L", None, "kratz2004laboratory",
                               "Total serum magnesium, middle of the adult reference range (0.7-1.0 mmol/L); "
                               "its protein binding is not modelled.", basis="convention"),
    "na_mmol_l": CitedConstant(140.0, "mmol/L", None, "kratz2004laboratory",
                               "Serum sodium, middle of the adult reference range 135-145 mmol/L.",
                               basis="convention"),
    "citrate_mmol_l": CitedConstant(0.116, "mmol/L", None, "garcia2021citrate",
                                    "Serum citrate, middle of the reference interval of healthy adults "
                                    "(1.48-2.97 mg/dL, n = 553; citric acid 192.1 g/mol).",
                                    basis="convention"),
    "bicarbonate_mmol_l": CitedConstant(24.0, "mmol/L", None, "kratz2004laboratory",
                                        "Plasma bicarbonate, middle of the usual adult range 22-26 mmol/L; "
                                        "taken as HCO3- + CO3-2 + their calcium complexes.",
                                        basis="convention"),
}


@accepts(total_ca_mg_dl=Range(0.0, 30.0, "mg/dL"), phosphate_mg_dl=Range(0.0, 30.0, "mg/dL"), ph=_PH,
         albumin_g_l=_ALBUMIN_G_L, citrate_mmol_l=_CITRATE_MMOL_L,
         bicarbonate_mmol_l=_CONCENTRATION_MMOL_L, temperature_c=_TEMPERATURE_C)
def speciate_serum(
    total_ca_mg_dl: float | np.ndarray,
    phosphate_mg_dl: float | np.ndarray,
    *,
    ph: float | np.ndarray = NORMAL_SERUM["ph"].value,
    albumin_g_l: float | np.ndarray = NORMAL_SERUM["albumin_g_l"].value,
    citrate_mmol_l: float | np.ndarray = NORMAL_SERUM["citrate_mmol_l"].value,
    bicarbonate_mmol_l: float | np.ndarray = NORMAL_SERUM["bicarbonate_mmol_l"].value,
    temperature_c: float = 37.0,
) -> Speciation:
    """Speciate a serum given in clinical units: total calcium and inorganic phosphate in mg/dL.

    Converts with :mod:`calcify_lib.units` and calls :func:`speciate_grid`
    with the rest of :data:`NORMAL_SERUM` (magnesium, sodium, citrate and
    bicarbonate; chloride balances the charge).  Accepts scalars or arrays; a
    scalar input still gives array fields of shape ``()``, so convert with
    ``float()``.  ``phosphate_mg_dl`` is the laboratory's "phosphate"
    (inorganic phosphate, as phosphorus), not total plasma phosphorus.

    Notes
    -----
    Normal serum (9.42 mg/dL calcium, 3.72 mg/dL phosphate, pH 7.4, albumin
    40 g/L) comes out with calcium 48.5 % ionized (1.14 mmol/L), 40.1 %
    protein-bound, 8.7 % complexed with citrate and bicarbonate and 2.7 % in
    phosphate ion pairs, against the classic partition of about 50 / 40 / 10
    (:cite:`mamedova2024calcium`).  Its inorganic phosphate is 83.5 % free,
    5.3 % in calcium pairs, 5.3 % MgHPO₄⁰ and 5.9 % NaHPO₄⁻, with none bound to
    protein; ultrafiltration studies (Walser, 1961) find about half free, a
    third complexed and 10-15 % protein-bound.  The model has no
    protein-bound phosphate (no cited constant), so its free phosphate, and
    the SI of every phase, are probably too high (see the module notes).

    Examples
    --------
    >>> s = speciate_serum(9.42, 3.72)
    >>> round(float(s.free_ca_mmol_l), 2), round(float(s.saturation_index("hydroxyapatite")), 1)
    (1.14, 10.0)
    """
    from .units import ca_mg_dl_to_mmol_l, phosphate_mg_dl_to_mmol_l

    return speciate_grid(
        ca_mg_dl_to_mmol_l(total_ca_mg_dl), phosphate_mg_dl_to_mmol_l(phosphate_mg_dl), ph,
        temperature_c=temperature_c, na_mmol_l=NORMAL_SERUM["na_mmol_l"].value,
        mg_mmol_l=NORMAL_SERUM["mg_mmol_l"].value, albumin_g_l=albumin_g_l,
        citrate_mmol_l=citrate_mmol_l, bicarbonate_mmol_l=bicarbonate_mmol_l,
    )


# --------------------------------------------------------- corrected calcium

PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL = CitedConstant(
    1.0, "(mg/dL of calcium) per (g/dL of albumin)", None, "payne1973interpretation",
    "Payne's original formula: adjusted Ca = Ca - albumin + 4.0 (mg/dL, g/dL), from the "
    "regression of calcium on albumin in 200 sera (r = 0.867).",
    basis="measured",
)
COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL = CitedConstant(
    0.8, "(mg/dL of calcium) per (g/dL of albumin)", None, "lian2018albumin",
    "The variant used by most laboratories, Ca + 0.8 (4.0 - albumin); 0.02 mmol/L per g/L in SI units.",
    basis="guideline",
)
REFERENCE_ALBUMIN_G_DL = CitedConstant(
    4.0, "g/dL", None, "payne1973interpretation",
    "The albumin concentration at which corrected and measured calcium coincide.",
    basis="convention",
)


@accepts(total_ca_mg_dl=Range(0.0, 30.0, "mg/dL"), albumin_g_dl=Range(0.0, 10.0, "g/dL"),
         coefficient_mg_dl_per_g_dl=Range(0.0, 2.0, "mg/dL per g/dL", kind="number"))
def albumin_corrected_calcium_mg_dl(
    total_ca_mg_dl: float | np.ndarray,
    albumin_g_dl: float | np.ndarray,
    *,
    coefficient_mg_dl_per_g_dl: float = COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL.value,
) -> float | np.ndarray:
    """Albumin-corrected ("adjusted") total calcium, in mg/dL.

    .. math::

        \\mathrm{Ca_{corr}} = \\mathrm{Ca} + k\\,(4.0 - \\mathrm{albumin})

    Payne's original coefficient is k = 1.0 (:cite:`payne1973interpretation`,
    :data:`PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL`); most laboratories use the
    variant k = 0.8 (the default, :data:`COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL`).

    Parameters
    ----------
    total_ca_mg_dl : float or array
        Measured total calcium, 0-30 mg/dL.
    albumin_g_dl : float or array
        Serum albumin, 0-10 g/dL.
    coefficient_mg_dl_per_g_dl : float
        k, 0-2 mg/dL per g/dL.

    Notes
    -----
    An empirical regression, not chemistry: it assumes a fixed amount of
    calcium per gram of albumin.  It performs poorly in kidney disease and in
    critical illness, where measuring ionized calcium is better
    (:cite:`lian2018albumin`).  :func:`speciate` with ``albumin_g_l``
    computes the binding instead.

    Examples
    --------
    >>> round(albumin_corrected_calcium_mg_dl(8.0, 2.5), 2)
    9.2
    >>> round(albumin_corrected_calcium_mg_dl(8.0, 2.5, coefficient_mg_dl_per_g_dl=1.0), 2)
    9.5
    """
    ca, albumin, k = total_ca_mg_dl, albumin_g_dl, coefficient_mg_dl_per_g_dl
    return ca + k * (REFERENCE_ALBUMIN_G_DL.value - albumin)
