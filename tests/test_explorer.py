"""The explorer component: one set of views, rendered live and static alike."""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import pytest

from calcify_lib.figures import chemistry as figures
from calcify_lib.explorer import RADIO_LIMIT, Choice, Explorer, Marker, Slider, View, figure_png


@pytest.fixture(scope="module")
def chemistry_explorer():
    return figures.ca_p_explorer()


def _tiny_explorer(calls=None):
    fig, ax = plt.subplots(figsize=(2, 2))
    png = figure_png(fig)
    plt.close(fig)

    def render(a: float, b: float) -> View:
        if calls is not None:
            calls.append((a, b))
        return View(png, f"a={a}, b={b}", f"<b>{a + b:g}</b>", (Marker(0.1 * a, 0.1 * b, "p"),))

    return Explorer("Tiny", "Two sliders.", [Slider("a", "A", (1.0, 2.0), 1.0), Slider("b", "B", (3.0, 4.0, 5.0), 4.0)], render)


def _payload(html: str) -> dict:
    match = re.search(r'<script type="application/json" class="cx-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_static_html_holds_one_frame_per_combination_in_slider_order():
    data = _payload(_tiny_explorer().to_html())
    assert data["sizes"] == [2, 3]
    assert [f["readout"] for f in data["frames"]] == ["<b>4</b>", "<b>5</b>", "<b>6</b>", "<b>5</b>", "<b>6</b>", "<b>7</b>"]


def test_identical_pictures_are_stored_once():
    data = _payload(_tiny_explorer().to_html())
    assert len(data["images"]) == 1
    assert {f["image"] for f in data["frames"]} == {0}


def test_render_runs_once_per_combination():
    calls = []
    explorer = _tiny_explorer(calls)
    explorer.to_html()
    explorer.to_html()
    assert len(calls) == 6


def test_static_html_is_byte_identical_across_builds():
    assert figures.ca_p_explorer().to_html() == figures.ca_p_explorer().to_html()


def test_element_ids_are_derived_from_content_not_random():
    assert _tiny_explorer().element_id == _tiny_explorer().element_id
    assert re.fullmatch(r"cx-[0-9a-f]{12}", _tiny_explorer().element_id)


def test_controls_are_labelled_keyboard_ranges_with_words_for_screen_readers():
    html = _tiny_explorer().to_html()
    ids = re.findall(r'<input class="cx-slider" type="range" id="([^"]+)"', html)
    assert len(ids) == 2
    for control in ids:
        assert f'<label for="{control}">' in html
    assert 'aria-valuetext="4"' in html
    assert 'aria-live="polite"' in html


def test_every_frame_has_alt_text(chemistry_explorer):
    data = _payload(chemistry_explorer.to_html())
    assert all(len(f["alt"]) > 40 for f in data["frames"])
    assert len({f["alt"] for f in data["frames"]}) == len(data["frames"])


def test_chemistry_explorer_readout_comes_from_calcify_lib(chemistry_explorer):
    view = chemistry_explorer.view_at(ca_mg_dl=12.0, phosphate_mg_dl=6.5)
    assert view.readout_html == figures.readout_html(12.0, 6.5)
    assert "78.0 mg²/dL²" in view.readout_html
    assert "above the clinical threshold" in view.readout_html


def test_chemistry_explorer_marker_moves_with_the_sliders(chemistry_explorer):
    low = chemistry_explorer.view_at(ca_mg_dl=8.0, phosphate_mg_dl=3.0).markers[0]
    right = chemistry_explorer.view_at(ca_mg_dl=12.0, phosphate_mg_dl=3.0).markers[0]
    up = chemistry_explorer.view_at(ca_mg_dl=8.0, phosphate_mg_dl=6.0).markers[0]
    assert right.x > low.x and right.y == pytest.approx(low.y)
    assert up.y < low.y and up.x == pytest.approx(low.x)  # y is measured from the top


def test_chemistry_explorer_page_weight_stays_modest(chemistry_explorer):
    assert len(chemistry_explorer.to_html().encode("utf-8")) < 300_000


def test_live_widget_recomputes_when_a_slider_moves():
    explorer = figures.ca_p_explorer()
    panel = explorer.widget()
    calcium, phosphate, display = panel.children[1], panel.children[2], panel.children[3]
    calcium.value = 14.0
    phosphate.value = 6.0
    assert figures.readout_html(14.0, 6.0) in display.value


def test_mimebundle_offers_static_html_and_plain_text(chemistry_explorer):
    bundle = chemistry_explorer._repr_mimebundle_()
    assert bundle["text/html"] == chemistry_explorer.to_html()
    assert bundle["text/plain"].startswith("<Explorer ")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "a b", "label": "A", "values": (1.0, 2.0), "initial": 1.0}, "identifier"),
        ({"name": "a", "label": "A", "values": (1.0,), "initial": 1.0}, "at least 2"),
        ({"name": "a", "label": "A", "values": (1.0, 1.0), "initial": 1.0}, "distinct"),
        ({"name": "a", "label": "A", "values": (1.0, 2.0), "initial": 3.0}, "initial"),
    ],
)
def test_malformed_sliders_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Slider(**kwargs)


