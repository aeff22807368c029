"""The built documentation site, checked in a real browser (headless Chromium) and as files.

The site is built by ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (``.ci/run``
does it, after the test suite); these tests then open the landing page, the ledger page and a
claim page with its derivations, wait until MathJax has typeset every formula, and check that

* every formula rendered: no MathJax error node, no raw TeX left in the visible text;
* the ledger table lists every claim id of ``sumrules.verify()``'s ledger, in paper order;
* nothing was fetched from outside the site (every resource the page loaded is the site's own,
  the browser reports no error), and no built page or stylesheet refers to an http(s) URL for
  a script, a style or a font.

Screenshots go to ``docs/_build/html/_screenshots/``. Without a built site, or without
Chromium and its driver (Debian's ``chromium`` and ``chromium-driver``), the tests are skipped
with the reason, unless ``SUMRULES_DOCS_REQUIRED=1`` (set by ``.ci/run``), which makes a
missing site or browser a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SUMRULES_DOCS_HTML", ROOT / "docs" / "_build" / "html"))
SCREENSHOTS = SITE / "_screenshots"
CHROMIUM = Path(os.environ.get("SUMRULES_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("SUMRULES_CHROMEDRIVER", "/usr/bin/chromedriver"))
REQUIRED = os.environ.get("SUMRULES_DOCS_REQUIRED") == "1"

#: the pages opened in the browser: (name, path inside the site)
PAGES = {
    "landing": "index.html",
    "ledger": "ledger.html",
    "derivation": "claims/eq19.html",
}
#: raw TeX in visible text: math delimiters, environments and control words
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\begin\{|\\[A-Za-z]{2,}")
#: a URL that leaves the machine
REMOTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(reason + " (SUMRULES_DOCS_REQUIRED=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site() -> Path:
    if not (SITE / "index.html").is_file():
        _missing(
            f"the documentation site is not built ({SITE / 'index.html'} is absent): "
            "sphinx-build -W --keep-going -b html docs docs/_build/html"
        )
    return SITE


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.is_file() or not CHROMEDRIVER.is_file():
        _missing(
            f"Chromium or its driver is absent ({CHROMIUM}, {CHROMEDRIVER}): "
            "apt-get install -y chromium chromium-driver"
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def ledger(site: Path, chromium: Path) -> Any:
    """A fresh ``sumrules.verify()`` (in as many processes as there are cores), computed before
    the server thread starts (no fork of a threaded process)."""
    import sumrules

    return sumrules.verify(jobs=None)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path, ledger: Any) -> Iterator[str]:
    """The built site on a loopback HTTP server (fonts need an origin, file:// has none)."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser(server: str, chromium: Path) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed: pip install -e '.[docs]'")
    profile = tempfile.mkdtemp(prefix="sumrules-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
        # any host but the loopback server resolves to nothing: an outside fetch would fail
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


_TYPESET = """
const done = arguments[arguments.length - 1];
const wait = (n) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    MathJax.startup.promise.then(() => done("ok")).catch((e) => done("error: " + e));
  } else if (n > 600) {
    done("MathJax did not start");
  } else {
    setTimeout(() => wait(n + 1), 50);
  }
};
wait(0);
"""

_INSPECT = """
const article = document.querySelector("article") || document.body;
const copy = article.cloneNode(true);
copy.querySelectorAll("pre, code, mjx-container, script, style").forEach((e) => e.remove());
document.body.appendChild(copy);
const text = copy.innerText;
copy.remove();
return {
  formulas: document.querySelectorAll(".math").length,
  rendered: document.querySelectorAll(".math mjx-container").length,
  errors: Array.from(document.querySelectorAll("mjx-merror")).map((e) =>
    e.getAttribute("data-mjx-error") || e.textContent),
  text: text,
  resources: performance.getEntriesByType("resource").map((r) => r.name),
  height: document.documentElement.scrollHeight,
};
"""


def _open(browser: Any, server: str, name: str) -> dict[str, Any]:
    """Load a page, wait until MathJax has typeset it, screenshot it, return what it shows."""
    browser.get(f"{server}/{PAGES[name]}")
    browser.set_script_timeout(60)
    typeset = "ok"
    if browser.execute_script("return document.querySelectorAll('.math').length") > 0:
        typeset = browser.execute_async_script(_TYPESET)
    state: dict[str, Any] = browser.execute_script(_INSPECT)
    state["typeset"] = typeset
    state["log"] = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(1280, min(max(1000, int(state["height"])), 12000))
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    browser.set_window_size(1280, 1000)
    return state


def _assert_rendered(state: dict[str, Any], server: str) -> None:
    assert state["typeset"] == "ok", state["typeset"]
    assert state["errors"] == [], f"MathJax errors: {state['errors']}"
    assert state["rendered"] == state["formulas"], (
        f"{state['formulas'] - state['rendered']} of {state['formulas']} formulas not typeset"
    )
    raw = sorted(set(RAW_TEX.findall(state["text"])))
    assert raw == [], f"raw TeX in the visible text: {raw}"
    outside = [r for r in state["resources"] if not r.startswith(server)]
    assert outside == [], f"resources from outside the site: {outside}"
    assert state["log"] == [], f"browser errors: {state['log']}"


def test_landing_page_renders(browser: Any, server: str) -> None:
    state = _open(browser, server, "landing")
    _assert_rendered(state, server)
    assert state["formulas"] > 0
    article = browser.find_element("css selector", "article").text
    assert "Quick start" in article and "sumrules verify" in article


def test_derivation_page_renders_every_step(browser: Any, server: str) -> None:
    state = _open(browser, server, "derivation")
    _assert_rendered(state, server)
    assert "Derivations" in state["text"] and "Negative controls" in state["text"]
    assert state["formulas"] >= 5, state["formulas"]


def test_ledger_page_lists_every_claim(browser: Any, server: str, ledger: Any) -> None:
    state = _open(browser, server, "ledger")
    _assert_rendered(state, server)
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('article table tr td:first-child'))"
        ".map((td) => td.innerText.trim())"
    )
    expected = [r.id for r in ledger.results]
    assert [s for s in shown if s in expected] == expected, (
        f"missing: {sorted(set(expected) - set(shown))}"
    )
    for r in ledger.results:
        assert browser.find_elements("css selector", f'a[href="claims/{r.id}.html"]'), r.id


