"""Reading POI lists as upstream tools and spreadsheets write them (issue 5, Input)."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from crawler.inputs import InputError, read_pois

INPUTS = Path(__file__).parents[1] / "data" / "inputs"
MARTIN = {
    "nom": "Boulangerie Martin",
    "ville": "Annecy",
    "site_web": "boulangerie-martin.fr",
}
ZOE = {"nom": "Café Zoé", "ville": "Sète", "site_web": "cafe-zoe.fr"}

# (file, expected POIs)
FILES = [
    pytest.param(
        "pois.json",
        [
            {
                "nom": "Boulangerie Martin",
                "site_web": "boulangerie-martin.fr",
                "lat": 45.899247,
                "siret": 12345678901234567890,
                "note": 4.0,
                "tags": ["pain", "bio"],
                "ouvert": True,
                "tel": None,
            },
            {"nom": "Café Zoé", "site_web": ""},
        ],
        id="json-array-values-untouched",
    ),
    pytest.param(
        "pois-bom.jsonl",
        [
            {"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"},
            {"nom": "Café Zoé", "website": "cafe-zoe.fr"},
        ],
        id="json-lines-bom-blank-line",
    ),
    pytest.param(
        "pois-excel-cp1252.csv", [MARTIN, ZOE], id="csv-excel-semicolon-cp1252"
    ),
    pytest.param(
        "pois-utf8-bom-comma.csv",
        [
            {**MARTIN, "adresse, complète": "12 rue Sainte-Claire, Annecy"},
            {**ZOE, "adresse, complète": "1 quai, Sète"},
        ],
        id="csv-utf8-bom-comma-quoted",
    ),
]


@pytest.mark.parametrize(("name", "expected"), FILES)
def test_read(name, expected):
    pois = list(read_pois(INPUTS / name))
    assert pois == expected
    assert [list(p) for p in pois] == [list(p) for p in expected]  # key order kept


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(
            "broken.json", "not a valid JSON array of objects", id="broken-json"
        ),
        pytest.param("broken.jsonl", "line 2: not JSON", id="broken-json-lines"),
        pytest.param(
            "not-objects.json", "item 1 is not an object", id="array-of-strings"
        ),
        pytest.param("missing.csv", "no such file", id="missing-file"),
    ],
)
def test_bad_files_say_where_and_why(name, message):
    with pytest.raises(InputError, match=message):
        list(read_pois(INPUTS / name))


def test_format_is_sniffed_without_a_known_extension(tmp_path):
    source = tmp_path / "export.dat"
    source.write_text(json.dumps([MARTIN]), encoding="utf-8")
    assert list(read_pois(source)) == [MARTIN]


def test_a_big_json_array_is_read_one_item_at_a_time(tmp_path):
    """10,000 POIs (~1.6 MB of JSON): reading them must not hold the file twice."""
    source = tmp_path / "big.json"
    poi = {**MARTIN, "description": "x" * 100}
    source.write_text(json.dumps([poi] * 10_000), encoding="utf-8")
    size = source.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in read_pois(source))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 10_000
    assert peak < size / 4, f"peak {peak} bytes for a {size}-byte file"
