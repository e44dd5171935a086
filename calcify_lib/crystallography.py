"""Hydroxyapatite's fingerprint: its powder X-ray diffraction pattern, computed from its structure.

Crystallographers identify a mineral by the angles at which it diffracts
X-rays.  Planes :math:`(hkl)` of spacing :math:`d` reflect at the Bragg
angle

.. math::

    \\lambda = 2 d \\sin\\theta,\\qquad
    \\frac{1}{d^2} = \\frac{4}{3}\\,\\frac{h^2 + hk + k^2}{a^2} + \\frac{l^2}{c^2}

(hexagonal cell, :func:`d_spacing_angstrom`, :func:`bragg_two_theta_deg`),
and the strength of a reflection is

.. math::

    I_{hkl} \\propto |F_{hkl}|^2 \\,
      \\frac{1 + \\cos^2 2\\theta}{\\sin^2\\theta\\,\\cos\\theta},\\qquad
    F_{hkl} = \\sum_j o_j\\, f_j(s)\\, e^{2\\pi i (h x_j + k y_j + l z_j)}

summed over every atom :math:`j` of the unit cell (occupancy
:math:`o_j`, fractional position :math:`x_j, y_j, z_j`), with the
atomic form factor :math:`f_j(s)` at :math:`s = \\sin\\theta/\\lambda`
(:func:`atomic_form_factor`) and the Lorentz–polarisation factor of an
unpolarised beam (:cite:`cullity2001elements`).  In a powder, every
reflection of the same :math:`d` falls at the same angle: the symmetry
equivalents (the multiplicity) and, in the Laue class 6/m of
hydroxyapatite, pairs such as (211) and (121) that are not equivalent but
have the same spacing.  :func:`powder_pattern` adds them into one peak.

The structure is that of Holly Springs hydroxyapatite refined by
Sudarsanan and Young (:cite:`sudarsanan1969significant`; atomic positions
of their crystal X-23-6 as deposited in the American Mineralogist Crystal
Structure Database, :cite:`downs2003american`): space group P6₃/m, with the
cell of ICDD 9-432, a = 9.418 Å, c = 6.884 Å (the lattice constants of
:mod:`calcify_lib.nucleation`; the refinement's own cell is 9.424 and
6.879 Å), Ca₁₀(PO₄)₆(OH)₂ in the cell, the OH oxygen
and hydrogen disordered over two mirror-related sites (half occupied).  The
form factors are the five-Gaussian fits of Waasmaier and Kirfel
(:cite:`waasmaier1995new`) for neutral atoms.

Assumptions and limits: atoms at rest (no Debye–Waller factor unless
``displacement_b_angstrom2`` is given), no anomalous dispersion, no
absorption or preferred orientation, ideal stoichiometric hydroxyapatite.
Bone mineral is carbonated, calcium-deficient and nanocrystalline: the same
peaks, shifted by hundredths of a degree and broadened by the small
crystallite size (:func:`scherrer_fwhm_deg`).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant
from .nucleation import HYDROXYAPATITE_CELL_A_M, HYDROXYAPATITE_CELL_C_M

__all__ = [
    "ATOMIC_SITES",
    "FORM_FACTOR_COEFFICIENTS",
    "REFERENCE_PEAKS_ICDD_9_432",
    "SCHERRER_CONSTANT",
    "BONE_CRYSTAL_SIZE_NM",
    "CU_K_ALPHA1_ANGSTROM",
    "SYMMETRY_OPERATIONS",
    "Site",
    "PowderPeak",
    "cell_angstrom",
    "unit_cell_atoms",
    "cell_composition",
    "d_spacing_angstrom",
    "bragg_two_theta_deg",
    "atomic_form_factor",
    "structure_factor",
    "powder_pattern",
    "scherrer_fwhm_deg",
    "powder_profile",
]

# ------------------------------------------------------------------ constants

#: Cu Kα1, the wavelength of the reference pattern, Å.
CU_K_ALPHA1_ANGSTROM = CitedConstant(
    1.5406, "Å", None, "holzer1997kalpha",
    "Wavelength of the Cu Kα1 emission line, 1.540593 Å, rounded as powder-diffraction cards quote it.",
    basis="measured",
)


@dataclass(frozen=True)
class Site:
    """One crystallographic site of the asymmetric unit.

    Attributes
    ----------
    element
        Chemical symbol (a key of :data:`FORM_FACTOR_COEFFICIENTS`).
    position
        Fractional coordinates (x, y, z) as a cited constant.
    occupancy
        Fraction of the site's positions that hold the atom (1, or 0.5 for the
        disordered hydroxyl).
    """

    element: str
    position: CitedConstant
    occupancy: float = 1.0


def _position(label: str, xyz: tuple[float, float, float], wyckoff: str) -> CitedConstant:
    return CitedConstant(
        xyz, "1 (fractions of a, b, c)", None, "sudarsanan1969significant",
        f"Fractional coordinates of {label} (Wyckoff position {wyckoff} of P6_3/m) in Holly Springs "
        "hydroxyapatite, room temperature: the X-ray refinement of crystal X-23-6, as deposited in the "
        "American Mineralogist Crystal Structure Database (record 0009354, downs2003american). With "
        "the cell of ICDD 9-432 they reproduce its line positions within 0.03° "
        "(tests/test_crystallography.py).",
        basis="measured",
    )


#: The asymmetric unit of hydroxyapatite (space group P6₃/m, No. 176).
ATOMIC_SITES: tuple[Site, ...] = (
    Site("Ca", _position("Ca1 (columnar calcium)", (1.0 / 3.0, 2.0 / 3.0, 0.0014), "4f")),
    Site("Ca", _position("Ca2 (calcium around the hydroxyl channel)", (0.2465, 0.9933, 0.25), "6h")),
    Site("P", _position("P", (0.3985, 0.3684, 0.25), "6h")),
    Site("O", _position("O1", (0.3282, 0.4846, 0.25), "6h")),
    Site("O", _position("O2", (0.5871, 0.4649, 0.25), "6h")),
    Site("O", _position("O3", (0.3434, 0.2579, 0.0704), "12i")),
    Site("O", _position("O(H), hydroxyl oxygen, half occupied", (0.0, 0.0, 0.1960), "4e"), occupancy=0.5),
    Site("H", _position("H of the hydroxyl, half occupied", (0.0, 0.0, 0.0608), "4e"), occupancy=0.5),
)

#: The 12 symmetry operations of P6₃/m, as (rotation matrix, translation) on fractional coordinates.
SYMMETRY_OPERATIONS: tuple[tuple[tuple[tuple[int, ...], ...], tuple[float, float, float]], ...] = tuple(
    (rotation, translation)
    for sign in (1, -1)
    for rotation, translation in (
        (((1, 0, 0), (0, 1, 0), (0, 0, 1)), (0.0, 0.0, 0.0)),          # x, y, z
        (((0, -1, 0), (1, -1, 0), (0, 0, 1)), (0.0, 0.0, 0.0)),        # -y, x-y, z
        (((-1, 1, 0), (-1, 0, 0), (0, 0, 1)), (0.0, 0.0, 0.0)),        # -x+y, -x, z
        (((-1, 0, 0), (0, -1, 0), (0, 0, 1)), (0.0, 0.0, 0.5)),        # -x, -y, z+1/2
        (((0, 1, 0), (-1, 1, 0), (0, 0, 1)), (0.0, 0.0, 0.5)),         # y, -x+y, z+1/2
        (((1, -1, 0), (1, 0, 0), (0, 0, 1)), (0.0, 0.0, 0.5)),         # x-y, x, z+1/2
    )
    for rotation, translation in [(
        tuple(tuple(sign * v for v in row) for row in rotation),
        tuple(sign * t for t in translation),
    )]
)

#: Waasmaier–Kirfel coefficients (a1..a5, c, b1..b5) of f0(s) = Σ a_i exp(−b_i s²) + c, neutral atoms.
FORM_FACTOR_COEFFICIENTS: dict[str, CitedConstant] = {
    element: CitedConstant(
        values, "electrons (a_i, c) and Å² (b_i)", None, "waasmaier1995new",
        f"Five-Gaussian fit to the X-ray form factor of the neutral {element} atom, valid for "
        "sin θ/λ from 0 to 6 Å⁻¹; order a1..a5, c, b1..b5.",
        basis="measured",
    )
    for element, values in {
        "H": (0.413048, 0.294953, 0.187491, 0.080701, 0.023736, 0.000049,
              15.569946, 32.398468, 5.711404, 61.889874, 1.334118),
        "O": (2.960427, 2.508818, 0.637853, 0.722838, 1.142756, 0.027014,
              14.182259, 5.936858, 0.112726, 34.958481, 0.390240),
        "P": (1.950541, 4.146930, 1.494560, 1.522042, 5.729711, 0.155233,
              0.908139, 27.044952, 0.071280, 67.520187, 1.981173),
        "Ca": (8.593655, 1.477324, 1.436254, 1.182839, 7.113258, 0.196255,
               10.460644, 0.041891, 81.390381, 169.847839, 0.688098),
    }.items()
}

#: The reference pattern: ICDD/JCPDS card 9-432, hydroxylapatite, Cu Kα1; ((h, k, l), 2θ in °, I).
REFERENCE_PEAKS_ICDD_9_432 = CitedConstant(
    (((0, 0, 2), 25.88, 40.0), ((2, 1, 1), 31.77, 100.0), ((1, 1, 2), 32.20, 60.0),
     ((3, 0, 0), 32.90, 60.0), ((3, 1, 0), 39.82, 20.0), ((2, 2, 2), 46.71, 30.0),
     ((2, 1, 3), 49.47, 40.0)),
    "(hkl), degrees 2θ (Cu Kα1), relative intensity (strongest = 100)", None, "icdd1959pdf9432",
    "The seven principal lines of the Powder Diffraction File card 9-432 for synthetic "
    "hydroxylapatite, room temperature; the card lists weaker lines too.",
    basis="measured",
)

#: Scherrer's shape constant for the full width at half maximum.
SCHERRER_CONSTANT = CitedConstant(
    0.9, "1", None, "langford1978scherrer",
    "K in β = Kλ/(L cos θ) with β the full width at half maximum in radians; 0.89–0.94 for "
    "crystallites of compact shape; 0.9 is the customary round value.",
    basis="convention",
)

#: Bone mineral crystals: thin plates, length × width × thickness.
BONE_CRYSTAL_SIZE_NM = CitedConstant(
    (50.0, 25.0, 3.0), "nm (length along c × width × thickness)", 37.0, "weiner1992bone",
    "Typical dimensions of the carbonated apatite plates of bone (thickness 2–4 nm); they look like "
    "needles in projection in the electron microscope.",
    basis="measured",
)

_MILLER_LIMIT = 12


# ------------------------------------------------------------------ the cell


def cell_angstrom() -> tuple[float, float]:
    """Lattice constants (a, c) of hydroxyapatite, Å, from :mod:`calcify_lib.nucleation`.

    >>> cell_angstrom()
    (9.418, 6.884)
    """
    return (round(float(HYDROXYAPATITE_CELL_A_M) * 1e10, 6), round(float(HYDROXYAPATITE_CELL_C_M) * 1e10, 6))


@functools.lru_cache(maxsize=1)
def unit_cell_atoms() -> tuple[tuple[str, tuple[float, float, float], float], ...]:
    """Every atom of the unit cell: (element, fractional position in [0, 1), occupancy).

    The sites of :data:`ATOMIC_SITES` are expanded with the operations of
    :data:`SYMMETRY_OPERATIONS`; positions that coincide (to 10⁻⁴) are kept
    once.
    """
    atoms = []
    for site in ATOMIC_SITES:
        position = np.asarray(site.position.value, dtype=float)
        found: list[np.ndarray] = []
        for rotation, translation in SYMMETRY_OPERATIONS:
            image = (np.asarray(rotation) @ position + np.asarray(translation)) % 1.0
            if not any(np.all(np.abs(((image - other + 0.5) % 1.0) - 0.5) < 1e-4) for other in found):
                found.append(image)
        atoms.extend((site.element, tuple(float(v) for v in p), site.occupancy) for p in found)
    return tuple(atoms)


def cell_composition() -> dict[str, float]:
    """Atoms per unit cell by element (occupancies summed): Ca 10, P 6, O 26, H 2.

    >>> cell_composition()
    {'Ca': 10.0, 'P': 6.0, 'O': 26.0, 'H': 2.0}
    """
    counts: dict[str, float] = {}
    for element, _, occupancy in unit_cell_atoms():
        counts[element] = counts.get(element, 0.0) + occupancy
    return counts


_MILLER = Range(-_MILLER_LIMIT, _MILLER_LIMIT, "(Miller index)")
_WAVELENGTH_A = Range(0.5, 2.5, "Å")


@accepts(h=_MILLER, k=_MILLER, l=_MILLER)
def d_spacing_angstrom(h, k, l):
    """Spacing d of the (hkl) planes of hydroxyapatite, Å.

    .. math:: 1/d^2 = \\tfrac43 (h^2 + hk + k^2)/a^2 + l^2/c^2

    Examples
    --------
    >>> round(d_spacing_angstrom(0, 0, 2), 3)
    3.442
    >>> round(d_spacing_angstrom(2, 1, 1), 3)
    2.814
    """
    a, c = cell_angstrom()
    inverse_square = 4.0 / 3.0 * (h * h + h * k + k * k) / a ** 2 + l * l / c ** 2
    if np.any(inverse_square == 0):
        raise ValueError(f"(h, k, l) must not all be zero; got ({h!r}, {k!r}, {l!r})")
    result = 1.0 / np.sqrt(inverse_square)
    return float(result) if np.ndim(result) == 0 else result


@accepts(d_angstrom=Range(0.0, math.inf, "Å", low_inclusive=False), wavelength_angstrom=_WAVELENGTH_A)
def bragg_two_theta_deg(d_angstrom, wavelength_angstrom=1.5406):
    """The diffraction angle 2θ of planes of spacing d, degrees: λ = 2 d sin θ.

    Raises
    ------
    ValueError
        If λ > 2d (the planes cannot diffract this wavelength).

    Examples
    --------
    >>> round(bragg_two_theta_deg(3.442), 2)
    25.86
    """
    ratio = wavelength_angstrom / (2.0 * np.asarray(d_angstrom))
    if np.any(ratio > 1.0):
        raise ValueError(f"d_angstrom must be at least half the wavelength ({wavelength_angstrom / 2:g} Å) "
                         f"to diffract; got {d_angstrom!r}")
    result = 2.0 * np.degrees(np.arcsin(ratio))
    return float(result) if np.ndim(result) == 0 else result


@accepts(s_per_angstrom=Range(0.0, 6.0, "Å⁻¹"))
def atomic_form_factor(element, s_per_angstrom):
    """X-ray form factor f₀ of a neutral atom at s = sin θ/λ, electrons.

    .. math:: f_0(s) = \\sum_{i=1}^{5} a_i\\,e^{-b_i s^2} + c

    with the coefficients of :data:`FORM_FACTOR_COEFFICIENTS`
    (:cite:`waasmaier1995new`).  At s = 0 it is the number of electrons.

    Examples
    --------
    >>> round(atomic_form_factor("Ca", 0.0), 2)
    20.0
    """
    if not isinstance(element, str):
        raise TypeError(f"element must be a chemical symbol (str); got {element!r}")
    if element not in FORM_FACTOR_COEFFICIENTS:
        raise ValueError(f"element must be one of {', '.join(FORM_FACTOR_COEFFICIENTS)}; got {element!r}")
    coefficients = FORM_FACTOR_COEFFICIENTS[element].value
    a, c, b = np.asarray(coefficients[:5]), coefficients[5], np.asarray(coefficients[6:])
    s2 = np.asarray(s_per_angstrom, dtype=float)[..., None] ** 2
    result = np.sum(a * np.exp(-b * s2), axis=-1) + c
    return float(result) if np.ndim(result) == 0 else result


def _structure_factors(hkl: np.ndarray, s: np.ndarray, b_iso: float) -> np.ndarray:
    atoms = unit_cell_atoms()
    positions = np.array([p for _, p, _ in atoms])
    occupancy = np.array([o for _, _, o in atoms])
    elements = [e for e, _, _ in atoms]
    form = np.stack([atomic_form_factor(e, s) for e in elements], axis=-1)  # (n_hkl, n_atoms)
    phase = np.exp(2j * np.pi * hkl @ positions.T)
    debye_waller = np.exp(-b_iso * s ** 2)
    return (form * occupancy * phase).sum(axis=-1) * debye_waller


@accepts(h=_MILLER, k=_MILLER, l=_MILLER, wavelength_angstrom=_WAVELENGTH_A)
def structure_factor(h, k, l, *, wavelength_angstrom=1.5406):
    """Structure factor F(hkl) of the hydroxyapatite cell, electrons (complex).

    Examples
    --------
    >>> abs(structure_factor(2, 1, 1)) > abs(structure_factor(1, 2, 1))  # same d, not equivalent in 6/m
    True
    """
    d = d_spacing_angstrom(h, k, l)
    s = np.asarray([1.0 / (2.0 * d)])
    return complex(_structure_factors(np.asarray([[h, k, l]], dtype=float), s, 0.0)[0])


@dataclass(frozen=True)
class PowderPeak:
    """One powder-diffraction peak (all reflections of one d merged).

    Attributes
    ----------
    hkl
        One member of the family, three Miller indices (h ≥ k ≥ 0 where the
        family has one, as powder cards label them).
    hkil
        The same as four Miller–Bravais indices (h, k, −h−k, l).
    two_theta_deg
        Diffraction angle 2θ, degrees.
    d_angstrom
        Plane spacing, Å.
    relative_intensity
        Integrated intensity, strongest peak of the pattern = 100.
    multiplicity
        Number of (hkl) merged into the peak.
    """

    hkl: tuple[int, int, int]
    hkil: tuple[int, int, int, int]
    two_theta_deg: float
    d_angstrom: float
    relative_intensity: float
    multiplicity: int


def _label(members: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    return max(members, key=lambda m: (m[0] >= 0 and m[1] >= 0 and m[2] >= 0, m[0] >= m[1], m[0], m[1], m[2]))


@accepts(wavelength_angstrom=_WAVELENGTH_A, two_theta_min_deg=Range(1.0, 170.0, "degrees"),
         two_theta_max_deg=Range("two_theta_min_deg", 170.0, "degrees"),
         displacement_b_angstrom2=Range(0.0, 10.0, "Å²"))
def powder_pattern(*, wavelength_angstrom=1.5406, two_theta_min_deg=10.0, two_theta_max_deg=60.0,
                   displacement_b_angstrom2=0.0):
    """The powder X-ray diffraction peaks of hydroxyapatite, computed from its structure.

    For every (hkl) with 2θ in the window: :math:`|F_{hkl}|^2` (with the
    atoms of :func:`unit_cell_atoms` and the form factors of
    :func:`atomic_form_factor`), times the Lorentz–polarisation factor
    :math:`(1 + \\cos^2 2\\theta)/(\\sin^2\\theta\\cos\\theta)`; reflections
    of the same d (to 10⁻⁵ Å) are summed into one peak, which counts the
    multiplicity and merges families such as (211) and (121).  Peaks weaker
    than 0.5 % of the strongest are dropped.

    Parameters
    ----------
    wavelength_angstrom : float
        X-ray wavelength, 0.5 to 2.5 Å (default Cu Kα1).
    two_theta_min_deg, two_theta_max_deg : float
        The window, degrees 2θ.
    displacement_b_angstrom2 : float
        Isotropic displacement (Debye–Waller) parameter B, Å²; the factor
        :math:`e^{-B s^2}` multiplies F.  0 (default): atoms at rest.

    Returns
    -------
    tuple of PowderPeak
        In order of increasing 2θ.

    Examples
    --------
    >>> strongest = max(powder_pattern(), key=lambda p: p.relative_intensity)
    >>> strongest.hkl, round(strongest.two_theta_deg, 2)
    ((2, 1, 1), 31.78)
    """
    a, c = cell_angstrom()
    span = np.arange(-_MILLER_LIMIT, _MILLER_LIMIT + 1)
    h, k, l = (g.ravel() for g in np.meshgrid(span, span, span, indexing="ij"))
    nonzero = (h != 0) | (k != 0) | (l != 0)
    h, k, l = h[nonzero], k[nonzero], l[nonzero]
    d = 1.0 / np.sqrt(4.0 / 3.0 * (h * h + h * k + k * k) / a ** 2 + l * l / c ** 2)
    ratio = wavelength_angstrom / (2.0 * d)
    inside = ratio <= 1.0
    two_theta = np.full(d.shape, np.inf)
    two_theta[inside] = 2.0 * np.degrees(np.arcsin(ratio[inside]))
    keep = (two_theta >= two_theta_min_deg) & (two_theta <= two_theta_max_deg)
    if not keep.any():
        return ()
    h, k, l, d, two_theta = h[keep], k[keep], l[keep], d[keep], two_theta[keep]
    if max(np.abs(h).max(), np.abs(k).max(), np.abs(l).max()) >= _MILLER_LIMIT:
        raise ValueError(f"two_theta_max_deg = {two_theta_max_deg!r} needs Miller indices beyond "
                         f"{_MILLER_LIMIT} at this wavelength; choose a smaller window")
    hkl = np.stack([h, k, l], axis=1).astype(float)
    s = 1.0 / (2.0 * d)
    f = _structure_factors(hkl, s, displacement_b_angstrom2)
    theta = np.radians(two_theta / 2.0)
    lp = (1.0 + np.cos(2.0 * theta) ** 2) / (np.sin(theta) ** 2 * np.cos(theta))
    intensity = np.abs(f) ** 2 * lp
    groups: dict[float, list[int]] = {}
    for index, key in enumerate(np.round(d, 5)):
        groups.setdefault(float(key), []).append(index)
    merged = []
    for indices in groups.values():
        members = [(int(h[i]), int(k[i]), int(l[i])) for i in indices]
        total = float(intensity[indices].sum())
        merged.append((members, total, float(d[indices[0]]), float(two_theta[indices[0]])))
    strongest = max(total for _, total, _, _ in merged)
    peaks = []
    for members, total, spacing, angle in merged:
        relative = 100.0 * total / strongest
        if relative < 0.5:
            continue
        label = _label(members)
        peaks.append(PowderPeak(label, (label[0], label[1], -label[0] - label[1], label[2]),
                                angle, spacing, relative, len(members)))
    return tuple(sorted(peaks, key=lambda p: p.two_theta_deg))


@accepts(crystallite_nm=Range(1.0, 1.0e5, "nm"), two_theta_deg=Range(1.0, 170.0, "degrees"),
         wavelength_angstrom=_WAVELENGTH_A)
def scherrer_fwhm_deg(crystallite_nm, two_theta_deg, wavelength_angstrom=1.5406):
    """Peak broadening by small crystallites (Scherrer), full width at half maximum in degrees 2θ.

    .. math:: \\beta = \\frac{K\\lambda}{L\\cos\\theta}

    with :math:`K` = :data:`SCHERRER_CONSTANT`, :math:`L` the crystallite
    size along the plane normal and β in radians of 2θ
    (:cite:`langford1978scherrer`).  Strain and instrumental broadening are
    not included.

    Examples
    --------
    >>> round(scherrer_fwhm_deg(20.0, 25.9), 2)
    0.41
    """
    theta = np.radians(two_theta_deg / 2.0)
    beta = float(SCHERRER_CONSTANT) * wavelength_angstrom / (crystallite_nm * 10.0 * np.cos(theta))
    result = np.degrees(beta)
    return float(result) if np.ndim(result) == 0 else result


@accepts(two_theta_deg=Range(1.0, 170.0, "degrees"), crystallite_nm=Range(1.0, 1.0e5, "nm"),
         wavelength_angstrom=_WAVELENGTH_A)
def powder_profile(two_theta_deg, *, crystallite_nm, wavelength_angstrom=1.5406):
    """A diffractogram: the peaks of :func:`powder_pattern` as Gaussians of Scherrer width.

    Each peak is a Gaussian of area proportional to its intensity and full
    width at half maximum :func:`scherrer_fwhm_deg`; the profile is scaled so
    that its maximum is 100.

    Parameters
    ----------
    two_theta_deg : array
        The angles at which to evaluate, degrees (at least two).
    crystallite_nm : float
        Crystallite size, nm.

    Returns
    -------
    ndarray
        Intensity at each angle, maximum 100.
    """
    grid = np.atleast_1d(two_theta_deg)
    if grid.size < 2:
        raise ValueError(f"two_theta_deg must hold at least two angles; got {two_theta_deg!r}")
    low, high = float(grid.min()), float(grid.max())
    margin = 5.0 * scherrer_fwhm_deg(crystallite_nm, min(max(high, 1.0), 170.0), wavelength_angstrom)
    peaks = powder_pattern(wavelength_angstrom=wavelength_angstrom,
                           two_theta_min_deg=max(1.0, low - margin), two_theta_max_deg=min(170.0, high + margin))
    profile = np.zeros_like(grid, dtype=float)
    for peak in peaks:
        fwhm = scherrer_fwhm_deg(crystallite_nm, peak.two_theta_deg, wavelength_angstrom)
        sigma = fwhm / (2.0 * math.sqrt(2.0 * math.log(2.0)))
        profile += peak.relative_intensity / (sigma * math.sqrt(2.0 * math.pi)) * np.exp(
            -0.5 * ((grid - peak.two_theta_deg) / sigma) ** 2)
    if profile.max() <= 0:
        return profile
    return 100.0 * profile / profile.max()