def test_view_at_refuses_a_value_that_is_not_on_the_slider(chemistry_explorer):
    with pytest.raises(ValueError, match="ca_mg_dl"):
        chemistry_explorer.view_at(ca_mg_dl=9.7, phosphate_mg_dl=3.0)


def test_too_many_combinations_are_refused():
    many = tuple(float(i) for i in range(50))
    with pytest.raises(ValueError, match="max_frames"):
        Explorer("Big", "", [Slider("a", "A", many, 0.0), Slider("b", "B", many, 0.0)], lambda a, b: None)


def test_marker_outside_the_picture_is_refused():
    with pytest.raises(ValueError, match="fraction"):
        Marker(1.5, 0.5, "off the edge")


# -- categorical controls ---------------------------------------------------------

PHASES = (("hap", "hydroxyapatite"), ("ocp", "octacalcium phosphate"), ("dcpd", "brushite"))


def _mixed_explorer(calls=None, options=PHASES):
    """A choice of phase, then a slider, as the disease explorer mixes them."""
    fig, ax = plt.subplots(figsize=(2, 2))
    png = figure_png(fig)
    plt.close(fig)

    def render(phase: str, ph: float) -> View:
        if calls is not None:
            calls.append((phase, ph))
        return View(png, f"{phase} at pH {ph}", f"<b>{phase} {ph:g}</b>")

    return Explorer(
        "Phases",
        "A choice and a slider.",
        [Choice("phase", "Phase", options, options[1][0]), Slider("ph", "pH", (7.0, 7.4), 7.4)],
        render,
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"name": "a b", "label": "A", "options": PHASES, "initial": "hap"}, ValueError, "identifier"),
        ({"name": "a", "label": "A", "options": PHASES[:1], "initial": "hap"}, ValueError, "at least 2"),
        ({"name": "a", "label": "A", "options": (("hap", "x"), ("hap", "y")), "initial": "hap"}, ValueError, "distinct"),
        ({"name": "a", "label": "A", "options": PHASES, "initial": "acp"}, ValueError, "initial of choice 'a'"),
        ({"name": "a", "label": "A", "options": (("hap", "x"), (1.0, "y")), "initial": "hap"}, TypeError, "pair of strings"),
        ({"name": "a", "label": "A", "options": (("hap", "x"), ("ocp",)), "initial": "hap"}, TypeError, "pair of strings"),
        ({"name": "a", "label": "A", "options": 3, "initial": "hap"}, TypeError, "sequence of"),
    ],
)
def test_malformed_choices_are_refused(kwargs, error, message):
    with pytest.raises(error, match=message):
        Choice(**kwargs)


def test_a_choice_lists_its_values_and_words_and_accepts_lists():
    choice = Choice("phase", "Phase", [["hap", "hydroxyapatite"], ["ocp", "octacalcium phosphate"]], "ocp")
    assert choice.options == (("hap", "hydroxyapatite"), ("ocp", "octacalcium phosphate"))
    assert choice.values == ("hap", "ocp")
    assert choice.initial_index == 1
    assert choice.describe("hap") == "hydroxyapatite"


def test_combinations_run_the_last_control_fastest_and_hand_choices_as_strings():
    calls = []
    explorer = _mixed_explorer(calls)
    assert explorer.combinations() == [
        {"phase": p, "ph": ph} for p, _ in PHASES for ph in (7.0, 7.4)
    ]
    explorer.views()
    assert calls == [(p, ph) for p, _ in PHASES for ph in (7.0, 7.4)]
    assert all(isinstance(phase, str) for phase, _ in calls)


def test_view_at_takes_the_choice_value_and_refuses_others():
    explorer = _mixed_explorer()
    assert explorer.view_at(phase="dcpd", ph=7.0).readout_html == "<b>dcpd 7</b>"
    with pytest.raises(ValueError, match=r"phase must be one of the choice's values \('hap', 'ocp', 'dcpd'\); got 'acp'"):
        explorer.view_at(phase="acp", ph=7.0)
    with pytest.raises(ValueError, match="missing control 'ph'"):
        explorer.view_at(phase="hap")
    with pytest.raises(ValueError, match="unknown control 'temperature'"):
        explorer.view_at(phase="hap", ph=7.0, temperature=37.0)


def test_static_payload_starts_on_the_initial_setting():
    data = _payload(_mixed_explorer().to_html())
    assert data["sizes"] == [3, 2]
    assert data["frames"][data["initial"]]["readout"] == "<b>ocp 7.4</b>"