class _Assets(HTMLParser):
    """The URLs a page loads as scripts, stylesheets, fonts or other embedded resources."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            if any(k in rel for k in ("stylesheet", "preload", "icon", "modulepreload", "font")):
                self.urls.append(a["href"] or "")


_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)


def test_no_page_or_stylesheet_loads_anything_from_outside(site: Path) -> None:
    """Static check of every built page and stylesheet: no http(s) script, style or font."""
    remote = []
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40, len(pages)
    for page in pages:
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        remote += [f"{page.relative_to(site)}: {u}" for u in parser.urls if REMOTE.match(u)]
    for css in site.rglob("*.css"):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if REMOTE.match(url):
                remote.append(f"{css.relative_to(site)}: {url}")
    assert remote == [], remote
    assert (site / "_static" / "mathjax" / "tex-chtml.js").is_file()


def test_the_asset_finder_finds_remote_assets() -> None:
    """Negative control: a CDN script, stylesheet and font are reported."""
    parser = _Assets()
    parser.feed(
        '<script src="https://cdn.example/mathjax.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css"><a href="https://example.org">x</a>'
        '<script src="_static/local.js"></script>'
    )
    assert [u for u in parser.urls if REMOTE.match(u)] == [
        "https://cdn.example/mathjax.js",
        "//fonts.example/css",
    ]
    css = "@font-face{src:url('https://fonts.example/a.woff')} .x{background:url(img.png)}"
    assert [u for u in _CSS_URL.findall(css) if REMOTE.match(u)] == ["https://fonts.example/a.woff"]


def test_raw_tex_is_recognised() -> None:
    """Negative control: text that MathJax left untouched is caught, rendered text is not."""
    assert RAW_TEX.findall(r"as printed: \(R(T, 0) = \frac{Z}{T}\)") == ["\\(", "\\frac", "\\)"]
    assert RAW_TEX.findall("R(T, 0) = Z²/T, 2.5e6 barn keV²") == []
