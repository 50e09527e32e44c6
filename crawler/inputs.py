"""Read POI lists lazily: a JSON array, JSON Lines, CSV as spreadsheets export it, XLSX.

Every key of every POI is kept, untouched and in order. A 10,000-line list is never
whole in memory: items are read one at a time (ijson for the JSON array, openpyxl's
read-only mode for workbooks). Files come from a path (the spiders) or as an open
binary stream (an upload to the API's ``/api/lists``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

import ijson

Poi = dict[str, Any]
_CHUNK = 1 << 16
_CSV = (".csv", ".tsv", ".txt")
_JSON_LINES = (".jsonl", ".jl", ".ndjson")
_XLSX = (".xlsx", ".xlsm")
_ZIP = b"PK\x03\x04"  # an XLSX workbook is a zip archive


EXTRA_CELLS = "extra_cells"  # a CSV row's cells beyond its header's columns


class InputError(ValueError):
    """The file cannot be read as a list of POIs; the message says where and why."""


class UnsupportedFormat(InputError):
    """The file is none of the formats read here (a PDF, an old .xls, an image...)."""


def read_pois(path: str | Path) -> Iterator[Poi]:
    """Yield each POI of the file at ``path``: JSON array, JSON Lines, CSV or XLSX.

    The format comes from the extension, else from the first bytes.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open("rb") as handle:
        yield from read_poi_stream(handle, str(path))


def read_poi_stream(handle: IO[bytes], name: str) -> Iterator[Poi]:
    """Yield each POI of an open, seekable binary file called ``name``.

    ``name`` gives the extension and prefixes error messages; the caller closes
    ``handle``.
    """
    readers: dict[str, Callable[[IO[bytes], str], Iterator[Poi]]] = {
        "csv": _read_csv,
        "json": _read_json_array,
        "jsonl": _read_json_lines,
        "xlsx": _read_xlsx,
    }
    start = handle.read(1024)
    handle.seek(0)
    yield from readers[_kind(start, Path(name).suffix.lower(), name)](handle, name)


def _kind(start: bytes, suffix: str, name: str) -> str:
    """Tell the format from the extension, checked against the first bytes.

    >>> _kind(b"nom;site_web", ".csv", "pois.csv"), _kind(b' [{"nom"', "", "export")
    ('csv', 'json')
    """
    if start.startswith(_ZIP) and suffix in ("", *_XLSX):
        return "xlsx"
    if suffix in _XLSX:
        raise InputError(f"{name}: not a readable XLSX workbook")
    if start.startswith(_ZIP) or b"\x00" in start:  # a .docx, an .xls, an image...
        raise UnsupportedFormat(f"{name}: not a CSV, XLSX or JSON file")
    if suffix in _CSV:
        return "csv"
    if suffix in _JSON_LINES:
        return "jsonl"
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return "json"
    return "jsonl" if text.startswith(b"{") else "csv"


def _read_json_array(handle: IO[bytes], name: str) -> Iterator[Poi]:
    try:
        for index, item in enumerate(ijson.items(_skip_bom(handle), "item")):
            if not isinstance(item, dict):
                raise InputError(f"{name}: item {index + 1} is not an object")
            yield _plain(item)
    except ijson.JSONError as error:
        raise InputError(
            f"{name}: not a valid JSON array of objects: {error}"
        ) from None


def _read_json_lines(handle: IO[bytes], name: str) -> Iterator[Poi]:
    lines = io.TextIOWrapper(handle, encoding="utf-8-sig")
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{name}: line {number}: not JSON ({error})") from None
            if not isinstance(item, dict):
                raise InputError(f"{name}: line {number}: not a JSON object")
            yield item
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    finally:
        lines.detach()  # the caller's handle stays open


def _read_csv(handle: IO[bytes], name: str) -> Iterator[Poi]:
    text = io.TextIOWrapper(handle, encoding=_csv_encoding(handle), newline="")
    try:
        header = text.readline()
        delimiter = max(";,\t", key=header.count)  # Excel in France writes ";"
        text.seek(0)
        # cells past the header's last column (a stray separator) are kept, not lost
        yield from csv.DictReader(text, delimiter=delimiter, restkey=EXTRA_CELLS)
    except (UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{name}: not a readable CSV file ({error})") from None
    finally:
        text.detach()


def _csv_encoding(handle: IO[bytes]) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes, else Windows-1252.

    Excel writes "CSV" in the machine's ANSI code page: cp1252 in Western Europe, a
    superset of Latin-1. The file is checked in chunks, never read whole.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        handle.seek(0)
    return "utf-8-sig"


# What a damaged workbook makes openpyxl raise: a bad zip, a missing or broken part.
_BROKEN_WORKBOOK = (zipfile.BadZipFile, KeyError, ValueError, TypeError, ParseError)


def _read_xlsx(handle: IO[bytes], name: str) -> Iterator[Poi]:
    """Yield the first sheet's rows, its first row naming the columns.

    Columns without a name and blank rows are left out; empty cells read as "" (as
    in a CSV), dates as ISO 8601 text (POIs travel as JSON).
    """
    from openpyxl import load_workbook  # only workbooks pay for the import

    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except _BROKEN_WORKBOOK as error:
        raise InputError(f"{name}: not a readable XLSX workbook ({error})") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        names = [str(_cell(value)) for value in next(rows, ())]
        for values in rows:
            if all(value in (None, "") for value in values):
                continue
            cells = (*values, *[None] * (len(names) - len(values)))
            # cells past the last named column are left out, as unnamed ones are
            pairs = zip(names, cells, strict=False)
            yield {key: _cell(value) for key, value in pairs if key != ""}
    except _BROKEN_WORKBOOK as error:
        raise InputError(f"{name}: not a readable XLSX workbook ({error})") from None
    finally:
        book.close()


def _cell(value: object) -> Any:
    """Return a workbook cell as a POI value (JSON's types).

    >>> _cell(None), _cell(3), _cell(dt.datetime(2026, 11, 24, 0, 0))
    ('', 3, '2026-11-24')
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()  # Excel keeps a date as a datetime at 0:00
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _skip_bom(handle: IO[bytes]) -> IO[bytes]:
    if handle.read(3) != b"\xef\xbb\xbf":
        handle.seek(0)
    return handle


def _plain(value: Any) -> Any:
    """Turn ijson's Decimals back into the ints and floats ``json`` would give."""
    if isinstance(
        value, Decimal
    ):  # 3 -> int; 3.0, 45.89, 1e5 -> float, as json reads them
        return int(value) if value.as_tuple().exponent == 0 else float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