def test_a_choice_is_a_fieldset_of_labelled_radio_buttons():
    explorer = _mixed_explorer()
    html = explorer.to_html()
    root = explorer.element_id
    group = re.search(r'<fieldset class="cx-control cx-choice" id="([^"]+)"><legend>Phase</legend>(.*?)</fieldset>', html)
    assert group, "the choice must be a fieldset whose legend is its label"
    radios = re.findall(r'<label class="cx-option"><input type="radio" name="([^"]+)" id="[^"]+" value="(\d)"( checked)?>([^<]+)</label>',
                        group.group(2))
    assert [words for *_, words in radios] == [words for _, words in PHASES]
    assert {name for name, *_ in radios} == {group.group(1)} and group.group(1).startswith(root)
    assert [value for _, value, _, _ in radios] == ["0", "1", "2"]
    assert [bool(checked) for _, _, checked, _ in radios] == [False, True, False]  # initial "ocp"
    assert 'type="range"' in html and 'aria-live="polite"' in html  # the slider stays a slider


def test_a_choice_with_many_options_is_a_labelled_select():
    options = tuple((f"p{k}", f"phase {k}") for k in range(RADIO_LIMIT + 1))
    html = _mixed_explorer(options=options).to_html()
    control = re.search(r'<label for="([^"]+)">Phase</label><select class="cx-select" id="([^"]+)">(.*?)</select>', html)
    assert control and control.group(1) == control.group(2)
    assert re.findall(r'<option value="(\d+)"( selected)?>([^<]+)</option>', control.group(3)) == [
        (str(k), " selected" if k == 1 else "", f"phase {k}") for k in range(RADIO_LIMIT + 1)
    ]
    assert 'type="radio"' not in html


def test_html_with_choices_is_byte_identical_and_its_ids_follow_the_content():
    assert _mixed_explorer().to_html() == _mixed_explorer().to_html()
    renamed = (PHASES[0], PHASES[1], ("dcpd", "brushite (DCPD)"))
    assert _mixed_explorer().element_id == _mixed_explorer().element_id
    assert _mixed_explorer(options=renamed).element_id != _mixed_explorer().element_id


def test_slider_only_explorers_keep_the_ids_stored_in_the_chemistry_chapter(chemistry_explorer):
    """Choices arrived without moving the ids of the explorers that have only sliders."""
    from conftest import BOOK

    stored = (BOOK / "chemistry.ipynb").read_text(encoding="utf-8")
    for explorer in (chemistry_explorer, figures.si_ph_explorer()):
        assert f'id=\\"{explorer.element_id}\\"' in stored


def test_live_widget_offers_a_dropdown_for_a_choice_and_recomputes():
    import ipywidgets

    panel = _mixed_explorer().widget()
    phase, ph, display = panel.children[1], panel.children[2], panel.children[3]
    assert isinstance(phase, ipywidgets.Dropdown) and isinstance(ph, ipywidgets.SelectionSlider)
    assert phase.options == tuple((words, value) for value, words in PHASES)
    assert phase.value == "ocp" and phase.description == "Phase"
    phase.value = "dcpd"
    assert "<b>dcpd 7.4</b>" in display.value


def test_the_sliders_keyword_is_still_accepted():
    explorer = Explorer("Old", "", sliders=[Slider("a", "A", (1.0, 2.0), 1.0)], render=lambda a: None)
    assert explorer.controls == explorer.sliders and explorer.controls[0].name == "a"
    with pytest.raises(TypeError, match="not both"):
        Explorer("Old", "", [Slider("a", "A", (1.0, 2.0), 1.0)], lambda a: None, sliders=[])


@pytest.mark.parametrize(
    ("controls", "error", "message"),
    [
        ([], ValueError, "at least one Slider or Choice"),
        ([("a", (1.0, 2.0))], TypeError, "Slider or a Choice"),
        ([Slider("a", "A", (1.0, 2.0), 1.0), Choice("a", "A", PHASES, "hap")], ValueError, "distinct"),
    ],
)
def test_malformed_control_lists_are_refused(controls, error, message):
    with pytest.raises(error, match=message):
        Explorer("Bad", "", controls, lambda **kw: None)


def test_the_disease_explorer_names_condition_and_treatment_with_choices():
    from calcify_lib import homeostasis
    from calcify_lib.figures import suspects

    explorer = suspects.disease_explorer()
    condition, severity, treatment = explorer.controls
    assert isinstance(condition, Choice) and isinstance(severity, Slider) and isinstance(treatment, Choice)
    assert condition.values == homeostasis.CONDITIONS and condition.initial == "normal"
    assert treatment.values == ("none",) + homeostasis.TREATMENTS and treatment.initial == "none"
    html = explorer.to_html()
    assert html.count("<fieldset") == 2 and html.count('type="radio"') == len(homeostasis.CONDITIONS) + 1 + len(
        homeostasis.TREATMENTS)
    assert "<legend>Condition</legend>" in html and "<legend>Treatment</legend>" in html
