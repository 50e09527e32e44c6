"""``leadcrawl serve`` (``make run``): the whole service on its embedded defaults.

A local scrapyd (started and stopped here, its runs writing to the same database), the
API on gunicorn (threads: each SSE client holds one), SQLite under ``var/``. Prints the
URL and a usable API key, then runs until interrupted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import click
from flask import current_app
from flask_migrate import upgrade

from api.auth import create_account
from api.conductor import Conductor

REPO = Path(__file__).resolve().parents[1]
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def scrapyd_config(var: Path, port: int) -> Path:
    """Write scrapyd's folder: its ``scrapy.cfg`` names the project's settings."""
    folder = var / "scrapyd"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scrapy.cfg").write_text(
        "[settings]\ndefault = crawler.settings\n\n"
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        "poll_interval = 0.5\n"
        # a crawl process is bound to one core (docs/benchmarks.md): one per core
        "max_proc = 0\nmax_proc_per_cpu = 1\n"
        f"logs_dir = {folder}/logs\ndbs_dir = {folder}/dbs\neggs_dir = {folder}/eggs\n"
        "items_dir =\njobs_to_keep = 50\nfinished_to_keep = 500\n",
        encoding="utf-8",
    )
    return folder


def local_key(var: Path) -> str:
    """Return the local account's API key, created once and kept in ``var/api-key``."""
    file = var / "api-key"
    if file.exists():
        return file.read_text(encoding="utf-8").strip()
    key = create_account("local", ceiling=None)
    file.write_text(key + "\n", encoding="utf-8")
    file.chmod(0o600)
    return key


def wait_for(url: str, process: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with _DIRECT.open(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            pass  # not listening yet
        if process.poll() is not None:
            raise click.ClickException(
                f"{name} stopped at start (exit {process.returncode})"
            )
        if time.monotonic() > deadline:
            raise click.ClickException(f"{name} did not start within 30 s")
        time.sleep(0.1)


@click.command("serve")
@click.option(
    "--port", type=int, default=lambda: int(os.environ.get("LEADCRAWL_PORT", 8000))
)
@click.option(
    "--scrapyd-port",
    type=int,
    default=lambda: int(os.environ.get("LEADCRAWL_SCRAPYD_PORT", 6800)),
)
@click.option("--var", type=click.Path(path_type=Path), default=Path("var"))
@click.option("--workers", type=int, default=2, help="gunicorn processes")
@click.option(
    "--threads",
    type=int,
    default=lambda: int(os.environ.get("LEADCRAWL_API_THREADS", 128)),
    help="threads per gunicorn process: each open event stream holds one",
)
def serve(port: int, scrapyd_port: int, var: Path, workers: int, threads: int) -> None:
    """Run scrapyd and the API; print the URL and an API key."""
    var = var.resolve()
    var.mkdir(parents=True, exist_ok=True)
    database = current_app.config["DATABASE_URL"]  # LEADCRAWL_DATABASE_URL, or var/
    upgrade()  # the schema's migrations (api/migrations)
    key = local_key(var)
    env = dict(
        os.environ,
        LEADCRAWL_DATABASE_URL=database,
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])
        ),
    )
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(name, None)  # the API's own calls go direct
    crawl_env = dict(env, SCRAPYD_HTTP_PORT=str(scrapyd_port))
    proxy = os.environ.get("LEADCRAWL_HTTP_PROXY")
    if proxy:  # crawls (and their browser) go through it; nothing else does
        crawl_env.update(http_proxy=proxy, https_proxy=proxy)
    bin_dir = Path(sys.executable).parent
    # the local scrapyd, unless LEADCRAWL_SCRAPYD_NODES names others (docs/deploy.md)
    local = f"http://127.0.0.1:{scrapyd_port}"
    nodes = os.environ.get("LEADCRAWL_SCRAPYD_NODES", local)
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    app.config["SCRAPYD_NODES"] = nodes.split(",")
    processes = {}
    if nodes == local:
        processes["scrapyd"] = subprocess.Popen(  # noqa: S603 (our venv's program)
            [str(bin_dir / "scrapyd"), "--pidfile=", "-l", "scrapyd.log"],
            cwd=scrapyd_config(var, scrapyd_port),
            env=crawl_env,
            start_new_session=True,
        )
    bind = os.environ.get("LEADCRAWL_BIND", "127.0.0.1")  # 0.0.0.0 in a container
    api = subprocess.Popen(  # noqa: S603 (our own venv's programs, fixed arguments)
        [
            str(bin_dir / "gunicorn"),
            *("--bind", f"{bind}:{port}", "--workers", str(workers)),
            *("--worker-class", "gthread", "--threads", str(threads)),
            *("--timeout", "0"),  # event streams last as long as their job
            "api:create_app()",
        ],
        cwd=REPO,
        env=dict(env, LEADCRAWL_SCRAPYD_NODES=nodes),
        start_new_session=True,
    )
    processes["gunicorn"] = api
    conductor = Conductor(app, app.config["CONDUCTOR_INTERVAL"])
    try:
        if "scrapyd" in processes:
            status = f"{local}/daemonstatus.json"
            wait_for(status, processes["scrapyd"], "scrapyd")
        wait_for(f"http://127.0.0.1:{port}/api/openapi.json", api, "the API")
        conductor.start()
        click.echo(f"leadcrawl is running: http://127.0.0.1:{port}/ (the web page)")
        click.echo(f"the API's documentation: http://127.0.0.1:{port}/api/docs")
        click.echo(f"scrapyd (runs and logs): {', '.join(nodes.split(','))}")
        click.echo(json.dumps({"url": f"http://127.0.0.1:{port}", "api_key": key}))
        click.echo(key)
        sys.stdout.flush()
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while all(p.poll() is None for p in processes.values()):
            time.sleep(0.5)
        stopped = [name for name, p in processes.items() if p.poll() is not None]
        raise click.ClickException(f"{', '.join(stopped)} stopped")
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a user stops it: stop the children below
    finally:
        if conductor.is_alive():
            conductor.stop()
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
