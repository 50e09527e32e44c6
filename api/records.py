"""A job's record as the routes see it: the caller's own, its public fields, its end."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update

from api.auth import caller
from api.db import db
from api.errors import ApiError
from api.schemas import JobOut
from crawler.jobstore import job_events, jobs, now


def owned(job_id: str) -> Any:
    """Return the caller's job; 404 for a job that does not exist or is another's."""
    job = db.session.execute(
        select(jobs).where(jobs.c.id == job_id, jobs.c.account_id == caller().id)
    ).first()
    if job is None:
        raise ApiError(404, "not_found", f"Job introuvable : {job_id}")
    return job


def end(job_id: str, status: str, error: str | None) -> bool:
    """End a job that has not ended yet, with its final event; tell whether it did."""
    ended = db.session.execute(
        update(jobs)
        .where(jobs.c.id == job_id, jobs.c.status.in_(("pending", "running")))
        .values(status=status, error=error, finished_at=now())
        .returning(jobs.c.id)
    ).first()
    if ended is None:
        db.session.rollback()
        return False
    db.session.execute(
        job_events.insert().values(
            job_id=job_id,
            kind="error" if status == "error" else status,
            data={"status": status, "error": error},
            created_at=now(),
        )
    )
    db.session.commit()
    return True


def public(job: Any) -> dict[str, Any]:
    data = {column: getattr(job, column) for column in JobOut().fields}
    for stamp in ("created_at", "started_at", "finished_at"):
        if data[stamp] is not None:  # SQLite keeps no time zone: they are UTC
            stamped = data[stamp]
            if stamped.tzinfo is None:
                stamped = stamped.replace(tzinfo=dt.UTC)
            data[stamp] = stamped.astimezone(dt.UTC).isoformat()
    return data
