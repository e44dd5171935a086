"""The ranges the chemistry's entry points accept, declared once for every module of the package."""

from __future__ import annotations

from dataclasses import replace

from .._validation import Range

_TEMPERATURE_RANGE_C = (0.0, 100.0)
_PH_RANGE = (0.0, 14.0)
_CONCENTRATION_RANGE_MMOL_L = (0.0, 100.0)
_ALBUMIN_RANGE_G_L = (0.0, 100.0)
# Sodium and chloride are the background salt (140 and ~100 mmol/L in plasma); the
# ionic-strength limit of the Davies equation bounds them in practice.
_SALT_RANGE_MMOL_L = (0.0, 500.0)

_TEMPERATURE_C = Range(*_TEMPERATURE_RANGE_C, "°C", kind="number")
_PH = Range(*_PH_RANGE, "(pH units)")
_CONCENTRATION_MMOL_L = Range(*_CONCENTRATION_RANGE_MMOL_L, "mmol/L")
_SALT_MMOL_L = Range(_CONCENTRATION_RANGE_MMOL_L[0], _SALT_RANGE_MMOL_L[1], "mmol/L")
_ALBUMIN_G_L = Range(*_ALBUMIN_RANGE_G_L, "g/L")
# Citrate: about 0.1 mmol/L in plasma; citrate-anticoagulated blood carries 10-20 mmol/L.
_CITRATE_MMOL_L = Range(0.0, 30.0, "mmol/L")
# What speciate_grid accepts: every argument but the temperature may be an array.
_SPECIATION_GRID = {
    "ca_mmol_l": _CONCENTRATION_MMOL_L, "phosphate_mmol_l": _CONCENTRATION_MMOL_L, "ph": _PH,
    "temperature_c": _TEMPERATURE_C, "na_mmol_l": _SALT_MMOL_L, "mg_mmol_l": _CONCENTRATION_MMOL_L,
    "cl_mmol_l": replace(_SALT_MMOL_L, optional=True), "albumin_g_l": _ALBUMIN_G_L,
    "citrate_mmol_l": _CITRATE_MMOL_L, "bicarbonate_mmol_l": _CONCENTRATION_MMOL_L,
}
# What speciate accepts: the same, one number each.
_SPECIATION = {name: replace(declared, kind="number") for name, declared in _SPECIATION_GRID.items()}
