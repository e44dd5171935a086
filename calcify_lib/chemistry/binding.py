"""Calcium's partners in plasma: albumin, citrate and bicarbonate.

About two fifths of serum calcium is bound to protein, mostly albumin, and
about a tenth is complexed with small anions, mostly citrate and
bicarbonate.  Neither fraction can precipitate, so both lower the
saturation of every calcium phosphate.  This module holds the constants of
that binding; :func:`~calcify_lib.chemistry.speciate` solves it.

Albumin
-------
Each albumin carries about twelve identical, independent calcium sites
(:cite:`pedersen1971binding`).  A site binds only when its imidazole is
deprotonated, so the effective constant is

.. math::

    K_\\mathrm{eff} = \\frac{K}{1 + 10^{\\,\\mathrm{p}K_a - \\mathrm{pH}}},

which falls as the pH falls: acidosis frees calcium, alkalosis binds it.
:data:`~calcify_lib.chemistry.binding.ALBUMIN_SITE_PKA` is set to reproduce the slope measured
in serum (:data:`~calcify_lib.chemistry.binding.SERUM_IONIZED_CA_PH_SLOPE`,
:cite:`thode1982evaluation`).

Citrate and bicarbonate
-----------------------
:data:`~calcify_lib.chemistry.binding.LIGAND_COMPLEXES` holds the complexes of calcium,
magnesium and sodium with citrate, and of calcium with bicarbonate and carbonate, with the
protonations that compete for the same anions, each with its log10 K and ΔH°
(:cite:`martell2004nist46`, :cite:`parkhurst2013phreeqc`).

Assumptions and limits
----------------------
* Albumin binds calcium only (not magnesium); globulin binding is lumped
  with it.  The pH dependence is one proton-competition step, fitted over
  pH 7.2-7.6.
* Binding to albumin is taken as independent of temperature.
* No lactate or sulfate complexes, and no magnesium carbonate complexes.
"""

from __future__ import annotations

from ..cited import CitedConstant
from ..thermodynamics import _KCAL, _KELVIN, IonPair, _vant_hoff

__all__ = [
    "ALBUMIN_MOLAR_MASS_G_MOL", "ALBUMIN_CA_SITES_PER_MOLECULE", "ALBUMIN_CA_ASSOCIATION_L_MOL",
    "ALBUMIN_SITE_PKA", "SERUM_IONIZED_CA_PH_SLOPE", "LIGAND_COMPLEXES",
]

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
#: :data:`~calcify_lib.chemistry.binding.ALBUMIN_SITE_PKA` is set to reproduce (the basis of
#: laboratories' pH correction of ionized calcium).
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

