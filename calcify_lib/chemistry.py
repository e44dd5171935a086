"""Solution chemistry of phosphate: how pH shares phosphate among its four forms.

Phosphoric acid gives up its three protons in steps,

.. math::

    \\mathrm{H_3PO_4} \\rightleftharpoons \\mathrm{H_2PO_4^-} \\rightleftharpoons
    \\mathrm{HPO_4^{2-}} \\rightleftharpoons \\mathrm{PO_4^{3-}},
    \\qquad K_{a,i} = \\frac{[\\mathrm{H^+}][\\text{base}]}{[\\text{acid}]},

so that at a given pH the fraction of total phosphate in each form is fixed
by the three acidity constants.  This module holds those constants, their
temperature dependence, and the fractions.  It is the first layer of the
book's chemistry: the saturation index built on top of it adds ion pairs
and activity coefficients.

Constants and their temperature dependence
------------------------------------------
The acidity constants at 25 °C and zero ionic strength, and the reaction
enthalpies used to move them to other temperatures, are those of the
``phreeqc.dat`` database distributed with PHREEQC
(:cite:`parkhurst2013phreeqc`).  The temperature correction is van't Hoff's,
with the enthalpy taken as constant:

.. math::

    \\log_{10} K(T) = \\log_{10} K(T_0)
    - \\frac{\\Delta H^\\circ}{R \\ln 10}\\left(\\frac{1}{T} - \\frac{1}{T_0}\\right),
    \\qquad T_0 = 298.15\\ \\mathrm{K}.

At 37 °C this gives pKa2 = 7.18 and pKa3 = 12.25.

Assumptions and limits
----------------------
* Ideal solution: concentrations stand in for activities.  At the ionic
  strength of plasma (about 0.16 mol/L) activity coefficients lower the
  apparent pKa2 from 7.18 to about 6.8, so this module understates the
  share of HPO₄²⁻ and PO₄³⁻ by a factor of about two at pH 7.4.
* No ion pairs (CaHPO₄⁰, MgHPO₄⁰, NaHPO₄⁻): free phosphate is total phosphate.
* Van't Hoff with a constant enthalpy is accurate to a few hundredths of a
  pK unit between 0 and 50 °C; the accepted range is 0-100 °C.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_number, check_real
from .cited import CitedConstant

__all__ = [
    "GAS_CONSTANT_J_MOL_K",
    "PHOSPHORIC_ACID_PKA_25C",
    "PHOSPHORIC_ACID_DISSOCIATION_ENTHALPY_KJ_MOL",
    "PHOSPHATE_SPECIES",
    "phosphoric_acid_pka",
    "PhosphateFractions",
    "phosphate_fractions",
    "HYDROXYAPATITE_LOG_KSP_COEFFICIENTS",
    "hydroxyapatite_log_ksp",
]

GAS_CONSTANT_J_MOL_K = CitedConstant(
    value=8.314462618,
    unit="J/(mol·K)",
    temperature_c=None,
    citation="tiesinga2021codata",
    note="Molar gas constant R (exact in the 2019 SI).",
)

_T0_K = 298.15

#: pKa1, pKa2, pKa3 of phosphoric acid at 25 °C and zero ionic strength.
PHOSPHORIC_ACID_PKA_25C: tuple[CitedConstant, CitedConstant, CitedConstant] = (
    CitedConstant(
        2.168, "1 (−log10 of K in mol/L)", 25.0, "parkhurst2013phreeqc",
        "pKa1, H3PO4 = H+ + H2PO4-, from phreeqc.dat (log β 21.721 - 19.553).",
    ),
    CitedConstant(
        7.207, "1 (−log10 of K in mol/L)", 25.0, "parkhurst2013phreeqc",
        "pKa2, H2PO4- = H+ + HPO4-2, from phreeqc.dat (log β 19.553 - 12.346).",
    ),
    CitedConstant(
        12.346, "1 (−log10 of K in mol/L)", 25.0, "parkhurst2013phreeqc",
        "pKa3, HPO4-2 = H+ + PO4-3, from phreeqc.dat.",
    ),
)

#: Standard enthalpies of the three dissociations (25 °C), for van't Hoff.
PHOSPHORIC_ACID_DISSOCIATION_ENTHALPY_KJ_MOL: tuple[CitedConstant, CitedConstant, CitedConstant] = (
    CitedConstant(
        -8.81, "kJ/mol", 25.0, "parkhurst2013phreeqc",
        "ΔH° of the first dissociation: phreeqc.dat protonation enthalpies "
        "-10.1 kJ/mol (H3PO4) minus -4.52 kcal/mol (H2PO4-), sign reversed.",
    ),
    CitedConstant(
        4.14, "kJ/mol", 25.0, "parkhurst2013phreeqc",
        "ΔH° of the second dissociation: -(-4.52 - (-3.53)) kcal/mol = +0.99 kcal/mol.",
    ),
    CitedConstant(
        14.77, "kJ/mol", 25.0, "parkhurst2013phreeqc",
        "ΔH° of the third dissociation: +3.53 kcal/mol (phreeqc.dat HPO4-2 formation, "
        "sign reversed).",
    ),
)

#: The four forms of phosphate, from most to least protonated.
PHOSPHATE_SPECIES = ("H3PO4", "H2PO4-", "HPO4-2", "PO4-3")

_TEMPERATURE_RANGE_C = (0.0, 100.0)
_PH_RANGE = (0.0, 14.0)


def phosphoric_acid_pka(temperature_c: float = 37.0) -> tuple[float, float, float]:
    """pKa1, pKa2 and pKa3 of phosphoric acid at ``temperature_c``, zero ionic strength.

    .. math::

        \\mathrm{p}K(T) = \\mathrm{p}K(298.15) + \\frac{\\Delta H^\\circ}{R\\ln 10}
        \\left(\\frac{1}{T} - \\frac{1}{298.15}\\right)

    Constants from :cite:`parkhurst2013phreeqc`; see the module docstring.

    Parameters
    ----------
    temperature_c : float
        0-100 °C.

    Examples
    --------
    >>> [round(p, 2) for p in phosphoric_acid_pka(37.0)]
    [2.23, 7.18, 12.25]
    """
    t_c = check_number("temperature_c", temperature_c, low=_TEMPERATURE_RANGE_C[0],
                       high=_TEMPERATURE_RANGE_C[1], unit="°C")
    t_k = t_c + 273.15
    r = GAS_CONSTANT_J_MOL_K.value
    pkas = []
    for pka25, enthalpy in zip(PHOSPHORIC_ACID_PKA_25C, PHOSPHORIC_ACID_DISSOCIATION_ENTHALPY_KJ_MOL):
        shift = enthalpy.value * 1e3 / (r * math.log(10.0)) * (1.0 / t_k - 1.0 / _T0_K)
        pkas.append(pka25.value + shift)
    return (pkas[0], pkas[1], pkas[2])


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
    (0.625, '8.91e-06')
    """
    ph_value = check_real("ph", ph, low=_PH_RANGE[0], high=_PH_RANGE[1], unit="(pH units)")
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


