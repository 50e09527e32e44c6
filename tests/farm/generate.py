"""Generate N synthetic fixture sites for benchmarks (deterministic for a given seed).

Each site has a home page (~12 KB of builder-like markup), a contact page and a legal
notice; the home page links both. ``site.toml`` gives each a latency of 50-500 ms, and a
few per cent of sites hang, answer 5xx, reset connections, or do not exist at all.

``--deep``: sites as deep mode meets them (empty after a normal run): a third write the
contact address with a script, a third behind a "show the e-mail" button, a third on a
team member's page two levels down; each also has a services section of 8 pages and a
team of 3, and loads a same-site script on every page.

    python -m tests.farm.generate DIR --sites 2000 [--seed 7] [--deep]
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


SCRIPTED_CONTACT = (
    '<h1>Contact</h1><p>Écrivez-nous : <span id="courriel"></span></p><script>'
    "var u = 'contact', d = '{host}';"
    "document.getElementById('courriel').innerHTML ="
    " '<a href=\"mai' + 'lto:' + u + '&#64;' + d + '\">' + u + '&#64;' + d + '</a>';"
    "</script>"
)
REVEALED_CONTACT = (
    '<h1>Contact</h1><p><button type="button" id="voir" data-u="{user}" data-d="{host}">'
    "Afficher l'adresse e-mail</button></p><script>"
    "document.getElementById('voir').addEventListener('click', function () {{"
    " var b = this; setTimeout(function () {{"
    " b.outerHTML = '<a href=\"mailto:' + b.dataset.u + '&#64;' + b.dataset.d + '\">'"
    " + b.dataset.u + '&#64;' + b.dataset.d + '</a>'; }}, 100); }});</script>"
)
SITE_SCRIPT = "document.documentElement.classList.add('js');\n"


def deep_pages(
    host: str, name: str, person: tuple[str, str], variant: int
) -> dict[str, str]:
    """Return a site whose address only deep mode can read (variant 0, 1 or 2)."""
    first, last = person
    pages = site_pages(host, name, person)
    services = "".join(
        f'<li><a href="/services/prestation-{n}/">Prestation {n}</a></li>'
        for n in range(8)
    )
    nav = (
        '<nav><ul><li><a href="/">Accueil</a></li><li><a href="/services/">Services</a>'
        '</li><li><a href="/equipe/">Notre équipe</a></li><li><a href="/contact/">'
        "Contact</a></li></ul></nav>"
    )
    page = (
        "<!DOCTYPE html><html lang=fr><head><title>{t}</title>"
        '<script src="/js/site.js"></script></head><body>{nav}<main>{m}</main>'
        "<footer><p>{name}</p></footer></body></html>"
    )
    body = "".join(FILLER.format(text=TEXT * 2) for _ in range(20))
    contact = (
        SCRIPTED_CONTACT.format(host=host)
        if variant == 0
        else REVEALED_CONTACT.format(user="contact", host=host)
        if variant == 1
        else "<h1>Contact</h1><p>Téléphone : 04 50 00 00 00</p><form></form>"
    )
    pages = {
        "js/site.js": SITE_SCRIPT,
        "index.html": page.format(
            t=name, nav=nav, m=f"<h1>{name}</h1>{body}", name=name
        ),
        "contact/index.html": page.format(t="Contact", nav=nav, m=contact, name=name),
        "services/index.html": page.format(
            t="Services", nav=nav, m=f"<ul>{services}</ul>{body}", name=name
        ),
        "equipe/index.html": page.format(
            t="Équipe",
            nav=nav,
            name=name,
            m="".join(
                f'<p><a href="/equipe/membre-{n}/">Membre {n}</a></p>' for n in range(3)
            ),
        ),
        "mentions-legales/index.html": pages["mentions-legales/index.html"],
    }
    for n in range(8):
        pages[f"services/prestation-{n}/index.html"] = page.format(
            t=f"Prestation {n}", nav=nav, m=body, name=name
        )
    for n in range(3):
        mail = (
            f"<p>{first.title()} {last.title()}, gérant – {first}.{last}@{host}</p>"
            if variant == 2 and n == 0
            else "<p>Technicien qualifié.</p>"
        )
        pages[f"equipe/membre-{n}/index.html"] = page.format(
            t=f"Membre {n}", nav=nav, m=mail + body, name=name
        )
    return pages


def generate(
    root: Path, count: int, seed: int, *, deep: bool = False, calm: bool = False
) -> list[dict[str, str]]:
    """Write ``count`` sites under ``root``; return the POIs naming them.

    ``calm``: every site up and answering within 10-60 ms, for tests whose jobs must
    end soon (a hanging site holds its crawl for up to 4 download timeouts).
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible benchmark data, not secrets)
    pois = []
    for index in range(count):
        trade = rng.choice(TRADES)
        host = f"{trade}-{index:05d}.bench-farm.fr"
        pois.append({"nom": f"{trade.title()} {index}", "site_web": host})
        fault = 1.0 if calm else rng.random()
        if fault < 0.01:
            continue  # the site is down: no folder, the proxy answers 502
        folder = root / host
        person = (rng.choice(FIRST), rng.choice(LAST))
        name = f"{trade.title()} {index}"
        pages = (
            deep_pages(host, name, person, index % 3)
            if deep
            else site_pages(host, name, person)
        )
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
        config = [
            f"latency_ms = {rng.randint(10, 60) if calm else rng.randint(50, 500)}"
        ]
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
    parser.add_argument("--deep", action="store_true")
    args = parser.parse_args()
    pois = generate(args.root, args.sites, args.seed, deep=args.deep)
    (args.root / "pois.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pois))


if __name__ == "__main__":
    main()
