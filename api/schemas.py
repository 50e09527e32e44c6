"""The job API's request and response schemas: the OpenAPI document is made of them."""

from __future__ import annotations

from apiflask import Schema
from apiflask.fields import URL, Dict, Float, Integer, List, String
from apiflask.validators import Length, OneOf, Range

MAX_ITEMS = 10_000  # the seeds' limit of POIs per job
FINAL = ("done", "error", "cancelled")


class SocialsIn(Schema):
    items = List(Dict(), validate=Length(1, MAX_ITEMS))  # omitted: the parent's rows
    source_job_id = String(validate=Length(1, 200))
    webhook_url = URL(require_tld=False, schemes={"http", "https"})
    external_id = String(validate=Length(1, 200))


class EmailsIn(SocialsIn):
    mode = String(load_default="normal")


class CreateHeaders(Schema):
    # a client that repeats a creation (a retry after a timeout) gets the first job
    idempotency_key = String(data_key="Idempotency-Key", validate=Length(1, 255))


class JobOut(Schema):
    id = String()
    job_type = String()
    status = String()
    mode = String(allow_none=True)
    items_count = Integer()
    sites_total = Integer()
    sites_done = Integer()
    ef_cost = Float()
    source_job_id = String(allow_none=True)
    external_id = String(allow_none=True)
    error = String(allow_none=True)
    created_at = String()
    started_at = String(allow_none=True)
    finished_at = String(allow_none=True)


class JobDetail(JobOut):
    found = Integer()
    ef_cost_billed = Float()
    item_statuses = Dict(keys=String(), values=Integer())
    webhook_attempts = List(Dict())


class JobList(Schema):
    jobs = List(Dict())
    page = Integer()
    per_page = Integer()
    total = Integer()


class JobQuery(Schema):
    page = Integer(load_default=1, validate=Range(1, 1_000_000))
    per_page = Integer(load_default=20, validate=Range(1, 100))
    job_type = String(validate=OneOf(("emails", "socials")))
    status = String(validate=OneOf(("pending", "running", *FINAL)))


class ResultsQuery(Schema):
    format = String(load_default="json", validate=OneOf(("json", "csv", "xlsx")))
    sep = String(load_default=",", validate=OneOf((",", ";")))
