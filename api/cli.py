"""The ``leadcrawl`` command: ``serve``, ``account create``, ``db upgrade``, Flask's.

leadcrawl serve                          # the whole service (make run)
leadcrawl account create "Acme" --ceiling 5
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup
from flask_migrate import upgrade

from api.auth import create_account


def register(app: Flask) -> None:
    from api.service import serve

    app.cli.add_command(serve)

    @app.cli.group()
    def account() -> None:
        """Manage accounts."""

    @account.command("create")
    @click.argument("name")
    @click.option(
        "--ceiling", type=float, default=None, help="per-job cost ceiling (EF)"
    )
    def create(name: str, ceiling: float | None) -> None:
        """Create an account; print its API key alone on the last line."""
        upgrade()
        click.echo(f"account {name!r} created; its API key (shown once):")
        click.echo(create_account(name, ceiling))


def main() -> None:
    """Entry point of the ``leadcrawl`` console script."""
    from api import create_app

    FlaskGroup(create_app=create_app)()
