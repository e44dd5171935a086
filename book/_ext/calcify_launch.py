"""Launch buttons (Binder) on every chapter, pointing at the book's own repository.

The book is published from a Git repository, and a reader who wants a live
session opens the chapter on Binder, which builds the environment from
``requirements.txt`` and ``runtime.txt`` at the repository's root.  The
button must point at *this* repository and branch, which the configuration
cannot know in advance (a fork publishes from its own).  So the build finds
them:

1. ``CALCIFY_REPOSITORY_URL`` (and optionally ``CALCIFY_BRANCH``) from the
   environment, when set: any ``https://`` Git URL (GitHub and GitLab get
   Binder's short forms);
2. otherwise ``git remote get-url origin``, when it is a GitHub URL
   (``https://github.com/OWNER/REPO(.git)``, ``git@github.com:OWNER/REPO.git``
   or ``ssh://git@github.com/OWNER/REPO.git``), normalised to
   ``https://github.com/OWNER/REPO``.

The branch is ``CALCIFY_BRANCH``, else the checked-out branch, else ``main``.
When no URL is known, no button is shown, and the build says so in one line.
``CALCIFY_REPOSITORY_URL=none`` turns the buttons off explicitly.

Binder only.  Colab gets no button: it opens a single notebook in its own
environment (another Python version, its own preinstalled packages), never
installs ``requirements.txt``, and does not clone the repository, so the
chapters' first ``import calcify_lib`` would fail there.

Nothing is fetched at build time or when a page loads: a launch button is a
link, followed only when the reader clicks it.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

BINDERHUB_URL = "https://mybinder.org"
DEFAULT_BRANCH = "main"
_GITHUB = re.compile(
    r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?/[^\s?#]+$")


@dataclass(frozen=True)
class Repository:
    """Where the launch buttons point: ``url`` is ``None`` when no URL is known."""

    url: str | None
    branch: str
    source: str  #: how it was found, for the build's one line

    @property
    def message(self) -> str:
        if self.url is None:
            return (
                f"launch buttons: none ({self.source}; set CALCIFY_REPOSITORY_URL, "
                "or a GitHub 'origin' remote, to show Binder buttons)"
            )
        return f"launch buttons: Binder on every chapter, {self.url} branch {self.branch} (from {self.source})"


def github_https_url(remote: str) -> str | None:
    """``https://github.com/OWNER/REPO`` for a GitHub remote URL, else ``None``."""
    match = _GITHUB.match(remote.strip())
    if match is None:
        return None
    return f"https://github.com/{match['owner']}/{match['repo']}"


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    out = result.stdout.strip()
    return out if result.returncode == 0 and out else None


def find_repository(root: Path, environ: dict[str, str] | None = None, git=_git) -> Repository:
    """The repository and branch the launch buttons point at (see the module's docstring).

    ``git(root, *arguments)`` returns a git command's output or ``None``; tests pass a fake.

    Raises
    ------
    ValueError
        If ``CALCIFY_REPOSITORY_URL`` is set but is not an ``https://`` URL (or ``none``).
    """
    environ = dict(os.environ if environ is None else environ)
    branch = environ.get("CALCIFY_BRANCH", "").strip()
    if not branch:
        current = git(root, "rev-parse", "--abbrev-ref", "HEAD")
        branch = current if current and current != "HEAD" else DEFAULT_BRANCH
    given = environ.get("CALCIFY_REPOSITORY_URL", "").strip()
    if given.lower() == "none":
        return Repository(None, branch, "CALCIFY_REPOSITORY_URL=none")
    if given:
        url = github_https_url(given) or given.rstrip("/").removesuffix(".git")
        if not _HTTPS.match(url):
            raise ValueError(
                f"CALCIFY_REPOSITORY_URL must be the repository's public https:// URL "
                f"(for example https://github.com/OWNER/REPO) or 'none'; got {given!r}"
            )
        return Repository(url, branch, "CALCIFY_REPOSITORY_URL")
    remote = git(root, "remote", "get-url", "origin")
    if remote is None:
        return Repository(None, branch, "no 'origin' remote and no CALCIFY_REPOSITORY_URL")
    url = github_https_url(remote)
    if url is None:
        return Repository(None, branch, "the 'origin' remote is not a GitHub URL and CALCIFY_REPOSITORY_URL is not set")
    return Repository(url, branch, "git remote 'origin'")


def theme_options(repository: Repository, options: dict) -> dict:
    """sphinx-book-theme's options with the launch buttons for ``repository`` (a new dict)."""
    options = dict(options)
    launch = dict(options.get("launch_buttons") or {})
    for key in ("binderhub_url", "colab_url", "jupyterhub_url", "deepnote_url", "jupyterlite_url"):
        launch.pop(key, None)
    if repository.url is not None:
        launch["binderhub_url"] = BINDERHUB_URL
        launch.setdefault("notebook_interface", "jupyterlab")
        options["repository_url"] = repository.url
        options["repository_branch"] = repository.branch
        options["path_to_docs"] = ""  # the notebooks' paths are relative to the repository's root
    options["launch_buttons"] = launch
    return options


def _configure(app, config) -> None:
    repository = find_repository(Path(app.confdir))
    config.html_theme_options = theme_options(repository, config.html_theme_options or {})
    LOGGER.info(repository.message)


def setup(app):
    app.connect("config-inited", _configure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
