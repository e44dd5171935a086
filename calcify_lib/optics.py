"""Polarised light: why oxalate glows between crossed polarisers and apatite stays dark.

A birefringent crystal splits light into two waves that travel at different
speeds.  Between crossed polarisers, a plate of birefringence
:math:`\\Delta n` and thickness :math:`d`, whose slow axis makes the angle
:math:`\\theta` with the polariser, transmits the fraction

.. math::

    \\frac{I}{I_0} = \\sin^2(2\\theta)\\,\\sin^2\\!\\left(\\frac{\\pi\\,\\Delta n\\,d}{\\lambda}\\right)

of monochromatic light of wavelength :math:`\\lambda`
(:func:`crossed_polarizer_transmission`; :cite:`glazer2013classical`).
The plate goes dark (extinct) four times per turn of the stage, when an axis
lies along a polariser, and is brightest at 45°.  The product
:math:`R = \\Delta n\\,d` is the *retardation*.  In white light each
wavelength is transmitted differently, and the eye sees the Michel–Lévy
interference colour of :math:`R` (:func:`interference_color_srgb`): black at
0, first-order grey and white up to about 300 nm, yellow and orange, then the
first-order red near 550 nm.

The honest picture for pathology (:func:`aggregate_retardation_nm`):
hydroxyapatite's birefringence is only 0.007 (:data:`BIREFRINGENCE`), a
single 50 nm crystal retards light by a third of a nanometre, and a tissue
deposit is thousands of such crystals with random orientations whose
retardations partly cancel.  A 10 µm calcium oxalate crystal, with
:math:`\\Delta n` = 0.16, retards by 1600 nm and glows in third-order
colours.  This is why calcium phosphate deposits in tissue are not
birefringent, while oxalate, urate and (weakly) CPPD crystals are.

Assumptions, for every function here: ideal polarisers and a white-light
source whose spectrum is CIE standard illuminant D65; no absorption; the
birefringence does not depend on wavelength (no dispersion); crystals are
thin plates viewed at normal incidence.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from ._validation import Range, accepts
from .cited import CitedConstant

__all__ = [
    "BIREFRINGENCE",
    "ELONGATION_SIGN",
    "RANDOM_ORIENTATION_FACTOR",
    "ILLUMINANT",
    "crossed_polarizer_transmission",
    "retardation_nm",
    "aggregate_retardation_nm",
    "aggregate_transmission",
    "jones_aggregate_transmission",
    "interference_color_xyz",
    "interference_color_srgb",
    "michel_levy_order",
]

# ------------------------------------------------------------------ constants

#: Birefringence Δn (largest minus smallest refractive index, sodium light, room
#: temperature) of the crystals a pathologist meets.
BIREFRINGENCE: dict[str, CitedConstant] = {
    "hydroxyapatite": CitedConstant(
        0.007, "1 (nω − nε)", None, "anthony2000hydroxylapatite",
        "Hydroxylapatite is uniaxial negative with nω = 1.651 and nε = 1.644, so Δn = 0.007; "
        "synthetic material gives ω 1.651, ε 1.647 (Δn = 0.004). The larger value is used: "
        "even it leaves tissue apatite dark.",
        basis="measured",
    ),
    "calcium_pyrophosphate_dihydrate": CitedConstant(
        0.010, "1 (nγ − nα)", None, "rosenthal2016calcium",
        "No measured refractive-index difference of triclinic CPPD was located; the source describes "
        "CPPD crystals as weakly birefringent or not birefringent at all. Set so that a 5 µm crystal at "
        "45° retards by 50 nm and shows dim first-order grey (I/I0 about 0.08 at 550 nm), "
        "one sixteenth of oxalate's birefringence.",
        basis="set",
    ),
    "calcium_oxalate_monohydrate": CitedConstant(
        0.160, "1 (nγ − nα)", None, "anthony2003whewellite",
        "Whewellite, CaC2O4·H2O, is biaxial positive with nα = 1.489–1.491, nβ = 1.553–1.555, "
        "nγ = 1.649–1.651; the source gives Δn = 0.159–0.163, of which 0.160 is used.",
        basis="measured", uncertainty=0.002,
    ),
    "calcite": CitedConstant(
        0.172, "1 (nω − nε)", None, "glazer2013classical",
        "Calcite, CaCO3, uniaxial negative: the textbook example of strong double refraction, "
        "Δn = 0.172.",
        basis="measured",
    ),
}

#: Sign of elongation: +1 when the slow ray vibrates along the crystal's length
#: (length-slow, "positive": blue when the long axis lies parallel to the slow
#: axis of a first-order red compensator, the retardations adding), −1 when
#: length-fast ("negative": yellow when parallel, the retardations subtracting).
#: This is how CPPD (positive) and urate (negative) are told apart.
ELONGATION_SIGN: dict[str, CitedConstant] = {
    "hydroxyapatite": CitedConstant(
        -1.0, "1 (+1 length-slow, −1 length-fast)", None, "anthony2000hydroxylapatite",
        "Uniaxial negative with the optic axis along the c axis, the long axis of apatite needles, "
        "so needles are length-fast (negative elongation).",
        basis="derived",
    ),
    "calcium_pyrophosphate_dihydrate": CitedConstant(
        1.0, "1 (+1 length-slow, −1 length-fast)", None, "rosenthal2016calcium",
        "CPPD crystals are rhomboid and weakly positively birefringent.",
        basis="measured",
    ),
    "calcium_oxalate_monohydrate": CitedConstant(
        1.0, "1 (+1 length-slow, −1 length-fast)", None, "anthony2003whewellite",
        "Biaxial positive; elongated crystals in tissue are described as positively birefringent. "
        "Unverified for every crystal habit.",
        basis="measured",
    ),
    "monosodium_urate": CitedConstant(
        -1.0, "1 (+1 length-slow, −1 length-fast)", None, "mccarty1961identification",
        "Urate needles are strongly negatively birefringent: yellow when parallel to the "
        "compensator's slow axis.",
        basis="measured",
    ),
}

#: ⟨sin⁴ψ⟩ over random directions of a uniaxial crystal's optic axis.
RANDOM_ORIENTATION_FACTOR = CitedConstant(
    8.0 / 15.0, "1", None, "glazer2013classical",
    "Average of sin⁴ψ over an isotropic distribution of optic-axis directions (cos ψ uniform on "
    "−1..1): 1 − 2/3 + 1/5 = 8/15. The effective birefringence of a uniaxial crystal seen at "
    "angle ψ to its optic axis is Δn sin²ψ for small Δn.",
    basis="derived",
)

#: The white light of the colour calculations: CIE standard illuminant D65.
ILLUMINANT = CitedConstant(
    6504.0, "K (correlated colour temperature)", None, "cie2018colorimetry",
    "CIE standard illuminant D65 (average daylight), the white point of sRGB; its relative "
    "spectral power distribution is taken from colour-science's copy of the CIE table.",
    basis="convention",
)

_ANY_ANGLE = Range(-math.inf, math.inf, "degrees")
_BIREFRINGENCE = Range(0.0, 1.0, "(dimensionless)")
_POSITIVE_NM = Range(0.0, math.inf, "nm", low_inclusive=False)
_RETARDATION = Range(0.0, 1.0e5, "nm")
_WAVELENGTH = Range(0.0, math.inf, "nm", low_inclusive=False)


# ------------------------------------------------------------------ the law


@accepts(azimuth_deg=_ANY_ANGLE, birefringence=_BIREFRINGENCE, thickness_nm=_POSITIVE_NM,
         wavelength_nm=_WAVELENGTH)
def crossed_polarizer_transmission(azimuth_deg, birefringence, thickness_nm, wavelength_nm):
    """Fraction of light a birefringent plate passes between crossed polarisers.

    .. math::

        I/I_0 = \\sin^2(2\\theta)\\,\\sin^2(\\pi\\,\\Delta n\\,d/\\lambda)

    Parameters
    ----------
    azimuth_deg : float or array
        θ, angle between the plate's slow axis and the polariser, degrees
        (any finite number; the law has period 90°).
    birefringence : float or array
        Δn, 0 to 1.
    thickness_nm : float or array
        d, the thickness the light crosses, nm (positive).
    wavelength_nm : float or array
        λ, nm (positive).

    Returns
    -------
    float or ndarray
        I/I₀, from 0 to 1 (broadcast over the arguments).

    Notes
    -----
    Ideal polarisers, a non-absorbing plate at normal incidence, monochromatic
    light (:cite:`glazer2013classical`).

    Examples
    --------
    >>> round(crossed_polarizer_transmission(45.0, 0.16, 1718.75, 550.0), 6)  # R = λ/2
    1.0
    >>> crossed_polarizer_transmission(0.0, 0.16, 10000.0, 550.0)
    0.0
    """
    theta = np.deg2rad(azimuth_deg)
    result = np.sin(2.0 * theta) ** 2 * np.sin(np.pi * birefringence * thickness_nm / wavelength_nm) ** 2
    return float(result) if np.ndim(result) == 0 else result


@accepts(birefringence=_BIREFRINGENCE, thickness_nm=_POSITIVE_NM)
def retardation_nm(birefringence, thickness_nm):
    """Retardation R = Δn·d of a single crystal, nm.

    Examples
    --------
    >>> round(retardation_nm(0.007, 50.0), 3)
    0.35
    """
    result = birefringence * thickness_nm
    return float(result) if np.ndim(result) == 0 else result


# ------------------------------------------------------------------ aggregates


@accepts(birefringence=_BIREFRINGENCE, thickness_nm=_POSITIVE_NM,
         crystallite_nm=Range(0.0, "thickness_nm", "nm", low_inclusive=False))
def aggregate_retardation_nm(birefringence, thickness_nm, crystallite_nm):
    """Effective retardation of a deposit of randomly oriented nanocrystals, nm.

    Light crossing a deposit of thickness :math:`d` meets
    :math:`N = d/t` crystallites of size :math:`t`, each a weak retarder of
    :math:`\\delta_i = \\Delta n\\,t\\,\\sin^2\\psi_i` with its optic axis at a
    random angle :math:`\\psi_i` to the light and a random azimuth.  Weak
    retarders add as vectors whose direction turns with twice the azimuth
    (Jones calculus, to first order), so their sum is a random walk: its
    mean square length is :math:`N\\langle\\delta^2\\rangle`, and

    .. math::

        R_\\text{eff} = \\Delta n\\,t\\,\\sqrt{N\\,\\langle\\sin^4\\psi\\rangle}
                     = \\Delta n\\,\\sqrt{\\tfrac{8}{15}\\,t\\,d}

    (:data:`RANDOM_ORIENTATION_FACTOR`).  A single crystal of the same
    thickness has :math:`R = \\Delta n\\,d`: aggregation divides the
    retardation by :math:`\\sqrt{15 N/8}`.

    Parameters
    ----------
    birefringence : float
        Δn of the mineral.
    thickness_nm : float
        d, thickness of the deposit along the light, nm.
    crystallite_nm : float
        t, size of one crystallite along the light, nm (at most ``thickness_nm``).

    Returns
    -------
    float
        R_eff, nm (root mean square over columns of the deposit).

    Notes
    -----
    Valid while :math:`R_\\text{eff} \\ll \\lambda`, which holds for apatite by
    orders of magnitude; :func:`jones_aggregate_transmission` checks the
    model with exact Jones matrices.

    Examples
    --------
    >>> round(aggregate_retardation_nm(0.007, 10000.0, 50.0), 2)
    3.61
    """
    return float(birefringence * math.sqrt(float(RANDOM_ORIENTATION_FACTOR) * crystallite_nm * thickness_nm))


@accepts(birefringence=_BIREFRINGENCE, thickness_nm=_POSITIVE_NM,
         crystallite_nm=Range(0.0, "thickness_nm", "nm", low_inclusive=False), wavelength_nm=_WAVELENGTH)
def aggregate_transmission(birefringence, thickness_nm, crystallite_nm, wavelength_nm):
    """Mean I/I₀ of a randomly oriented nanocrystalline deposit between crossed polarisers.

    .. math::

        \\langle I/I_0 \\rangle = \\tfrac12\\,\\sin^2(\\pi R_\\text{eff}/\\lambda)

    The factor ½ is :math:`\\langle\\sin^2 2\\theta\\rangle` over the random
    azimuth of the net slow axis: unlike a single crystal, the deposit never
    goes extinct and never brightens as the stage turns.

    Examples
    --------
    >>> f"{aggregate_transmission(0.007, 10000.0, 50.0, 550.0):.1e}"
    '2.1e-04'
    """
    r = aggregate_retardation_nm(birefringence, thickness_nm, crystallite_nm)
    return float(0.5 * math.sin(math.pi * r / wavelength_nm) ** 2)


@accepts(birefringence=_BIREFRINGENCE, thickness_nm=_POSITIVE_NM,
         crystallite_nm=Range(0.0, "thickness_nm", "nm", low_inclusive=False), wavelength_nm=_WAVELENGTH,
         columns=Range(1, 100000, "columns", kind="number"), seed=Range(0, 2**32 - 1, "", kind="number"))
def jones_aggregate_transmission(birefringence, thickness_nm, crystallite_nm, wavelength_nm, *,
                                 columns=2000, seed=0):
    """I/I₀ of a random nanocrystalline deposit by exact Jones matrices (a check of the model).

    Each of ``columns`` columns of the deposit is a stack of
    :math:`N = \\mathrm{round}(d/t)` linear retarders with phase
    :math:`2\\pi\\Delta n\\,t\\sin^2\\psi/\\lambda`, optic axes uniformly
    distributed over the sphere; the Jones matrices are multiplied, the stack
    is put between crossed polarisers, and the intensities of the columns are
    averaged (columns are incoherent with each other).

    Returns
    -------
    float
        Mean I/I₀; deterministic for a given ``seed``.
    """
    n = max(1, int(round(thickness_nm / crystallite_nm)))
    rng = np.random.default_rng(int(seed))
    count = int(columns)
    cos_psi = rng.uniform(-1.0, 1.0, size=(count, n))
    azimuth = rng.uniform(0.0, np.pi, size=(count, n))
    phase = 2.0 * np.pi * birefringence * crystallite_nm * (1.0 - cos_psi ** 2) / wavelength_nm
    # Jones matrix of a linear retarder: R(-a) diag(e^{-iφ/2}, e^{iφ/2}) R(a).
    c, s = np.cos(azimuth), np.sin(azimuth)
    e_minus, e_plus = np.exp(-0.5j * phase), np.exp(0.5j * phase)
    m11 = c * c * e_minus + s * s * e_plus
    m12 = c * s * (e_minus - e_plus)
    m22 = s * s * e_minus + c * c * e_plus
    total = np.broadcast_to(np.eye(2, dtype=complex), (count, 2, 2)).copy()
    for i in range(n):
        layer = np.empty((count, 2, 2), dtype=complex)
        layer[:, 0, 0], layer[:, 0, 1] = m11[:, i], m12[:, i]
        layer[:, 1, 0], layer[:, 1, 1] = m12[:, i], m22[:, i]
        total = layer @ total
    # Polariser along x, analyser along y: the transmitted amplitude is the (y, x) element.
    return float(np.mean(np.abs(total[:, 1, 0]) ** 2))


# ------------------------------------------------------------------ colours


@functools.lru_cache(maxsize=1)
def _spectral_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Wavelengths (380–780 nm, 5 nm), D65 times the CIE 1931 2° CMFs, and the normalisation."""
    import colour

    shape = colour.SpectralShape(380.0, 780.0, 5.0)
    cmfs = colour.MSDS_CMFS["CIE 1931 2 Degree Standard Observer"].copy().align(shape)
    illuminant = colour.SDS_ILLUMINANTS["D65"].copy().align(shape)
    weights = illuminant.values[:, None] * cmfs.values  # S(λ) x̄(λ), S ȳ, S z̄
    wavelengths = np.asarray(shape.wavelengths, dtype=float)
    normalisation = np.sum(weights[:, 1])  # Y of the illuminant itself = 1
    return wavelengths, weights, np.asarray(normalisation)


