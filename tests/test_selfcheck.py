"""Self-checks (calcify_lib.selfcheck): validation, feedback from the models, deterministic HTML,
and at least two in every chapter that has them.  The browser test is tests/test_site_selfcheck.py."""

from __future__ import annotations

import json
import math
import re

import nbformat
import pytest

from calcify_lib import chemistry, crystallography, nucleation, optics, tissue, units
from calcify_lib.figures import applications_clinic as clinic_figures
from calcify_lib.figures import applications_research as research_figures
from calcify_lib.figures import chemistry as chemistry_figures
from calcify_lib.figures import location as location_figures
from calcify_lib.figures import seeing as seeing_figures
from calcify_lib.figures import suspects as suspects_figures
from calcify_lib.figures import transdifferentiation as td_figures
from calcify_lib.figures import two_faces as faces
from calcify_lib.selfcheck import MultipleChoice, NumericEntry, Option
from conftest import BOOK

#: Chapters with their self-checks; the others get theirs from the lead (README, "Adding a chapter").
SELF_CHECKED = ("two_faces", "chemistry", "location", "seeing", "transdifferentiation",
                "applications_clinic", "applications_research", "suspects")
CHAPTER_CHECKS = {
    "applications_clinic": (clinic_figures.self_check_corrected_calcium, clinic_figures.self_check_suppressed_pth),
    "applications_research": (research_figures.self_check_halved_fetuin,
                              research_figures.self_check_largest_determinant),
    "two_faces": (faces.self_check_supersaturation, faces.self_check_wetting),
    "chemistry": (chemistry_figures.self_check_phosphate_units, chemistry_figures.self_check_undersaturated_phase),
    "location": (location_figures.self_check_henderson_hasselbalch,
                 location_figures.self_check_most_supersaturated_tissue),
    "seeing": (seeing_figures.self_check_dark_deposit, seeing_figures.self_check_bragg_004),
    "transdifferentiation": (td_figures.self_check_stiffer_wall, td_figures.self_check_lowering_phosphate),
    "suspects": (suspects_figures.self_check_ckd_product, suspects_figures.self_check_suppressed_pth_cause),
}


def _choice() -> MultipleChoice:
    return MultipleChoice("Which is a calcium phosphate?", (Option("Brushite", True, "CaHPO₄·2H₂O."),
                                                           Option("Calcite", False, "CaCO₃: a carbonate.")),
                          "Brushite is dicalcium phosphate dihydrate.")


def _number() -> NumericEntry:
    return NumericEntry("Two plus two?", 4.0, 0.1, "", "Count them.", "Too few.", "Too many.", decimals=0)


# -- the component -------------------------------------------------------------------------------
@pytest.mark.parametrize("build, message", [
    (lambda: MultipleChoice("Q?", (Option("a", True, "f"),), "e"), "2 to 6"),
    (lambda: MultipleChoice("Q?", (Option("a", True, "f"), Option("b", True, "f")), "e"), "exactly 1"),
    (lambda: MultipleChoice("Q?", (Option("a", False, "f"), Option("b", False, "f")), "e"), "exactly 1"),
    (lambda: MultipleChoice(" ", (Option("a", True, "f"), Option("b", False, "f")), "e"), "question"),
    (lambda: NumericEntry("Q?", 1.0, 0.0, "", "e", "l", "h"), "tolerance=0.0"),
    (lambda: NumericEntry("Q?", float("nan"), 0.1, "", "e", "l", "h"), "answer=nan"),
    (lambda: NumericEntry("Q?", 1.0, 0.1, "", "e", "l", "h", decimals=9), "decimals=9"),
])
def test_a_malformed_question_is_refused_naming_what_is_wrong(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_wrong_types_are_refused():
    with pytest.raises(TypeError, match="correct must be a bool"):
        Option("a", 1, "f")
    with pytest.raises(TypeError, match="options must be a tuple of Option"):
        MultipleChoice("Q?", [Option("a", True, "f"), Option("b", False, "f")], "e")
    with pytest.raises(TypeError, match="answer must be a number"):
        NumericEntry("Q?", "4", 0.1, "", "e", "l", "h")


def test_a_numeric_answer_is_right_within_its_tolerance_and_low_or_high_outside():
    q = _number()
    assert [q.verdict(v) for v in (3.85, 3.9, 4.0, 4.1, 4.15)] == ["low", "right", "right", "right", "high"]
    assert q.feedback("right").startswith("<strong>Correct.</strong>") and "4" in q.feedback("right")
    assert "Too few." in q.feedback("low") and q.feedback("low").startswith("<strong>Not quite.</strong>")
    with pytest.raises(ValueError, match="verdict='maybe'"):
        q.feedback("maybe")


def test_every_option_gets_its_own_feedback_and_the_explanation():
    q = _choice()
    assert q.feedback(0).startswith("<strong>Correct.</strong>") and "CaHPO₄·2H₂O." in q.feedback(0)
    assert q.feedback(1).startswith("<strong>Not quite.</strong>") and "a carbonate" in q.feedback(1)
    assert all("dihydrate" in q.feedback(i) for i in (0, 1))
    with pytest.raises(ValueError, match="index=2"):
        q.feedback(2)


@pytest.mark.parametrize("question", [_choice(), _number()], ids=["choice", "number"])
def test_the_static_html_is_accessible_self_contained_and_deterministic(question):
    page = question.to_html()
    assert page == type(question)(**question.__dict__).to_html()  # same content, same ids
    assert 'role="status"' in page and 'aria-live="polite"' in page and '<button type="submit">Check</button>' in page
    assert "<details><summary>Show the answer</summary>" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)  # no network
    data = json.loads(re.search(r'<script type="application/json" class="sc-data">(.*?)</script>', page).group(1))
    if isinstance(question, MultipleChoice):
        assert "<fieldset><legend>" in page and page.count('type="radio"') == len(question.options)
        assert data["feedback"] == [question.feedback(i) for i in range(len(question.options))]
    else:
        label = re.search(r'<label for="([^"]+)">', page).group(1)
        assert f'id="{label}"' in page and 'inputmode="decimal"' in page
        assert data["feedback"] == {v: question.feedback(v) for v in ("low", "right", "high")}
        assert (data["low"], data["high"]) == (3.9, 4.1)


