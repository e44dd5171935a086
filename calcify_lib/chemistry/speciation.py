"""Speciation: the mass balances of calcium, magnesium, sodium and phosphate, solved at a fixed pH.

:func:`~calcify_lib.chemistry.speciate` (floats) and
:func:`~calcify_lib.chemistry.speciate_grid` (numpy arrays) return a
:class:`~calcify_lib.chemistry.Speciation`, which gives each species, each activity, and the
saturation index of each phase.  The package docstring, :mod:`calcify_lib.chemistry`, explains
the species, the method of solution and the limits; the constants are in
:mod:`calcify_lib.thermodynamics` and :mod:`calcify_lib.chemistry.binding`.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np

from .._validation import accepts
from ..thermodynamics import (
    DAVIES_LINEAR_COEFFICIENT,
    DAVIES_MAX_IONIC_STRENGTH_MOL_L,
    LOG_KSP,
    PHASES,
    davies_a,
    ion_pair_log_k,
    log_ksp,
    phosphoric_acid_pka,
    water_log_kw,
)
from ._ranges import _SPECIATION, _SPECIATION_GRID, _TEMPERATURE_C
from .binding import (
    _COMPLEX_FIELDS,
    ALBUMIN_CA_ASSOCIATION_L_MOL,
    ALBUMIN_SITE_PKA,
    _albumin_sites_mol_l,
    _complex_log_k,
)
from .phosphate import PHOSPHATE_SPECIES

__all__ = ["PhRangeWarning", "SPECIES", "Speciation", "speciate", "speciate_grid", "hydroxyapatite_log_ksp"]


class PhRangeWarning(UserWarning):
    """The pH lies outside the range in which the speciation was validated."""


#: Every species :func:`~calcify_lib.chemistry.speciate` reports, with its charge.
SPECIES: dict[str, int] = {
    "Ca+2": 2, "Mg+2": 2, "Na+": 1, "Cl-": -1, "H+": 1, "OH-": -1,
    "H3PO4": 0, "H2PO4-": -1, "HPO4-2": -2, "PO4-3": -3,
    "CaHPO4": 0, "CaH2PO4+": 1, "CaPO4-": -1, "MgHPO4": 0, "NaHPO4-": -1,
    "Ca-albumin": 0,
    "Cit-3": -3, "HCit-2": -2, "CaCit-": -1, "MgCit-": -1, "NaCit-2": -2,
    "HCO3-": -1, "CO3-2": -2, "CaHCO3+": 1, "CaCO3": 0,
}

_PH_VALIDATED = (6.0, 9.0)


@accepts(temperature_c=_TEMPERATURE_C)
def hydroxyapatite_log_ksp(temperature_c: float = 37.0) -> float:
    """log10 Ksp of hydroxyapatite, per Ca₅(PO₄)₃OH (:cite:`mcdowell1977solubility`).

    .. math::

        K_{sp} = \\{\\mathrm{Ca^{2+}}\\}^5\\{\\mathrm{PO_4^{3-}}\\}^3\\{\\mathrm{OH^-}\\},
        \\qquad \\log_{10} K_{sp} = \\frac{-8219.41}{T} - 1.6657 - 0.098215\\,T

    with activities in mol/L and T in kelvin.  Measured from 5 to 37 °C; accepted 0-100 °C with
    an :class:`~calcify_lib.thermodynamics.ExtrapolationWarning` outside 5-45 °C.
    Hydroxyapatite, like β-tricalcium phosphate, is *less* soluble when warm.

    Examples
    --------
    >>> round(hydroxyapatite_log_ksp(37.0), 2)
    -58.63
    """
    return log_ksp("hydroxyapatite", temperature_c)



# ------------------------------------------------------------------ speciation

@dataclass(frozen=True)
class Speciation:
    """The equilibrium composition of a solution, from :func:`~calcify_lib.chemistry.speciate`.

    Every concentration is in mmol/L.  From :func:`~calcify_lib.chemistry.speciate` the fields are
    floats; from :func:`~calcify_lib.chemistry.speciate_grid` they are numpy arrays of the
    broadcast shape of the inputs.  "Phosphate" is inorganic phosphate
    (orthophosphate), what the laboratory reports; none of it is bound to
    protein in this model, although about 10-15 % is in serum (see
    :func:`~calcify_lib.chemistry.speciate_serum`).

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
        Every species of :data:`~calcify_lib.chemistry.speciation.SPECIES`, keyed by formula.
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
        :math:`K(\\mathrm{pH}) = K / (1 + 10^{\\mathrm{p}K_a - \\mathrm{pH}})`, with K =
        :data:`~calcify_lib.chemistry.binding.ALBUMIN_CA_ASSOCIATION_L_MOL` and pKa =
        :data:`~calcify_lib.chemistry.binding.ALBUMIN_SITE_PKA`: the site binds calcium only
        while its imidazole is deprotonated (:cite:`pedersen1972temperature`), and the pKa is
        set so that serum's ionized calcium falls by 0.221 log units per pH unit at constant
        total calcium, as measured (:cite:`thode1982evaluation`).  One class of independent
        sites; no electrostatic or conformational (neutral-to-basic) effects.
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
        :meth:`~calcify_lib.chemistry.Speciation.saturation_index`.

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
    """:func:`~calcify_lib.chemistry.speciate` over whole grids at once (vectorised with numpy).

    Every argument but ``temperature_c`` may be an array; they broadcast
    against each other (``ca[:, None]`` and ``phosphate[None, :]`` give a
    Ca × P grid).  The result's fields, and its saturation indices, are
    arrays of the broadcast shape.  Same model, ranges and errors as
    :func:`~calcify_lib.chemistry.speciate`; the message of a refused grid names the first bad
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

