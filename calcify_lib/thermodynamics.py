"""Thermodynamic data for calcium phosphate in water: one consistent, cited set.

Everything :mod:`calcify_lib.chemistry` needs to turn a composition into
activities and saturation indices lives here, each number a
:class:`~calcify_lib.cited.CitedConstant` with its source, unit and
temperature:

* water: density, dielectric constant, ion product, and the Davies
  activity-coefficient equation built on them;
* phosphoric acid: its three acidity constants as functions of temperature;
* the ion pairs CaHPO₄⁰, CaH₂PO₄⁺, CaPO₄⁻, MgHPO₄⁰ and NaHPO₄⁻;
* the solubility products of five calcium phosphates.

The set
-------
A solubility product is only meaningful together with the speciation model
that was used to extract it from solubility measurements: the same
solution, speciated with other ion-pair constants, gives other free-ion
activities and so another Ksp.  This module therefore follows one school,
the calcium-phosphate programme of the US National Bureau of Standards
(Brown, Moreno, Gregory, McDowell, Tung), whose constants were measured
and fitted together: the phosphoric-acid constants of Bates (:cite:`bates1951first`,
:cite:`bates1943acidic`), the calcium ion pairs of Moreno, Gregory and Brown
(:cite:`moreno1966solubility`) and the solubility products measured in the
same laboratory (:cite:`mcdowell1977solubility`, :cite:`gregory1974solubility`,
:cite:`tung1988ocp`, :cite:`gregory1970solubility`).  Where that school gives
no number (the third acidity constant's enthalpy, CaPO₄⁻, NaHPO₄⁻, MgHPO₄⁰,
water), the value comes from the source named in its note, usually the
``phreeqc.dat`` database (:cite:`parkhurst2013phreeqc`).

Temperature
-----------
Constants measured at several temperatures are used through their published
fits.  Those measured at one temperature are moved with van't Hoff's
equation and a constant reaction enthalpy,

.. math::

    \\log_{10} K(T) = \\log_{10} K(T_\\mathrm{ref})
        - \\frac{\\Delta H^\\circ}{R \\ln 10}
          \\left(\\frac{1}{T} - \\frac{1}{T_\\mathrm{ref}}\\right).

Limits
------
* The data were measured between about 5 and 40 °C.  Functions accept
  0-100 °C; outside :data:`VALIDATED_TEMPERATURE_RANGE_C` they warn with
  :class:`ExtrapolationWarning`.
* The amorphous calcium phosphate "Ksp" is operational: ACP has no fixed
  composition, and its measured ion product depends on pH.  The value here
  is the one at pH 7.4 and 37 °C.
* The octacalcium phosphate Ksp of the literature spans 1.5 log units
  (see :data:`LOG_KSP`); the NBS value is used.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

from ._validation import Range, accepts
from .cited import CitedConstant

__all__ = [
    "ExtrapolationWarning",
    "GAS_CONSTANT_J_MOL_K",
    "VALIDATED_TEMPERATURE_RANGE_C",
    "TEMPERATURE_RANGE_C",
    "water_density_g_cm3",
    "water_dielectric_constant",
    "davies_a",
    "davies_log_gamma",
    "DAVIES_MAX_IONIC_STRENGTH_MOL_L",
    "water_log_kw",
    "PHOSPHORIC_ACID_LOG_K_FITS",
    "phosphoric_acid_pka",
    "IonPair",
    "ION_PAIRS",
    "ion_pair_log_k",
    "SolubilityProduct",
    "PHASES",
    "LOG_KSP",
    "log_ksp",
]


class ExtrapolationWarning(UserWarning):
    """A constant is used outside the conditions in which it was measured."""


GAS_CONSTANT_J_MOL_K = CitedConstant(
    value=8.314462618,
    unit="J/(mol·K)",
    temperature_c=None,
    citation="tiesinga2021codata",
    note="Molar gas constant R (exact in the 2019 SI).",
    basis="convention",
)

#: Every temperature function accepts this range (°C) and refuses anything outside it.
TEMPERATURE_RANGE_C = (0.0, 100.0)
#: The range in which the data set was measured (°C); outside it functions warn.
VALIDATED_TEMPERATURE_RANGE_C = (5.0, 45.0)
_TEMPERATURE_C = Range(*TEMPERATURE_RANGE_C, "°C", kind="number")

_KELVIN = 273.15
_LN10 = math.log(10.0)


def _kelvin(t_c: float, *, warn: bool = True) -> float:
    # t_c was checked (and made a float) by the public function's @accepts.
    low, high = VALIDATED_TEMPERATURE_RANGE_C
    if warn and not low <= t_c <= high:
        warnings.warn(
            f"temperature_c={t_c:g} °C lies outside {low:g}-{high:g} °C, where the "
            "calcium phosphate constants were measured; the result is an extrapolation",
            ExtrapolationWarning,
            stacklevel=4,  # _kelvin, the public function, @accepts's wrapper, its caller
        )
    return t_c + _KELVIN


def _vant_hoff(log_k_ref: float, t_ref_k: float, enthalpy_kj_mol: float, t_k: float) -> float:
    """log10 K at ``t_k`` from log10 K at ``t_ref_k`` and a constant ΔH° (kJ/mol)."""
    r = GAS_CONSTANT_J_MOL_K.value
    return log_k_ref - enthalpy_kj_mol * 1e3 / (r * _LN10) * (1.0 / t_k - 1.0 / t_ref_k)


# --------------------------------------------------------------------------- water

#: Kell (1975): density of air-free water at 1 atm, ρ(t) in kg/m³ with t in °C,
#: as a rational function (numerator coefficients a0..a5, denominator 1 + b t).
KELL_DENSITY_COEFFICIENTS = CitedConstant(
    value=(999.83952, 16.945176, -7.9870401e-3, -46.170461e-6, 105.56302e-9, -280.54253e-12),
    unit="kg/m³ (coefficients of t⁰..t⁵, t in °C)",
    temperature_c=None,
    citation="kell1975density",
    note="ρ = Σ a_i t^i / (1 + b t), b = 16.879850e-3 /°C; valid 0-150 °C at 1 atm.",
    basis="measured",
)
KELL_DENSITY_DENOMINATOR_PER_C = CitedConstant(
    16.879850e-3, "1/°C", None, "kell1975density",
    "b in Kell's density formula rho = sum(a_i t^i) / (1 + b t), t in °C.",
    basis="measured",
)

#: Malmberg & Maryott (1956): ε(t) = 87.740 - 0.40008 t + 9.398e-4 t² - 1.410e-6 t³.
MALMBERG_DIELECTRIC_COEFFICIENTS = CitedConstant(
    value=(87.740, -0.40008, 9.398e-4, -1.410e-6),
    unit="1 (coefficients of t⁰..t³, t in °C)",
    temperature_c=None,
    citation="malmberg1956dielectric",
    note="Static relative permittivity of water, fitted to measurements from 0 to 100 °C.",
    basis="measured",
)

#: The Debye-Hückel A constant is 1.82483e6 √ρ (εT)^(-3/2) (ρ in g/cm³, T in K).
DEBYE_HUCKEL_A_PREFACTOR = CitedConstant(
    value=1.82483e6,
    unit="(g/cm³)^(-1/2) K^(3/2) (mol/L)^(-1/2)",
    temperature_c=None,
    citation="davies1962ion",
    note="Prefactor of the Debye-Hückel limiting-law constant A for log10 γ; "
         "derived from the elementary charge, Avogadro's and Boltzmann's constants and the "
         "vacuum permittivity; gives A = 0.5108 at 25 °C and 0.5215 at 37 °C.",
    basis="derived",
)

#: The Davies equation is an empirical extension of Debye-Hückel; beyond this ionic
#: strength its error grows past a few per cent and the model refuses to go on.
DAVIES_MAX_IONIC_STRENGTH_MOL_L = CitedConstant(
    value=0.5,
    unit="mol/L",
    temperature_c=None,
    citation="davies1962ion",
    note="Upper limit of ionic strength at which the Davies equation is commonly applied.",
    basis="guideline",
)

#: The 0.3 I term of the Davies equation.
DAVIES_LINEAR_COEFFICIENT = CitedConstant(
    value=0.3,
    unit="L/mol",
    temperature_c=None,
    citation="davies1962ion",
    note="Coefficient of the linear term: log γ = -A z² (√I/(1+√I) - 0.3 I); an empirical "
         "coefficient, chosen by Davies to fit measured mean activity coefficients.",
    basis="measured",
)


@accepts(temperature_c=_TEMPERATURE_C)
def water_density_g_cm3(temperature_c: float = 37.0) -> float:
    """Density of pure water at 1 atm (Kell 1975), in g/cm³.

    .. math::

        \\rho(t) = \\frac{\\sum_{i=0}^{5} a_i t^i}{1 + b\\,t}

    Examples
    --------
    >>> round(water_density_g_cm3(37.0), 5)
    0.99333
    """
    t_c = _kelvin(temperature_c, warn=False) - _KELVIN
    a = KELL_DENSITY_COEFFICIENTS.value
    numerator = sum(coefficient * t_c**i for i, coefficient in enumerate(a))
    return numerator / (1.0 + KELL_DENSITY_DENOMINATOR_PER_C.value * t_c) / 1000.0


@accepts(temperature_c=_TEMPERATURE_C)
def water_dielectric_constant(temperature_c: float = 37.0) -> float:
    """Relative permittivity of water (Malmberg & Maryott 1956).

    Examples
    --------
    >>> round(water_dielectric_constant(37.0), 2)
    74.15
    """
    t_c = _kelvin(temperature_c, warn=False) - _KELVIN
    c = MALMBERG_DIELECTRIC_COEFFICIENTS.value
    return sum(coefficient * t_c**i for i, coefficient in enumerate(c))


@accepts(temperature_c=_TEMPERATURE_C)
def davies_a(temperature_c: float = 37.0) -> float:
    """The Debye-Hückel constant A (for log10 γ, concentrations in mol/L).

    .. math::

        A = 1.82483\\times10^{6}\\,\\sqrt{\\rho}\\,(\\varepsilon T)^{-3/2}

    Examples
    --------
    >>> round(davies_a(25.0), 4), round(davies_a(37.0), 4)
    (0.5108, 0.5215)
    """
    t_k = _kelvin(temperature_c, warn=False)
    rho = water_density_g_cm3(temperature_c)
    eps = water_dielectric_constant(temperature_c)
    return DEBYE_HUCKEL_A_PREFACTOR.value * math.sqrt(rho) * (eps * t_k) ** -1.5


@accepts(charge=Range(-3, 3, "(elementary charges)", kind="number"),
         ionic_strength_mol_l=Range(0.0, DAVIES_MAX_IONIC_STRENGTH_MOL_L.value, "mol/L", kind="number"),
         temperature_c=_TEMPERATURE_C)
def davies_log_gamma(charge: int, ionic_strength_mol_l: float, temperature_c: float = 37.0) -> float:
    """log10 of the Davies activity coefficient of an ion of ``charge``.

    .. math::

        \\log_{10}\\gamma_z = -A z^2\\left(\\frac{\\sqrt I}{1+\\sqrt I} - 0.3\\,I\\right)

    (:cite:`davies1962ion`).  Neutral species get γ = 1.

    Parameters
    ----------
    charge : int
        -3 to 3.
    ionic_strength_mol_l : float
        0 to 0.5 mol/L; above it the Davies equation no longer holds.
    temperature_c : float
        0-100 °C (sets A).

    Examples
    --------
    >>> [round(10 ** davies_log_gamma(z, 0.16), 3) for z in (1, 2, 3)]
    [0.752, 0.319, 0.077]
    """
    z, i = charge, ionic_strength_mol_l
    root = math.sqrt(i)
    return -davies_a(temperature_c) * z * z * (root / (1.0 + root) - DAVIES_LINEAR_COEFFICIENT.value * i)


#: Ion product of water, log10 Kw = A1 + A2 T + A3/T + A4 log10 T + A6 T² (T in K).
WATER_LOG_KW_COEFFICIENTS = CitedConstant(
    value=(293.29227, 0.1360833, -10576.913, -123.73158, 0.0, -6.996455e-5),
    unit="1 (PHREEQC -analytic coefficients A1..A6, T in K)",
    temperature_c=None,
    citation="parkhurst2013phreeqc",
    note="H2O = OH- + H+ in phreeqc.dat; gives pKw 13.995 at 25 °C and 13.620 at 37 °C.",
    basis="measured",
)


@accepts(temperature_c=_TEMPERATURE_C)
def water_log_kw(temperature_c: float = 37.0) -> float:
    """log10 of the ion product of water, {H⁺}{OH⁻}.

    Examples
    --------
    >>> round(water_log_kw(25.0), 3), round(water_log_kw(37.0), 3)
    (-13.995, -13.62)
    """
    return _analytic(WATER_LOG_KW_COEFFICIENTS.value, _kelvin(temperature_c))


def _analytic(c: tuple[float, ...], t_k: float) -> float:
    return c[0] + c[1] * t_k + c[2] / t_k + c[3] * math.log10(t_k) + c[4] / t_k**2 + c[5] * t_k**2


# ---------------------------------------------------------------- phosphoric acid

#: Dissociation constants of phosphoric acid, log10 K = A/T + B + C T (T in K), zero
#: ionic strength, with K in mol/L.  K1 and K2 are Bates's fits to his EMF
#: measurements from 0 to 60 °C; K3 is held at its 25 °C value and moved with van't Hoff.
PHOSPHORIC_ACID_LOG_K_FITS: dict[str, CitedConstant] = {
    "K1": CitedConstant(
        (-799.31, 4.5535, -0.013486), "(K, 1, 1/K): A, B, C of log10 K = A/T + B + C T", None,
        "bates1951first",
        "H3PO4 = H+ + H2PO4-; EMF measurements 0-60 °C; pKa1 2.148 at 25 °C, 2.206 at 37 °C.",
        basis="measured",
    ),
    "K2": CitedConstant(
        (-1979.5, 5.3541, -0.019840), "(K, 1, 1/K): A, B, C of log10 K = A/T + B + C T", None,
        "bates1943acidic",
        "H2PO4- = H+ + HPO4-2; EMF measurements 0-60 °C; pKa2 7.200 at 25 °C, 7.182 at 37 °C.",
        basis="measured",
    ),
}
#: pKa3 at 25 °C and the enthalpy that moves it (phreeqc.dat; the NBS papers give no fit).
PHOSPHORIC_ACID_PKA3_25C = CitedConstant(
    12.346, "1 (−log10 of K in mol/L)", 25.0, "parkhurst2013phreeqc",
    "HPO4-2 = H+ + PO4-3, from phreeqc.dat (log K of the reverse reaction 12.346).",
    basis="measured",
)
PHOSPHORIC_ACID_PKA3_ENTHALPY_KJ_MOL = CitedConstant(
    14.77, "kJ/mol", 25.0, "parkhurst2013phreeqc",
    "ΔH° of HPO4-2 = H+ + PO4-3: +3.530 kcal/mol (phreeqc.dat, sign reversed).",
    basis="measured",
)


@accepts(temperature_c=_TEMPERATURE_C)
def phosphoric_acid_pka(temperature_c: float = 37.0) -> tuple[float, float, float]:
    """pKa1, pKa2 and pKa3 of phosphoric acid at zero ionic strength.

    pKa1 and pKa2 from Bates's temperature fits (:cite:`bates1951first`,
    :cite:`bates1943acidic`); pKa3 from phreeqc.dat with van't Hoff
    (:cite:`parkhurst2013phreeqc`).

    Examples
    --------
    >>> [round(p, 3) for p in phosphoric_acid_pka(25.0)]
    [2.148, 7.2, 12.346]
    >>> [round(p, 2) for p in phosphoric_acid_pka(37.0)]
    [2.21, 7.18, 12.25]
    """
    t_k = _kelvin(temperature_c)
    pkas = []
    for key in ("K1", "K2"):
        a, b, c = PHOSPHORIC_ACID_LOG_K_FITS[key].value
        pkas.append(-(a / t_k + b + c * t_k))
    pkas.append(-_vant_hoff(-PHOSPHORIC_ACID_PKA3_25C.value, 298.15,
                            PHOSPHORIC_ACID_PKA3_ENTHALPY_KJ_MOL.value, t_k))
    return (pkas[0], pkas[1], pkas[2])


# -------------------------------------------------------------------- ion pairs

@dataclass(frozen=True)
class IonPair:
    """An association reaction M + L = ML with its thermodynamic constant.

    Attributes
    ----------
    metal, ligand : str
        The reacting ions (``"Ca+2"``, ``"HPO4-2"``).
    log_k : CitedConstant
        log10 of the association constant (L/mol, zero ionic strength) at
        ``log_k.temperature_c``.
    enthalpy_kj_mol : CitedConstant
        Reaction enthalpy for van't Hoff.
    """

    metal: str
    ligand: str
    log_k: CitedConstant
    enthalpy_kj_mol: CitedConstant


_KCAL = 4.184

#: The ion pairs of the model, keyed by the pair's formula.
ION_PAIRS: dict[str, IonPair] = {
    "CaHPO4": IonPair(
        "Ca+2", "HPO4-2",
        CitedConstant(math.log10(588.0), "1 (log10 of L/mol)", 37.5, "moreno1966solubility",
                      "K = 588 L/mol for Ca+2 + HPO4-2 = CaHPO4(0), from DCPD solubility at 37.5 °C.",
                      basis="measured"),
        CitedConstant(3.3 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "+3.3 kcal/mol (phreeqc.dat); the NBS work measured at one temperature.",
                      basis="measured"),
    ),
    "CaH2PO4+": IonPair(
        "Ca+2", "H2PO4-",
        CitedConstant(math.log10(7.49), "1 (log10 of L/mol)", 37.5, "moreno1966solubility",
                      "K = 7.49 L/mol for Ca+2 + H2PO4- = CaH2PO4+ at 37.5 °C (phreeqc.dat has 32 L/mol).",
                      basis="measured"),
        CitedConstant(3.4 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "+3.4 kcal/mol (phreeqc.dat).", basis="measured"),
    ),
    "CaPO4-": IonPair(
        "Ca+2", "PO4-3",
        CitedConstant(6.459, "1 (log10 of L/mol)", 25.0, "chughtai1968complex",
                      "K = 2.9e6 L/mol at 25 °C (3.5e6 at 37 °C), the value carried by phreeqc.dat; "
                      "McDonogh et al. (2024) argue it is ~100 times too large.", basis="measured"),
        CitedConstant(3.1 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "+3.1 kcal/mol (phreeqc.dat).", basis="measured"),
    ),
    "MgHPO4": IonPair(
        "Mg+2", "HPO4-2",
        CitedConstant(math.log10(1004.0), "1 (log10 of L/mol)", 37.0, "verbeeck1990association",
                      "K = 1004 ± 89 L/mol for Mg+2 + HPO4-2 = MgHPO4(0) at 37 °C; "
                      "the uncertainty, 89/(1004 ln 10) = 0.039, is in log10 units.",
                      basis="measured", uncertainty=89.0 / (1004.0 * math.log(10.0))),
        CitedConstant(3.3 * _KCAL, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "+3.3 kcal/mol (phreeqc.dat).", basis="measured"),
    ),
    "NaHPO4-": IonPair(
        "Na+", "HPO4-2",
        CitedConstant(0.29, "1 (log10 of L/mol)", 25.0, "parkhurst2013phreeqc",
                      "K = 1.95 L/mol for Na+ + HPO4-2 = NaHPO4- (phreeqc.dat).", basis="measured"),
        CitedConstant(0.0, "kJ/mol", 25.0, "parkhurst2013phreeqc",
                      "No enthalpy is given in phreeqc.dat; set to zero so that log K keeps "
                      "its 25 °C value at every temperature, as PHREEQC does when no enthalpy is given.",
                      basis="set"),
    ),
}


@accepts(temperature_c=_TEMPERATURE_C)
def ion_pair_log_k(pair: str, temperature_c: float = 37.0) -> float:
    """log10 of the thermodynamic association constant of ``pair`` (L/mol).

    Examples
    --------
    >>> round(10 ** ion_pair_log_k("CaHPO4", 37.5))
    588
    >>> round(10 ** ion_pair_log_k("CaHPO4", 37.0))
    583
    """
    if pair not in ION_PAIRS:
        raise ValueError(f"pair must be one of {', '.join(map(repr, ION_PAIRS))}; got {pair!r}")
    data = ION_PAIRS[pair]
    return _vant_hoff(data.log_k.value, data.log_k.temperature_c + _KELVIN,
                      data.enthalpy_kj_mol.value, _kelvin(temperature_c))


# ----------------------------------------------------------- solubility products

@dataclass(frozen=True)
class SolubilityProduct:
    """The solubility product of one phase, as written in ``formula``.

    Attributes
    ----------
    formula : str
        The formula unit the Ksp refers to.
    ions : dict
        Exponent of each ion activity in the ion activity product
        (``{"Ca+2": 5, "PO4-3": 3, "OH-": 1}``).
    data : tuple of CitedConstant
        Either one fit ``(A, B, C)`` of log10 Ksp = A/T + B + C T, or two
        measured (temperature, log10 Ksp) points joined by van't Hoff, or one
        value held constant.
    kind : str
        ``"fit"``, ``"two_points"`` or ``"constant"``.
    """

    formula: str
    ions: dict[str, int]
    data: tuple[CitedConstant, ...]
    kind: str


#: The phases :meth:`calcify_lib.chemistry.Speciation.saturation_index` knows.
PHASES = (
    "hydroxyapatite",
    "brushite",
    "octacalcium_phosphate",
    "beta_tricalcium_phosphate",
    "amorphous_calcium_phosphate",
)

#: log10 Ksp of each phase (activities in mol/L, formula units as written).
LOG_KSP: dict[str, SolubilityProduct] = {
    "hydroxyapatite": SolubilityProduct(
        "Ca5(PO4)3OH", {"Ca+2": 5, "PO4-3": 3, "OH-": 1},
        (CitedConstant((-8219.41, -1.6657, -0.098215), "(K, 1, 1/K)", None, "mcdowell1977solubility",
                       "log10 Ksp = -8219.41/T - 1.6657 - 0.098215 T, measured 5-37 °C; "
                       "-58.52 at 25 °C, -58.63 at 37 °C.", basis="measured"),),
        "fit",
    ),
    "brushite": SolubilityProduct(
        "CaHPO4·2H2O", {"Ca+2": 1, "HPO4-2": 1},
        (CitedConstant(math.log10(2.49e-7), "1 (log10 of mol²/L²)", 25.0, "gregory1970solubility",
                       "Ksp = 2.49e-7 mol²/L² at 25 °C.", basis="measured"),
         CitedConstant(math.log10(2.19e-7), "1 (log10 of mol²/L²)", 37.5, "moreno1966solubility",
                       "Ksp = 2.19e-7 mol²/L² at 37.5 °C, with the ion pairs of this module.",
                       basis="measured")),
        "two_points",
    ),
    "octacalcium_phosphate": SolubilityProduct(
        "Ca4H(PO4)3·2.5H2O", {"Ca+2": 4, "H+": 1, "PO4-3": 3},
        (CitedConstant(-48.4, "1 (log10 of mol⁸/L⁸)", 23.5, "tung1988ocp",
                       "pKsp 48.4 at 23.5 °C, per Ca4H(PO4)3·2.5H2O (half the Ca8 formula); "
                       "other laboratories report up to 1.5 log units (Ca8 formula) apart.",
                       basis="measured"),
         CitedConstant(-48.7, "1 (log10 of mol⁸/L⁸)", 37.0, "tung1988ocp",
                       "pKsp 48.7 ± 0.2 at 37 °C, per Ca4H(PO4)3·2.5H2O.",
                       basis="measured", uncertainty=0.2)),
        "two_points",
    ),
    "beta_tricalcium_phosphate": SolubilityProduct(
        "β-Ca3(PO4)2", {"Ca+2": 3, "PO4-3": 2},
        (CitedConstant((-45723.26, 287.4536, -0.546763), "(K, 1, 1/K)", None, "gregory1974solubility",
                       "log10 Ksp = -45723.26/T + 287.4536 - 0.546763 T, measured 5-37 °C; "
                       "-28.92 at 25 °C, -29.55 at 37 °C.", basis="measured"),),
        "fit",
    ),
    "amorphous_calcium_phosphate": SolubilityProduct(
        "Ca3(PO4)2 (amorphous, operational)", {"Ca+2": 3, "PO4-3": 2},
        (CitedConstant(-25.7, "1 (log10 of mol⁵/L⁵)", 37.0, "dorozhkin2010bioceramics",
                       "Ion product {Ca}³{PO4}² in equilibrium with ACP at pH 7.40 (25.7 ± 0.1); "
                       "the value depends on pH (29.9 at pH 6.00) because ACP's composition does. "
                       "Held constant here: an operational threshold, not a true Ksp.",
                       basis="measured", uncertainty=0.1),),
        "constant",
    ),
}


@accepts(temperature_c=_TEMPERATURE_C)
def log_ksp(phase: str, temperature_c: float = 37.0) -> float:
    """log10 Ksp of ``phase`` at ``temperature_c`` (activities in mol/L).

    Parameters
    ----------
    phase : str
        One of :data:`PHASES`.
    temperature_c : float
        0-100 °C; warns outside :data:`VALIDATED_TEMPERATURE_RANGE_C`.

    Examples
    --------
    >>> round(log_ksp("hydroxyapatite", 37.0), 2), round(log_ksp("beta_tricalcium_phosphate", 37.0), 2)
    (-58.63, -29.55)
    >>> round(log_ksp("brushite", 37.0), 2), round(log_ksp("octacalcium_phosphate", 37.0), 2)
    (-6.66, -48.7)
    """
    if phase not in LOG_KSP:
        raise ValueError(
            f"phase must be one of {', '.join(map(repr, PHASES))}; got {phase!r}"
        )
    t_k = _kelvin(temperature_c)
    product = LOG_KSP[phase]
    if product.kind == "fit":
        a, b, c = product.data[0].value
        return a / t_k + b + c * t_k
    if product.kind == "two_points":
        (p1, p2) = product.data
        t1, t2 = p1.temperature_c + _KELVIN, p2.temperature_c + _KELVIN
        # van't Hoff through both points: log K linear in 1/T.
        slope = (p2.value - p1.value) / (1.0 / t2 - 1.0 / t1)
        return p1.value + slope * (1.0 / t_k - 1.0 / t1)
    return product.data[0].value
