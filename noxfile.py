#!/usr/bin/env -S uv run --script
# /// script
# dependencies = ["nox>=2025.2.9"]
# ///
"""Task runner: ``nox -s tests``, ``nox -s lint``, ``nox -s docs``, ``nox -s lowest``.

Each session installs into its own virtual environment (uv when it is on PATH, else venv and
pip) from the dependency groups and extras of ``pyproject.toml``.

* ``tests``  — the README's test command: the test suite with the test, plot and flint extras;
* ``lint``   — ruff (check and format), mypy on ``src``, codespell;
* ``docs``   — the documentation site, built with warnings as errors (every notebook executed),
  then checked in headless Chromium when Chromium and its driver are installed
  (``apt-get install chromium chromium-driver``); ``nox -s docs -- --serve`` serves the built
  site on http://127.0.0.1:8000 afterwards;
* ``lowest`` — the test suite against the lowest versions ``pyproject.toml`` allows for the
  direct dependencies (uv's ``--resolution lowest-direct``): a lower bound that is not honest
  fails here. Arguments after ``--`` go to pytest (default: the whole suite).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|venv"

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON = "3.11"
SITE = ROOT / "docs" / "_build" / "html"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (arguments go to pytest)."""
    session.install("-e", ".[plot,flint]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff, mypy and codespell, as the pre-commit hooks run them."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", "src", "tests", "benchmarks", "tools", ".ci", "docs", "noxfile.py")
    session.run(
        "ruff", "format", "--check", "src", "tests", "benchmarks", "tools", ".ci", "noxfile.py"
    )
    session.run("ruff", "format", "--check", "docs/conf.py", "docs/_ext")
    session.run("mypy", "src")
    session.run("codespell")


@nox.session(python=PYTHON, default=False)
def docs(session: nox.Session) -> None:
    """Build the site with warnings as errors, then check it in headless Chromium."""
    session.install("-e", ".[plot]", *nox.project.dependency_groups(PYPROJECT, "docs"))
    shutil.rmtree(SITE, ignore_errors=True)
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", str(SITE))
    session.install(*nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("python", "-m", "pytest", "-n", "0", "tests/docs")
    if "--serve" in session.posargs:
        session.run("python", "-m", "http.server", "8000", "--bind", "127.0.0.1", "-d", str(SITE))


@nox.session(python=PYTHON, venv_backend="uv", default=False)
def lowest(session: nox.Session) -> None:
    """The test suite against the lowest versions allowed for the direct dependencies."""
    session.install("--resolution", "lowest-direct", "-e", ".[test,plot,flint]")
    session.run("uv", "pip", "list", "--python", session.virtualenv.location, external=True)
    session.run("python", "-m", "pytest", *session.posargs)


if __name__ == "__main__":
    nox.main()