@accepts(retardation_nm=_RETARDATION, azimuth_deg=_ANY_ANGLE)
def interference_color_xyz(retardation_nm, *, azimuth_deg=45.0):
    """CIE 1931 XYZ of a retardation seen between crossed polarisers in D65 light.

    .. math::

        X = \\frac{\\sum_\\lambda S(\\lambda)\\,T(\\lambda)\\,\\bar x(\\lambda)}
                 {\\sum_\\lambda S(\\lambda)\\,\\bar y(\\lambda)},\\qquad
        T(\\lambda) = \\sin^2(2\\theta)\\,\\sin^2(\\pi R/\\lambda)

    and likewise Y and Z, summed over 380–780 nm in 5 nm steps, with
    :math:`S` the spectral power of illuminant D65 (:data:`ILLUMINANT`) and
    :math:`\\bar x, \\bar y, \\bar z` the CIE 1931 2° colour-matching
    functions (:cite:`cie2018colorimetry`), both from colour-science.  The
    normalisation makes the bare illuminant (parallel polarisers, no sample)
    Y = 1.

    Parameters
    ----------
    retardation_nm : float or array
        R, 0 to 100 000 nm.
    azimuth_deg : float
        θ between the slow axis and the polariser; 45° (default) is the
        brightest position, where the colour is the chart's.

    Returns
    -------
    ndarray
        XYZ, shape ``(3,)`` or ``(..., 3)``.
    """
    wavelengths, weights, normalisation = _spectral_tables()
    r = np.asarray(retardation_nm, dtype=float)
    transmission = np.sin(np.pi * r[..., None] / wavelengths) ** 2
    transmission = transmission * np.sin(2.0 * np.deg2rad(azimuth_deg)) ** 2
    return transmission @ weights / normalisation


