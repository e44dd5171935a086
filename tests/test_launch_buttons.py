"""Binder launch buttons: on every chapter when the repository's URL is known, else none.

The logic (book/_ext/calcify_launch.py) is tested as a unit with a fake ``git``; the
built site (the run's own build) is checked against what that logic says for this
checkout, whichever case it is.
"""

from __future__ import annotations

import re
import sys

import pytest

from conftest import BOOK, ROOT, SITE

sys.path.insert(0, str(BOOK / "_ext"))
import calcify_launch  # noqa: E402


def fake_git(remote=None, branch="main"):
    def git(root, *arguments):
        if arguments[:2] == ("remote", "get-url"):
            return remote
        if arguments[:1] == ("rev-parse",):
            return branch
        raise AssertionError(arguments)

    return git


@pytest.mark.parametrize("remote", [
    "https://github.com/calcify-books/calcify.git",
    "https://github.com/calcify-books/calcify",
    "git@github.com:calcify-books/calcify.git",
    "ssh://git@github.com/calcify-books/calcify.git",
])
def test_a_github_origin_gives_binder_buttons_for_that_repository_and_branch(remote):
    repository = calcify_launch.find_repository(ROOT, {}, fake_git(remote, "spring-2026"))
    assert repository.url == "https://github.com/calcify-books/calcify"
    assert repository.branch == "spring-2026"
    options = calcify_launch.theme_options(repository, {"launch_buttons": {"thebe": False}})
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert options["repository_url"] == "https://github.com/calcify-books/calcify"
    assert options["repository_branch"] == "spring-2026"
    assert options["launch_buttons"]["thebe"] is False
    assert "colab_url" not in options["launch_buttons"]


def test_the_environment_variables_win_over_the_remote():
    environ = {"CALCIFY_REPOSITORY_URL": "https://gitlab.com/school/calcify", "CALCIFY_BRANCH": "course"}
    repository = calcify_launch.find_repository(ROOT, environ, fake_git("git@github.com:a/b.git", "main"))
    assert (repository.url, repository.branch) == ("https://gitlab.com/school/calcify", "course")
    assert "CALCIFY_REPOSITORY_URL" in repository.message


@pytest.mark.parametrize("remote, environ", [
    (None, {}),
    ("git@gitlab.example.org:school/calcify.git", {}),
    ("/srv/git/calcify.git", {}),
    ("git@github.com:a/b.git", {"CALCIFY_REPOSITORY_URL": "none"}),
])
def test_no_known_url_means_no_button_and_one_line_that_says_so(remote, environ):
    repository = calcify_launch.find_repository(ROOT, environ, fake_git(remote))
    assert repository.url is None
    options = calcify_launch.theme_options(repository, {"launch_buttons": {"binderhub_url": "https://x.org"}})
    assert not any(options["launch_buttons"].get(key) for key in ("binderhub_url", "colab_url", "jupyterhub_url"))
    assert "repository_url" not in options
    assert repository.message.startswith("launch buttons: none") and "\n" not in repository.message
    assert "CALCIFY_REPOSITORY_URL" in repository.message


def test_a_detached_checkout_points_at_main_and_a_bad_url_is_refused():
    assert calcify_launch.find_repository(ROOT, {}, fake_git("git@github.com:a/b.git", "HEAD")).branch == "main"
    with pytest.raises(ValueError, match="CALCIFY_REPOSITORY_URL.*https://.*got 'github.com/a/b'"):
        calcify_launch.find_repository(ROOT, {"CALCIFY_REPOSITORY_URL": "github.com/a/b"}, fake_git())


def test_the_built_chapters_carry_the_buttons_this_checkout_calls_for():
    chapters = sorted(p.stem for p in BOOK.glob("*.ipynb"))
    pages = {name: SITE / "book" / f"{name}.html" for name in chapters}
    if not all(page.exists() for page in pages.values()):
        pytest.fail("the site is not built: run the README's build command first")
    repository = calcify_launch.find_repository(ROOT)
    for name, page in pages.items():
        html = page.read_text(encoding="utf-8")
        binder = re.findall(r'href="(https://mybinder\.org/[^"]+)"', html)
        if repository.url is None:
            assert binder == [], f"{name}: a Binder button with no known repository"
        else:
            path = repository.url.split("://", 1)[1].split("/", 1)[1]  # OWNER/REPO
            assert any(
                path.split("/")[0] in url and f"/{repository.branch}?urlpath=lab/tree/book/{name}.ipynb" in url
                for url in binder
            ), f"{name}: no Binder button for {repository.url} ({repository.branch}): {binder}"
    for page in SITE.rglob("*.html"):
        if repository.url is None:
            assert 'href="https://mybinder.org/v2/' not in page.read_text(encoding="utf-8"), page
