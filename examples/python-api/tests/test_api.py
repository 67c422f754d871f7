"""API tests: `python -m unittest discover tests` with fasthash installed (pip install -r requirements.txt)."""

from __future__ import annotations

import json
import threading
import unittest
import urllib.error
import urllib.request

from app.main import serve


class ApiTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = serve("127.0.0.1", 0)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def tearDown(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def request(self, method: str, path: str, body: object = None, headers: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=5) as res:
                raw = res.read()
                return res.status, dict(res.headers), json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, dict(e.headers), json.loads(raw) if raw else None

    def test_health(self) -> None:
        status, _, body = self.request("GET", "/health")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")

    def test_items_carry_an_etag_and_answer_304_to_it(self) -> None:
        status, headers, body = self.request("GET", "/items")
        self.assertEqual(status, 200)
        self.assertEqual(len(body["items"]), 3)
        self.assertRegex(headers["ETag"], r'^"[0-9a-f]{16}"$')
        status, _, _ = self.request("GET", "/items", headers={"If-None-Match": headers["ETag"]})
        self.assertEqual(status, 304)

    def test_create_read_delete(self) -> None:
        status, headers, item = self.request("POST", "/items", {"name": "dock", "quantity": 2})
        self.assertEqual(status, 201)
        self.assertEqual(headers["Location"], f"/items/{item['id']}")
        self.assertEqual(self.request("GET", headers["Location"])[2], item)
        self.assertEqual(self.request("DELETE", headers["Location"])[0], 204)
        self.assertEqual(self.request("GET", headers["Location"])[0], 404)

    def test_bad_input(self) -> None:
        self.assertEqual(self.request("POST", "/items", {"quantity": 1})[0], 422)
        self.assertEqual(self.request("POST", "/items", {"name": "x", "quantity": -1})[0], 422)
        self.assertEqual(self.request("GET", "/nowhere")[0], 404)


if __name__ == "__main__":
    unittest.main()
