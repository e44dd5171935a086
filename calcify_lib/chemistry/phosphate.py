"""Phosphoric acid's four forms, H₃PO₄, H₂PO₄⁻, HPO₄²⁻ and PO₄³⁻, and their shares at a pH.

Three dissociations, with the temperature-dependent pKa values of
:func:`calcify_lib.thermodynamics.phosphoric_acid_pka`, split total
phosphate among its four forms.  At pH 7.4 about three fifths is HPO₄²⁻ and
one in a hundred thousand is PO₄³⁻, the ion in the first chapter's ionic
product.  This is the ideal-solution picture, with no ion pairs and no
activity coefficients; :func:`~calcify_lib.chemistry.speciate`
adds both.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import accepts
from ..thermodynamics import phosphoric_acid_pka
from ._ranges import _PH, _TEMPERATURE_C

__all__ = ["PHOSPHATE_SPECIES", "PhosphateFractions", "phosphate_fractions"]

#: The four forms of phosphate, from most to least protonated.
PHOSPHATE_SPECIES = ("H3PO4", "H2PO4-", "HPO4-2", "PO4-3")


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
        """The fractions keyed by species formula (:data:`~calcify_lib.chemistry.phosphate.PHOSPHATE_SPECIES`)."""
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
        0-100 °C; sets the pKa values (:func:`~calcify_lib.thermodynamics.phosphoric_acid_pka`).

    Returns
    -------
    PhosphateFractions

    Notes
    -----
    Ideal solution, no ion pairs: see :mod:`calcify_lib.chemistry` for what that
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

