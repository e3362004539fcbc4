"""The filter page's data ("Tra cứu"): every initiative as a compact row, in chunks.

The page filters in the browser, so the data must stay light at national scale: rows are
arrays (no repeated keys), closed lists are sent once as vocabularies and rows refer to
them by position, and rows come in chunks of ``CHUNK`` so the first results show while
the rest loads. The order is the site's own: newest first. The text filter's folded
text is made in the browser from the row (title, summary, place, tags, and the ``agency``
field: the agency and the locality), not sent a second time.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from .. import urls
from ..schema import Level, Status
from .site import Site

CHUNK = 2_000
FIELDS = (
    "id",
    "title",
    "place",
    "province",
    "domains",
    "status",
    "level",
    "year",
    "tags",
    "started",
    "summary",
    "agency",
)


def finder_files(site: Site) -> dict[str, str]:
    provinces = site.vocab.places.current
    province_index = {p.slug: n for n, p in enumerate(provinces)}
    domain_index = {d: n for n, d in enumerate(site.vocab.domain_ids)}
    statuses, levels = list(get_args(Status)), list(get_args(Level))
    tags = list(site.tags)
    tag_index = {key: n for n, key in enumerate(tags)}
    rows: list[list[Any]] = []
    for record in site.newest:
        i = record.initiative
        rows.append(
            [
                record.id,
                i.title,
                record.place.label,
                province_index[record.place.current.slug],
                [domain_index[d.id] for d in record.domains],
                statuses.index(i.status),
                levels.index(i.level),
                record.year,
                [tag_index[t.slug] for t in site.tag_slugs(record)],
                i.started,
                i.summary,
                " ".join(part for part in (i.agency, i.locality) if part),
            ]
        )
    chunks = [rows[n : n + CHUNK] for n in range(0, len(rows), CHUNK)] or [[]]
    index = {
        "fields": FIELDS,
        "count": len(rows),
        "chunks": [urls.finder_chunk(n).rsplit("/", 1)[-1] for n in range(len(chunks))],
        "page": urls.initiative("ID").url.replace("ID", "{id}"),
        "provinces": [[p.slug, p.name] for p in provinces],
        "domains": [[d.id, d.short] for d in site.domains],
        "statuses": [[s, site.vocab.statuses[s].name] for s in statuses],
        "levels": [[lv, site.vocab.levels[lv].name] for lv in levels],
        "tags": [[key, site.tags[key].name] for key in tags],
    }
    files = {urls.finder_index(): _dump(index)}
    for n, chunk in enumerate(chunks):
        files[urls.finder_chunk(n)] = _dump(chunk)
    return files


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
