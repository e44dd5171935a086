"""The chemistry chapter's tables: each number of the honest picture, printed from the model.

Speciation, phosphate shares, activities, albumin's binding and the
laboratories' correction for it, the saturation of each phase, magnesium,
the disputed constants, a comparison of two sera, and the census of the
constants by how they were obtained (:func:`~calcify_lib.figures.chemistry.basis_table`).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..._validation import accepts
from ...cited import BASES, basis_counts, constants_in
from ...chemistry import (COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL, NORMAL_SERUM,
                         PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL, PHASES, REFERENCE_ALBUMIN_G_DL,
                         albumin_corrected_calcium_mg_dl, phosphate_fractions, speciate, speciate_serum)
from ...tables import Table
from ...thermodynamics import ION_PAIRS, LOG_KSP, davies_a, ion_pair_log_k, log_ksp
from .saturation import PHASE_LABELS, _PHASE_SHORT, _SERUM

__all__ = [
    "speciation_table",
    "BASIS_MEANINGS",
    "basis_table",
    "phosphate_shares_table",
    "activity_table",
    "albumin_sweep_table",
    "albumin_correction_table",
    "serum_phosphate_table",
    "phase_si_table",
    "magnesium_table",
    "disputed_constants_table",
    "compare_sera_table",
]


#: Display names of the species of :func:`~calcify_lib.figures.chemistry.speciation_table`.
_SPECIES_NAMES = {
    "Ca+2": "Ca²⁺ (free, ionized)", "Ca-albumin": "bound to albumin", "CaHPO4": "CaHPO₄⁰",
    "CaPO4-": "CaPO₄⁻", "CaH2PO4+": "CaH₂PO₄⁺", "HPO4-2": "HPO₄²⁻", "H2PO4-": "H₂PO₄⁻",
    "NaHPO4-": "NaHPO₄⁻", "MgHPO4": "MgHPO₄⁰", "PO4-3": "PO₄³⁻ (free)",
    "CaHCO3+": "CaHCO₃⁺", "CaCit-": "calcium citrate, CaCit⁻", "CaCO3": "CaCO₃⁰",
}
_CALCIUM_SPECIES = ("Ca+2", "Ca-albumin", "CaHCO3+", "CaCit-", "CaCO3", "CaHPO4", "CaPO4-", "CaH2PO4+")
_PHOSPHATE_SPECIES = ("HPO4-2", "H2PO4-", "NaHPO4-", "MgHPO4", "CaHPO4", "CaPO4-", "CaH2PO4+", "PO4-3")


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"], ph=_SERUM["ph"],
         temperature_c=_SERUM["temperature_c"])
def speciation_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *, ph: float = 7.4,
                     temperature_c: float = 37.0, name: str = "normal serum") -> Table:
    """Where calcium and phosphate are in one serum, as mmol/L and as a share of each total.

    Computed with :func:`calcify_lib.chemistry.speciate_serum` (normal serum
    background: albumin 40 g/L, magnesium 0.85, sodium 140, citrate 0.116 and
    bicarbonate 24 mmol/L).  Calcium rows: the free ion, albumin-bound calcium,
    the bicarbonate, citrate and carbonate complexes and the three calcium
    phosphate ion pairs; phosphate rows: the free ions and every phosphate ion
    pair.  A pair containing both elements appears under each.

    Parameters
    ----------
    total_ca_mg_dl, phosphate_mg_dl : float
        Total serum calcium and phosphate (as phosphorus), in mg/dL.
    ph : float
        Serum pH.
    temperature_c : float
        0-100 °C.
    name : str
        What the serum is, for the caption.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph, temperature_c=temperature_c)
    mmol = {k: float(v) for k, v in s.species_mmol_l.items()}
    rows = []
    for element, total, species in (("calcium", float(s.ca_mmol_l), _CALCIUM_SPECIES),
                                    ("phosphate", float(s.phosphate_mmol_l), _PHOSPHATE_SPECIES)):
        rows += [[element, _SPECIES_NAMES[k], f"{mmol[k]:.3g}", f"{100 * mmol[k] / total:.2g}"] for k in species]
    return Table.build(
        f"Where calcium and phosphate are in {name} (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
        f"pH {ph:.2f}, {temperature_c:g} °C)",
        ["element", "species", "mmol/L", "% of total"], rows,
    )


