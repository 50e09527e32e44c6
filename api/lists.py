"""``/api/lists``: read an uploaded list and say what a job on it would do and cost.

The web page (docs/web.md) sends the file here, shows the preview, then creates the
job with the items this returns: the file is parsed on the server, by the same reader
as the spiders' (``crawler.inputs``), and its websites judged by the same rules as at
job creation (``crawler.sites``).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Dict, File, Float, Integer, List, String
from flask import current_app

from api.auth import auth
from api.creation import NO_ELIGIBLE_ITEMS
from api.errors import ApiError
from api.exports import columns_of
from api.schemas import MAX_ITEMS
from crawler.inputs import InputError, UnsupportedFormat, read_poi_stream
from crawler.sites import SITE_KEYS, Site, normalise_site, site_web, website_column

blueprint = APIBlueprint("lists", __name__, url_prefix="/api/lists")

PREVIEW_ROWS = 10
NO_WEBSITE_COLUMN = (
    f"Aucune colonne de site web : nommez-la {SITE_KEYS[0]} "
    f"(ou {', '.join(SITE_KEYS[1:])})"
)


class ListIn(Schema):
    file = File(required=True)  # type: ignore[no-untyped-call]  # flask-marshmallow's


class ListOut(Schema):
    items = List(Dict())
    columns = List(String())
    preview = List(Dict())
    count = Integer()
    eligible = Integer()
    estimate = Dict(keys=String(), values=Float())


@blueprint.post("")
@blueprint.doc(responses=[400, 401, 403])
@blueprint.auth_required(auth)
@blueprint.input(ListIn, location="files", arg_name="upload")
@blueprint.output(ListOut)
def read_list(upload: dict[str, Any]) -> dict[str, Any]:
    """Read a CSV, XLSX or JSON list of POIs; return them with a preview and costs.

    ``eligible`` counts the POIs with a usable website; ``estimate`` is in EF per
    module (deep mode: at most, as it only crawls what a normal run left empty).
    """
    upload_file = upload["file"]
    name = upload_file.filename or "upload"
    try:
        items = list(islice(read_poi_stream(upload_file.stream, name), MAX_ITEMS + 1))
    except UnsupportedFormat:
        raise ApiError(
            400, "unsupported_file", "Format non reconnu : envoyez un CSV, XLSX ou JSON"
        ) from None
    except InputError as error:
        raise ApiError(400, "unreadable_file", f"Fichier illisible : {error}") from None
    if not items:
        raise ApiError(400, "empty_file", "Le fichier ne contient aucune ligne")
    if len(items) > MAX_ITEMS:
        raise ApiError(
            400, "too_many_items", f"Plus de {MAX_ITEMS} lignes : découpez la liste"
        )
    columns = columns_of(items)
    if website_column(columns) is None:
        raise ApiError(400, "no_website_column", NO_WEBSITE_COLUMN)
    eligible = sum(isinstance(normalise_site(site_web(poi)), Site) for poi in items)
    if not eligible:
        raise ApiError(400, "no_eligible_items", NO_ELIGIBLE_ITEMS)
    prices = current_app.config["PRICES"]
    return {
        "items": items,
        "columns": columns,
        "preview": items[:PREVIEW_ROWS],
        "count": len(items),
        "eligible": eligible,
        "estimate": {
            "emails_normal": round(prices[("emails", "normal")] * eligible, 6),
            "emails_deep": round(prices[("emails", "deep")] * eligible, 6),
            "socials": round(prices[("socials", None)] * eligible, 6),
        },
    }
