"""The explorer component: one set of views, rendered live and static alike."""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import pytest

from calcify_lib import figures
from calcify_lib.explorer import Explorer, Marker, Slider, View, figure_png


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
    assert "supersaturated" in view.readout_html


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
