"""Configuration from ``LEADCRAWL_*`` environment variables (the API's env reader)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crawler.guard import service_ports

# Estimated cost of a POI, by module and mode (EF: the seeds' "equivalent France").
PRICES = {
    ("emails", "normal"): 0.001,
    ("emails", "deep"): 0.004,
    ("socials", None): 0.0005,
}


def from_environment() -> dict[str, Any]:
    env = os.environ.get
    return {
        "DATABASE_URL": env(
            "LEADCRAWL_DATABASE_URL", f"sqlite:///{Path('var/leadcrawl.db').resolve()}"
        ),
        # the scrapyd nodes crawls run on, comma-separated
        "SCRAPYD_NODES": env("LEADCRAWL_SCRAPYD_NODES", "http://127.0.0.1:6800").split(
            ","
        ),
        "CRAWLS_PER_JOB": int(
            env("LEADCRAWL_CRAWLS_PER_JOB", "2")
        ),  # processes per job
        "CONDUCTOR_INTERVAL": float(env("LEADCRAWL_CONDUCTOR_INTERVAL", "2")),
        "SCRAPYD_PROJECT": env("LEADCRAWL_SCRAPYD_PROJECT", "default"),
        "PRICES": PRICES,
        "RATE_LIMIT": int(env("LEADCRAWL_RATE_LIMIT", "30")),  # job creations a minute
        # where webhooks may go besides public addresses (crawler.guard, as crawls)
        "ALLOWED_NETWORKS": [
            cidr for cidr in env("LEADCRAWL_ALLOWED_NETWORKS", "").split(",") if cidr
        ],
        "SERVICE_PORTS": service_ports(os.environ),
        # bodies above this are refused from their Content-Length, before being read
        # (10,000 POIs of upstream scrapers' columns fit in a few megabytes)
        "MAX_CONTENT_LENGTH": int(env("LEADCRAWL_MAX_BODY_MB", "25")) * 1024 * 1024,
    }
