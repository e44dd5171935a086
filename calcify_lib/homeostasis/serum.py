"""The extracellular fluid: its volume, its normal calcium and phosphate, and their chemistry.

The normal adult has an extracellular fluid (ECF) volume of 14 L, total
calcium 2.35 mmol/L (9.4 mg/dL) and phosphate 1.2 mmol/L (3.7 mg/dL)
(:cite:`peterson2010physiologically`).

*Ionized calcium.*  Its fraction of total calcium, and the ultrafilterable
(not protein-bound) fraction, come from
:func:`calcify_lib.chemistry.speciate_grid` for serum (pH 7.4, albumin
40 g/L, Na 140, Mg 0.85 mmol/L), tabulated once over total Ca × phosphate
and interpolated bilinearly inside the differential equations
(:func:`serum_table`).  The reported labs call
:func:`~calcify_lib.chemistry.speciate` directly (and
:func:`~calcify_lib.chemistry.speciate_grid` for trajectories).  Phosphate
binds calcium in ion pairs, so hyperphosphataemia lowers ionized calcium
here for a chemical reason.

Serum pH 7.4, albumin 40 g/L and magnesium 0.85 mmol/L hold throughout: no
acidosis in CKD, no hypoalbuminaemia.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import chemistry
from .._validation import accepts
from .parameters import cited

__all__ = ["ECF_VOLUME_L", "NORMAL_TOTAL_CA_MMOL_L", "NORMAL_PHOSPHATE_MMOL_L", "SerumTable",
           "serum_table", "speciation", "speciation_grid"]

ECF_VOLUME_L = cited(14.0, "L", "peterson2010physiologically",
                     "Extracellular fluid volume of the normal adult (V1 of the Peterson-Riggs model).",
                     basis="convention")
NORMAL_TOTAL_CA_MMOL_L = cited(2.35, "mmol/L", "peterson2010physiologically",
                               "Normal steady-state total plasma calcium (32.9 mmol in 14 L), 9.4 mg/dL.",
                               basis="convention")
NORMAL_PHOSPHATE_MMOL_L = cited(1.2, "mmol/L", "peterson2010physiologically",
                                "Normal steady-state extracellular phosphate (16.8 mmol in 14 L), 3.7 mg/dL.",
                                basis="convention")

# The serum in which ionized calcium and the saturation index are computed.
# The serum around the ions (pH, albumin, sodium, magnesium, citrate, bicarbonate) is chemistry's
# normal serum.
_SERUM = {name: constant.value for name, constant in chemistry.NORMAL_SERUM.items()}


@accepts(ca_mmol_l=chemistry.speciate.__accepts__["ca_mmol_l"],
         phosphate_mmol_l=chemistry.speciate.__accepts__["phosphate_mmol_l"])
def speciation(ca_mmol_l: float, phosphate_mmol_l: float):
    """:func:`calcify_lib.chemistry.speciate` in the model's serum, at one point."""
    return chemistry.speciate(ca_mmol_l, phosphate_mmol_l, _SERUM["ph"], na_mmol_l=_SERUM["na_mmol_l"],
                              mg_mmol_l=_SERUM["mg_mmol_l"], albumin_g_l=_SERUM["albumin_g_l"],
                              citrate_mmol_l=_SERUM["citrate_mmol_l"],
                              bicarbonate_mmol_l=_SERUM["bicarbonate_mmol_l"])


@accepts(ca_mmol_l=chemistry.speciate_grid.__accepts__["ca_mmol_l"],
         phosphate_mmol_l=chemistry.speciate_grid.__accepts__["phosphate_mmol_l"])
def speciation_grid(ca_mmol_l, phosphate_mmol_l):
    """:func:`calcify_lib.chemistry.speciate_grid` in the model's serum."""
    return chemistry.speciate_grid(
        ca_mmol_l, phosphate_mmol_l, _SERUM["ph"], na_mmol_l=_SERUM["na_mmol_l"],
        mg_mmol_l=_SERUM["mg_mmol_l"], albumin_g_l=_SERUM["albumin_g_l"],
        citrate_mmol_l=_SERUM["citrate_mmol_l"], bicarbonate_mmol_l=_SERUM["bicarbonate_mmol_l"])


