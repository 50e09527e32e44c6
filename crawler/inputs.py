"""Read POI lists lazily: a JSON array, JSON Lines, or CSV as spreadsheets export it.

Every key of every POI is kept, untouched and in order. A 10,000-line list is never
whole in memory: items are read one at a time (ijson for the JSON array).
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import ijson

Poi = dict[str, Any]
_CHUNK = 1 << 16
_JSON_LINES = (".jsonl", ".jl", ".ndjson")


class InputError(ValueError):
    """The file cannot be read as a list of POIs; the message says where and why."""


def read_pois(path: str | Path) -> Iterator[Poi]:
    """Yield each POI of the file at ``path``: JSON array, JSON Lines or CSV.

    The format comes from the extension, else from the first character.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    kind = _kind(path)
    if kind == "csv":
        yield from _read_csv(path)
    elif kind == "json":
        yield from _read_json_array(path)
    else:
        yield from _read_json_lines(path)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in _JSON_LINES:
        return "jsonl"
    with path.open("rb") as handle:
        start = handle.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"["):
        return "json"
    return "jsonl" if start.startswith(b"{") else "csv"


def _read_json_array(path: Path) -> Iterator[Poi]:
    with path.open("rb") as handle:
        try:
            for index, item in enumerate(ijson.items(_skip_bom(handle), "item")):
                if not isinstance(item, dict):
                    raise InputError(f"{path}: item {index + 1} is not an object")
                yield _plain(item)
        except ijson.JSONError as error:
            raise InputError(
                f"{path}: not a valid JSON array of objects: {error}"
            ) from None


def _read_json_lines(path: Path) -> Iterator[Poi]:
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}: line {number}: not JSON ({error})") from None
            if not isinstance(item, dict):
                raise InputError(f"{path}: line {number}: not a JSON object")
            yield item


def _read_csv(path: Path) -> Iterator[Poi]:
    encoding = _csv_encoding(path)
    with path.open(encoding=encoding, newline="") as handle:
        header = handle.readline()
    delimiter = max(";,\t", key=header.count)  # Excel in France writes ";"
    with path.open(encoding=encoding, newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes, else Windows-1252.

    Excel writes "CSV" in the machine's ANSI code page: cp1252 in Western Europe, a
    superset of Latin-1. The file is checked in chunks, never read whole.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


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
