"""Shared fixtures for browser tests: a headless Debian Chromium driven through Selenium, fully offline,
recording every network request a page makes; and the built `malaka` binary with a programme to drive.

Selenium is given /usr/bin/chromedriver and /usr/bin/chromium explicitly, and SE_OFFLINE / SE_AVOID_STATS
keep Selenium Manager from reaching the internet. No test reaches beyond 127.0.0.1.
"""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402  (after the environment above)
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]


def recording_screenshot(path):
    """Whether a documentation screenshot at `path` is to be written: when it is missing, or when
    MALAKA_RECORD_SCREENSHOTS asks for all of them again. A test run otherwise leaves the checkout as it was."""
    return bool(os.environ.get("MALAKA_RECORD_SCREENSHOTS")) or not path.exists()
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class Browser:
    """A Chromium page and the network requests it made since the last `requests()` call."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, url):
        self.requests()  # forget what came before
        self.driver.get(url)

    def requests(self):
        """Every request the page sent over the network (file:// and data: URLs excluded)."""
        sent = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") in ("Network.requestWillBeSent", "Network.webSocketCreated"):
                url = message["params"].get("request", {}).get("url") or message["params"].get("url", "")
                if not url.startswith(("file:", "data:", "about:", "blob:")):
                    sent.append(url)
        return sent

    def run(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def wait_ready(self):
        """Waits for the page's own check of the address (`window.malakaReady`)."""
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(window.malakaReady || Promise.resolve(true)).then(() => done(true), () => done(false));")


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-default-apps", "--window-size=1024,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(20)
    try:
        yield Browser(driver)
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def malaka_binary():
    path = os.environ.get("MALAKA_BIN")
    if not path:
        bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True,
                                 capture_output=True, text=True).stdout.strip()
        path = os.path.join(bin_dir, "malaka")
    assert os.access(path, os.X_OK), f"build malaka first: {path}"
    return path


class Programme:
    """A throwaway programme database driven through the `malaka` binary."""

    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = Path(folder)
        self.environment = dict(os.environ, MALAKA_DB=str(self.folder / "programme.sqlite"))

    def run(self, *arguments, check=True):
        result = subprocess.run([self.binary, *arguments], cwd=self.folder, env=self.environment,
                                capture_output=True, text=True)
        if check and result.returncode != 0:
            raise AssertionError(f"malaka {' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def json(self, *arguments):
        return json.loads(self.run(*arguments, "--json").stdout)

    def path(self, name):
        return self.folder / name


@pytest.fixture()
def programme(malaka_binary):
    with tempfile.TemporaryDirectory(prefix="malaka-browser-") as folder:
        programme = Programme(malaka_binary, folder)
        programme.run("init")
        programme.run("course", "sync", "--dir", str(REPOSITORY / "courses"))
        yield programme