#: What each basis of a constant (:data:`calcify_lib.cited.BASES`) means, in the chapters' words.
BASIS_MEANINGS = {
    "measured": "measured, or fitted to measurements",
    "derived": "computed from other cited values",
    "guideline": "a guideline's threshold or a reference range",
    "convention": "exact by definition, or a chosen reference state",
    "set": "set by hand to reproduce a stated target",
}


def basis_table(*modules, caption: str | None = None, named: tuple[str, ...] = ("set",)) -> Table:
    """How the constants of ``modules`` were obtained: a census by basis.

    One row per basis of :data:`calcify_lib.cited.BASES`, in that order: how
    many of the constants the modules define (a package's submodules
    included; :func:`calcify_lib.cited.constants_in`) have it, what it means,
    and, for the bases in ``named`` (by default only ``'set'``), which they
    are (module and name, without ``calcify_lib.``).  The caption defaults to
    the modules' names and the total.
    """
    found = constants_in(*modules)
    counts = basis_counts(c for _, c in found)
    rows = []
    for basis in BASES:
        names = [where.removeprefix("calcify_lib.") for where, c in found if c.basis == basis]
        rows.append([basis, counts[basis], BASIS_MEANINGS[basis],
                     ", ".join(names) if basis in named else ""])
    if caption is None:
        caption = (f"How the {len(found)} constants of "
                   f"{' and '.join(m.__name__.removeprefix('calcify_lib.') for m in modules)} were obtained")
    return Table.build(caption, ["basis", "constants", "meaning", "which"], rows)


# -- the chapter's readouts as tables (no runs of print lines) ----------------------------
#: Display names of the four forms of phosphate in an ideal solution.
_FORM_NAMES = {"H3PO4": "H₃PO₄", "H2PO4-": "H₂PO₄⁻", "HPO4-2": "HPO₄²⁻", "PO4-3": "PO₄³⁻"}
#: The ion pairs of phosphate, summed in
#: :func:`~calcify_lib.figures.chemistry.serum_phosphate_table`.
_PHOSPHATE_PAIRS = ("CaHPO4", "CaH2PO4+", "CaPO4-", "MgHPO4", "NaHPO4-")


@accepts(ph=replace(phosphate_fractions.__accepts__["ph"], kind="number"),
         temperature_c=phosphate_fractions.__accepts__["temperature_c"])
