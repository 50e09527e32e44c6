"""Reading POI lists as upstream tools and spreadsheets write them (issue 5, Input)."""

from __future__ import annotations

import datetime as dt
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from crawler.inputs import InputError, UnsupportedFormat, read_poi_stream, read_pois

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


def workbook(*rows: tuple[object, ...]) -> bytes:
    """Return an XLSX file holding ``rows`` in its first sheet (openpyxl writes it)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def archive(member: str) -> bytes:
    """Return a zip file holding one empty ``member`` (a .docx or a broken .xlsx)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        zipped.writestr(member, "")
    return out.getvalue()


# (file name, its bytes, expected POIs): uploads as people send them (issue 9)
UPLOADS = [
    pytest.param(
        "pois.csv",
        b"nom,site_web\r\nBoulangerie Martin,boulangerie-martin.fr\r\n",
        [{"nom": "Boulangerie Martin", "site_web": "boulangerie-martin.fr"}],
        id="csv-comma",
    ),
    pytest.param(
        "pois.csv",
        "\ufeffnom;ville;site_web\nCafé Zoé;Sète;cafe-zoe.fr\n".encode(),
        [ZOE],
        id="csv-semicolon-utf8-bom",
    ),
    pytest.param(
        "pois.csv",
        "nom;ville;site_web\r\nCafé Zoé;Sète;cafe-zoe.fr\r\n".encode("cp1252"),
        [ZOE],
        id="csv-semicolon-excel-cp1252",
    ),
    pytest.param(
        "pois.json",
        json.dumps([MARTIN, ZOE]).encode(),
        [MARTIN, ZOE],
        id="json-array",
    ),
    pytest.param(
        "pois.jsonl",
        (json.dumps(MARTIN) + "\n\n" + json.dumps(ZOE) + "\n").encode(),
        [MARTIN, ZOE],
        id="json-lines",
    ),
    pytest.param(
        "pois.xlsx",
        workbook(
            ("nom", "ville", "site_web", None, "ouvert le", "note"),
            ("Boulangerie Martin", "Annecy", "boulangerie-martin.fr", "x", None, 4.5),
            (None, None, None),
            ("Café Zoé", "Sète", "cafe-zoe.fr", None, dt.date(2020, 5, 1), 4),
        ),
        [
            {**MARTIN, "ouvert le": "", "note": 4.5},
            {**ZOE, "ouvert le": "2020-05-01", "note": 4},
        ],
        id="xlsx-unnamed-column-blank-row-date",
    ),
    pytest.param(
        "export",
        workbook(("nom", "site_web"), ("Café Zoé", "cafe-zoe.fr")),
        [{"nom": "Café Zoé", "site_web": "cafe-zoe.fr"}],
        id="xlsx-sniffed-without-extension",
    ),
    pytest.param(
        "pois.csv",
        b"nom;site_web\r\nBoulangerie Martin;boulangerie-martin.fr;;Annecy\r\n",
        [
            {
                "nom": "Boulangerie Martin",
                "site_web": "boulangerie-martin.fr",
                "extra_cells": ["", "Annecy"],
            }
        ],
        id="csv-cells-past-the-header-kept",
    ),
    pytest.param("pois.csv", b"", [], id="csv-empty"),
    pytest.param("pois.csv", b"nom;site_web\r\n", [], id="csv-header-only"),
    pytest.param("pois.json", b"[]", [], id="json-empty-array"),
    pytest.param("pois.xlsx", workbook(), [], id="xlsx-empty-sheet"),
]


@pytest.mark.parametrize(("name", "data", "expected"), UPLOADS)
def test_read_an_upload(name, data, expected):
    pois = list(read_poi_stream(io.BytesIO(data), name))
    assert pois == expected
    assert [list(p) for p in pois] == [list(p) for p in expected]  # key order kept


# (file name, its bytes, the error, what its message says)
BAD_UPLOADS = [
    pytest.param(
        "pois.pdf", b"%PDF-1.7\n\x00\x01", UnsupportedFormat, "not a CSV", id="pdf"
    ),
    pytest.param(
        "pois.docx",
        archive("word/document.xml"),
        UnsupportedFormat,
        "not a CSV",
        id="docx",
    ),
    pytest.param(
        "pois.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
        UnsupportedFormat,
        "not a CSV",
        id="old-excel-xls",
    ),
    pytest.param(
        "pois.xlsx",
        b"nom,site_web\n",
        InputError,
        "not a readable XLSX",
        id="csv-named-xlsx",
    ),
    pytest.param(
        "pois.xlsx",
        archive("nothing.txt"),
        InputError,
        "not a readable XLSX",
        id="zip-without-workbook",
    ),
    pytest.param(
        "pois.csv",
        b"nom;site_web\n\x81\x8d;x.fr\n",
        InputError,
        "not a readable CSV",
        id="csv-neither-utf8-nor-cp1252",
    ),
    pytest.param(
        "pois.jsonl",
        b'{"nom": "caf\xe9"}\n',
        InputError,
        "not UTF-8",
        id="json-lines-latin1",
    ),
    pytest.param(
        "pois.json", b'[{"nom": ', InputError, "not a valid JSON", id="json-cut"
    ),
]


@pytest.mark.parametrize(("name", "data", "error", "message"), BAD_UPLOADS)
def test_bad_uploads_say_why(name, data, error, message):
    with pytest.raises(error, match=message) as raised:
        list(read_poi_stream(io.BytesIO(data), name))
    assert str(raised.value).startswith(f"{name}: ")