#: McDowell, Gregory & Brown (1977): log10 Ksp of Ca5(PO4)3OH as A/T + B + C*T.
HYDROXYAPATITE_LOG_KSP_COEFFICIENTS: tuple[CitedConstant, CitedConstant, CitedConstant] = (
    CitedConstant(-8219.41, "K", None, "mcdowell1977solubility",
                  "A in log10 Ksp = A/T + B + C*T, fitted to solubility measured from 5 to 37 °C."),
    CitedConstant(-1.6657, "1", None, "mcdowell1977solubility", "B in log10 Ksp = A/T + B + C*T (dimensionless)."),
    CitedConstant(-0.098215, "1/K", None, "mcdowell1977solubility", "C in log10 Ksp = A/T + B + C*T, per kelvin."),
)
_HAP_TEMPERATURE_RANGE_C = (0.0, 45.0)


def hydroxyapatite_log_ksp(temperature_c: float = 37.0) -> float:
    """log10 of the solubility product of hydroxyapatite, written per Ca₅(PO₄)₃OH.

    .. math::

        K_{sp} = \\{\\mathrm{Ca^{2+}}\\}^5\\{\\mathrm{PO_4^{3-}}\\}^3\\{\\mathrm{OH^-}\\},
        \\qquad \\log_{10} K_{sp} = \\frac{-8219.41}{T} - 1.6657 - 0.098215\\,T

    with activities in mol/L and T in kelvin (:cite:`mcdowell1977solubility`).
    At 37 °C, log10 Ksp = -58.63 (Ksp = 2.35e-59 mol⁹/L⁹).

    Parameters
    ----------
    temperature_c : float
        0-45 °C.  The fit rests on measurements from 5 to 37 °C; outside
        that it is an extrapolation.

    Notes
    -----
    A Ksp belongs with the ion-pair and activity model used to derive it
    (here the NBS one); mixing it with other speciation constants shifts the
    saturation index.  Hydroxyapatite, like β-tricalcium phosphate, becomes
    *less* soluble as temperature rises.

    Examples
    --------
    >>> round(hydroxyapatite_log_ksp(37.0), 2)
    -58.63
    """
    t_c = check_number("temperature_c", temperature_c, low=_HAP_TEMPERATURE_RANGE_C[0],
                       high=_HAP_TEMPERATURE_RANGE_C[1], unit="°C")
    t_k = t_c + 273.15
    a, b, c = (k.value for k in HYDROXYAPATITE_LOG_KSP_COEFFICIENTS)
    return a / t_k + b + c * t_k
