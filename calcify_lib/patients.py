"""Representative patients: lab values typical of each condition, with sources.

These are not individual people but typical values reported for a
condition: a cohort mean, a guideline target, or a model's normal steady
state.  Each value is a :class:`~calcify_lib.cited.CitedConstant`, so the
chapter can say where every point on its figures comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cited import CitedConstant
from .units import ca_mmol_l_to_mg_dl, phosphate_mmol_l_to_mg_dl

__all__ = ["Patient", "EXAMPLE_PATIENTS", "CAUSES_OF_METASTATIC_CALCIFICATION", "REFERENCE_RANGES_MG_DL",
           "LAB_REFERENCE_RANGES", "patient"]


@dataclass(frozen=True)
class Patient:
    """A representative patient.

    Attributes
    ----------
    key
        Short identifier (``"primary_hyperparathyroidism"``).
    label
        Display name for figures and tables.
    ca_mg_dl, phosphate_mg_dl
        Total serum calcium and serum phosphate (as phosphorus), in mg/dL,
        each with its source.
    """

    key: str
    label: str
    ca_mg_dl: CitedConstant
    phosphate_mg_dl: CitedConstant


def _mg_dl(value: float, citation: str, note: str, *, basis: str) -> CitedConstant:
    return CitedConstant(value=value, unit="mg/dL", temperature_c=None, citation=citation, note=note,
                         basis=basis)


EXAMPLE_PATIENTS: tuple[Patient, ...] = (
    Patient(
        key="normal",
        label="Normal adult",
        ca_mg_dl=_mg_dl(
            round(ca_mmol_l_to_mg_dl(2.35), 2),
            "peterson2010physiologically",
            "Normal steady state of the Peterson-Riggs model, 2.35 mmol/L total calcium, converted to "
            "mg/dL with the molar mass of calcium.",
            basis="derived",
        ),
        phosphate_mg_dl=_mg_dl(
            round(phosphate_mmol_l_to_mg_dl(1.2), 2),
            "peterson2010physiologically",
            "Normal steady state of the Peterson-Riggs model, 1.2 mmol/L phosphate, converted to "
            "mg/dL with the molar mass of phosphorus.",
            basis="derived",
        ),
    ),
    Patient(
        key="primary_hyperparathyroidism",
        label="Primary hyperparathyroidism",
        ca_mg_dl=_mg_dl(
            11.2,
            "mazzaglia2008changing",
            "Mean preoperative total calcium of the 100 patients operated on in 2005 at one centre.",
            basis="measured",
        ),
        phosphate_mg_dl=_mg_dl(
            3.24,
            "ata2025hypophosphatemia",
            "Mean serum phosphorus of 113,330 patients in a national database (a different "
            "cohort from the calcium value; surgical series report lower means, about 2.6).",
            basis="measured",
        ),
    ),
    Patient(
        key="chronic_kidney_disease",
        label="CKD on dialysis",
        ca_mg_dl=_mg_dl(
            9.2,
            "rivara2015uncorrected",
            "A typical dialysis calcium, not a cohort mean: set to land inside the KDOQI 2003 "
            "stage 5 target (8.4-9.5 mg/dL) and the lowest-mortality band (9.0-9.5 mg/dL) of a cohort of "
            "119,010 haemodialysis patients.",
            basis="set",
        ),
        phosphate_mg_dl=_mg_dl(
            6.2,
            "block1998association",
            "Mean serum phosphorus in two national random samples of US haemodialysis patients.",
            basis="measured",
        ),
    ),
    Patient(
        key="vitamin_d_intoxication",
        label="Vitamin D intoxication",
        ca_mg_dl=_mg_dl(
            15.0,
            "araki2011vitamin",
            "Total calcium at admission of a man with 25-hydroxyvitamin D of 1220 ng/mL after "
            "taking a mislabelled supplement.",
            basis="measured",
        ),
        phosphate_mg_dl=_mg_dl(
            round(phosphate_mmol_l_to_mg_dl(1.2), 2),
            "araki2011vitamin",
            "Reported only as normal; set to the normal adult value of 1.2 mmol/L so that it matches "
            "that report (an assumption, not a measurement).",
            basis="set",
        ),
    ),
)


#: Normal serum and one representative patient for each of the source's five causes.
#: Sarcoidosis and bone destruction are illustrative values inside the ranges their
#: sources report (the notes say so); the homeostasis model computes all five later.
CAUSES_OF_METASTATIC_CALCIFICATION: tuple[Patient, ...] = EXAMPLE_PATIENTS[:2] + (
    EXAMPLE_PATIENTS[3],
    Patient(
        key="sarcoidosis",
        label="Sarcoidosis (hypercalcaemic)",
        ca_mg_dl=_mg_dl(
            11.6,
            "papapoulos1979dihydroxycholecalciferol",
            "Illustrative, not a cohort mean: set to land on a moderate hypercalcaemia of the kind driven by "
            "granuloma calcitriol in this study's patients.",
            basis="set",
        ),
        phosphate_mg_dl=_mg_dl(
            4.0,
            "papapoulos1979dihydroxycholecalciferol",
            "Illustrative: set to land high-normal, as calcitriol raises phosphate absorption "
            "(an assumption, not a measurement).",
            basis="set",
        ),
    ),
    EXAMPLE_PATIENTS[2],
    Patient(
        key="bone_destruction",
        label="Bone destruction (myeloma)",
        ca_mg_dl=_mg_dl(
            12.0,
            "kyle2003review",
            "Illustrative, not a cohort mean: set to land among the 13 % of 1027 newly diagnosed myeloma "
            "patients whose calcium was 11 mg/dL or more.",
            basis="set",
        ),
        phosphate_mg_dl=_mg_dl(
            4.5,
            "kyle2003review",
            "Illustrative: set to land upper-normal, as renal impairment is common (creatinine "
            "2 mg/dL or more in 19 %); an assumption, not a measurement.",
            basis="set",
        ),
    ),
)


def patient(key: str) -> Patient:
    """The example patient with this key; a ValueError lists the valid keys."""
    everyone = {p.key: p for p in EXAMPLE_PATIENTS + CAUSES_OF_METASTATIC_CALCIFICATION}
    if key not in everyone:
        raise ValueError(f"key must be one of {list(everyone)}; got {key!r}")
    return everyone[key]


#: Adult reference ranges (low, high) of total calcium and phosphate, in mg/dL.
REFERENCE_RANGES_MG_DL: dict[str, tuple[CitedConstant, CitedConstant]] = {
    "calcium": (
        _mg_dl(8.5, "kratz2004laboratory", "Lower limit of the adult reference range of total serum calcium.",
               basis="guideline"),
        _mg_dl(10.5, "kratz2004laboratory", "Upper limit of the adult reference range of total serum calcium.",
               basis="guideline"),
    ),
    "phosphate": (
        _mg_dl(2.6, "kratz2004laboratory", "Lower limit of the adult reference range of serum phosphorus.",
               basis="guideline"),
        _mg_dl(4.5, "kratz2004laboratory", "Upper limit of the adult reference range of serum phosphorus.",
               basis="guideline"),
    ),
}


def _range(low: float | None, high: float | None, unit: str, citation: str, note: str, *, basis: str):
    return tuple(None if v is None else CitedConstant(v, unit, None, citation, note, basis=basis)
                 for v in (low, high))


#: Adult reference ranges (low, high) of the labs the homeostasis model reports, keyed by the
#: field names of :class:`calcify_lib.homeostasis.Labs`; ``None`` where the range is open.
LAB_REFERENCE_RANGES: dict[str, tuple[CitedConstant | None, CitedConstant | None]] = {
    "total_ca_mg_dl": REFERENCE_RANGES_MG_DL["calcium"],
    "ionized_ca_mmol_l": _range(1.1, 1.3, "mmol/L", "kratz2004laboratory",
                                "Adult reference range of ionized (free) serum calcium.", basis="guideline"),
    "phosphate_mg_dl": REFERENCE_RANGES_MG_DL["phosphate"],
    "pth_pg_ml": _range(15.0, 65.0, "pg/mL", "kratz2004laboratory",
                        "Adult reference range of intact parathyroid hormone (assay-dependent).",
                        basis="guideline"),
    "calcitriol_pg_ml": _range(18.0, 64.0, "pg/mL", "mayo2024calcitriol",
                               "Adult reference range of 1,25-dihydroxyvitamin D, men (women to 78 pg/mL).",
                               basis="guideline"),
    "ca_x_p_mg2_dl2": _range(None, 55.0, "mg²/dL²", "kdoqi2003bone",
                             "KDOQI 2003 ceiling of the calcium × phosphate product.", basis="guideline"),
    "urine_ca_mmol_day": _range(None, 7.5, "mmol/day", "walker2018primary",
                                "Upper limit of normal urinary calcium, 300 mg/day (7.5 mmol/day) in men; "
                                "above it is hypercalciuria (women 250 mg/day).", basis="guideline"),
}
