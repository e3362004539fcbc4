"""Open data: the same records as the pages, as JSON and CSV, built from the ``Site``;
each published contest's result, as ``sangkien judge --format json`` prints it; and the
record format's JSON Schema where its ``$id`` says it is.

JSON and CSV say the same things under the same names: ``province`` is today's province
(after the 2025 merger) and ``province_as_named`` the name the record gives; ``url`` is the
page's full address. The CSV is UTF-8 with a byte-order mark, so spreadsheet programs read
Vietnamese correctly; its list columns keep the record's order (the first domain is the
main one), joined with ``"; "``. A cell that a spreadsheet would run as a formula (it
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) starts with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from .. import urls
from ..contests import as_json as ranking_json
from ..formats import number_vi
from ..records import Record
from ..settings import SiteSettings
from ..spreadsheet import text_cell
from .feeds import feeds
from .finder import finder_files
from .jsonschema import SCHEMA_ID, SCHEMA_PATH, schema_text
from .site import Site

JSON_FILE = urls.data_file("initiatives.json")
CSV_FILE = urls.data_file("initiatives.csv")
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.vi"
JOIN = "; "


def page_url(record: Record, settings: SiteSettings) -> str:
    """The page's full address when the site's is known, else its site-relative one."""
    relative = urls.initiative(record.id).url
    return urljoin(settings.site_url, relative) if settings.site_url else relative


NO_SETTINGS = SiteSettings()  # site-relative addresses, when the site's is not known


def record_data(record: Record, settings: SiteSettings = NO_SETTINGS) -> dict[str, Any]:
    """One record as plain JSON data: the front matter plus what the generator resolved."""
    data = record.initiative.model_dump(mode="json", exclude_none=True)
    current = record.place.current
    return {
        "id": record.id,
        "url": page_url(record, settings),
        **data,
        "province": current.name,
        "province_as_named": record.initiative.province,
        "province_code": current.code,
        "province_slug": current.slug,
    }


def _metric(metric: Any) -> str:
    """``Hồ sơ trễ hạn: 6 hồ sơ (trước: 341, tính đến 2023)``: one readable cell part."""
    text = f"{metric.label}: {number_vi(metric.value)} {metric.unit}"
    extra = []
    if metric.baseline is not None:
        extra.append(f"trước: {number_vi(metric.baseline)}")
    if metric.as_of:
        extra.append(f"tính đến {metric.as_of}")
    return text + (f" ({', '.join(extra)})" if extra else "")


# The CSV's columns, in order, each with what it holds for a record: one list, so a
# column cannot be named without a value nor filled without a name.
CSV_CELLS: dict[str, Callable[[Record, SiteSettings], str]] = {
    "id": lambda r, s: r.id,
    "url": page_url,
    "title": lambda r, s: r.initiative.title,
    "title_en": lambda r, s: r.initiative.title_en or "",
    "summary": lambda r, s: r.initiative.summary,
    "summary_en": lambda r, s: r.initiative.summary_en or "",
    "province": lambda r, s: r.place.current.name,
    "province_as_named": lambda r, s: r.initiative.province,
    "province_code": lambda r, s: r.place.current.code,
    "locality": lambda r, s: r.initiative.locality or "",
    "agency": lambda r, s: r.initiative.agency,
    "level": lambda r, s: r.initiative.level,
    "domains": lambda r, s: JOIN.join(d.id for d in r.domains),
    "tags": lambda r, s: JOIN.join(r.initiative.tags),
    "status": lambda r, s: r.initiative.status,
    "started": lambda r, s: r.initiative.started,
    "ended": lambda r, s: r.initiative.ended or "",
    "metrics": lambda r, s: JOIN.join(_metric(m) for m in r.initiative.metrics),
    "recognition": lambda r, s: JOIN.join(
        f"{x.title} — {x.by}, {x.year}" for x in r.initiative.recognition
    ),
    "replicated_in": lambda r, s: JOIN.join(r.initiative.replicated_in),
    "contests": lambda r, s: JOIN.join(r.initiative.contests),
    "sources": lambda r, s: JOIN.join(x.url or x.title for x in r.initiative.sources),
    "inferred": lambda r, s: JOIN.join(r.initiative.inferred),
}
CSV_COLUMNS = tuple(CSV_CELLS)


def _csv_row(record: Record, settings: SiteSettings) -> dict[str, str]:
    """One record as CSV cells, each text, none a formula (``spreadsheet``)."""
    return {column: text_cell(cell(record, settings)) for column, cell in CSV_CELLS.items()}


def export_open_data(site: Site, settings: SiteSettings = NO_SETTINGS) -> dict[str, str]:
    records = [record_data(record, settings) for record in site.records]
    document = {
        "count": len(records),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "schema": SCHEMA_ID,
        "initiatives": records,
    }
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_csv_row(record, settings) for record in site.records)
    files = {
        JSON_FILE: json.dumps(document, ensure_ascii=False, indent=1) + "\n",
        CSV_FILE: "\ufeff" + buffer.getvalue(),
        SCHEMA_PATH: schema_text(site.vocab),  # where the schema's $id says it is
    }
    files.update(feeds(site, settings))
    files.update(finder_files(site))
    for view in site.contests:  # a contest's result only once it is published
        if view.ranking is not None:
            files[urls.contest_data(view.id)] = ranking_json(view.ranking)
    return files