def test_a_changed_question_gets_another_id():
    assert _number().element_id != NumericEntry("Two plus three?", 5.0, 0.1, "", "e", "l", "h").element_id


# -- the chapters' self-checks follow the models ---------------------------------------------------
def test_the_supersaturation_check_expects_ten_to_the_si_over_nine():
    q = faces.self_check_supersaturation()
    si = float(chemistry.speciate_serum(9.42, 3.72).saturation_index("hydroxyapatite"))
    assert q.answer == pytest.approx(10 ** (si / 9), rel=1e-9)
    assert q.verdict(si / 9) == "low" and q.verdict(10 ** si) == "high"  # the two slips its hints name


def test_the_wetting_check_names_the_rate_gain_of_half_the_barrier():
    q = faces.self_check_wetting()
    s = nucleation.saturation_ratio_per_growth_unit(
        float(chemistry.speciate_serum(9.42, 3.72).saturation_index("hydroxyapatite")), "hydroxyapatite")
    exponent = int(f"{2.718281828459045 ** (nucleation.nucleation_barrier_kt(s) / 2):.1e}".split("e")[1])
    assert q.answer.text == f"It grows by a factor of about 10^{exponent}"


def test_the_units_check_expects_the_model_conversion_and_catches_a_missing_factor_ten():
    q = chemistry_figures.self_check_phosphate_units()
    assert q.answer == pytest.approx(float(units.phosphate_mg_dl_to_mmol_l(6.2)))
    assert q.verdict(q.answer / 10) == "low" and q.verdict(62.0) == "high"


def test_the_undersaturated_phase_is_the_one_the_model_puts_below_zero():
    q = chemistry_figures.self_check_undersaturated_phase()
    serum = chemistry.speciate_serum(9.42, 3.72)
    assert q.answer.text == "Brushite" and float(serum.saturation_index("brushite")) < 0
    assert f"{float(serum.saturation_index('brushite')):+.2f}" in q.answer.feedback


def test_the_ph_check_expects_henderson_hasselbalch():
    q = location_figures.self_check_henderson_hasselbalch()
    assert q.answer == pytest.approx(tissue.henderson_hasselbalch_ph(24.0, 40.0))


def test_the_most_supersaturated_tissue_is_the_models():
    q = location_figures.self_check_most_supersaturated_tissue()
    si = {t: float(tissue.local_chemistry(t).saturation_index("hydroxyapatite"))
          for t in ("lung_apex", "arterial_blood", "lung_base", "renal_interstitium")}
    assert q.answer.text == "The lung apex" and max(si, key=si.get) == "lung_apex"


def test_the_deposit_that_stays_dark_is_random_apatite_far_below_any_crystal():
    q = seeing_figures.self_check_dark_deposit()
    assert q.answer.text == seeing_figures.CRYSTAL_WORDS["hydroxyapatite_deposit"]
    deposit = optics.aggregate_transmission(optics.BIREFRINGENCE["hydroxyapatite"].value, 4000.0, 50.0, 550.0)
    cppd = optics.crossed_polarizer_transmission(45.0, optics.BIREFRINGENCE["calcium_pyrophosphate_dihydrate"].value,
                                                 4000.0, 550.0)
    assert deposit < cppd / 100  # dark by two orders of magnitude below the weakest crystal
    assert f"{deposit:.2g}" in q.answer.feedback


def test_the_004_check_expects_bragg_with_half_the_002_spacing_and_catches_doubling_the_angle():
    q = seeing_figures.self_check_bragg_004()
    c_angstrom = crystallography.cell_angstrom()[1]
    assert q.answer == pytest.approx(2 * math.degrees(math.asin(1.5406 / (2 * c_angstrom / 4))), abs=0.01)
    assert q.verdict(2 * crystallography.bragg_two_theta_deg(c_angstrom / 2)) == "low"
    assert q.verdict(q.answer / 2) == "low"  # θ instead of 2θ


@pytest.mark.parametrize("name", SELF_CHECKED)
def test_the_chapter_shows_at_least_two_self_checks_with_their_html_stored(name):
    notebook = nbformat.read(BOOK / f"{name}.ipynb", as_version=4)
    cells = [c for c in notebook.cells if "calcify-self-check" in c.metadata.get("tags", [])]
    assert len(cells) >= 2
    stored = "".join(o.get("data", {}).get("text/html", "") for c in cells for o in c.outputs)
    for check in CHAPTER_CHECKS[name]:
        assert check().to_html() in stored, check.__name__
    for cell in cells:
        assert "remove-input" in cell.metadata["tags"]
