"""HTTP routing: JSON in, JSON out, strong ETags on reads (computed by fasthash, a C extension)."""

from __future__ import annotations

import json
import platform
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler

from fasthash import etag

from app.store import Store, ValidationError

MAX_BODY = 64 * 1024
ITEM_PATH = re.compile(r"^/items/(\d+)$")


def make_handler(store: Store) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "python-api/1.0"
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/health":
                self._send(HTTPStatus.OK, {"status": "ok", "python": platform.python_version()})
            elif path == "/items":
                self._send(HTTPStatus.OK, {"items": [item.to_json() for item in store.all()]}, cacheable=True)
            elif match := ITEM_PATH.match(path):
                item = store.get(int(match.group(1)))
                if item is None:
                    self._error(HTTPStatus.NOT_FOUND, "no such item")
                else:
                    self._send(HTTPStatus.OK, item.to_json(), cacheable=True)
            else:
                self._error(HTTPStatus.NOT_FOUND, "no such route")

        def do_POST(self) -> None:
            if self.path != "/items":
                status = HTTPStatus.METHOD_NOT_ALLOWED if ITEM_PATH.match(self.path) else HTTPStatus.NOT_FOUND
                self._error(status, "POST /items only")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"at most {MAX_BODY} bytes")
                return
            try:
                item = store.add(json.loads(self.rfile.read(length) or b"null"))
            except json.JSONDecodeError as e:
                self._error(HTTPStatus.BAD_REQUEST, f"invalid JSON: {e.msg}")
                return
            except ValidationError as e:
                self._error(HTTPStatus.UNPROCESSABLE_ENTITY, str(e))
                return
            self._send(HTTPStatus.CREATED, item.to_json(), headers={"Location": f"/items/{item.id}"})

        def do_DELETE(self) -> None:
            match = ITEM_PATH.match(self.path)
            if match is None:
                self._error(HTTPStatus.NOT_FOUND, "no such route")
            elif store.delete(int(match.group(1))):
                self._send(HTTPStatus.NO_CONTENT, None)
            else:
                self._error(HTTPStatus.NOT_FOUND, "no such item")

        def _send(self, status: HTTPStatus, payload: object, *, cacheable: bool = False,
                  headers: dict[str, str] | None = None) -> None:
            body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
            if cacheable:
                tag = etag(body)
                if self.headers.get("If-None-Match") == tag:
                    status, body = HTTPStatus.NOT_MODIFIED, b""
                headers = {**(headers or {}), "ETag": tag}
            self.send_response(status)
            if body:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, {"error": message})

        def log_message(self, format: str, *args: object) -> None:
            # One line per request on stdout, where `docker logs` reads it (PYTHONUNBUFFERED makes it prompt).
            print(f"{self.address_string()} {format % args}")

    return Handler
