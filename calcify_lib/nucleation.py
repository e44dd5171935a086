"""Classical nucleation theory (CNT) for hydroxyapatite: why a supersaturated fluid can wait.

A positive saturation index says that hydroxyapatite *may* form; it does not
say *when*.  Before a crystal can grow, a cluster of ions must reach a
critical size, and building its surface costs free energy.  This module
computes that barrier, the critical radius, the nucleation rate and the
expected wait for the first nucleus, and lets a surface lower the barrier.

The equations
-------------
With the supersaturation ratio per growth unit
:math:`S = (\\mathrm{IAP}/K_{sp})^{1/\\nu}` (ν ions in the formula unit),
the molecular volume of one growth unit *v*, the interfacial energy γ and
the thermal energy *kT*, a spherical nucleus has

.. math::

    r^* = \\frac{2\\gamma v}{kT\\ln S}, \\qquad
    \\frac{\\Delta G^*}{kT} = \\frac{16\\pi\\gamma^3 v^2}{3 (kT)^3 \\ln^2 S}\\,f(\\theta), \\qquad
    f(\\theta) = \\frac{(2+\\cos\\theta)(1-\\cos\\theta)^2}{4},

where f(θ) is the share of the barrier left when the nucleus forms as a cap
on a surface it wets with contact angle θ (f = 1 at 180°: no help, the
homogeneous limit; f = 0 at 0°: no barrier).  The rate per volume and the
expected wait for the first nucleus in a volume *V* are

.. math::

    J = A\\,e^{-\\Delta G^*/kT}, \\qquad \\tau = \\frac{1}{J V}.

The choice of growth unit does not matter: dividing the formula unit into ν
growth units divides both *v* and ln *S* by ν, and the barrier depends on
:math:`v^2/\\ln^2 S`.  Here the growth unit is one ion of Ca₅(PO₄)₃OH (ν = 9).
:cite:`lu2005theoretical` applied the same theory, with heterogeneous
nucleation, to calcium phosphates in simulated body fluid.

Calibration: what is measured and what is set
---------------------------------------------
Absolute CNT rates are uncertain by many orders of magnitude: the barrier
depends on γ³, and γ for a nanometre-sized nucleus is not the γ of a flat
crystal face.  Taken at face value, the measured interfacial energies of
hydroxyapatite in water, about 90-110 mJ/m² (:cite:`habraken2013ion`,
:cite:`wu1999determination`), give a homogeneous barrier of only about
19 kT in normal serum (S ≈ 12.8): naive CNT says blood should precipitate
at once, and it does not.  Real serum is protected by inhibitors (fetuin-A,
magnesium, pyrophosphate), and calcium phosphate nucleates through amorphous
precursors that CNT's ion-by-ion picture leaves out.  This module therefore
uses

* **measured**: the molecular volume *v*, from the unit cell of
  hydroxyapatite (:cite:`sudarsanan1969significant`); Boltzmann's constant
  (:cite:`tiesinga2021codata`);
* **estimated**: the kinetic prefactor A = 10³⁴ m⁻³ s⁻¹, the order of
  magnitude of A = z f* C₀ for nucleation from solution
  (:cite:`kashchiev2003nucleation`); see :data:`KINETIC_PREFACTOR_PER_M3_S`;
* **set to reproduce one observation**: an *effective* interfacial energy,
  :data:`EFFECTIVE_INTERFACIAL_ENERGY_J_M2` ≈ 156 mJ/m², chosen so that
  Kokubo's simulated body fluid (SBF; no proteins, SI of hydroxyapatite
  11.14 by :mod:`calcify_lib.chemistry`, higher than serum's 10.0) waits
  30 days, in its 1-litre batch at 36.5 °C, before its first homogeneous
  nucleus: SBF is prepared, stored and used within 30 days without
  precipitating (:cite:`kokubo2006how`).  That is a lower bound made into an
  equality, so the effective γ is the *smallest* value consistent with the
  observation.  It is larger than the measured γ because it carries
  everything CNT leaves out;
* **teaching assumptions**: the contact angles of the surfaces in
  :data:`SURFACES` (see each note).

What the model then teaches are ratios and trends, not absolute times:
normal serum on a surface that gives no help waits far longer than a
lifetime; the same serum on damaged membranes nucleates within hours; a
modest rise in S (chronic kidney disease) shortens every wait by orders of
magnitude, because S sits inside an exponential, squared.  A factor of ten
in A moves every wait by a factor of ten and leaves these conclusions
standing; a change of γ by a few per cent moves them by orders of
magnitude, which is why γ is the calibrated quantity.

Assumptions and limits
----------------------
* Steady-state, ion-by-ion CNT for a spherical nucleus (a spherical cap on
  a surface); no amorphous precursor, no prenucleation clusters, no
  inhibitor chemistry except through the effective γ.
* γ, *v* and A are taken as independent of temperature; temperature enters
  through *kT* only (and through *S*, which the caller supplies).
* Heterogeneous nucleation uses the same A per volume of fluid next to the
  surface; only the barrier changes with θ.
* Times beyond about 10³⁰⁸ s overflow a float and are returned as ``inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant
from .thermodynamics import LOG_KSP, PHASES, TEMPERATURE_RANGE_C

__all__ = [
    "BOLTZMANN_CONSTANT_J_K",
    "HYDROXYAPATITE_CELL_A_M",
    "HYDROXYAPATITE_CELL_C_M",
    "HYDROXYAPATITE_FORMULA_UNITS_PER_CELL",
    "MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3",
    "MEASURED_INTERFACIAL_ENERGY_J_M2",
    "KINETIC_PREFACTOR_PER_M3_S",
    "SBF_SATURATION_INDEX",
    "SBF_CLEAR_TIME_S",
    "SBF_VOLUME_M3",
    "SBF_TEMPERATURE_C",
    "EFFECTIVE_INTERFACIAL_ENERGY_J_M2",
    "DEFAULT_VOLUME_M3",
    "Surface",
    "SURFACES",
    "growth_units_per_formula",
    "heterogeneous_factor",
    "saturation_ratio_per_growth_unit",
    "nucleation_barrier_kt",
    "critical_radius_nm",
    "critical_nucleus_growth_units",
    "cluster_free_energy_kt",
    "nucleation_rate_per_m3_s",
    "induction_time_s",
]

_KELVIN = 273.15

# ------------------------------------------------------------------ constants

BOLTZMANN_CONSTANT_J_K = CitedConstant(
    1.380649e-23, "J/K", None, "tiesinga2021codata",
    "Boltzmann constant k, exact in the 2019 SI.",
    basis="convention",
)

HYDROXYAPATITE_CELL_A_M = CitedConstant(
    9.418e-10, "m", None, "sudarsanan1969significant",
    "Lattice constant a of hexagonal hydroxyapatite (P6_3/m), 9.418 Å, measured at room temperature; "
    "thermal expansion to 37 °C (about 1e-5 per K) is neglected.",
    basis="measured",
)
HYDROXYAPATITE_CELL_C_M = CitedConstant(
    6.884e-10, "m", None, "sudarsanan1969significant",
    "Lattice constant c of hexagonal hydroxyapatite, 6.884 Å, measured at room temperature.",
    basis="measured",
)
HYDROXYAPATITE_FORMULA_UNITS_PER_CELL = CitedConstant(
    2, "1 (Ca5(PO4)3OH units per unit cell)", None, "sudarsanan1969significant",
    "Z = 2: one Ca10(PO4)6(OH)2, that is two Ca5(PO4)3OH, per hexagonal cell.",
    basis="measured",
)


def growth_units_per_formula(phase: str) -> int:
    """ν: the number of ions in the formula unit of ``phase`` as written in
    :data:`calcify_lib.thermodynamics.LOG_KSP` (the sum of the exponents of its ion
    activity product).

    Examples
    --------
    >>> growth_units_per_formula("hydroxyapatite"), growth_units_per_formula("brushite")
    (9, 2)
    """
    if not isinstance(phase, str) or phase not in LOG_KSP:
        raise ValueError(f"phase must be one of {', '.join(map(repr, PHASES))}; got {phase!r}")
    return sum(LOG_KSP[phase].ions.values())


def _molecular_volume_m3() -> float:
    a, c = HYDROXYAPATITE_CELL_A_M.value, HYDROXYAPATITE_CELL_C_M.value
    cell_m3 = math.sqrt(3.0) / 2.0 * a * a * c
    return cell_m3 / HYDROXYAPATITE_FORMULA_UNITS_PER_CELL.value / growth_units_per_formula("hydroxyapatite")


MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3 = CitedConstant(
    _molecular_volume_m3(), "m³ per growth unit (one ion of Ca5(PO4)3OH)", None, "sudarsanan1969significant",
    "v = V_cell / (Z ν) with V_cell = (√3/2) a² c = 528.8 Å³, Z = 2, ν = 9: 29.4 Å³. The same cell "
    "with M = 502.31 g/mol gives a density of 3.155 g/cm³ (3.16 in mineral tables).",
    basis="derived",
)

MEASURED_INTERFACIAL_ENERGY_J_M2 = CitedConstant(
    0.090, "J/m²", 37.0, "habraken2013ion",
    "Interfacial energy of apatite from a classical-nucleation fit to nucleation rates measured by "
    "in situ AFM on collagen (90 mJ/m²; 40 mJ/m² for amorphous calcium phosphate). For comparison "
    "only: the rates use the effective value.",
    basis="measured",
)

KINETIC_PREFACTOR_PER_M3_S = CitedConstant(
    1e34, "1/(m³·s)", None, "kashchiev2003nucleation",
    "Order-of-magnitude estimate of A = z f* C0 for nucleation from solution: C0 ≈ 3e28 m⁻³ "
    "(water molecules as sites), attachment frequency f* = 4πD c r* ≈ 4e6 s⁻¹ (D = 1e-9 m²/s, "
    "c = 1 mmol/L, r* = 0.5 nm), Zeldovich factor z ≈ 0.1. Uncertain by several orders of magnitude.",
    basis="derived",
)

SBF_TEMPERATURE_C = CitedConstant(
    36.5, "°C", None, "kokubo2006how",
    "Temperature at which SBF is prepared to pH 7.40 and used in apatite-formation tests.",
    basis="convention",
)
SBF_SATURATION_INDEX = CitedConstant(
    11.14, "1 (log10 IAP/Ksp per Ca5(PO4)3OH)", 36.5, "kokubo2006how",
    "Hydroxyapatite SI of Kokubo's SBF (Ca 2.5, HPO4 1.0, Mg 1.5, Na 142 + K 5, Cl 147.8 mmol/L, "
    "pH 7.40), computed with calcify_lib.chemistry.speciate at 36.5 °C; bicarbonate (4.2) and "
    "sulfate (0.5 mmol/L) are left out. tests/test_nucleation.py recomputes it.",
    basis="derived",
)
SBF_CLEAR_TIME_S = CitedConstant(
    30 * 86400.0, "s", 36.5, "kokubo2006how",
    "SBF is used within 30 days of preparation without precipitating; taken here as the induction "
    "time of homogeneous nucleation in one batch (a lower bound used as an equality).",
    basis="guideline",
)
SBF_VOLUME_M3 = CitedConstant(
    1e-3, "m³", None, "kokubo2006how",
    "One batch of SBF: the recipe makes 1000 mL.",
    basis="convention",
)


def _effective_interfacial_energy_j_m2() -> float:
    """γ such that τ(SBF, homogeneous) = SBF_CLEAR_TIME_S in SBF_VOLUME_M3."""
    kt = BOLTZMANN_CONSTANT_J_K.value * (SBF_TEMPERATURE_C.value + _KELVIN)
    ln_s = SBF_SATURATION_INDEX.value / growth_units_per_formula("hydroxyapatite") * math.log(10.0)
    barrier_kt = math.log(SBF_CLEAR_TIME_S.value * KINETIC_PREFACTOR_PER_M3_S.value * SBF_VOLUME_M3.value)
    v = MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value
    return (3.0 * kt**3 * ln_s**2 * barrier_kt / (16.0 * math.pi * v**2)) ** (1.0 / 3.0)


EFFECTIVE_INTERFACIAL_ENERGY_J_M2 = CitedConstant(
    _effective_interfacial_energy_j_m2(), "J/m²", 36.5, "kokubo2006how",
    "Effective interfacial energy of hydroxyapatite nuclei in physiological fluid (about 156 mJ/m²), "
    "set so that SBF's first homogeneous nucleus in 1 L at 36.5 °C takes 30 days with A = 1e34 "
    "m⁻³ s⁻¹. Larger than measured values (90-110 mJ/m²): it stands for what CNT leaves out.",
    basis="set",
)

DEFAULT_VOLUME_M3 = CitedConstant(
    1e-9, "m³", None, "agatston1990quantification",
    "1 mm³ (1 µL) of tissue fluid: the order of the smallest calcified focus a CT calcium score "
    "counts (at least 1 mm² in a 3-mm slice). A nucleus in this volume is one visible lesion-to-be.",
    basis="convention",
)


# ------------------------------------------------------------------ surfaces

@dataclass(frozen=True)
class Surface:
    """A surface on which hydroxyapatite can nucleate.

    Attributes
    ----------
    label : str
        A short human label for figures and explorers.
    contact_angle_deg : CitedConstant
        Contact angle θ of a hydroxyapatite nucleus on it (degrees); its note
        says whether the number is measured or a teaching assumption.
    """

    label: str
    contact_angle_deg: CitedConstant


#: The surfaces the chapter's explorer offers, from no help to most help.
SURFACES: dict[str, Surface] = {
    "healthy_endothelium": Surface(
        "Healthy endothelium",
        CitedConstant(
            180.0, "°", None, "wu1997heterogeneous",
            "Teaching assumption: the homogeneous limit (f = 1), set so that the intact endothelium "
            "is the most protective surface. An intact endothelium offers no "
            "calcium-binding, lattice-matching groups; surfaces without such groups nucleated no "
            "calcium phosphate in supersaturated solution (wu1997heterogeneous). Real surfaces "
            "always help a little, so this is the most protective case.",
            basis="set",
        ),
    ),
    "collagen": Surface(
        "Collagen (type I fibrils)",
        CitedConstant(
            110.0, "°", None, "habraken2013ion",
            "Teaching assumption (f = 0.75), not a measured angle. Collagen templates apatite in "
            "vitro (habraken2013ion; kim2018role, with lower barriers in the gap zones); the angle "
            "is set so that normal serum needs longer than a lifetime in 1 mm³ (about 165 years) "
            "while the serum of chronic kidney disease needs under a year.",
            basis="set",
        ),
    ),
    "damaged_membranes": Surface(
        "Necrotic debris, damaged membranes (phosphatidylserine)",
        CitedConstant(
            100.0, "°", None, "boskey1977role",
            "Teaching assumption (f = 0.63), not a measured angle. Acidic phospholipids such as "
            "phosphatidylserine, exposed by dying cells and in matrix vesicles, bind calcium and "
            "phosphate and initiate hydroxyapatite (boskey1977role); the angle is set so that "
            "normal serum nucleates within hours in 1 mm³: dystrophic calcification.",
            basis="set",
        ),
    ),
}


# ------------------------------------------------------------------ validation

_SATURATION_RATIO = Range(0.0, math.inf, "(dimensionless; 1 is saturation)", kind="number",
                          low_inclusive=False)
_CONTACT_ANGLE_DEG = Range(0.0, 180.0, "°", kind="number")
_TEMPERATURE_C = Range(*TEMPERATURE_RANGE_C, "°C", kind="number")
_VOLUME_M3 = Range(0.0, math.inf, "m³", kind="number", low_inclusive=False)


def _kt_j(t_c: float) -> float:
    # t_c was checked (and made a float) by the public function's @accepts.
    return BOLTZMANN_CONSTANT_J_K.value * (t_c + _KELVIN)


# ------------------------------------------------------------------ the theory

@accepts(contact_angle_deg=_CONTACT_ANGLE_DEG)
def heterogeneous_factor(contact_angle_deg: float) -> float:
    """Share of the homogeneous barrier left for a nucleus on a surface, f(θ).

    .. math::

        f(\\theta) = \\frac{(2+\\cos\\theta)(1-\\cos\\theta)^2}{4}

    the volume of a spherical cap of contact angle θ relative to the whole
    sphere of the same radius.

    Parameters
    ----------
    contact_angle_deg : float
        0-180°.  180° is a surface the nucleus does not wet (no help, f = 1);
        0° one it wets completely (no barrier, f = 0).

    Examples
    --------
    >>> heterogeneous_factor(180.0), heterogeneous_factor(90.0), heterogeneous_factor(0.0)
    (1.0, 0.5, 0.0)
    >>> round(heterogeneous_factor(110.0), 3), round(heterogeneous_factor(100.0), 3)
    (0.747, 0.629)
    """
    theta = math.radians(contact_angle_deg)
    if theta == math.pi:
        return 1.0  # exact: cos(pi) is -1 only to rounding
    if theta == math.pi / 2:
        return 0.5
    c = math.cos(theta)
    return (2.0 + c) * (1.0 - c) ** 2 / 4.0


@accepts(saturation_index=Range(-300.0, 300.0, "(log10 units)", kind="number"))
def saturation_ratio_per_growth_unit(saturation_index: float, phase: str) -> float:
    """S per growth unit from a saturation index: :math:`S = 10^{\\mathrm{SI}/\\nu}`.

    The bridge from :mod:`calcify_lib.chemistry`, whose SI is log10(IAP/Ksp)
    per formula unit as written in :data:`calcify_lib.thermodynamics.LOG_KSP`;
    ν is the number of ions in that formula (:func:`growth_units_per_formula`:
    9 for Ca₅(PO₄)₃OH).

    Parameters
    ----------
    saturation_index : float
        -300 to 300 (log10 units).  Negative: undersaturated, S < 1.
    phase : str
        One of :data:`calcify_lib.thermodynamics.PHASES`.

    Examples
    --------
    >>> round(saturation_ratio_per_growth_unit(9.97, "hydroxyapatite"), 1)
    12.8
    >>> saturation_ratio_per_growth_unit(0.0, "brushite")
    1.0
    """
    return 10.0 ** (saturation_index / growth_units_per_formula(phase))


def _homogeneous_barrier_kt(ln_s: float, kt: float) -> float:
    gamma = EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value
    v = MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value
    return 16.0 * math.pi * gamma**3 * v**2 / (3.0 * kt**3 * ln_s**2)


@accepts(saturation_ratio=_SATURATION_RATIO, contact_angle_deg=_CONTACT_ANGLE_DEG,
         temperature_c=_TEMPERATURE_C)
def nucleation_barrier_kt(
    saturation_ratio: float, *, contact_angle_deg: float = 180.0, temperature_c: float = 37.0
) -> float:
    """Free-energy barrier to a hydroxyapatite nucleus, in units of kT.

    .. math::

        \\frac{\\Delta G^*}{kT} = \\frac{16\\pi\\gamma^3 v^2}{3 (kT)^3 \\ln^2 S}\\,f(\\theta)

    with the effective γ (:data:`EFFECTIVE_INTERFACIAL_ENERGY_J_M2`) and *v*
    per growth unit (:data:`MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3`).  The
    absolute value rests on a calibration (see the module docstring); its
    dependence on S and θ is the theory's.

    Parameters
    ----------
    saturation_ratio : float
        S per growth unit (:func:`saturation_ratio_per_growth_unit`), > 0.
    contact_angle_deg : float
        0-180°; 180° (the default) is homogeneous nucleation.
    temperature_c : float
        0-100 °C.

    Returns
    -------
    float
        ``math.inf`` when S ≤ 1: a saturated or undersaturated fluid forms no
        nucleus, however long it waits.

    Examples
    --------
    >>> round(nucleation_barrier_kt(12.8), 1)
    107.1
    >>> round(nucleation_barrier_kt(12.8, contact_angle_deg=90.0), 1)
    53.6
    >>> nucleation_barrier_kt(0.5)
    inf
    """
    s = saturation_ratio
    f = heterogeneous_factor(contact_angle_deg)
    kt = _kt_j(temperature_c)
    if s <= 1.0:
        return math.inf
    return _homogeneous_barrier_kt(math.log(s), kt) * f


@accepts(saturation_ratio=_SATURATION_RATIO, temperature_c=_TEMPERATURE_C)
def critical_radius_nm(saturation_ratio: float, *, temperature_c: float = 37.0) -> float:
    """Radius of the critical nucleus, r* = 2γv / (kT ln S), in nanometres.

    A cluster smaller than r* tends to dissolve, a larger one to grow.  On a
    surface the critical nucleus is a cap of the same radius of curvature, so
    r* does not depend on the contact angle.  Uses the effective γ; with the
    measured γ (about 90 mJ/m²) r* would be about 0.6 times this.

    Parameters
    ----------
    saturation_ratio : float
        S per growth unit, > 0.
    temperature_c : float
        0-100 °C.

    Returns
    -------
    float
        ``math.inf`` when S ≤ 1.

    Examples
    --------
    >>> round(critical_radius_nm(12.8), 2)
    0.84
    >>> critical_radius_nm(1.0)
    inf
    """
    s = saturation_ratio
    kt = _kt_j(temperature_c)
    if s <= 1.0:
        return math.inf
    gamma = EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value
    return 2.0 * gamma * MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value / (kt * math.log(s)) * 1e9


@accepts(saturation_ratio=_SATURATION_RATIO, temperature_c=_TEMPERATURE_C)
def critical_nucleus_growth_units(saturation_ratio: float, *, temperature_c: float = 37.0) -> float:
    """Number of growth units in the critical nucleus, n* = (4/3)π r*³ / v.

    For a spherical nucleus (homogeneous nucleation).  On a surface the
    critical cap holds f(θ) times as many.  Counts of a few tens are where
    the continuum picture of CNT, a sphere with a sharp surface, is at its
    weakest: treat n* as an order of magnitude.

    Parameters
    ----------
    saturation_ratio : float
        S per growth unit, > 0.
    temperature_c : float
        0-100 °C.

    Returns
    -------
    float
        ``math.inf`` when S ≤ 1.

    Examples
    --------
    >>> round(critical_nucleus_growth_units(12.8))
    84
    """
    radius_nm = critical_radius_nm(saturation_ratio, temperature_c=temperature_c)
    if math.isinf(radius_nm):
        return math.inf
    return 4.0 / 3.0 * math.pi * (radius_nm * 1e-9) ** 3 / MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value


@accepts(radius_nm=Range(0.0, 100.0, "nm"), saturation_ratio=_SATURATION_RATIO,
         contact_angle_deg=_CONTACT_ANGLE_DEG, temperature_c=_TEMPERATURE_C)
def cluster_free_energy_kt(
    radius_nm, saturation_ratio: float, *, contact_angle_deg: float = 180.0, temperature_c: float = 37.0
):
    """Free energy of a cluster of radius r, in units of kT: the curve whose maximum is the barrier.

    .. math::

        \\frac{\\Delta G(r)}{kT} = \\left(-\\frac{4\\pi r^3}{3v}\\ln S
        + \\frac{4\\pi r^2\\gamma}{kT}\\right) f(\\theta)

    The first term is the gain of moving growth units from the solution into
    the solid, the second the cost of the cluster's surface (effective γ,
    :data:`EFFECTIVE_INTERFACIAL_ENERGY_J_M2`).  On a surface both scale by
    f(θ), so the maximum stays at r* (:func:`critical_radius_nm`) and equals
    :func:`nucleation_barrier_kt`.

    Parameters
    ----------
    radius_nm : float or array_like
        Radius of curvature of the cluster, 0-100 nm.
    saturation_ratio : float
        S per growth unit, > 0.  At S ≤ 1 the curve only rises.
    contact_angle_deg : float
        0-180°; 180° is a cluster in the open solution.
    temperature_c : float
        0-100 °C.

    Returns
    -------
    float or numpy.ndarray
        ΔG/kT, of the shape of ``radius_nm``.

    Examples
    --------
    >>> r_star = critical_radius_nm(12.8)
    >>> bool(abs(cluster_free_energy_kt(r_star, 12.8) - nucleation_barrier_kt(12.8)) < 1e-9)
    True
    """
    r = radius_nm * 1e-9
    s = saturation_ratio
    f = heterogeneous_factor(contact_angle_deg)
    kt = _kt_j(temperature_c)
    gamma = EFFECTIVE_INTERFACIAL_ENERGY_J_M2.value
    v = MOLECULAR_VOLUME_PER_GROWTH_UNIT_M3.value
    energy = (-4.0 * math.pi * r**3 / (3.0 * v) * math.log(s) + 4.0 * math.pi * r**2 * gamma / kt) * f
    return float(energy) if np.ndim(energy) == 0 else energy


@accepts(saturation_ratio=_SATURATION_RATIO, contact_angle_deg=_CONTACT_ANGLE_DEG,
         temperature_c=_TEMPERATURE_C)
def nucleation_rate_per_m3_s(
    saturation_ratio: float, *, contact_angle_deg: float = 180.0, temperature_c: float = 37.0
) -> float:
    """Steady-state nucleation rate J = A exp(-ΔG*/kT), nuclei per m³ per second.

    A is :data:`KINETIC_PREFACTOR_PER_M3_S`, an order-of-magnitude estimate.
    Absolute rates are uncertain by many orders of magnitude; ratios between
    two fluids or two surfaces are what the model teaches.

    Parameters
    ----------
    saturation_ratio : float
        S per growth unit, > 0.
    contact_angle_deg : float
        0-180°; 180° is homogeneous nucleation.
    temperature_c : float
        0-100 °C.

    Returns
    -------
    float
        0.0 when S ≤ 1.  (A rate below about 1e-308 per m³ per s also comes
        out as 0.0; :func:`induction_time_s` is computed in log space and stays
        exact there.)

    Examples
    --------
    >>> f"{nucleation_rate_per_m3_s(12.8, contact_angle_deg=100.0):.1e}"
    '5.4e+04'
    >>> nucleation_rate_per_m3_s(1.0)
    0.0
    """
    barrier = nucleation_barrier_kt(saturation_ratio, contact_angle_deg=contact_angle_deg,
                                    temperature_c=temperature_c)
    if math.isinf(barrier):
        return 0.0
    return KINETIC_PREFACTOR_PER_M3_S.value * math.exp(-barrier)


@accepts(saturation_ratio=_SATURATION_RATIO, contact_angle_deg=_CONTACT_ANGLE_DEG,
         temperature_c=_TEMPERATURE_C, volume_m3=_VOLUME_M3)
def induction_time_s(
    saturation_ratio: float,
    *,
    contact_angle_deg: float = 180.0,
    temperature_c: float = 37.0,
    volume_m3: float = DEFAULT_VOLUME_M3.value,
) -> float:
    """Expected wait for the first nucleus in ``volume_m3``: τ = 1/(J V), in seconds.

    Nucleation is a Poisson process of rate J V; τ is its mean waiting time.
    The default volume, 1 mm³ (:data:`DEFAULT_VOLUME_M3`), is about the
    smallest calcified focus a CT scan scores.  Like J, τ is uncertain by
    many orders of magnitude in absolute terms; its changes with S and θ are
    what the model teaches.

    Parameters
    ----------
    saturation_ratio : float
        S per growth unit, > 0.
    contact_angle_deg : float
        0-180°; 180° is homogeneous nucleation.
    temperature_c : float
        0-100 °C.
    volume_m3 : float
        Volume of fluid in contact with the surface, finite and > 0 m³.

    Returns
    -------
    float
        ``math.inf`` when S ≤ 1 (and when τ exceeds about 1e308 s).

    Examples
    --------
    >>> year_s = 365.25 * 86400
    >>> induction_time_s(12.8) / year_s > 1e12
    True
    >>> round(induction_time_s(12.8, contact_angle_deg=100.0) / 3600, 1)
    5.1
    """
    volume = volume_m3
    barrier = nucleation_barrier_kt(saturation_ratio, contact_angle_deg=contact_angle_deg,
                                    temperature_c=temperature_c)
    if math.isinf(barrier):
        return math.inf
    log_tau = barrier - math.log(KINETIC_PREFACTOR_PER_M3_S.value) - math.log(volume)
    if log_tau > 709.0:  # exp overflows a float
        return math.inf
    return math.exp(log_tau)
