"""The fixture web farm: one local server that answers as an HTTP proxy, by Host header.

Spiders request real-looking URLs (``http://boulangerie-martin.fr/contact/``) with
``http_proxy`` pointing here; each host is a folder of ``sites/``. ``https://`` URLs
come through ``CONNECT`` (``https_proxy``), answered with a self-signed certificate. An unknown host
answers 502, as a proxy does when it cannot resolve a name. A site's ``site.toml``
injects faults (``faults.SiteFaults``).

Run: ``python -m tests.farm.server`` prints ``farm listening on http://127.0.0.1:PORT``.
"""

from __future__ import annotations

import mimetypes
import socketserver
import ssl
import sys
import time
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import trustme

from tests.farm.faults import SiteFaults

SITES = Path(__file__).parent / "sites"


class FarmHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "farm/1"

    def do_GET(self) -> None:
        target = urlsplit(self.path)
        host = (target.hostname or self.headers.get("Host", "")).split(":")[0].lower()
        site = self.server.sites / host  # type: ignore[attr-defined]  # FarmServer
        if not host or not site.is_dir():
            self._answer(502, b"unknown host", "text/plain")
            return
        faults = SiteFaults.of(site)
        if faults.latency_ms:
            time.sleep(faults.latency_ms / 1000)
        if faults.hang:
            time.sleep(3600)  # the client's timeout ends it
        if faults.reset:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        path = target.path or "/"
        if path == "/robots.txt":
            robots = faults.robots_txt
            if robots is not None:
                self._answer(200, robots.encode(), "text/plain; charset=utf-8")
                return
        if faults.redirect_to:
            self._redirect(faults.redirect_to.rstrip("/") + path)
            return
        if faults.status:
            self._answer(faults.status, b"<h1>Server error</h1>", "text/html")
            return
        if faults.endless_calendar and path.startswith(faults.endless_calendar):
            page = calendar_page(faults.endless_calendar, path)
            self._answer(200, page.encode(), "text/html; charset=utf-8")
            return
        self._serve(site, path)

    def do_POST(self) -> None:
        """Answer a form or an XHR POST with the file at its path, as a static host."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    def do_CONNECT(self) -> None:
        """Open a TLS tunnel, then answer the requests inside it like plain ones."""
        self.send_response(200, "Connection Established")
        self.end_headers()
        context: ssl.SSLContext = self.server.tls  # type: ignore[attr-defined]  # FarmServer
        try:
            self.connection = context.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            self.close_connection = True
            return
        self.rfile = self.connection.makefile("rb", -1)
        self.wfile = socketserver._SocketWriter(self.connection)  # what setup() builds
        self.close_connection = False
        while not self.close_connection:
            self.handle_one_request()

    def finish(self) -> None:
        super().finish()
        if isinstance(self.connection, ssl.SSLSocket):  # it took over the client socket
            self.connection.close()

    def _serve(self, site: Path, path: str) -> None:
        file = resolve(site, path)
        if file is None:
            self._answer(404, b"<h1>404 Not Found</h1>", "text/html; charset=utf-8")
            return
        kind = mimetypes.guess_type(file.name)[0] or "text/html"
        if kind.startswith("text/") or kind.endswith("xml"):
            kind += "; charset=utf-8"
        body = file.read_bytes()
        image_mb = SiteFaults.of(site).inline_image_mb
        if image_mb and kind.startswith("text/html"):
            image = b'<img alt="" src="data:image/jpeg;base64,' + b"A" * int(
                image_mb * 2**20
            )
            body = body.replace(b"</body>", image + b'"></body>', 1)
        self._answer(200, body, kind)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        host = (urlsplit(self.path).hostname or self.headers.get("Host", "")).split(
            ":"
        )[0]
        site = self.server.sites / host.lower()  # type: ignore[attr-defined]  # FarmServer
        if site.is_dir() and SiteFaults.of(site).trickle:
            for offset in range(len(body)):  # a byte at a time: the client gives up
                self.wfile.write(body[offset : offset + 1])
                self.wfile.flush()
                time.sleep(0.5)
            return
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: tests read the crawl's output, not the farm's log."""


def calendar_page(prefix: str, path: str) -> str:
    """Return an agenda page for the month or day in ``path``: links without end.

    ``/agenda/2026-11/`` links to the month before and after and to each of its days,
    as a CMS calendar plugin does; any month is answered, so following them never ends.
    """
    tail = path.removeprefix(prefix).strip("/")[:10] or "2026-11"
    try:
        year, month = int(tail[:4]), int(tail[5:7])
    except ValueError:
        year, month = 2026, 11
    before = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
    after = f"{year + (month == 12)}-{month % 12 + 1:02d}"
    days = "".join(
        f'<li><a href="{prefix}{year}-{month:02d}-{day:02d}/">{day}</a></li>'
        for day in range(1, 29)
    )
    return (
        f"<!DOCTYPE html><html lang=fr><head><meta charset=utf-8>"
        f"<title>Agenda {month:02d}/{year}</title></head><body>"
        f'<nav><a href="/">Accueil</a> <a href="/contact/">Contact</a></nav>'
        f"<h1>Agenda – {month:02d}/{year}</h1>"
        f'<p><a href="{prefix}{before}/">« mois précédent</a> · '
        f'<a href="{prefix}{after}/">mois suivant »</a></p>'
        f"<ul class=jours>{days}</ul><p>Aucune représentation ce jour-là.</p>"
        f"</body></html>"
    )


def resolve(site: Path, url_path: str) -> Path | None:
    """Map a URL path to a file of ``site``: ``/contact/`` -> ``contact/index.html``."""
    relative = url_path.lstrip("/")
    candidate = (site / relative).resolve()
    if site.resolve() not in (candidate, *candidate.parents):
        return None  # no escaping the site's folder
    if candidate.is_dir():
        candidate = candidate / "index.html"
    elif not candidate.exists() and candidate.with_suffix(".html").exists():
        candidate = candidate.with_suffix(".html")
    if candidate.name in ("truth.json", "site.toml"):
        return None  # the farm's own files are not part of the site
    return candidate if candidate.is_file() else None


class FarmServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver listens with a backlog of 5: a crawler opening 128 connections at once
    # would wait on SYN retransmissions (1 s, 3 s…) and measure the farm, not itself.
    request_queue_size = 1024

    def __init__(self, port: int = 0, sites: Path = SITES) -> None:
        super().__init__(("127.0.0.1", port), FarmHandler)
        self.sites = sites

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client gives up on a connection (timeouts do it on purpose)."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @cached_property
    def tls(self) -> ssl.SSLContext:
        """A server context with a certificate from a throwaway CA (clients don't verify)."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        trustme.CA().issue_cert("*.test", "localhost").configure_cert(context)
        return context


def serve(port: int = 0, sites: Path = SITES) -> FarmServer:
    """Create the farm server on loopback (port 0: any free port)."""
    return FarmServer(port, sites)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sites = (
        Path(arguments[arguments.index("--sites") + 1])
        if "--sites" in arguments
        else SITES
    )
    farm = serve(sites=sites)
    print(f"farm listening on http://127.0.0.1:{farm.server_port}", flush=True)
    farm.serve_forever()
