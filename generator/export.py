"""Open data: the same records as the pages, as JSON and CSV, built from the ``Site``;
and each published contest's result, as ``sangkien judge --format json`` prints it.

List columns of the CSV (``domains``, ``tags``, ``sources``) keep the order the record
gives, joined with ``;``: the first domain is the initiative's main one.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import urls
from .contests.report import as_json as ranking_json
from .records import Record
from .site import Site

CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "title_en",
    "summary",
    "province",
    "province_as_named",
    "province_code",
    "locality",
    "agency",
    "level",
    "domains",
    "tags",
    "status",
    "started",
    "ended",
    "sources",
    "inferred",
)


def record_data(record: Record) -> dict[str, Any]:
    """One record as plain JSON data: the front matter plus what the generator resolved."""
    data = record.initiative.model_dump(mode="json", exclude_none=True)
    current = record.place.current
    return {
        "id": record.id,
        "url": urls.initiative(record.id).url,
        **data,
        "province_current": {"code": current.code, "slug": current.slug, "name": current.name},
        "province_former": record.place.former.name if record.place.former else None,
    }


def _csv_row(record: Record) -> dict[str, str]:
    i = record.initiative
    return {
        "id": record.id,
        "url": urls.initiative(record.id).url,
        "title": i.title,
        "title_en": i.title_en or "",
        "summary": i.summary,
        "province": record.place.current.name,
        "province_as_named": i.province,
        "province_code": record.place.current.code,
        "locality": i.locality or "",
        "agency": i.agency,
        "level": i.level,
        "domains": ";".join(d.id for d in record.domains),
        "tags": ";".join(i.tags),
        "status": i.status,
        "started": i.started,
        "ended": i.ended or "",
        "sources": ";".join(s.url or s.title for s in i.sources),
        "inferred": ";".join(i.inferred),
    }


def export_open_data(site: Site) -> dict[str, str]:
    records = [record_data(record) for record in site.records]
    as_json = json.dumps(
        {"count": len(records), "initiatives": records}, ensure_ascii=False, indent=1
    )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_csv_row(record) for record in site.records)
    files = {
        urls.data_file("initiatives.json"): as_json + "\n",
        urls.data_file("initiatives.csv"): buffer.getvalue(),
    }
    for view in site.contests:  # a contest's result only once it is published
        if view.ranking is not None:
            files[urls.contest_data(view.id)] = ranking_json(view.ranking)
    return files
