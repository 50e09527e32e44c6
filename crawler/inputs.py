"""Read POI lists lazily: JSON Lines, a JSON array, or CSV (``,``/``;``, UTF-8 BOM)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Poi = dict[str, Any]


def read_pois(path: str | Path) -> Iterator[Poi]:
    """Yield each POI of the file at ``path``, keys in their original order."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a JSON array of objects")
        yield from (poi for poi in data if isinstance(poi, dict))
    else:
        with path.open(encoding="utf-8-sig") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def _read_csv(path: Path) -> Iterator[Poi]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        yield from csv.DictReader(handle, delimiter=delimiter)
