"""The ranges the tissue models accept, declared once for every module of the package."""

from __future__ import annotations

from .._validation import Range

_T_C = Range(20.0, 42.0, "°C", kind="number")
_HCO3 = Range(0.0, 200.0, "mmol/L", kind="number", low_inclusive=False)
_PCO2 = Range(0.0, 300.0, "mmHg", kind="number", low_inclusive=False)
_PO2 = Range(0.0, 700.0, "mmHg", kind="number", low_inclusive=False)
_PH = Range(6.0, 8.5, "(pH units)", kind="number")
_BE = Range(-30.0, 30.0, "mmol/L", kind="number")
_SO2 = Range(0.0, 1.0, "(fraction)", kind="number")
_HB = Range(3.0, 25.0, "g/dL", kind="number")
_VQ = Range(0.0, 100.0, "(dimensionless)", kind="number")
_ACID = Range(0.0, 100.0, "mmol/h", kind="number")
_FLOW = Range(0.0, 5000.0, "mL/min", kind="number", low_inclusive=False)
