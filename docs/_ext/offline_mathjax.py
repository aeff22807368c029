"""Serve MathJax from the built site: copy it from an installed PyPI package into _static.

The files come from the wheel of ``sphinx-mathjax-offline`` (MathJax 3.2.2, its CommonHTML
output with the TeX fonts, the TeX input and its extensions); only what ``tex-chtml.js``
loads is copied. ``conf.py`` points ``mathjax_path`` at ``mathjax/tex-chtml.js``, so no page
asks a CDN for anything.
"""

from __future__ import annotations

import shutil
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

__all__ = ["mathjax_source", "setup"]

#: the distribution that ships the MathJax files, and where they lie inside it
DISTRIBUTION = "sphinx-mathjax-offline"
FOLDER = "sphinx-mathjax-offline/static/mathjax"
#: what tex-chtml.js needs: itself, the TeX extensions it may autoload, the CHTML fonts
WANTED = ("tex-chtml.js", "input", "output/chtml.js", "output/chtml", "LICENSE")


def mathjax_source() -> Path:
    """The folder of MathJax files inside the installed distribution."""
    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError as exc:  # pragma: no cover - a docs dependency is missing
        raise ExtensionError(f"{DISTRIBUTION} is not installed (pip install -e '.[docs]')") from exc
    folder = Path(str(dist.locate_file(FOLDER)))
    if not (folder / "tex-chtml.js").is_file():
        raise ExtensionError(f"no tex-chtml.js in {folder}")
    return folder


def _copy(app: Sphinx, exc: Exception | None) -> None:
    if exc is not None or app.builder.format != "html":
        return
    source = mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    for name in WANTED:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, dirs_exist_ok=True)
        elif path.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / name)


def setup(app: Sphinx) -> dict[str, Any]:
    mathjax_source()  # fail early, before the build, if the files are not there
    app.connect("build-finished", _copy)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
