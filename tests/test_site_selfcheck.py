"""Self-checks on the static site, operated with the keyboard alone, in a real browser.

Run against a built site: ``CALCIFY_SITE=<...>/_build/html pytest tests/test_site_selfcheck.py``.
"""

from __future__ import annotations

import pytest

from calcify_lib.figures import chemistry as chemistry_figures
from calcify_lib.figures import two_faces as faces
from test_selfcheck import SELF_CHECKED
from test_site import _own_problems, _text, browser, page, site_url  # noqa: F401  (fixtures)


@pytest.mark.parametrize("name", SELF_CHECKED)
def test_every_self_checked_chapter_shows_its_checks_without_their_code(page, site_url, name):  # noqa: F811
    page.goto(f"{site_url}/book/{name}.html", wait_until="load")
    checks = page.locator(".calcify-selfcheck")
    checks.first.wait_for()
    assert checks.count() >= 2
    assert page.locator("text=self_check_").count() == 0  # remove-input: the call is not shown
    assert _own_problems(page) == []


def test_keyboard_answers_a_multiple_choice_check_and_the_feedback_is_the_models(page, site_url):  # noqa: F811
    question = chemistry_figures.self_check_undersaturated_phase()
    page.goto(f"{site_url}/book/chemistry.html", wait_until="load")
    check = page.locator(".calcify-selfcheck", has_text="undersaturated (SI below 0)")
    check.wait_for()
    check.scroll_into_view_if_needed()
    feedback = check.get_by_role("status")
    group = check.get_by_role("group", name=question.question)
    group.get_by_role("radio").first.focus()
    page.keyboard.press("Space")  # Hydroxyapatite
    page.keyboard.press("Tab")  # on to the Check button (one tab stop for the radio group)
    page.keyboard.press("Enter")
    assert _text(feedback.inner_html()) == _text(question.feedback(0))
    group.get_by_role("radio").first.focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # Brushite
    assert group.get_by_role("radio", name="Brushite").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert feedback.inner_text().startswith("Correct.")
    assert _text(feedback.inner_html()) == _text(question.feedback(3))
    assert _own_problems(page) == []


def test_keyboard_answers_a_numeric_check_with_low_and_right_values(page, site_url):  # noqa: F811
    question = faces.self_check_supersaturation()
    page.goto(f"{site_url}/book/two_faces.html", wait_until="load")
    check = page.locator(".calcify-selfcheck", has_text="per growth unit")
    check.wait_for()
    check.scroll_into_view_if_needed()
    field = check.get_by_role("textbox", name="Your answer")
    feedback = check.get_by_role("status")
    field.focus()
    page.keyboard.type("1,11")
    page.keyboard.press("Enter")  # submits the form
    assert _text(feedback.inner_html()) == _text(question.feedback("low"))
    field.fill("")
    field.focus()
    page.keyboard.type(f"{question.answer:.1f}")
    page.keyboard.press("Enter")
    assert _text(feedback.inner_html()) == _text(question.feedback("right"))
    assert f"{question.answer:.1f}" in feedback.inner_text()
    assert _own_problems(page) == []
