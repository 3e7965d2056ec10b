import time
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory, totp_voor, huidige_totp
from tests.browser.login import enter_password, enter_token


def test_dbg(page, transactional_db):
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER)
    d = totp_voor(rol.gebruiker)
    page.on("request", lambda r: print("REQ", time.time(), r.url))
    page.on("requestfinished", lambda r: print("FIN", time.time(), r.url))
    page.on("requestfailed", lambda r: print("FAIL", time.time(), r.url, r.failure))
    page.on("load", lambda: print("LOAD", time.time(), page.url))
    page.on("console", lambda m: print("CONSOLE", m.text))
    enter_password(page, rol.gebruiker.username)
    enter_token(page, huidige_totp(d))
    time.sleep(3)
    print("URL", page.url)
