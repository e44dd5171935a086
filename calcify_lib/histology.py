"""Synthetic slides: a lung section with calcium deposits, stained and seen as a microscope shows it.

:func:`draw_section` draws a small section of lung procedurally: alveolar
walls around empty air spaces, with nuclei, cytoplasm and connective tissue,
and one of three deposits (:data:`DEPOSITS`):

``"dystrophic"``
    a necrotic focus (nuclei lost, debris more eosinophilic) with granular
    clumps of calcium phosphate in it: normal blood, dying tissue;
``"metastatic"``
    calcium phosphate laid along the basement membranes and elastic fibres of
    intact alveolar walls, the pattern of metastatic pulmonary calcification;
``"oxalate"``
    a necrotic focus with small apatite granules *and* calcium oxalate crystals
    (as around an *Aspergillus* fungus ball), to compare the two minerals.

:func:`render` shows the section under a stain (:data:`STAINS`).  Bright-field
stains follow the Beer–Lambert law: each stain lays down an optical density
map, and the transmitted light in each colour channel is

.. math::

    I_c / I_{0,c} = 10^{-\\sum_s D_s\\, v_{s,c}}

with :math:`D_s` the optical density of stain :math:`s` along its unit
colour vector :math:`v_s` (:cite:`ruifrok2001quantification`).  scikit-image
does the arithmetic: ``skimage.color.hed2rgb`` for haematoxylin and eosin
with Ruifrok and Johnston's vectors, ``skimage.color.combine_stains`` for the
special stains.  Calcium salts take up haematoxylin (they are basophilic)
and look deep purple-blue; von Kossa's silver turns calcium phosphate and
carbonate black (nuclear fast red counterstain); Alizarin red S binds calcium
and turns it orange-red (light green counterstain) (:cite:`suvarna2019bancroft`).
Between crossed polarisers (:mod:`calcify_lib.optics`) the tissue is dark,
apatite deposits stay dark, and oxalate crystals glow in their interference
colours and go extinct as the stage turns.

:func:`deconvolve` goes the other way, as image analysis does: ``rgb2hed``
recovers the haematoxylin map from the rendered colours, and
:func:`calcified_area_fraction` measures the calcified area by thresholding
it.

Everything is deterministic: the drawing uses a seeded generator.  The
optical densities (:data:`STAIN_DENSITY`) are chosen by hand to look like
stained sections; they are not measurements.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from . import optics
from ._validation import Range, accepts
from .cited import CitedConstant
from .crystallography import BONE_CRYSTAL_SIZE_NM

__all__ = [
    "DEPOSITS",
    "STAINS",
    "STAIN_DENSITY",
    "STAIN_VECTORS",
    "SECTION_THICKNESS_NM",
    "PIXEL_UM",
    "MINERAL_THRESHOLD_OD",
    "OxalateCrystal",
    "Section",
    "draw_section",
    "render",
    "deconvolve",
    "calcified_area_fraction",
    "polarized_intensity",
]

#: The deposits :func:`draw_section` can draw.
DEPOSITS = ("dystrophic", "metastatic", "oxalate")
#: The stains :func:`render` applies.
STAINS = ("h_and_e", "von_kossa", "alizarin_red", "crossed_polarizers")

#: Thickness of a routine paraffin section.
SECTION_THICKNESS_NM = CitedConstant(
    4000.0, "nm", None, "suvarna2019bancroft",
    "Routine paraffin sections are cut at 3–5 µm; 4 µm is used for every synthetic slide.",
    basis="convention",
)

#: Size of one pixel of a synthetic slide (a 40× objective sees about 0.25 µm per camera pixel;
#: the slides are drawn coarser to stay small).
PIXEL_UM = CitedConstant(
    1.5, "µm per pixel", None, "weibel1963morphometry",
    "Set so that a 160-pixel slide spans 240 µm and holds about a dozen alveoli of 60–90 µm "
    "(human alveolar diameter about 0.2–0.3 mm inflated, smaller in fixed sections).",
    basis="set",
)


def _set(value: float, what: str) -> CitedConstant:
    return CitedConstant(
        value, "decadic optical density along the stain's colour vector", None, "suvarna2019bancroft",
        f"{what} Set by hand so that the rendered slide looks like the stained sections the source "
        "describes; not a measurement.",
        basis="set",
    )


#: Optical densities each stain lays on each component of the section.
STAIN_DENSITY: dict[str, dict[str, CitedConstant]] = {
    "h_and_e": {
        "haematoxylin_nucleus": _set(0.50, "Haematoxylin in nuclei (purple-blue)."),
        "haematoxylin_mineral": _set(1.40, "Haematoxylin in calcium phosphate: calcium salts are "
                                           "basophilic and stain deeper than nuclei."),
        "haematoxylin_tissue": _set(0.04, "Haematoxylin background in cytoplasm and matrix."),
        "eosin_tissue": _set(0.30, "Eosin in cytoplasm and connective tissue (pink)."),
        "eosin_necrosis": _set(0.50, "Eosin in necrotic debris, which is hypereosinophilic."),
    },
    "von_kossa": {
        "silver_mineral": _set(2.40, "Metallic silver where silver ions replaced the calcium of "
                                     "phosphate and carbonate salts (black)."),
        "fast_red_nucleus": _set(0.45, "Nuclear fast red counterstain in nuclei."),
        "fast_red_tissue": _set(0.12, "Nuclear fast red counterstain in cytoplasm and matrix."),
    },
    "alizarin_red": {
        "alizarin_mineral": _set(1.00, "Alizarin red S chelating calcium in calcium phosphate (orange-red)."),
        "alizarin_oxalate": _set(0.25, "Alizarin red S on calcium oxalate: weak at the acid pH of the "
                                       "usual protocol."),
        "light_green_tissue": _set(0.12, "Light green counterstain in cytoplasm and matrix."),
        "light_green_nucleus": _set(0.25, "Light green counterstain in nuclei."),
    },
}

#: Colour vectors (optical density in red, green, blue, unit length) of the stains.
STAIN_VECTORS: dict[str, CitedConstant] = {
    "haematoxylin": CitedConstant(
        (0.65, 0.70, 0.29), "OD in R, G, B (unit vector)", None, "ruifrok2001quantification",
        "Haematoxylin, as measured by Ruifrok and Johnston and used by skimage.color.hed2rgb.",
        basis="measured"),
    "eosin": CitedConstant(
        (0.07, 0.99, 0.11), "OD in R, G, B (unit vector)", None, "ruifrok2001quantification",
        "Eosin, as measured by Ruifrok and Johnston and used by skimage.color.hed2rgb.",
        basis="measured"),
    "silver": CitedConstant(
        (0.5774, 0.5774, 0.5774), "OD in R, G, B (unit vector)", None, "suvarna2019bancroft",
        "Reduced metallic silver absorbs all visible light equally: a neutral (black) vector.",
        basis="derived"),
    "nuclear_fast_red": CitedConstant(
        (0.15, 0.85, 0.50), "OD in R, G, B (unit vector)", None, "suvarna2019bancroft",
        "Set so that the counterstain is pink-red (absorbs green most, then blue); no measured "
        "vector was used.",
        basis="set"),
    "alizarin_red": CitedConstant(
        (0.08, 0.62, 0.78), "OD in R, G, B (unit vector)", None, "suvarna2019bancroft",
        "Set so that the calcium–alizarin complex is orange-red (absorbs blue most, then green); no "
        "measured vector was used.",
        basis="set"),
    "light_green": CitedConstant(
        (0.94705542, 0.25373821, 0.19650764), "OD in R, G, B (unit vector)", None, "ruifrok2001quantification",
        "Light green SF, the vector scikit-image uses in rgb_from_fgx (Feulgen–light green).",
        basis="measured"),
}

#: Haematoxylin optical density above which deconvolution calls a pixel calcified.
MINERAL_THRESHOLD_OD = CitedConstant(
    0.70, "decadic optical density of haematoxylin", None, "ruifrok2001quantification",
    "Set to half the haematoxylin density of calcium phosphate (1.40), which is the edge of a drawn "
    "deposit (relative density 0.5), and above that of nuclei (at most 0.54 with the background), so "
    "that thresholding the deconvolved haematoxylin map separates mineral from nuclei.",
    basis="set",
)

#: scikit-image's stain arithmetic works in units of ln(10⁶); one unit is 6 decadic OD units.
_SKIMAGE_OD_PER_UNIT = 6.0


@dataclass(frozen=True)
class OxalateCrystal:
    """One calcium oxalate crystal in the section.

    Attributes
    ----------
    row_px, col_px
        Centre, pixels from the top left.
    length_px, width_px
        Size, pixels.
    angle_deg
        Direction of the long axis (the slow axis: positive elongation),
        degrees anticlockwise from the image's x axis.
    thickness_nm
        Thickness along the light, nm (at most the section's).
    """

    row_px: float
    col_px: float
    length_px: float
    width_px: float
    angle_deg: float
    thickness_nm: float


@dataclass(frozen=True, eq=False)
class Section:
    """A drawn tissue section: maps of what is where, one value per pixel (read-only arrays).

    Attributes
    ----------
    deposit
        One of :data:`DEPOSITS`.
    tissue
        Fraction of the pixel covered by cytoplasm or connective tissue (0–1).
    nuclei
        Fraction covered by nuclei (0–1).
    necrosis
        1 inside the necrotic focus, 0 elsewhere (smooth edge).
    mineral
        Calcium phosphate, relative density 0–1 (0 where there is none).
    oxalate
        Fraction covered by calcium oxalate crystals (0–1).
    crystals
        The oxalate crystals.
    """

    deposit: str
    tissue: np.ndarray
    nuclei: np.ndarray
    necrosis: np.ndarray
    mineral: np.ndarray
    oxalate: np.ndarray
    crystals: tuple[OxalateCrystal, ...]

    @property
    def shape(self) -> tuple[int, int]:
        return self.tissue.shape

    @property
    def mineral_area_fraction(self) -> float:
        """The drawn calcified area, as the fraction of the slide where mineral density exceeds one half."""
        return float(np.mean(self.mineral > 0.5))


def _smooth_noise(rng: np.random.Generator, shape: tuple[int, int], sigma_px: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    field = gaussian_filter(rng.standard_normal(shape), sigma_px, mode="wrap")
    field -= field.min()
    return field / field.max()


def _disc(shape, centre, radius_px, soft_px=1.0) -> np.ndarray:
    rows, cols = np.indices(shape, dtype=float)
    distance = np.hypot(rows - centre[0], cols - centre[1])
    return np.clip((radius_px - distance) / soft_px + 0.5, 0.0, 1.0)


@accepts(size_px=Range(64, 512, "pixels", kind="number"), seed=Range(0, 2**32 - 1, "", kind="number"))
def draw_section(deposit, *, size_px=160, seed=0):
    """Draw a lung section with a calcium deposit, deterministically.

    Parameters
    ----------
    deposit : str
        One of :data:`DEPOSITS`.
    size_px : int
        Width and height, 64 to 512 pixels of :data:`PIXEL_UM`.
    seed : int
        Seed of the generator; the same seed gives the same section.

    Returns
    -------
    Section

    Notes
    -----
    Alveolar walls are the edges of a Voronoi tessellation of jittered
    alveolar centres (a wall is where the distances to the two nearest
    centres differ by less than the wall thickness); the basement membrane
    and elastic fibres run along the middle of each wall.  Shapes are
    schematic; sizes are to scale.
    """
    if not isinstance(deposit, str):
        raise TypeError(f"deposit must be a str, one of {DEPOSITS}; got {deposit!r}")
    if deposit not in DEPOSITS:
        raise ValueError(f"deposit must be one of {', '.join(DEPOSITS)}; got {deposit!r}")
    section = _draw(deposit, int(size_px), int(seed))
    return section


@functools.lru_cache(maxsize=16)
def _draw(deposit: str, size: int, seed: int) -> Section:
    from scipy.ndimage import gaussian_filter

    rng = np.random.default_rng([seed, DEPOSITS.index(deposit)])
    um = float(PIXEL_UM)
    shape = (size, size)
    # Alveolar centres on a jittered grid, 70 µm apart.
    spacing = 70.0 / um
    grid = np.arange(-spacing / 2.0, size + spacing, spacing)
    centres = np.array([(r, c) for r in grid for c in grid]) + rng.uniform(-0.3, 0.3, (grid.size ** 2, 2)) * spacing
    rows, cols = np.indices(shape, dtype=float)
    distances = np.sort(np.hypot(rows[..., None] - centres[:, 0], cols[..., None] - centres[:, 1]), axis=-1)
    gap_um = (distances[..., 1] - distances[..., 0]) * um
    half_wall_um = 3.0 + 3.0 * _smooth_noise(rng, shape, 6.0)  # walls 6–12 µm thick
    wall = np.clip((half_wall_um * 2.0 - gap_um) / 2.0 + 0.5, 0.0, 1.0)
    membrane = np.clip(1.5 - gap_um / 1.5, 0.0, 1.0)  # the middle line of each wall, about 2 µm wide
    tissue = wall * (0.75 + 0.25 * _smooth_noise(rng, shape, 1.5))

    # Nuclei: round, 5–7 µm across, on the walls.
    nuclei = np.zeros(shape)
    candidates = np.argwhere(wall > 0.9)
    count = int(candidates.shape[0] / (220.0 / um ** 2))
    for r, c in candidates[rng.choice(candidates.shape[0], size=count, replace=False)]:
        nuclei = np.maximum(nuclei, _disc(shape, (r, c), rng.uniform(2.5, 3.5) / um))
    nuclei *= 0.85 + 0.15 * _smooth_noise(rng, shape, 1.0)

    necrosis = np.zeros(shape)
    mineral = np.zeros(shape)
    oxalate = np.zeros(shape)
    crystals: list[OxalateCrystal] = []
    if deposit in ("dystrophic", "oxalate"):
        centre = (size * rng.uniform(0.42, 0.58), size * rng.uniform(0.42, 0.58))
        radius = size * 0.30
        necrosis = gaussian_filter(_disc(shape, centre, radius), 2.0)
        # Necrosis: nuclei fade to dust (karyorrhexis), debris fills part of the air spaces.
        nuclei = nuclei * (1.0 - necrosis) + 0.35 * nuclei * necrosis * (_smooth_noise(rng, shape, 0.7) > 0.6)
        tissue = np.maximum(tissue, necrosis * 0.55 * _smooth_noise(rng, shape, 3.0))
        granules = _smooth_noise(rng, shape, 2.5)
        core = _disc(shape, centre, radius * (0.75 if deposit == "dystrophic" else 0.45), soft_px=4.0)
        level = 0.62 if deposit == "dystrophic" else 0.70
        mineral = np.clip((granules * core - level) / 0.04, 0.0, 1.0)
    if deposit == "metastatic":
        # Encrustation of basement membranes and elastic fibres in patches of intact walls.
        patches = _smooth_noise(rng, shape, 8.0) > 0.45
        mineral = np.clip(gaussian_filter(membrane * patches, 0.6) * 2.0 - 0.3, 0.0, 1.0)
    if deposit == "oxalate":
        for _ in range(7):
            r, c = centre[0] + rng.uniform(-0.8, 0.8) * radius, centre[1] + rng.uniform(-0.8, 0.8) * radius
            crystal = OxalateCrystal(
                float(r), float(c), float(rng.uniform(18.0, 36.0) / um), float(rng.uniform(4.5, 8.0) / um),
                float(rng.uniform(0.0, 180.0)), float(rng.uniform(0.3, 0.75) * float(SECTION_THICKNESS_NM)))
            crystals.append(crystal)
            oxalate = np.maximum(oxalate, _crystal_mask(shape, crystal))
        mineral = mineral * (1.0 - oxalate)
    mineral = mineral * (0.85 + 0.3 * _smooth_noise(rng, shape, 0.8)) * (mineral > 0)
    mineral = np.clip(mineral, 0.0, 1.0)
    nuclei = nuclei * (1.0 - oxalate)
    tissue = tissue * (1.0 - oxalate)
    maps = [np.ascontiguousarray(m, dtype=float) for m in (tissue, nuclei, necrosis, mineral, oxalate)]
    for m in maps:
        m.setflags(write=False)
    return Section(deposit, *maps, tuple(crystals))


def _crystal_mask(shape, crystal: OxalateCrystal) -> np.ndarray:
    rows, cols = np.indices(shape, dtype=float)
    angle = math.radians(crystal.angle_deg)
    dx, dy = cols - crystal.col_px, -(rows - crystal.row_px)
    along = dx * math.cos(angle) + dy * math.sin(angle)
    across = -dx * math.sin(angle) + dy * math.cos(angle)
    # A rhomb-ended prism: its width tapers over the last quarter of its length.
    half_length, half_width = crystal.length_px / 2.0, crystal.width_px / 2.0
    taper = np.clip((half_length - np.abs(along)) / (0.25 * half_length), 0.0, 1.0)
    inside = np.clip(half_width * taper - np.abs(across) + 0.5, 0.0, 1.0)
    return inside * (np.abs(along) <= half_length)


def _matrix(*vectors: str) -> np.ndarray:
    """A stain matrix for skimage: the named vectors, and a third orthogonal to them if two are given."""
    rows = [np.asarray(STAIN_VECTORS[v].value, dtype=float) for v in vectors]
    rows = [r / np.linalg.norm(r) for r in rows]
    if len(rows) == 2:
        third = np.cross(rows[0], rows[1])
        rows.append(third / np.linalg.norm(third))
    return np.array(rows)


def _density(stain: str, name: str) -> float:
    return float(STAIN_DENSITY[stain][name])


@accepts(stage_deg=Range(-360.0, 360.0, "degrees"))
def render(section, stain, *, stage_deg=0.0):
    """The section as seen under ``stain``: an RGB image, floats 0–1, shape (rows, cols, 3).

    Parameters
    ----------
    section : Section
        From :func:`draw_section`.
    stain : str
        One of :data:`STAINS`.
    stage_deg : float
        Rotation of the microscope stage, degrees; changes only the crossed-polariser image.

    Notes
    -----
    H&E: ``skimage.color.hed2rgb`` of the haematoxylin and eosin maps
    (:data:`STAIN_DENSITY`, divided by 6 to scikit-image's units); calcium
    oxalate takes up neither stain and shows as a clear crystal.  von Kossa
    and Alizarin red: ``skimage.color.combine_stains`` with
    :data:`STAIN_VECTORS`.  Crossed polarisers: :func:`polarized_intensity`
    turned into colour with :func:`calcify_lib.optics.interference_color_srgb`.
    """
    from skimage.color import combine_stains, hed2rgb

    if not isinstance(section, Section):
        raise TypeError(f"section must be a Section from draw_section(); got {type(section).__name__}")
    if not isinstance(stain, str) or stain not in STAINS:
        raise ValueError(f"stain must be one of {', '.join(STAINS)}; got {stain!r}")
    s = section
    if stain == "h_and_e":
        d = STAIN_DENSITY["h_and_e"]
        haematoxylin = (float(d["haematoxylin_nucleus"]) * s.nuclei + float(d["haematoxylin_tissue"]) * s.tissue
                        + float(d["haematoxylin_mineral"]) * s.mineral)
        eosin = float(d["eosin_tissue"]) * s.tissue * (1.0 - s.necrosis) + float(d["eosin_necrosis"]) * s.tissue * s.necrosis
        stains = np.stack([haematoxylin, eosin, np.zeros(s.shape)], axis=-1) / _SKIMAGE_OD_PER_UNIT
        return hed2rgb(stains)
    if stain == "von_kossa":
        silver = _density(stain, "silver_mineral") * s.mineral
        red = _density(stain, "fast_red_nucleus") * s.nuclei + _density(stain, "fast_red_tissue") * s.tissue
        stains = np.stack([silver, red, np.zeros(s.shape)], axis=-1) / _SKIMAGE_OD_PER_UNIT
        return combine_stains(stains, _matrix("silver", "nuclear_fast_red"))
    if stain == "alizarin_red":
        alizarin = _density(stain, "alizarin_mineral") * s.mineral + _density(stain, "alizarin_oxalate") * s.oxalate
        green = (_density(stain, "light_green_tissue") * s.tissue
                 + _density(stain, "light_green_nucleus") * s.nuclei)
        stains = np.stack([alizarin, green, np.zeros(s.shape)], axis=-1) / _SKIMAGE_OD_PER_UNIT
        return combine_stains(stains, _matrix("alizarin_red", "light_green"))
    return _polarized_rgb(s, float(stage_deg))


def _apatite_retardation_nm() -> float:
    return optics.aggregate_retardation_nm(
        float(optics.BIREFRINGENCE["hydroxyapatite"]), float(SECTION_THICKNESS_NM), float(BONE_CRYSTAL_SIZE_NM.value[0]))


@accepts(stage_deg=Range(-360.0, 360.0, "degrees"), wavelength_nm=Range(380.0, 780.0, "nm"))
def polarized_intensity(section, *, stage_deg=0.0, wavelength_nm=550.0):
    """I/I₀ of every pixel between crossed polarisers at one wavelength.

    Apatite deposits: :func:`calcify_lib.optics.aggregate_transmission` of a
    section-thick deposit of randomly oriented crystallites of the size of
    bone crystals (:data:`calcify_lib.crystallography.BONE_CRYSTAL_SIZE_NM`,
    50 nm); they do not change as the stage turns.  Oxalate crystals:
    :func:`calcify_lib.optics.crossed_polarizer_transmission` of each crystal
    with its long axis at ``angle_deg − stage_deg`` to the polariser.
    Everything else: 0 (the weak birefringence of collagen is not drawn).

    Returns
    -------
    ndarray
        I/I₀ per pixel, shape (rows, cols).
    """
    if not isinstance(section, Section):
        raise TypeError(f"section must be a Section from draw_section(); got {type(section).__name__}")
    apatite = optics.aggregate_transmission(
        float(optics.BIREFRINGENCE["hydroxyapatite"]), float(SECTION_THICKNESS_NM),
        float(BONE_CRYSTAL_SIZE_NM.value[0]), wavelength_nm)
    intensity = apatite * (section.mineral > 0) * section.mineral
    for crystal in section.crystals:
        mask = _crystal_mask(section.shape, crystal)
        value = optics.crossed_polarizer_transmission(
            crystal.angle_deg - stage_deg, float(optics.BIREFRINGENCE["calcium_oxalate_monohydrate"]),
            crystal.thickness_nm, wavelength_nm)
        intensity = np.maximum(intensity, value * mask)
    return intensity


def _polarized_rgb(section: Section, stage_deg: float) -> np.ndarray:
    rgb = np.zeros(section.shape + (3,))
    # The apatite deposit: azimuth-averaged, sin²(2θ) = 1/2, i.e. θ = 22.5°.
    apatite = optics.interference_color_srgb(_apatite_retardation_nm(), azimuth_deg=22.5)
    rgb = np.maximum(rgb, section.mineral[..., None] * apatite)
    for crystal in section.crystals:
        mask = _crystal_mask(section.shape, crystal)[..., None]
        colour = optics.interference_color_srgb(
            float(optics.BIREFRINGENCE["calcium_oxalate_monohydrate"]) * crystal.thickness_nm,
            azimuth_deg=crystal.angle_deg - stage_deg)
        rgb = np.maximum(rgb, mask * colour)
    return rgb


@accepts(noise=Range(0.0, 0.1, "(fraction of full scale)"), seed=Range(0, 2**32 - 1, "", kind="number"))
def deconvolve(rgb, *, noise=0.01, seed=0):
    """Colour deconvolution of an H&E image: the haematoxylin and eosin optical-density maps.

    The image is first digitised as a camera would: seeded Gaussian noise of
    standard deviation ``noise`` (fraction of full scale) is added and the
    result is quantised to 8 bits; then ``skimage.color.rgb2hed``
    (:cite:`ruifrok2001quantification`) separates the stains.

    Parameters
    ----------
    rgb : ndarray
        An H&E image, floats 0–1, shape (rows, cols, 3) (from :func:`render`).
    noise : float
        Camera noise, 0 to 0.1 of full scale.
    seed : int
        Seed of the noise.

    Returns
    -------
    (ndarray, ndarray)
        Haematoxylin and eosin optical densities (decadic), each (rows, cols).
    """
    from skimage.color import rgb2hed

    image = np.asarray(rgb, dtype=float)
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(f"rgb must be an image of shape (rows, cols, 3); got shape {image.shape}")
    if not np.all(np.isfinite(image)) or image.min() < 0.0 or image.max() > 1.0:
        raise ValueError("rgb must hold finite values from 0 to 1")
    rng = np.random.default_rng(int(seed))
    digitised = np.round(np.clip(image + rng.normal(0.0, noise, image.shape), 0.0, 1.0) * 255.0) / 255.0
    hed = rgb2hed(digitised) * _SKIMAGE_OD_PER_UNIT
    return hed[..., 0], hed[..., 1]


@accepts(threshold_od=Range(0.0, 5.0, "(decadic optical density)", optional=True))
def calcified_area_fraction(haematoxylin_od, *, threshold_od=None):
    """Fraction of an image whose haematoxylin density exceeds the mineral threshold.

    Parameters
    ----------
    haematoxylin_od : ndarray
        The haematoxylin map of :func:`deconvolve`.
    threshold_od : float, optional
        The threshold; :data:`MINERAL_THRESHOLD_OD` by default.

    Returns
    -------
    float
        Calcified area as a fraction of the image, 0 to 1.
    """
    od = np.asarray(haematoxylin_od, dtype=float)
    if od.ndim != 2 or od.size == 0:
        raise ValueError(f"haematoxylin_od must be a 2-D map; got shape {od.shape}")
    threshold = float(MINERAL_THRESHOLD_OD) if threshold_od is None else threshold_od
    return float(np.mean(od > threshold))
