"""A small HTTP client for the benchmark (standard library only): one session per simulated user.

It talks to 127.0.0.1 only and sends the headers the reverse proxy would (X-Forwarded-Proto: https),
so secure cookies and CSRF checks work as in production.
"""

import http.client
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    def __init__(self, port, timeout=60):
        self.port, self.timeout, self.cookies = port, timeout, {}

    def request(self, method, path, body=None, headers=None):
        """(status, body bytes, seconds). Connection errors come back as status 0."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        origin = f"https://127.0.0.1:{self.port}"
        head = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}", "Referer": origin + path,
                "Accept-Language": "vi", **(headers or {})}
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=head)
            response = conn.getresponse()
            data = response.read()
        except OSError:
            return 0, b"", time.perf_counter() - started
        finally:
            conn.close()
        elapsed = time.perf_counter() - started
        for value in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(value)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return response.status, data, elapsed

    def get(self, path):
        return self.request("GET", path)

    def login(self, username, password):
        status, page, _ = self.get("/dang-nhap/")
        token = CSRF_INPUT.search(page.decode("utf-8", "replace"))
        if not token:
            raise RuntimeError(f"no login form ({status})")
        body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)})
        status, _, _ = self.request("POST", "/dang-nhap/", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://127.0.0.1:{self.port}"})
        if status != 302:
            raise RuntimeError(f"login of {username} failed ({status})")
        return self