def phosphate_shares_table(ph: float = 7.4, temperature_c: float = 37.0) -> Table:
    """How one pH shares phosphate among its four forms in an ideal solution.

    One row per form, from :func:`calcify_lib.chemistry.phosphate_fractions`
    (the three acidity constants at ``temperature_c``; no ion pairs, no
    activity corrections).
    """
    shares = phosphate_fractions(ph, temperature_c=temperature_c).as_dict()
    rows = [[_FORM_NAMES[k], f"{float(v):.3g}"] for k, v in shares.items()]
    return Table.build(f"Phosphate's four forms at pH {ph:.2f}, {temperature_c:g} °C "
                       "(ideal solution)", ["form", "share of total phosphate"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def activity_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                   ph: float = 7.4) -> Table:
    """The Davies constant, the ionic strength and the activity coefficients of one serum.

    From :func:`calcify_lib.thermodynamics.davies_a` and the speciation of
    :func:`calcify_lib.chemistry.speciate_serum` (normal serum background,
    37 °C): γ depends on the charge only, so one row per charge.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    examples = {1: "Na⁺, H₂PO₄⁻", 2: "Ca²⁺, HPO₄²⁻", 3: "PO₄³⁻"}
    rows = [[f"Davies A at {s.temperature_c:g} °C", f"{davies_a(s.temperature_c):.3f}", "(L/mol)^½"],
            ["ionic strength I", f"{float(s.ionic_strength_mol_l):.3f}", "mol/L"]]
    rows += [[f"γ for charge ±{z} ({examples[z]})", f"{float(s.activity_coefficients[z]):.3f}", "–"]
             for z in (1, 2, 3)]
    return Table.build(f"Activities in serum (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
                       f"pH {ph:.2f})", ["quantity", "value", "unit"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def albumin_sweep_table(albumin_values_g_l: tuple[float, ...] = (40.0, 30.0, 20.0), *,
                        total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72) -> Table:
    """Ionized calcium of one serum as albumin falls, at constant total calcium.

    One row per albumin, each a :func:`calcify_lib.chemistry.speciate_serum`
    at pH 7.4; ``albumin_values_g_l`` are checked by that function.
    """
    rows = []
    for albumin in albumin_values_g_l:
        s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, albumin_g_l=albumin)
        rows.append([f"{albumin:.0f}", f"{float(s.free_ca_mmol_l):.2f}",
                     f"{100 * float(s.ionized_fraction):.0f}"])
    return Table.build(f"Ionized calcium at a total calcium of {total_ca_mg_dl:.2f} mg/dL, pH 7.40",
                       ["albumin (g/L)", "free Ca²⁺ (mmol/L)", "ionized (% of total)"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"],
         albumin_g_dl=albumin_corrected_calcium_mg_dl.__accepts__["albumin_g_dl"],
         phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def albumin_correction_table(total_ca_mg_dl: float, albumin_g_dl: float, *,
                             phosphate_mg_dl: float = 3.72) -> Table:
    """A low-albumin serum: the two albumin corrections against the speciation model.

    Rows: the corrected calcium with Payne's coefficient (1.0) and the common
    one (0.8) (:func:`calcify_lib.chemistry.albumin_corrected_calcium_mg_dl`);
    the model's ionized calcium of the serum and of normal serum (9.42 and
    3.72 mg/dL, albumin 40 g/L); and the total calcium that carries the same
    ionized calcium at the reference albumin, read off a scan of total
    calcium 0-30 mg/dL (0.01 mg/dL steps) at pH 7.4.

    Raises
    ------
    ValueError
        If no total calcium within 0-30 mg/dL carries that ionized calcium at
        the reference albumin.
    """
    reference_g_dl = REFERENCE_ALBUMIN_G_DL.value
    correct = albumin_corrected_calcium_mg_dl
    rows = [[f"corrected calcium, k = {k.value:.1f} ({name})",
             f"{correct(total_ca_mg_dl, albumin_g_dl, coefficient_mg_dl_per_g_dl=k.value):.1f}", "mg/dL"]
            for name, k in (("Payne", PAYNE_1973_COEFFICIENT_MG_DL_PER_G_DL),
                            ("common", COMMON_CORRECTION_COEFFICIENT_MG_DL_PER_G_DL))]
    patient = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, albumin_g_l=10.0 * albumin_g_dl)
    free = float(patient.free_ca_mmol_l)
    normal = speciate_serum(9.42, 3.72)
    totals = np.linspace(0.0, 30.0, 3001)
    free_at_reference = speciate_serum(totals, phosphate_mg_dl,
                                       albumin_g_l=10.0 * reference_g_dl).free_ca_mmol_l
    if not free_at_reference[0] <= free <= free_at_reference[-1]:
        raise ValueError(f"no total calcium within 0-30 mg/dL carries a free calcium of {free:.3f} "
                         f"mmol/L at albumin {reference_g_dl:g} g/dL")
    equivalent = float(np.interp(free, free_at_reference, totals))
    rows += [
        ["model: ionized calcium of this serum",
         f"{free:.2f} ({100 * float(patient.ionized_fraction):.0f} % of total)", "mmol/L"],
        ["model: ionized calcium of normal serum", f"{float(normal.free_ca_mmol_l):.2f}", "mmol/L"],
        [f"model: total calcium with that ionized calcium at albumin {10 * reference_g_dl:g} g/L",
         f"{equivalent:.1f}", "mg/dL"],
    ]
    return Table.build(f"Total calcium {total_ca_mg_dl:g} mg/dL at albumin {albumin_g_dl:g} g/dL "
                       f"({10 * albumin_g_dl:g} g/L), pH 7.40", ["", "value", "unit"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def serum_phosphate_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                          ph: float = 7.4) -> Table:
    """Phosphate in an ideal solution and in serum at the same pH, side by side.

    The ideal column is :func:`calcify_lib.chemistry.phosphate_fractions`
    (no ion pairs, γ = 1); the serum column is
    :func:`calcify_lib.chemistry.speciate_serum`.  Rows: the ratio of
    HPO₄²⁻ to H₂PO₄⁻ and the apparent pKa2 it implies (pH - log10 of the
    ratio), the share of phosphate present as PO₄³⁻ by concentration and as
    activity, and the share in ion pairs.
    """
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    ideal = phosphate_fractions(ph, temperature_c=s.temperature_c)
    c = {k: float(v) for k, v in s.species_mmol_l.items()}
    total = float(s.phosphate_mmol_l)
    ratio_ideal, ratio_serum = float(ideal.hpo4 / ideal.h2po4), c["HPO4-2"] / c["H2PO4-"]
    po4_serum = c["PO4-3"] / total
    rows = [
        ["HPO₄²⁻ / H₂PO₄⁻", f"{ratio_ideal:.2f}", f"{ratio_serum:.2f}"],
        ["apparent pKa2", f"{ph - np.log10(ratio_ideal):.2f}", f"{ph - np.log10(ratio_serum):.2f}"],
        ["PO₄³⁻, share by concentration", f"{float(ideal.po4):.1e}", f"{po4_serum:.1e}"],
        ["PO₄³⁻, share as activity", f"{float(ideal.po4):.1e}",
         f"{float(s.activity_coefficients[3]) * po4_serum:.1e}"],
        ["in ion pairs (% of phosphate)", "0", f"{100 * sum(c[k] for k in _PHOSPHATE_PAIRS) / total:.0f}"],
    ]
    return Table.build(f"Phosphate at pH {ph:.2f}: ideal solution and serum (Ca {total_ca_mg_dl:.2f}, "
                       f"P {phosphate_mg_dl:.2f} mg/dL)", ["", "ideal solution", "serum"], rows)


@accepts(total_ca_mg_dl=_SERUM["total_ca_mg_dl"], phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         ph=_SERUM["ph"])
def phase_si_table(total_ca_mg_dl: float = 9.42, phosphate_mg_dl: float = 3.72, *,
                   phases: tuple[str, ...] = PHASES, ph: float = 7.4) -> Table:
    """Saturation index, IAP/Ksp and SI per ion of each phase, for one serum.

    SI from :func:`calcify_lib.chemistry.speciate_serum`; the number of ions
    is the sum of the counts in the phase's ion activity product
    (:data:`calcify_lib.thermodynamics.LOG_KSP`).

    Raises
    ------
    ValueError
        For a phase not in :data:`calcify_lib.chemistry.PHASES`.
    """
    unknown = [p for p in phases if p not in PHASES]
    if unknown or not phases:
        raise ValueError(f"phases must be one or more of {PHASES}; got {tuple(phases)!r}")
    s = speciate_serum(total_ca_mg_dl, phosphate_mg_dl, ph=ph)
    rows = []
    for phase in phases:
        si, n = float(s.saturation_index(phase)), sum(LOG_KSP[phase].ions.values())
        rows.append([PHASE_LABELS[phase], f"{si:+.2f}", f"{10 ** si:.3g}", n, f"{si / n:+.2f}"])
    return Table.build(f"Saturation of serum (Ca {total_ca_mg_dl:.2f}, P {phosphate_mg_dl:.2f} mg/dL, "
                       f"pH {ph:.2f}) for each phase",
                       ["phase", "SI", "IAP/Ksp", "ions in IAP", "SI per ion"], rows)


@accepts(ca_mmol_l=speciate.__accepts__["ca_mmol_l"],
         phosphate_mmol_l=speciate.__accepts__["phosphate_mmol_l"], ph=speciate.__accepts__["ph"])
def magnesium_table(mg_values_mmol_l: tuple[float, ...] = (0.0, 0.85, 1.5), *,
                    ca_mmol_l: float = 2.35, phosphate_mmol_l: float = 1.2,
                    ph: float = 7.4) -> Table:
    """The saturation indices of hydroxyapatite and ACP as serum magnesium changes.

    Each row is :func:`calcify_lib.chemistry.speciate` with the rest of
    :data:`calcify_lib.chemistry.NORMAL_SERUM` and one magnesium
    (``mg_values_mmol_l``, checked by that function).
    """
    background = {k: c.value for k, c in NORMAL_SERUM.items() if k not in ("ph", "mg_mmol_l")}
    phases = ("hydroxyapatite", "amorphous_calcium_phosphate")
    rows = []
    for mg in mg_values_mmol_l:
        s = speciate(ca_mmol_l, phosphate_mmol_l, ph, mg_mmol_l=mg, **background)
        rows.append([f"{mg:.2f}"] + [f"{float(s.saturation_index(p)):+.2f}" for p in phases])
    return Table.build(f"Magnesium and saturation (Ca {ca_mmol_l:g}, P {phosphate_mmol_l:g} mmol/L, "
                       f"pH {ph:.2f})", ["Mg (mmol/L)"] + [f"SI {_PHASE_SHORT[p]}" for p in phases],
                       rows)


@accepts(temperature_c=ion_pair_log_k.__accepts__["temperature_c"])
def disputed_constants_table(temperature_c: float = 37.0) -> Table:
    """The constants whose published values disagree, with the library's own notes on them.

    The CaH₂PO₄⁺ and CaPO₄⁻ association constants
    (:func:`calcify_lib.thermodynamics.ion_pair_log_k`) and the solubility
    product of octacalcium phosphate
    (:func:`calcify_lib.thermodynamics.log_ksp`), at ``temperature_c``.
    """
    rows = [[_SPECIES_NAMES[pair], f"K = {10 ** ion_pair_log_k(pair, temperature_c):.3g} L/mol",
             ION_PAIRS[pair].log_k.note] for pair in ("CaH2PO4+", "CaPO4-")]
    rows.append(["octacalcium phosphate",
                 f"log10 Ksp = {log_ksp('octacalcium_phosphate', temperature_c):.2f}",
                 LOG_KSP["octacalcium_phosphate"].data[0].note])
    return Table.build(f"Disputed constants, at {temperature_c:g} °C, with the library's notes",
                       ["constant", "value", "note"], rows)


@accepts(first_ca_mg_dl=_SERUM["total_ca_mg_dl"], first_phosphate_mg_dl=_SERUM["phosphate_mg_dl"],
         second_ca_mg_dl=_SERUM["total_ca_mg_dl"], second_phosphate_mg_dl=_SERUM["phosphate_mg_dl"])
def compare_sera_table(first_ca_mg_dl: float = 9.42, first_phosphate_mg_dl: float = 3.72,
                       second_ca_mg_dl: float = 9.2, second_phosphate_mg_dl: float = 6.2, *,
                       names: tuple[str, str] = ("normal", "dialysis")) -> Table:
    """Two sera at pH 7.4 in the simple and the honest picture, and how the second differs.

    Columns: each serum, then the second against the first (a ratio, or for
    the SI of hydroxyapatite a difference with the IAP ratio it means, in
    total and per ion, nine ions per Ca₅(PO₄)₃OH).  From
    :func:`calcify_lib.chemistry.speciate_serum`.
    """
    sera = [speciate_serum(first_ca_mg_dl, first_phosphate_mg_dl),
            speciate_serum(second_ca_mg_dl, second_phosphate_mg_dl)]
    n_ions = sum(LOG_KSP["hydroxyapatite"].ions.values())
    ca = (first_ca_mg_dl, second_ca_mg_dl)
    p = (first_phosphate_mg_dl, second_phosphate_mg_dl)
    product = (ca[0] * p[0], ca[1] * p[1])
    si = [float(s.saturation_index("hydroxyapatite")) for s in sera]
    free = [float(s.free_ca_mmol_l) for s in sera]
    paired = [100 * float(s.species_mmol_l["CaHPO4"] / s.ca_mmol_l) for s in sera]
    gain = si[1] - si[0]
    rows = [
        ["total Ca (mg/dL)", f"{ca[0]:.2f}", f"{ca[1]:.2f}", f"×{ca[1] / ca[0]:.2f}"],
        ["phosphate (mg/dL)", f"{p[0]:.2f}", f"{p[1]:.2f}", f"×{p[1] / p[0]:.2f}"],
        ["Ca × P (mg²/dL²)", f"{product[0]:.1f}", f"{product[1]:.1f}",
         f"×{product[1] / product[0]:.2f}"],
        ["SI of hydroxyapatite", f"{si[0]:+.2f}", f"{si[1]:+.2f}",
         f"{gain:+.2f}: IAP ×{10 ** gain:.1f}, ×{10 ** (gain / n_ions):.2f} per ion"],
        ["free Ca²⁺ (mmol/L)", f"{free[0]:.2f}", f"{free[1]:.2f}", f"×{free[1] / free[0]:.2f}"],
        ["CaHPO₄⁰ (% of calcium)", f"{paired[0]:.1f}", f"{paired[1]:.1f}",
         f"×{paired[1] / paired[0]:.2f}"],
    ]
    return Table.build(f"Two sera at pH 7.40: {names[0]} and {names[1]}",
                       ["", names[0], names[1], f"{names[1]} against {names[0]}"], rows)
