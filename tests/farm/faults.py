r"""What a fixture site does wrong, read from its ``site.toml`` (all keys optional).

```toml
latency_ms = 300                              # every response waits
status = 503                                  # every page answers this status
redirect_to = "http://www.new-host.fr/"       # every path redirects there (301)
robots_txt = "User-agent: *\\nDisallow: /"     # served at /robots.txt (else 404)
hang = true                                   # never answers
inline_image_mb = 5                           # pages carry an inline image this large
reset = true                                  # closes the connection without answering
trickle = true                                # sends its pages a byte every 0.5 s
endless_calendar = "/agenda/"                 # a month page under it for any month,
                                              # each linking to the next and its days
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SiteFaults:
    latency_ms: int = 0
    status: int = 0
    redirect_to: str = ""
    robots_txt: str | None = None
    hang: bool = False
    inline_image_mb: float = 0
    reset: bool = False
    trickle: bool = False
    endless_calendar: str = ""

    @staticmethod
    @cache
    def of(site: Path) -> SiteFaults:
        """Read ``site/site.toml`` once; a site without one behaves."""
        config = site / "site.toml"
        if not config.is_file():
            return SiteFaults()
        return SiteFaults(**tomllib.loads(config.read_text(encoding="utf-8")))
