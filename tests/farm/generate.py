"""Generate N synthetic fixture sites for benchmarks (deterministic for a given seed).

Each site has a home page (~12 KB of builder-like markup), a contact page and a legal
notice; the home page links both. ``site.toml`` gives each a latency of 50-500 ms, and a
few per cent of sites hang, answer 5xx, reset connections, or do not exist at all.

    python -m tests.farm.generate DIR --sites 2000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

TRADES = (
    "boulangerie",
    "plomberie",
    "garage",
    "fleuriste",
    "cabinet",
    "restaurant",
    "coiffure",
    "menuiserie",
    "pharmacie",
    "librairie",
    "hotel",
    "traiteur",
)
FIRST = ("jean", "marie", "sophie", "pierre", "claire", "luc", "anne", "paul", "lea")
LAST = ("martin", "bernard", "dubois", "durand", "leroy", "moreau", "simon", "laurent")
FILLER = (
    '<div class="elementor-section elementor-top-section"><div class="elementor-container">'
    '<div class="elementor-column"><div class="elementor-widget-wrap"><div class="elementor-'
    'widget elementor-widget-text-editor"><p>{text}</p></div></div></div></div></div>\n'
)
TEXT = (
    "Depuis 1987, notre équipe vous accueille du mardi au samedi. Produits locaux, "
    "devis gratuit, intervention rapide dans tout le département. "
)


def site_pages(host: str, name: str, person: tuple[str, str]) -> dict[str, str]:
    first, last = person
    nav = (
        '<nav><ul><li><a href="/">Accueil</a></li><li><a href="/services/">Services</a>'
        '</li><li><a href="/contact/">Contact</a></li><li><a href="/mentions-legales/">'
        "Mentions légales</a></li></ul></nav>"
    )
    footer = f'<footer class="site-footer"><p>{name} – <a href="mailto:contact@{host}">contact@{host}</a></p></footer>'
    body = "".join(FILLER.format(text=TEXT * 2) for _ in range(40))
    page = "<!DOCTYPE html><html lang=fr><head><title>{t}</title></head><body>{nav}<main>{m}</main>{f}</body></html>"
    return {
        "index.html": page.format(
            t=name, nav=nav, m=f"<h1>{name}</h1>{body}", f=footer
        ),
        "contact/index.html": page.format(
            t=f"Contact – {name}",
            nav=nav,
            f=footer,
            m=f"<h1>Contact</h1><p>Gérant : {first.title()} {last.title()} – {first}.{last}@{host}</p>",
        ),
        "mentions-legales/index.html": page.format(
            t="Mentions légales",
            nav=nav,
            f=footer,
            m="<h1>Mentions légales</h1><p>Hébergeur : OVH SAS – support@ovh.com</p>",
        ),
    }


def generate(root: Path, count: int, seed: int) -> list[dict[str, str]]:
    """Write ``count`` sites under ``root``; return the POIs naming them."""
    rng = random.Random(seed)  # noqa: S311 (reproducible benchmark data, not secrets)
    pois = []
    for index in range(count):
        trade = rng.choice(TRADES)
        host = f"{trade}-{index:05d}.bench-farm.fr"
        pois.append({"nom": f"{trade.title()} {index}", "site_web": host})
        fault = rng.random()
        if fault < 0.01:
            continue  # the site is down: no folder, the proxy answers 502
        folder = root / host
        for name, text in site_pages(
            host, f"{trade.title()} {index}", (rng.choice(FIRST), rng.choice(LAST))
        ).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        config = [f"latency_ms = {rng.randint(50, 500)}"]
        if fault < 0.02:
            config.append("hang = true")
        elif fault < 0.03:
            config.append("status = 503")
        elif fault < 0.04:
            config.append("reset = true")
        (folder / "site.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return pois


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pois = generate(args.root, args.sites, args.seed)
    (args.root / "pois.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pois))


if __name__ == "__main__":
    main()
