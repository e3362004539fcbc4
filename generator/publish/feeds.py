"""Atom feeds: the newest initiatives, for the whole country and for each province.

Feed readers and news aggregators follow them without any script on the site. Dates are
the content's own (the newest date a record cites), so the same records give the same
feed on any machine and any day. Addresses are absolute (``site_url``), as Atom requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from .. import urls
from ..places import Province
from ..records import Record
from ..settings import SiteSettings
from .site import Site

NEWEST = 30  # entries per feed: a feed is news, the site is the archive
# A feed's title is what a feed reader names the subscription, and what a page's
# <link rel="alternate"> offers: pages take it from here (render.py).
FEED_TITLE = "Sáng kiến cải cách hành chính mới nhất"


def province_feed_title(province: Province) -> str:
    return f"Sáng kiến cải cách hành chính — {province.full_name}"


def record_date(record: Record) -> str:
    """The newest date a record cites, as Atom's date-time (a partial date's first day)."""
    dates = [record.initiative.started, *(s.date for s in record.initiative.sources)]
    year, month, day = [*max(dates).split("-"), "01", "01"][:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def atom(
    title: str, feed_path: str, page_url: str, records: Sequence[Record], settings: SiteSettings
) -> str:
    base = settings.site_url or "https://example.invalid/"
    self_url = urljoin(base, feed_path)
    entries = sorted(records, key=lambda r: (record_date(r), r.id), reverse=True)[:NEWEST]
    updated = max((record_date(r) for r in entries), default="2025-07-01T00:00:00Z")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(self_url)}</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(urljoin(base, page_url))}/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>Sáng kiến cải cách hành chính</name></author>",
    ]
    for record in entries:
        i = record.initiative
        url = urljoin(base, urls.initiative(record.id).url)
        lines += [
            "  <entry>",
            f"    <title>{escape(i.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <updated>{record_date(record)}</updated>",
            f"    <author><name>{escape(i.agency)}</name></author>",
            f"    <summary>{escape(i.summary)}</summary>",
            *(
                f"    <category term={quoteattr(d.id)} label={quoteattr(d.name)}/>"
                for d in record.domains
            ),
            "  </entry>",
        ]
    return "\n".join([*lines, "</feed>"]) + "\n"


def feeds(site: Site, settings: SiteSettings) -> dict[str, str]:
    files = {
        urls.feed(): atom(
            FEED_TITLE,
            urls.feed(),
            urls.HOME.url,
            site.newest,
            settings,
        )
    }
    for province in site.provinces_with_records:
        path = urls.province_feed(province.slug)
        files[path] = atom(
            province_feed_title(province),
            path,
            urls.province(province.slug).url,
            site.by_province[province.slug],
            settings,
        )
    return files
