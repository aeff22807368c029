"""Generate the claim pages from a fresh run of ``sumrules.verify()`` before Sphinx reads.

At ``builder-inited`` the whole ledger runs once (in as many worker processes as there are
cores) and :func:`sumrules.report.site.write_site_pages` writes ``claims/<id>.md``,
``claims/index.md`` and the fragments under ``_generated/`` that the landing page and the
ledger page include. An unchecked claim (verdict ``error``) fails the build.
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

import sumrules
from sumrules.report.site import write_site_pages

__all__ = ["generate", "setup"]

logger = logging.getLogger(__name__)


def generate(app: Sphinx) -> None:
    """Run the ledger and write its pages into the documentation source."""
    start = time.perf_counter()
    cache = os.environ.get("SUMRULES_DOCS_LEDGER_CACHE")
    if cache and Path(cache).is_file():
        logger.info("[ledger_pages] the ledger is read from %s, not computed", cache)
        with open(cache, "rb") as f:
            ledger = pickle.load(f)
    else:
        ledger = sumrules.verify(jobs=None)
        if cache:
            with open(cache, "wb") as f:
                pickle.dump(ledger, f)
    if not ledger.ok:
        failed = ", ".join(r.id for r in ledger.results if r.verdict == "error")
        raise ExtensionError(f"the ledger has unchecked claims: {failed}")
    written = write_site_pages(ledger, Path(app.srcdir))
    logger.info(
        "[ledger_pages] %d claims in %.1f s; %d pages written",
        len(ledger.results),
        time.perf_counter() - start,
        len(written),
    )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
