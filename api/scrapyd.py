"""scrapyd's HTTP API, as the API uses it: schedule a crawl, cancel it, list runs.

Never through ``http_proxy``: that variable is for crawls (scrapyd's environment), and
urllib would send the API's own calls to the proxy too.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ScrapydError(RuntimeError):
    """scrapyd refused (it answers errors with HTTP 200 and ``"status": "error"``)."""


class Scrapyd:
    def __init__(self, url: str, project: str) -> None:
        self.url, self.project = url.rstrip("/"), project

    def schedule(self, spider: str, crawl_id: str, **arguments: str) -> str:
        """Start ``spider`` with ``arguments`` (spider arguments); return its job id."""
        answer = self._call(
            "schedule.json",
            {"project": self.project, "spider": spider, "jobid": crawl_id, **arguments},
        )
        return str(answer["jobid"])

    def cancel(self, crawl_id: str) -> None:
        """Stop a run gracefully (SIGINT): its spider closes and ends the job itself."""
        self._call("cancel.json", {"project": self.project, "job": crawl_id})

    def load(self) -> int:
        """Return how many runs the node has, pending or running."""
        answer = self._call("daemonstatus.json", {}, post=False)
        return int(answer["pending"]) + int(answer["running"])

    def live_runs(self) -> set[str]:
        """Return the ids of the project's runs that are pending or running.

        A run not listed has finished, or is unknown to a scrapyd that restarted (it
        forgets runs, and runs may outlive it: their leases tell).
        """
        answer = self._call("listjobs.json", {"project": self.project}, post=False)
        return {
            str(run["id"])
            for state in ("pending", "running")
            for run in answer.get(state, [])
        }

    def _call(
        self, endpoint: str, fields: dict[str, str], post: bool = True
    ) -> dict[str, Any]:
        query = urllib.parse.urlencode(fields)
        url, data = (
            (f"{self.url}/{endpoint}", query.encode())
            if post
            else (f"{self.url}/{endpoint}?{query}", None)
        )
        try:
            with _DIRECT.open(url, data, timeout=10) as response:
                answer: dict[str, Any] = json.load(response)
        except OSError as error:
            raise ScrapydError(
                f"scrapyd at {self.url} is unreachable: {error}"
            ) from error
        if answer.get("status") != "ok":
            raise ScrapydError(answer.get("message", "scrapyd refused"))
        return answer
