"""Signs the load test's trainer and manager in through the sign-in page, as a browser would, and writes
the marks the trainer will send: enrolled people at sessions of events in the trainer's region.

Usage: prepare.py DATABASE BASE_URL WORK_DIR   (prints shell assignments of the cookies and the token)"""
import random
import re
import sqlite3
import sys
import urllib.parse
import urllib.request

database, base, work = sys.argv[1:4]
PASSWORD = "load test password"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


opener = urllib.request.build_opener(NoRedirect)


def cookies(response):
    return dict(header.split(";", 1)[0].split("=", 1) for header in response.headers.get_all("Set-Cookie") or [])


def sign_in(name):
    form = opener.open(base + "/login")
    token = cookies(form)["malaka_form"]
    body = urllib.parse.urlencode({"csrf": token, "name": name, "password": PASSWORD}).encode()
    request = urllib.request.Request(base + "/login", data=body, headers={"Cookie": "malaka_form=" + token})
    try:
        opener.open(request)
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 303, f"signing {name} in failed: {redirect.code}"
        session = cookies(redirect)["malaka_session"]
    page = opener.open(urllib.request.Request(base + "/people", headers={"Cookie": "malaka_session=" + session})).read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    return "malaka_session=" + session, csrf


trainer_cookie, trainer_csrf = sign_in("loadtrainer")
manager_cookie, _ = sign_in("loadmanager")

with sqlite3.connect(database) as db:
    triples = db.execute("""
        SELECT e.id, s.id, n.participantId FROM event e JOIN session s ON s.eventId = e.id
        JOIN enrollment n ON n.eventId = e.id WHERE e.regionCode = 'UZ-XO' AND e.status <> 'cancelled'""").fetchall()
    already = db.execute("SELECT COUNT(*) FROM attendance WHERE status = 'late'").fetchone()[0]
assert triples, "the scheduling database has no enrolled people in UZ-XO"
assert already == 0, "the database already has late marks; check.py could not tell them from the test's"
random.seed(20261204)
random.shuffle(triples)
with open(f"{work}/marks.lua", "w") as out:
    out.write("return {\n")
    for event, session, participant in triples[:50000]:
        out.write(f"{{{event},{session},{participant}}},\n")
    out.write("}\n")
print(f"WEB_LOAD_TRAINER_COOKIE='{trainer_cookie}'")
print(f"WEB_LOAD_TRAINER_CSRF='{trainer_csrf}'")
print(f"WEB_LOAD_MANAGER_COOKIE='{manager_cookie}'")
print(f"WEB_LOAD_MARKS={min(len(triples), 50000)}")
