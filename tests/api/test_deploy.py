"""``scrapyd-deploy`` packages the crawler as an egg that a remote node runs.

The node here has no project of its own (no ``[settings]``, the checkout not on its
path): it runs what the egg carries. The egg is built from a copy of ``crawler/`` whose
settings name the bot ``leadcrawl-egg``, so the crawl's log shows whose code ran.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from tests.support import DIRECT, REPO, ScrapydNode

MARTIN = {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}


def test_the_egg_scrapyd_deploy_builds_runs_on_a_node_without_the_project(
    tmp_path, farm
):
    node = ScrapydNode(
        tmp_path / "node",
        {"http_proxy": farm, "https_proxy": farm, "no_proxy": ""},
        from_source=False,
    )
    try:
        project = tmp_path / "project"
        shutil.copytree(
            REPO / "crawler",
            project / "crawler",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        with (project / "crawler" / "settings.py").open("a") as settings:
            settings.write('\nBOT_NAME = "leadcrawl-egg"  # this egg\'s mark\n')
        (project / "scrapy.cfg").write_text(
            "[settings]\ndefault = crawler.settings\n\n"
            f"[deploy:node]\nurl = {node.url}/\nproject = crawler\n"
        )
        deploy = subprocess.run(
            [str(Path(sys.executable).with_name("scrapyd-deploy")), "node", "-v", "r1"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert deploy.returncode == 0, deploy.stderr
        answer = json.loads(deploy.stdout.strip().splitlines()[-1])
        assert answer["status"] == "ok", answer
        assert answer["spiders"] == 2  # emails and socials

        pois = tmp_path / "pois.jsonl"
        pois.write_text(json.dumps(MARTIN) + "\n")
        fields = {"project": "crawler", "spider": "emails", "input": str(pois)}
        with DIRECT.open(
            node.url + "/schedule.json", urllib.parse.urlencode(fields).encode()
        ) as scheduled:
            run = json.load(scheduled)["jobid"]
        deadline = time.monotonic() + 90
        while True:
            with DIRECT.open(node.url + "/listjobs.json?project=crawler") as listed:
                if run in {j["id"] for j in json.load(listed)["finished"]}:
                    break
            assert time.monotonic() < deadline, node.logs()
            time.sleep(0.3)
        (log,) = node.logs()
        text = log.read_text()
        assert "(bot: leadcrawl-egg)" in text  # the egg's code ran, not the checkout's
        assert "'item_scraped_count': 1" in text, text[-3000:]
        assert "'finish_reason': 'finished'" in text
    finally:
        node.stop()
