"""The API's database handle, over the tables crawl processes share (jobstore)."""

from __future__ import annotations

from flask_sqlalchemy import SQLAlchemy

from crawler.jobstore import metadata

db = SQLAlchemy(metadata=metadata)
