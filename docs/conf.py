"""Sphinx configuration of the sumrules documentation site.

Build (warnings are errors, every notebook executed)::

    sphinx-build -W --keep-going -b html docs docs/_build/html

Nothing is fetched at build or view time: MathJax is copied from an installed PyPI package into
``_static/mathjax`` (``_ext/offline_mathjax.py``), the claim pages are generated from a fresh
run of ``sumrules.verify()`` (``_ext/ledger_pages.py``), and the notebooks run in a local kernel.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sumrules

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "sumrules"
author = "sumrules developers"
copyright = "2026, sumrules developers"
release = version = sumrules.__version__

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "offline_mathjax",
    "ledger_pages",
    "rst_docstrings",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
templates_path: list[str] = []
nitpicky = False

# -- MyST and MyST-NB --------------------------------------------------------------------------
myst_enable_extensions = ["amsmath", "colon_fence", "deflist", "dollarmath"]
myst_heading_anchors = 3
nb_execution_mode = "force"  # every notebook runs at every build: its numbers are live
nb_execution_raise_on_error = True  # a failing cell fails the build
nb_execution_show_tb = True
nb_execution_timeout = 600
nb_merge_streams = True
nb_ipywidgets_js: dict[str, dict[str, str]] = {}  # no widget scripts from a CDN

# -- API reference -----------------------------------------------------------------------------
autosummary_generate = ["api.rst"]
autosummary_imported_members = False
# a module page documents what the module defines (re-exports are documented where they live)
autodoc_default_options = {"members": True, "ignore-module-all": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True

# -- HTML --------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"sumrules {release}"
html_static_path = ["_static"]
html_css_files = ["sumrules.css"]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = True
html_copy_source = False
html_last_updated_fmt = None
# MathJax is served from the site itself (offline_mathjax copies it into _static/mathjax)
mathjax_path = "mathjax/tex-chtml.js"
mathjax3_config = {
    "tex": {"tags": "none"},
    "options": {"enableMenu": False},
}
