"""A small, cited library of clinical vignettes for :func:`calcify_lib.diagnosis.interpret`.

Each :class:`Case` is a short story and the labs a clinician would have,
each lab a :class:`~calcify_lib.cited.CitedConstant` that says where its
value comes from: a measured value of a published case or cohort
(``basis='measured'``), or a typical value of a published presentation
chosen to land inside what the source reports (``basis='set'``, the note
names the target).  The library covers every condition of
:data:`calcify_lib.homeostasis.CONDITIONS`, a dystrophic case with normal
labs, a mixed case (calciphylaxis) and two low-albumin traps, plus one case
the work-up cannot fully decide (humoral hypercalcaemia of malignancy).

``expected_cause`` and ``expected_kind`` are what the work-up of
:mod:`calcify_lib.diagnosis` should conclude, written down from the clinical
reasoning before the function is run; ``tests/test_diagnosis.py`` checks
that it does.  These are teaching vignettes, not patients.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cited import CitedConstant

__all__ = ["Case", "CASES", "case", "LAB_UNITS"]

#: The unit of each lab a case may carry, by the name of the argument of
#: :func:`calcify_lib.diagnosis.interpret`.
LAB_UNITS: dict[str, str] = {
    "total_ca_mg_dl": "mg/dL",
    "phosphate_mg_dl": "mg/dL",
    "albumin_g_dl": "g/dL",
    "pth_pg_ml": "pg/mL",
    "calcidiol_ng_ml": "ng/mL",
    "calcitriol_pg_ml": "pg/mL",
    "egfr_ml_min_1_73m2": "mL/min/1.73 m²",
}


@dataclass(frozen=True)
class Case:
    """One vignette.

    Attributes
    ----------
    key : str
        Short identifier (``"phpt_classic"``).
    title : str
        Display name.
    story : str
        The presentation in one or two sentences.
    labs : tuple of (str, CitedConstant)
        The labs, keyed by the argument names of
        :func:`calcify_lib.diagnosis.interpret`; labs not measured are absent.
    tissue_injury : bool or None
        Whether the calcified tissue is known to be injured.
    expected_cause, expected_kind : str
        What the work-up should conclude.
    lesson : str
        What the case teaches.
    """

    key: str
    title: str
    story: str
    labs: tuple[tuple[str, CitedConstant], ...]
    tissue_injury: bool | None
    expected_cause: str
    expected_kind: str
    lesson: str

    def lab(self, name: str) -> float | None:
        """The value of one lab, or ``None`` if it was not measured."""
        return dict(self.labs)[name].value if name in dict(self.labs) else None

    def arguments(self) -> dict[str, float | bool | None]:
        """The keyword arguments of :func:`calcify_lib.diagnosis.interpret` for this case."""
        kwargs: dict[str, float | bool | None] = {name: c.value for name, c in self.labs}
        kwargs["tissue_injury"] = self.tissue_injury
        return kwargs


_TARGET_PHRASES = ("so that", "to reproduce", "to land", "to match")


def _lab(name: str, value: float, citation: str, note: str, basis: str = "set") -> tuple[str, CitedConstant]:
    if basis == "set" and not any(phrase in note for phrase in _TARGET_PHRASES):
        note = f"{note} Set to land on the presentation the source describes."
    return name, CitedConstant(value, LAB_UNITS[name], None, citation, note, basis=basis)


_NORMAL = "set to a normal adult value (inside the reference range of kratz2004laboratory)"

CASES: tuple[Case, ...] = (
    Case(
        key="phpt_classic",
        title="Kidney stones and a high calcium",
        story="A 58-year-old woman has a second calcium stone; her calcium is high on two occasions.",
        labs=(
            _lab("total_ca_mg_dl", 11.2, "mazzaglia2008changing",
                 "Mean preoperative total calcium of the patients operated on in 2005 in a surgical series.",
                 basis="measured"),
            _lab("phosphate_mg_dl", 2.6, "walker2018primary",
                 "Set low-normal, as PTH wastes phosphate: the mean of surgical series is about 2.6 mg/dL."),
            _lab("albumin_g_dl", 4.0, "kratz2004laboratory", _NORMAL),
            _lab("pth_pg_ml", 145.0, "walker2018primary",
                 "Set to a typical raised intact PTH of primary hyperparathyroidism (about twice the upper "
                 "limit)."),
        ),
        tissue_injury=None, expected_cause="primary_hyperparathyroidism", expected_kind="metastatic",
        lesson="High calcium with a high PTH: the parathyroids drive it.",
    ),
    Case(
        key="vitamin_d_supplement",
        title="A mislabelled supplement",
        story="A man took a supplement that held far more vitamin D than its label said; he is confused "
              "and vomiting.",
        labs=(
            _lab("total_ca_mg_dl", 15.0, "araki2011vitamin", "Total calcium at admission.", basis="measured"),
            _lab("phosphate_mg_dl", 3.7, "araki2011vitamin",
                 "Reported only as normal; set to the normal adult's 1.2 mmol/L (3.7 mg/dL)."),
            _lab("albumin_g_dl", 4.0, "kratz2004laboratory", _NORMAL),
            _lab("pth_pg_ml", 9.0, "tebben2016vitamin",
                 "Set suppressed (below 20 pg/mL), as in every case of vitamin D intoxication reviewed."),
            _lab("calcidiol_ng_ml", 1220.0, "araki2011vitamin", "25-hydroxyvitamin D at admission.",
                 basis="measured"),
            _lab("calcitriol_pg_ml", 45.0, "tebben2016vitamin",
                 "Set inside the reference range: calcitriol is normal or only mildly raised in intoxication."),
        ),
        tissue_injury=None, expected_cause="vitamin_d_intoxication", expected_kind="metastatic",
        lesson="Suppressed PTH and a 25-OH-D in the hundreds: the vitamin D itself.",
    ),
    Case(
        key="sarcoidosis",
        title="Hilar nodes and a high calcium",
        story="A 40-year-old with enlarged hilar lymph nodes and granulomas on biopsy; calcium rose after "
              "a sunny holiday.",
        labs=(
            _lab("total_ca_mg_dl", 11.6, "papapoulos1979dihydroxycholecalciferol",
                 "Set to a moderate hypercalcaemia of the kind driven by granuloma calcitriol in this study."),
            _lab("phosphate_mg_dl", 4.0, "papapoulos1979dihydroxycholecalciferol",
                 "Set high-normal, as calcitriol raises phosphate absorption (an assumption)."),
            _lab("albumin_g_dl", 4.0, "kratz2004laboratory", _NORMAL),
            _lab("pth_pg_ml", 8.0, "tebben2016vitamin", "Set suppressed, as in hypercalcaemic sarcoidosis."),
            _lab("calcidiol_ng_ml", 24.0, "tebben2016vitamin",
                 "Set normal-to-low, as in granulomatous disease (the granuloma consumes it)."),
            _lab("calcitriol_pg_ml", 110.0, "papapoulos1979dihydroxycholecalciferol",
                 "Set raised, inside the raised calcitriol levels of hypercalcaemic sarcoidosis."),
        ),
        tissue_injury=None, expected_cause="sarcoidosis", expected_kind="metastatic",
        lesson="Suppressed PTH, normal 25-OH-D, high calcitriol: a granuloma makes the hormone.",
    ),
    Case(
        key="dialysis_patient",
        title="Three years on haemodialysis",
        story="A 62-year-old on thrice-weekly haemodialysis, itching, with calcified arteries on an X-ray.",
        labs=(
            _lab("total_ca_mg_dl", 9.2, "rivara2015uncorrected",
                 "Set inside the KDOQI stage 5 target and the lowest-mortality band of a large dialysis cohort."),
            _lab("phosphate_mg_dl", 6.2, "block1998association",
                 "Mean serum phosphorus of US haemodialysis patients.", basis="measured"),
            _lab("albumin_g_dl", 3.8, "kratz2004laboratory", "Set low-normal, as is usual on dialysis."),
            _lab("pth_pg_ml", 693.0, "chertow2012effect",
                 "Median baseline PTH of the EVOLVE trial's haemodialysis patients.", basis="measured"),
            _lab("egfr_ml_min_1_73m2", 6.0, "kdigo2017ckdmbd", "Set in GFR category G5 (below 15)."),
        ),
        tissue_injury=None, expected_cause="chronic_kidney_disease", expected_kind="metastatic",
        lesson="Phosphate high, eGFR low, PTH very high, calcium normal: the kidney is the cause.",
    ),
    Case(
        key="myeloma",
        title="Back pain and anaemia",
        story="A 67-year-old with back pain, anaemia and lytic lesions in the spine.",
        labs=(
            _lab("total_ca_mg_dl", 12.0, "kyle2003review",
                 "Set among the 13 % of newly diagnosed myeloma patients with calcium of 11 mg/dL or more."),
            _lab("phosphate_mg_dl", 4.5, "kyle2003review",
                 "Set upper-normal, as renal impairment is common (creatinine 2 mg/dL or more in 19 %)."),
            _lab("albumin_g_dl", 3.6, "kyle2003review", "Set low-normal (an assumption)."),
            _lab("pth_pg_ml", 10.0, "stewart2005hypercalcemia", "Set suppressed, as in malignancy."),
            _lab("calcidiol_ng_ml", 28.0, "holick2011evaluation", "Set just below sufficiency (30 ng/mL)."),
            _lab("calcitriol_pg_ml", 20.0, "stewart2005hypercalcemia",
                 "Set low-normal: calcitriol is suppressed in osteolytic hypercalcaemia."),
            _lab("egfr_ml_min_1_73m2", 40.0, "kyle2003review", "Set moderately reduced (category G3b)."),
        ),
        tissue_injury=None, expected_cause="bone_destruction", expected_kind="metastatic",
        lesson="Suppressed PTH, calcitriol not raised, 25-OH-D normal: calcium from bone.",
    ),
    Case(
        key="humoral_malignancy",
        title="A smoker's cough and a very high calcium",
        story="A 66-year-old smoker with squamous-cell lung cancer, drowsy, no bone metastases on a scan.",
        labs=(
            _lab("total_ca_mg_dl", 13.8, "stewart2005hypercalcemia",
                 "Set to a severe hypercalcaemia, typical of humoral hypercalcaemia of malignancy."),
            _lab("phosphate_mg_dl", 2.3, "stewart2005hypercalcemia",
                 "Set low, as PTHrP, like PTH, wastes phosphate."),
            _lab("albumin_g_dl", 3.4, "kratz2004laboratory", "Set just below the range, as in advanced cancer."),
            _lab("pth_pg_ml", 4.0, "stewart2005hypercalcemia", "Set suppressed."),
            _lab("calcidiol_ng_ml", 25.0, "holick2011evaluation", "Set insufficient, common in illness."),
            _lab("calcitriol_pg_ml", 14.0, "stewart2005hypercalcemia",
                 "Set low: unlike PTH, PTHrP raises calcitriol little."),
            _lab("egfr_ml_min_1_73m2", 70.0, "kdigo2017ckdmbd", "Set in category G2 (60-89)."),
        ),
        tissue_injury=None, expected_cause="bone_destruction", expected_kind="metastatic",
        lesson="The model has no PTHrP: it names bone destruction and warns that only PTHrP decides.",
    ),
    Case(
        key="dystrophic_valve",
        title="A stiff aortic valve",
        story="A 78-year-old with a calcified, narrowed aortic valve; the valve cusps are scarred.",
        labs=(
            _lab("total_ca_mg_dl", 9.4, "kumar2021robbins",
                 "Set normal: dystrophic calcification occurs with normal serum calcium."),
            _lab("phosphate_mg_dl", 3.6, "kumar2021robbins", "Set normal, as in dystrophic calcification."),
            _lab("albumin_g_dl", 4.1, "kratz2004laboratory", _NORMAL),
            _lab("egfr_ml_min_1_73m2", 72.0, "kdigo2017ckdmbd", "Set in category G2, usual at this age."),
        ),
        tissue_injury=True, expected_cause="normal", expected_kind="dystrophic",
        lesson="Normal serum, injured tissue: the calcification is local.",
    ),
    Case(
        key="calciphylaxis",
        title="Painful skin ulcers on dialysis",
        story="A 55-year-old on haemodialysis with exquisitely painful, necrotic ulcers on the thighs; the "
              "biopsy shows calcified small arteries.",
        labs=(
            _lab("total_ca_mg_dl", 9.8, "nigwekar2018calciphylaxis",
                 "Set high-normal, as calcium is often normal in calciphylaxis."),
            _lab("phosphate_mg_dl", 7.0, "nigwekar2018calciphylaxis",
                 "Set raised: hyperphosphataemia is a risk factor."),
            _lab("albumin_g_dl", 3.2, "nigwekar2018calciphylaxis",
                 "Set low: hypoalbuminaemia is a risk factor."),
            _lab("pth_pg_ml", 480.0, "nigwekar2018calciphylaxis",
                 "Set raised, as in secondary hyperparathyroidism."),
            _lab("egfr_ml_min_1_73m2", 5.0, "kdigo2017ckdmbd", "Set in category G5."),
        ),
        tissue_injury=True, expected_cause="chronic_kidney_disease", expected_kind="mixed",
        lesson="Raised serum and injured vessels and skin: both faces at once.",
    ),
    Case(
        key="low_albumin_hidden_high",
        title="A normal calcium that is not",
        story="An 81-year-old, frail and poorly nourished, with a 'normal' calcium and fatigue.",
        labs=(
            _lab("total_ca_mg_dl", 10.2, "payne1973interpretation",
                 "Set just inside the range, so that only the albumin correction reveals the hypercalcaemia."),
            _lab("phosphate_mg_dl", 2.4, "walker2018primary", "Set low, as PTH wastes phosphate."),
            _lab("albumin_g_dl", 2.6, "payne1973interpretation",
                 "Set low, as in malnutrition (the range of the sera Payne studied reaches this)."),
            _lab("pth_pg_ml", 98.0, "walker2018primary", "Set raised."),
        ),
        tissue_injury=None, expected_cause="primary_hyperparathyroidism", expected_kind="metastatic",
        lesson="Low albumin hides a high calcium: correct before reading.",
    ),
    Case(
        key="low_albumin_false_low",
        title="A low calcium that is not",
        story="A 35-year-old with nephrotic syndrome and swollen legs; total calcium is 'low'.",
        labs=(
            _lab("total_ca_mg_dl", 7.6, "lian2018albumin",
                 "Set below the range, so that the albumin correction brings it back to normal."),
            _lab("phosphate_mg_dl", 3.5, "kratz2004laboratory", _NORMAL),
            _lab("albumin_g_dl", 2.1, "lian2018albumin", "Set low, as in nephrotic syndrome."),
            _lab("pth_pg_ml", 40.0, "kratz2004laboratory", "Set normal."),
            _lab("egfr_ml_min_1_73m2", 95.0, "kdigo2017ckdmbd", "Set in category G1 (90 or more)."),
        ),
        tissue_injury=None, expected_cause="normal", expected_kind="dystrophic",
        lesson="Low albumin makes a normal calcium look low; ionized calcium settles it.",
    ),
)


def case(key: str) -> Case:
    """The case with this key; a ``ValueError`` lists the valid keys."""
    by_key = {c.key: c for c in CASES}
    if not isinstance(key, str):
        raise TypeError(f"key must be one of {list(by_key)}; got {key!r} of type {type(key).__name__}")
    if key not in by_key:
        raise ValueError(f"key must be one of {list(by_key)}; got {key!r}")
    return by_key[key]