@dataclass(frozen=True)
class SerumTable:
    """Ionized and ultrafilterable fractions of total calcium on a Ca × P grid."""

    ca_low: float
    ca_step: float
    n_ca: int
    p_low: float
    p_step: float
    n_p: int
    ionized: tuple[float, ...]
    ultrafilterable: tuple[float, ...]
    ionized_array: np.ndarray
    ultrafilterable_array: np.ndarray

    def fractions(self, ca_mmol_l: float, phosphate_mmol_l: float) -> tuple[float, float]:
        """Bilinear interpolation at one point, on plain floats (inputs clipped to the grid)."""
        top_x = self.n_ca - 1.000001
        top_y = self.n_p - 1.000001
        x = (ca_mmol_l - self.ca_low) / self.ca_step
        y = (phosphate_mmol_l - self.p_low) / self.p_step
        x = 0.0 if x < 0.0 else (top_x if x > top_x else x)
        y = 0.0 if y < 0.0 else (top_y if y > top_y else y)
        i = int(x)
        j = int(y)
        fx = x - i
        fy = y - j
        n = self.n_p
        k = i * n + j
        w00 = (1.0 - fx) * (1.0 - fy)
        w01 = (1.0 - fx) * fy
        w10 = fx * (1.0 - fy)
        w11 = fx * fy
        a = self.ionized
        b = self.ultrafilterable
        return (w00 * a[k] + w01 * a[k + 1] + w10 * a[k + n] + w11 * a[k + n + 1],
                w00 * b[k] + w01 * b[k + 1] + w10 * b[k + n] + w11 * b[k + n + 1])

    def fractions_array(self, ca_mmol_l: np.ndarray, phosphate_mmol_l: np.ndarray):
        """:meth:`fractions` on arrays."""
        x = np.clip((np.asarray(ca_mmol_l) - self.ca_low) / self.ca_step, 0.0, self.n_ca - 1.000001)
        y = np.clip((np.asarray(phosphate_mmol_l) - self.p_low) / self.p_step, 0.0, self.n_p - 1.000001)
        i = x.astype(int)
        j = y.astype(int)
        fx = x - i
        fy = y - j
        out = []
        for grid in (self.ionized_array, self.ultrafilterable_array):
            out.append((1 - fx) * (1 - fy) * grid[i, j] + (1 - fx) * fy * grid[i, j + 1]
                       + fx * (1 - fy) * grid[i + 1, j] + fx * fy * grid[i + 1, j + 1])
        return out[0], out[1]


@functools.lru_cache(maxsize=1)
def serum_table() -> SerumTable:
    """Tabulate the serum fractions once: 150 × 101 points, total Ca 0.05-7.5, phosphate 0-10 mmol/L."""
    ca_low, ca_high, n_ca = 0.05, 7.5, 150
    p_low, p_high, n_p = 0.0, 10.0, 101
    ca = np.linspace(ca_low, ca_high, n_ca)
    p = np.linspace(p_low, p_high, n_p)
    s = speciation_grid(ca[:, None], p[None, :])
    total = np.broadcast_to(ca[:, None], s.free_ca_mmol_l.shape)
    ionized = np.array(s.free_ca_mmol_l / total)
    ultrafilterable = np.array(1.0 - s.species_mmol_l["Ca-albumin"] / total)
    ionized.setflags(write=False)
    ultrafilterable.setflags(write=False)
    return SerumTable(
        ca_low=ca_low, ca_step=(ca_high - ca_low) / (n_ca - 1), n_ca=n_ca,
        p_low=p_low, p_step=(p_high - p_low) / (n_p - 1), n_p=n_p,
        ionized=tuple(ionized.ravel().tolist()),
        ultrafilterable=tuple(ultrafilterable.ravel().tolist()),
        ionized_array=ionized, ultrafilterable_array=ultrafilterable,
    )