@accepts(retardation_nm=_RETARDATION, azimuth_deg=_ANY_ANGLE)
def interference_color_srgb(retardation_nm, *, azimuth_deg=45.0):
    """The Michel–Lévy interference colour of a retardation, as sRGB.

    The colour of :func:`interference_color_xyz` converted to sRGB (D65
    white, IEC 61966-2-1 transfer function) by colour-science's
    ``XYZ_to_sRGB``.  Some Michel–Lévy colours are more saturated than sRGB
    can show; each channel outside 0..1 is then set to the nearest end, as
    any display does, so the hue is kept and the saturation is reduced.  Use
    :func:`interference_color_xyz` for the unclipped colour.

    Parameters
    ----------
    retardation_nm : float or array
        R, 0 to 100 000 nm.
    azimuth_deg : float
        θ; the default 45° gives the chart's colour.

    Returns
    -------
    ndarray
        (red, green, blue), each 0 to 1; shape ``(3,)`` or ``(..., 3)``.

    Examples
    --------
    >>> [round(float(v), 2) for v in interference_color_srgb(0.0)]
    [0.0, 0.0, 0.0]
    """
    import colour

    xyz = interference_color_xyz(retardation_nm, azimuth_deg=azimuth_deg)
    rgb = colour.XYZ_to_sRGB(xyz, chromatic_adaptation_transform=None)
    return np.clip(rgb, 0.0, 1.0)


@accepts(retardation_nm=_RETARDATION, first_order_red_nm=Range(400.0, 700.0, "nm"))
def michel_levy_order(retardation_nm, *, first_order_red_nm=550.0):
    """The order of a retardation on the Michel–Lévy chart: 1 up to the first-order red (550 nm), 2 up to 1100 nm, ...

    Examples
    --------
    >>> michel_levy_order(300.0), michel_levy_order(550.0), michel_levy_order(1600.0)
    (1, 1, 3)
    """
    return max(1, int(math.ceil(retardation_nm / first_order_red_nm)))
