"""Configuration from ``LEADCRAWL_*`` environment variables (the API's env reader)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

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
        "SCRAPYD_URL": env("LEADCRAWL_SCRAPYD_URL", "http://127.0.0.1:6800"),
        "SCRAPYD_PROJECT": env("LEADCRAWL_SCRAPYD_PROJECT", "default"),
        "PRICES": PRICES,
        "RATE_LIMIT": int(env("LEADCRAWL_RATE_LIMIT", "30")),  # job creations a minute
    }
