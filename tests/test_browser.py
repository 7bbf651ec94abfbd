"""The rendered pages in a real browser: headless Chromium opens reports/html/index.html and every
page, and fails on a missing image, a broken local link or a console error. Screenshots of the
first screen of each page go to $BROWSER_SCREENSHOTS (default: a temporary folder).

Runs where Chromium and ChromeDriver are installed (CI installs them from Debian's packages in
.ci/run); skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis import paths

HTML = paths.ROOT / "reports" / "html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and ChromeDriver are not installed")]


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _pages() -> list[Path]:
    return [HTML / "index.html", *sorted(p for p in HTML.glob("*.html") if p.name != "index.html")]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.stem)
def test_page_loads_with_images_links_and_no_console_errors(browser, page: Path, tmp_path_factory) -> None:  # noqa: ANN001
    browser.get_log("browser")  # drop messages from earlier pages
    browser.get(page.resolve().as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    broken = browser.execute_script(
        "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 80))")
    assert broken == []
    hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    for href in hrefs:
        target = urlparse(href)
        if target.scheme or href.startswith("#") or not target.path:
            continue
        assert (page.parent / unquote(target.path)).is_file(), f"{page.name}: broken link {href}"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    folder = Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(folder / f"{page.stem}.png"))


def test_index_links_every_page(browser) -> None:  # noqa: ANN001
    browser.get((HTML / "index.html").resolve().as_uri())
    hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(p.name for p in _pages()[1:])
