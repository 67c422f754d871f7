"""Entry point: `python -m app.main`. Listens on $HOST:$PORT (0.0.0.0:8000)."""

from __future__ import annotations

import os
import signal
import threading
from http.server import ThreadingHTTPServer

from app.api import make_handler
from app.store import Store

SEED = [("keyboard", 12), ("monitor", 4), ("usb-c cable", 40)]


def serve(host: str, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(Store(SEED)))
    server.daemon_threads = True
    return server


def main() -> None:
    host = os.environ.get("HOST", "0.0.0.0")
    port = int(os.environ.get("PORT", "8000"))
    server = serve(host, port)
    # As PID 1 in a container, SIGTERM is ignored unless handled: `docker stop` would wait 10 s for nothing.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"python-api listening on http://{host}:{port}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print("python-api stopped")


if __name__ == "__main__":
    main()
