"""`malaka serve` in a real browser: a trainer marks a session of eight people on a phone-sized window,
a coordinator issues the certificates and downloads their bundle, a manager's region summary equals
`malaka report regions --format json` on the same database; axe-core finds no serious or critical
violation on any page. Screenshots of these pages go into docs/images (README links them) when one is missing or
MALAKA_RECORD_SCREENSHOTS is set, as the verification page's does, so that a test run leaves the checkout as it was."""
import datetime
import json
import socket
import sqlite3
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, recording_screenshot

PASSWORD = "browser test password"
PEOPLE = ["Aziza Karimova", "Bekzod Toʻxtayev", "Charos Hamroyeva", "Dilnoza Qurbonova", "Elyor Rahimov",
          "Feruza Saidova", "Gʻulomjon Oʻrinboyev", "<script>alert(1)</script>"]
SCREENSHOTS = REPOSITORY / "docs" / "images"


def record_screenshot(driver, name):
    """Writes docs/images/NAME from the page shown, when it is missing or asked for."""
    target = SCREENSHOTS / name
    if recording_screenshot(target):
        driver.save_screenshot(str(target))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def served(programme):
    """A programme with a parenting training in Urganch from today, eight people, an account per role,
    and `malaka serve` on it."""
    today = datetime.date.today()
    event = programme.json("event", "create", "--course", "PS-PARENTING", "--region", "Xorazm", "--district", "Urganch tumani",
                           "--venue", "Mahalla markazi", "--start", today.isoformat(), "--days", "4",
                           "--time", "09:00-12:00", "--trainer", "Dilnoza Yusupova")["id"]
    ids = [programme.json("participant", "add", "--name", name, "--category", "parent", "--region", "Xorazm",
                          "--language", "uz-Latn", "--new")["id"] for name in PEOPLE]
    programme.run("enroll", str(event), *map(str, ids))
    for name, role in (("trainer", "trainer"), ("coordinator", "coordinator"), ("manager", "manager")):
        place = ["--country", "UZ"] if role == "manager" else ["--region", "Xorazm"]
        subprocess.run([programme.binary, "user", "add", name, "--role", role, *place], input=PASSWORD + "\n",
                       text=True, check=True, env=programme.environment, cwd=programme.folder, capture_output=True)
    port = free_port()
    server = subprocess.Popen([programme.binary, "serve", "--port", str(port),
                               "--templates", str(REPOSITORY / "certificate-templates")],
                              env=programme.environment, cwd=programme.folder, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, programme, event, ids, today
    finally:
        server.terminate()
        assert server.wait(timeout=20) == 0, "malaka serve did not stop cleanly on SIGTERM"


def sign_in(browser, base, name):
    browser.driver.delete_all_cookies()
    browser.open(base + "/login")
    browser.driver.find_element(By.ID, "name").send_keys(name)
    browser.driver.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.driver.find_element(By.CSS_SELECTOR, "button.primary").click()
    try:
        WebDriverWait(browser.driver, 10).until(lambda driver: "/login" not in driver.current_url)
    except Exception:
        print("Still on the sign-in page:", browser.driver.page_source[-3000:])
        raise


def check_accessibility(browser, page):
    from axe_selenium_python import Axe
    axe = Axe(browser.driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, f"{page}: " + "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in serious)


def downloaded(path):
    """The file once the browser has finished downloading it (it renames it into place when done)."""
    for _ in range(200):
        if path.exists() and path.stat().st_size > 0:
            break
        time.sleep(0.1)
    return path


def outside_requests(browser, base):
    return [url for url in browser.requests() if not url.startswith(base)]


def test_trainer_coordinator_and_manager_in_the_browser(browser, served, tmp_path):
    base, programme, event, ids, today = served
    driver = browser.driver

    # The trainer, on a phone: today's session, then one tap per person.
    driver.set_window_size(390, 844)
    sign_in(browser, base, "trainer")
    assert driver.current_url.endswith("/sessions")
    check_accessibility(browser, "sessions")
    driver.find_element(By.LINK_TEXT, "Mark attendance").click()
    marks = ["present", "present", "late", "present", "excused", "present", "absent", "present"]
    forms = driver.find_elements(By.CSS_SELECTOR, "form.mark")
    assert len(forms) == 8
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
    mark_of = dict(zip(PEOPLE, marks))
    planned = [(form, mark_of[form.find_element(By.CSS_SELECTOR, ".person span").text]) for form in forms]
    for form, mark in planned:
        form.find_element(By.CSS_SELECTOR, f"button[value={mark}]").click()
    for form, mark in planned:
        WebDriverWait(driver, 10).until(lambda _: form.find_element(By.CSS_SELECTOR, f"button[value={mark}]")
                                        .get_attribute("aria-pressed") == "true")
    # The name written as a script is shown as text.
    assert "<script>alert(1)</script>" in driver.find_element(By.CSS_SELECTOR, "ul.grid").text
    assert not outside_requests(browser, base)
    check_accessibility(browser, "attendance")
    driver.execute_script("window.scrollTo(0, 0)")
    record_screenshot(driver, "web-trainer-attendance.png")
    with sqlite3.connect(programme.path("programme.sqlite")) as db:
        stored = db.execute("""SELECT p.fullName, a.status FROM attendance a JOIN enrollment e ON e.id = a.enrollmentId
                               JOIN participant p ON p.id = e.participantId JOIN session s ON s.id = a.sessionId
                               WHERE s.eventId = ? AND s.date = ?""", (event, today.isoformat())).fetchall()
    assert sorted(stored) == sorted(zip(PEOPLE, marks))
    browser.open(base + "/people")
    check_accessibility(browser, "people")

    # The trainer uploads a participant list: checked first with nothing written, then imported.
    listing = tmp_path / "royxat.csv"
    listing.write_text("F.I.Sh.,Jinsi,Tugʻilgan yili\nNilufar Rahimova,ayol,1990\n", encoding="utf-8")
    browser.open(f"{base}/events/{event}/import")
    driver.find_element(By.ID, "file").send_keys(str(listing))
    driver.find_element(By.XPATH, "//button[normalize-space()='Check the file']").click()
    WebDriverWait(driver, 10).until(lambda d: "Checked: nothing is written yet" in d.page_source)
    check_accessibility(browser, "import preview")
    driver.execute_script("window.scrollTo(0, 0)")
    record_screenshot(driver, "web-trainer-import.png")
    driver.find_element(By.XPATH, "//button[normalize-space()='Import it']").click()
    WebDriverWait(driver, 10).until(lambda d: "1 added, 0 registered already, 0 linked; 1 enrolled in this event." in d.page_source)

    # The other three days, marked at the command line: Elyor (excused once, which does not count) and
    # Gʻulomjon (absent) fall short of the course's 80 %; the other six complete.
    for day in range(1, 4):
        date = (today + datetime.timedelta(days=day)).isoformat()
        programme.run("attendance", "mark", str(event), "--date", date, "--all-present", "--except", str(ids[6]))

    # The coordinator, on a laptop: issue, then download the bundle.
    driver.set_window_size(1280, 900)
    sign_in(browser, base, "coordinator")
    browser.open(f"{base}/events/{event}")
    driver.find_element(By.XPATH, "//button[normalize-space()='Issue the certificates']").click()
    WebDriverWait(driver, 60).until(lambda d: "6 certificates are issued." in d.page_source)
    check_accessibility(browser, "event")
    driver.execute_script("window.scrollTo(0, 0)")
    record_screenshot(driver, "web-coordinator-event.png")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.find_element(By.PARTIAL_LINK_TEXT, "Download the certificates").click()
    bundle = downloaded(downloads / f"event-{event}-certificates.pdf")
    text = subprocess.run(["pdftotext", str(bundle), "-"], check=True, capture_output=True, text=True).stdout
    for name in PEOPLE[:4] + PEOPLE[5:6] + PEOPLE[7:]:
        assert name.split()[0] in text
    assert "Gʻulomjon" not in text and "Elyor" not in text
    # The same certificates as one PDF per person, in a ZIP.
    driver.find_element(By.PARTIAL_LINK_TEXT, "one PDF per person").click()
    archive = downloaded(downloads / f"event-{event}-certificates.zip")
    with zipfile.ZipFile(archive) as files:
        names = files.namelist()
    assert len(names) == 6 and all(name.endswith(".pdf") for name in names)
    browser.open(base + "/duplicates")
    check_accessibility(browser, "duplicates")

    # The manager: the region summary equals the command line's JSON on the same database.
    sign_in(browser, base, "manager")
    assert driver.current_url.endswith("/summary")
    check_accessibility(browser, "summary")
    record_screenshot(driver, "web-manager-summary.png")
    report = json.loads(programme.run(
        "report", "regions", "--year", str(today.year), "--country", "UZ", "--format", "json").stdout)
    shown = {row.find_element(By.CSS_SELECTOR, "th").text: row.get_attribute("data-figures")
             for row in driver.find_elements(By.CSS_SELECTOR, "#summary-table tbody tr")}
    def figures(row):
        return " ".join(str(value) for value in (
            row["events"]["total"], row["sessions"], row["participations"]["total"], row["participants"]["total"],
            row["completed"], row["certificates"]))

    # The JSON has every region, the page those where something was held.
    expected = {row["name"]: figures(row) for row in report["rows"] if row["events"]["total"] > 0}
    assert shown == expected and len(shown) == 1
    assert driver.find_element(By.CSS_SELECTOR, "#summary-table tfoot tr").get_attribute("data-figures") == figures(report["total"])
    # A manager's page has no form that changes anything.
    assert not driver.find_elements(By.CSS_SELECTOR, "form[method=post]:not(.language):not(.signout)")
