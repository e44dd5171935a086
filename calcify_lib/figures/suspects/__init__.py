"""The figures, explorers and tables of "The usual suspects".

Everything drawn here comes from :mod:`calcify_lib.homeostasis`; the
reference ranges come from :data:`calcify_lib.patients.LAB_REFERENCE_RANGES`.
The chapter calls these functions and nothing else.

==========  ====================================================================
module      what it draws
==========  ====================================================================
``panel``   one scenario's labs against the reference ranges, the disease
            explorer, and the names of conditions and treatments
``course``  the labs over time, and the calcium × phosphate product and urinary
            calcium over severity
``tables``  how each condition pushes the labs, how treatments pull them back,
            published cohorts beside the model, and the chapter's self-checks
==========  ====================================================================

Everything public is importable from :mod:`calcify_lib.figures.suspects` itself.
"""

from __future__ import annotations

from .panel import (
    CONDITION_LABELS,
    EXPLORER_SUGGESTIONS,
    PANEL_ROWS,
    TREATMENT_LABELS,
    disease_explorer,
    lab_panel,
    lab_readout_html,
    lab_table,
    scenario_label,
    suggestions_table,
)
from .course import (
    COURSE_FIELDS,
    HYPERCALCIURIA_WOMEN_MG_DAY,
    ONSET_DAYS_HIDDEN,
    course_table,
    hypercalciuria_thresholds_mmol_day,
    severity_figure,
    time_course,
    time_course_figure,
)
from .tables import (
    LAB_COLUMNS,
    MODEL_COUNTERPARTS,
    basis_census,
    cited_versus_model_table,
    push_table,
    ranking_table,
    self_check_ckd_product,
    self_check_suppressed_pth_cause,
    severity_table,
    treatment_table,
)

__all__ = [
    "CONDITION_LABELS",
    "TREATMENT_LABELS",
    "ONSET_DAYS_HIDDEN",
    "scenario_label",
    "PANEL_ROWS",
    "time_course",
    "lab_panel",
    "lab_readout_html",
    "disease_explorer",
    "lab_table",
    "HYPERCALCIURIA_WOMEN_MG_DAY",
    "EXPLORER_SUGGESTIONS",
    "time_course_figure",
    "push_table",
    "hypercalciuria_thresholds_mmol_day",
    "severity_figure",
    "ranking_table",
    "treatment_table",
    "COURSE_FIELDS",
    "course_table",
    "MODEL_COUNTERPARTS",
    "cited_versus_model_table",
    "LAB_COLUMNS",
    "severity_table",
    "suggestions_table",
    "basis_census",
    "self_check_ckd_product",
    "self_check_suppressed_pth_cause",
]
