"""The figures, explorers and tables of "The chemistry of precipitation".

The chapter tells its story in two pictures, and this package keeps one
module for each, plus one for the tables that put numbers on the second:

==============  ==================================================================
module          what it draws
==============  ==================================================================
``simple``      the simple picture: calcium × phosphate against a threshold, on
                the calcium-phosphate plane, with its explorer
``saturation``  the honest picture: what serum holds and how saturated it is with
                each calcium phosphate as the pH moves, with its explorer
``tables``      the tables of the honest picture, and the census of the
                constants by how they were obtained
==============  ==================================================================

Each function draws one kind of figure from the models of
:mod:`calcify_lib`, so that the chapter shows a figure with one call and the
static site and the live notebook draw it the same way.  Everything public
is importable from :mod:`calcify_lib.figures.chemistry` itself.
"""

from __future__ import annotations

from .simple import (
    CA_AXIS_MG_DL,
    PHOSPHATE_AXIS_MG_DL,
    ca_p_explorer,
    ca_p_plane,
    describe_ca,
    describe_phosphate,
    readout_html,
    self_check_phosphate_units,
    simple_picture_table,
    threshold_table,
)
from .saturation import (
    PHASE_LABELS,
    phosphate_fractions_vs_ph,
    phosphate_speciation_vs_ph,
    saturation_table,
    saturation_vs_ph,
    self_check_undersaturated_phase,
    si_ph_explorer,
    si_readout_html,
    simple_versus_honest,
)
from .tables import (
    BASIS_MEANINGS,
    activity_table,
    albumin_correction_table,
    albumin_sweep_table,
    basis_table,
    compare_sera_table,
    disputed_constants_table,
    magnesium_table,
    phase_si_table,
    phosphate_shares_table,
    serum_phosphate_table,
    speciation_table,
)

__all__ = [
    "ca_p_plane",
    "ca_p_explorer",
    "describe_ca",
    "describe_phosphate",
    "readout_html",
    "PHASE_LABELS",
    "phosphate_speciation_vs_ph",
    "saturation_vs_ph",
    "saturation_table",
    "simple_versus_honest",
    "si_readout_html",
    "si_ph_explorer",
    "threshold_table",
    "simple_picture_table",
    "phosphate_fractions_vs_ph",
    "speciation_table",
    "BASIS_MEANINGS",
    "basis_table",
    "phosphate_shares_table",
    "activity_table",
    "albumin_sweep_table",
    "albumin_correction_table",
    "serum_phosphate_table",
    "phase_si_table",
    "magnesium_table",
    "disputed_constants_table",
    "compare_sera_table",
]
