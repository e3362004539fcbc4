"""Check initiative sources, one by one and across the collection.

One pass: the model judges the front matter once (``front.read_front``) and the rules
across fields read its verdict, so a file with a wrong value in one field still gets its
other fields checked (one run reports every problem) and no value is reported twice.
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import urls
from ..body.safety import scan_body
from ..body.shape import body_shape
from ..issues import Issue, Severity, make_issue
from ..layout import CONTENT_DIR
from ..load.repopaths import (
    IMAGE_SUFFIXES,
    folders_under_top,
    image_path_suggestion,
    is_name,
    is_vector,
    link_on_the_way,
    suggest,
)
from ..load.sources import Source
from ..messages import Term, close_matches, did_you_mean, phrase
from ..places import MERGER_DATE, Locality, PlaceRef, Province
from ..records import Record
from ..schema import (
    LINE_LENGTH,
    MANY,
    NAME_LENGTH,
    REPLICAS,
    date_period,
)
from ..text import compact, slug
from ..vocab import Vocabulary
from .duplicates import Titled, likely_duplicates
from .evidence import check_evidence
from .front import Front, listed, province_of, read_front, written
from .model_errors import use_id

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SUFFIXES = ", ".join(IMAGE_SUFFIXES)
WARNING = Severity.WARNING
MERGER_DAY = datetime.date.fromisoformat(MERGER_DATE)


def validate_all(
    sources: list[Source], vocab: Vocabulary, root: Path, only: set[Path] | None = None
) -> tuple[list[Record], list[Issue]]:
    """Every source (or those in ``only``) on its own, then across the whole collection.

    ``only`` keeps a check of a few changed files fast: the others are read for the
    cross-record rules (colliding ids, same titles) but not validated one by one.
    """
    records: list[Record] = []
    issues: list[Issue] = []
    places: dict[str, PlaceRef | None] = {}  # resolved once, for the rules across records
    ids = {source.stem for source in sources}  # a suggested new name must not collide
    for source in sources:
        if only is not None and source.path not in only:
            continue
        front = read_front(source, vocab)
        places[source.relpath] = front.place
        record, found = check_front(front, vocab, root, ids)
        issues += found
        if record is not None:
            records.append(record)
    issues += check_collection(sources, vocab, only, places)
    return records, issues


def validate_source(
    source: Source, vocab: Vocabulary, root: Path, ids: Collection[str] = ()
) -> tuple[Record | None, list[Issue]]:
    """One source on its own: the record it makes, if valid, and every finding."""
    return check_front(read_front(source, vocab), vocab, root, ids)


def check_front(
    front: Front, vocab: Vocabulary, root: Path, ids: Collection[str] = ()
) -> tuple[Record | None, list[Issue]]:
    """The model's findings, then the rules across fields, fed with the model's result."""
    source, model, place = front.source, front.model, front.place
    issues = list(front.issues)
    issues += _check_id(source, ids, vocab)
    issues += _check_province(front, vocab)
    issues += _check_folders(source, moved=any(i.code == "wrong-folder" for i in issues))
    issues += _check_domains(front, vocab)
    issues += _check_tags(front)
    issues += _repeats(front, "contests")
    issues += _check_dates(front)
    issues += _check_body(source, root)
    issues += _check_images(source, root)
    issues += _warnings(front)
    issues += check_evidence(front)
    if model is None or place is None or any(i.is_error for i in issues):
        return None, issues
    record = Record(
        id=source.stem,
        relpath=source.relpath,
        initiative=model,
        place=place,
        domains=tuple(vocab.domains[d] for d in model.domains),
        body=source.body,
        positions=source.values,
    )
    return record, issues


def _issue(source: Source, code: str, path: tuple[Any, ...], field: str, **params: Any) -> Issue:
    line, column = source.position(path)
    severity = params.pop("severity", Severity.ERROR)
    return make_issue(code, source.relpath, line, column, field, severity, **params)


def _fits(value: object, limit: int) -> bool:
    """A text within its length limit, to be checked for what it means."""
    return isinstance(value, str) and len(value.strip()) <= limit


def _check_id(source: Source, ids: Collection[str], vocab: Vocabulary) -> Iterator[Issue]:
    if not ID_PATTERN.fullmatch(source.stem):
        suggestion = suggest(source.stem, ids, fallback="ten-sang-kien")
        yield make_issue(
            "bad-id", source.relpath, 1, 1, "id", value=source.stem, suggestion=suggestion
        )
    elif source.stem in urls.RESERVED_SLUGS:
        url = urls.initiative(source.stem).url
        yield make_issue("reserved-slug", source.relpath, 1, 1, "id", value=source.stem, url=url)
    elif (place := vocab.places.resolve(source.stem)) is not None:
        # ``replicated_in`` names records and provinces alike: an id that reads as a
        # province would take over every other record's mention of that province.
        name = (place.former or place.current).name
        yield make_issue("id-is-place", source.relpath, 1, 1, "id", value=source.stem, place=name)


def _check_folders(source: Source, moved: bool) -> Iterator[Issue]:
    """Folder names under ``initiatives/`` are part of the record's edit link: ids only.

    ``moved``: the province folder is already reported (``wrong-folder``), once is enough.
    """
    for index, name in enumerate(folders_under_top(source.relpath)):
        if not is_name(name) and not (index == 0 and moved):
            suggestion = suggest(name)
            yield make_issue(
                "bad-folder-name", source.relpath, 1, 1, "file", value=name, suggestion=suggestion
            )


def _check_tags(front: Front) -> Iterator[Issue]:
    """A tag becomes a page ``the/<slug>/``: it needs a slug, and not one the site uses."""
    source = front.source
    for index, name in front.strings("tags", MANY):
        key, field = slug(name), f"tags[{index}]"
        if not key:
            yield _issue(source, "tag-without-letters", ("tags", index), field, value=name)
        elif key in urls.RESERVED_SLUGS:
            url = urls.tag(key).url
            yield _issue(source, "reserved-slug", ("tags", index), field, value=name, url=url)


def _repeats(front: Front, key: str) -> Iterator[Issue]:
    """An item listed twice where each may be listed once: a record that entered a contest
    twice was ranked twice, taking two places and pushing a rival out of the prizes."""
    seen: set[str] = set()
    for index, value in front.strings(key, MANY):
        if value in seen:
            path, field = (key, index), f"{key}[{index}]"
            yield _issue(front.source, "duplicate-item", path, field, value=value)
        seen.add(value)


def _check_province(front: Front, vocab: Vocabulary) -> Iterator[Issue]:
    source, place, name = front.source, front.place, front.text("province")
    if name is None:
        return
    if place is None:
        locality = vocab.places.locality(name)
        if locality is not None:
            params = _locality_params(locality)
            yield _issue(
                source, "province-is-locality", ("province",), "province", value=name, **params
            )
            return
        hint = did_you_mean(vocab.places.suggest(name))
        yield _issue(source, "unknown-province", ("province",), "province", value=name, hint=hint)
        return
    started = front.date("started")
    if place.former is not None and started is not None and _after_merger(started):
        yield _issue(
            source,
            "former-province-after-merger",
            ("province",),
            "province",
            former=place.former.name,
            current=place.current.name,
            started=started,
            severity=WARNING,
        )
    yield from _check_folder(source, place.current)


def _locality_params(locality: Locality) -> dict[str, object]:
    """What the messages say of a district or ward written where a province belongs."""
    then, now = locality.then, locality.now
    return {
        "kind": Term(locality.kind, locality.kind_en),
        "then": then.full_name[:1].lower() + then.full_name[1:],  # "tỉnh Đắk Lắk"
        "province": then.name,
        "now": phrase("now-part-of", name=now.name) if then.name != now.name else "",
        "locality": locality.label,
    }


def _check_domains(front: Front, vocab: Vocabulary) -> Iterator[Issue]:
    source, seen = front.source, set[str]()
    for index, value in front.strings("domains", MANY):  # 4 are still told
        field = f"domains[{index}]"
        if value in seen:
            yield _issue(source, "duplicate-item", ("domains", index), field, value=value)
        elif value not in vocab.domains:
            found = use_id("domains", value, vocab)  # by meaning: "Chính phủ số", "digital"
            if found is not None:
                yield _issue(source, "use-id", ("domains", index), field, **found)
                seen.add(value)
                continue
            yield _issue(
                source,
                "unknown-domain",
                ("domains", index),
                field,
                value=value,
                hint=did_you_mean(close_matches(value, vocab.domain_ids)),
                choices=", ".join(vocab.domain_ids),
            )
        seen.add(value)


def _check_dates(front: Front) -> Iterator[Issue]:
    """Checks across date fields, on valid dates only: bad ones are the model's to report."""
    source, started, ended = front.source, front.date("started"), front.date("ended")
    if started is None:
        return
    if ended is not None and date_period(ended)[1] < date_period(started)[0]:
        # periods, not points: "2024" is not before "2024-05", and a one-day initiative is fine
        yield _issue(
            source, "ended-before-started", ("ended",), "ended", ended=ended, started=started
        )
    if date_period(started)[0] > datetime.date.today():
        yield _issue(source, "started-in-future", ("started",), "started", started=started)
    if front.text("level") == "district" and _after_merger(started):
        yield _issue(source, "district-after-merger", ("level",), "level", started=started)


def _after_merger(started: str) -> bool:
    """Whether a start date lies wholly on or after 1 July 2025: ``2025-07`` does, ``2025`` not."""
    return date_period(started)[0] >= MERGER_DAY


MAX_BODY_FINDINGS = 20  # per body; a body with thousands is to be rewritten, not listed


def _check_body(source: Source, root: Path) -> list[Issue]:
    """What the parsers could not read in linear time, the raw HTML and links the page would
    not show as written, and the images it shows; the first ``MAX_BODY_FINDINGS`` of them,
    and how many more (each is only put into words if it is shown)."""
    body = source.body
    shape = body_shape(body)
    found: list[tuple[int, str, dict[str, object]]] = [
        (problem.offset, problem.code, problem.params) for problem in shape
    ]
    if not any(problem.code == "body-too-long" for problem in shape):  # else read once it fits
        scan = scan_body(body)
        found += ((f.offset, "unsafe-html", {"what": f.what}) for f in scan.findings)
        for offset, src in scan.images:
            problem = _image_problem(source, src, root)
            if problem is not None:
                code, values = problem
                found.append((offset, code, {"value": src, **values}))
    found.sort(key=lambda item: item[0])
    locate = _body_locator(source)
    issues = []
    for offset, code, params in found[:MAX_BODY_FINDINGS]:
        line, column = locate(offset)
        issues.append(
            make_issue(code, source.relpath, line, column, "body", Severity.ERROR, **params)
        )
    if len(found) > MAX_BODY_FINDINGS:
        line, column = locate(found[MAX_BODY_FINDINGS][0])
        count = len(found) - MAX_BODY_FINDINGS
        issues.append(make_issue("more-in-body", source.relpath, line, column, "body", count=count))
    return issues


def _body_locator(source: Source) -> Callable[[int], tuple[int, int]]:
    """Line and column in the file of a character of the body, by its offset."""
    starts = [0] + [match.end() for match in re.finditer("\n", source.body)]

    def locate(offset: int) -> tuple[int, int]:
        index = bisect_right(starts, offset) - 1
        return source.body_line + index, offset - starts[index] + 1

    return locate


def _image_problem(source: Source, src: str, root: Path) -> tuple[str, dict[str, str]] | None:
    """Why an image path of the record cannot be published: a message code, its values.

    The path is followed by name (``..`` included), never through a link, so what is
    checked is what would be published.
    """
    if is_vector(src):
        return "image-svg", {}
    target = Path(os.path.normpath(source.path.parent / src))
    if not target.is_relative_to(root) or Path(src).is_absolute():
        return "image-outside", {}
    try:
        linked = link_on_the_way(target, root) is not None
    except (OSError, ValueError):  # a NUL in the name, a name too long for the system
        return "image-missing", {}
    if linked:
        return "image-symlink", {}
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return "image-type", {"choices": _SUFFIXES}
    suggestion = image_path_suggestion(src)  # before looking: the name is what is published
    if suggestion is not None:
        return "bad-image-name", {"suggestion": suggestion}
    if not _is_file(target):
        return "image-missing", {}
    return None


def _check_images(source: Source, root: Path) -> Iterator[Issue]:
    """Each image's path, even one too long (the model says so): where it points says more."""
    for index, image in enumerate(listed(source, "images", MANY)):
        src = image.get("src") if isinstance(image, dict) else None
        if not isinstance(src, str) or not src.strip():
            continue
        problem = _image_problem(source, src, root)
        if problem is not None:
            path, field = ("images", index, "src"), f"images[{index}].src"
            code, params = problem
            yield _issue(source, code, path, field, value=src, **params)


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that says no, rather than raising, for a name too long to exist."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _check_folder(source: Source, province: Province) -> Iterator[Issue]:
    parts = Path(source.relpath).parts
    if len(parts) >= 3 and parts[0] == CONTENT_DIR and parts[1] != province.slug:
        yield make_issue(
            "wrong-folder",
            source.relpath,
            1,
            1,
            "province",  # an error: the page would be filed under the wrong province
            folder=parts[1],
            province=province.name,
            slug=province.slug,
        )


def _warnings(front: Front) -> Iterator[Issue]:
    source, title, summary = front.source, front.text("title"), front.text("summary")
    # The title, punctuated; a summary longer than a title may be is not compared (folding
    # every summary twice would cost a tenth of the rules' time).
    if title and summary and len(summary) <= LINE_LENGTH and compact(summary) == compact(title):
        yield _issue(source, "summary-repeats-title", ("summary",), "summary", severity=WARNING)
    sources = source.meta.get("sources")
    for index, citation in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(citation, dict) and not citation.get("url"):
            yield _issue(
                source,
                "source-without-url",
                ("sources", index),
                f"sources[{index}]",
                severity=WARNING,
            )


def check_collection(
    sources: list[Source],
    vocab: Vocabulary,
    only: set[Path] | None = None,
    places: Mapping[str, PlaceRef | None] | None = None,
) -> list[Issue]:
    """Checks that need every file: colliding ids, duplicates, links between records.

    ``places``: the provinces already resolved, by file; the others are resolved here.
    """
    issues: list[Issue] = []
    by_id: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_id[unicodedata.normalize("NFC", source.stem)].append(source)
    for same in by_id.values():
        for source in same[1:]:
            issues.append(
                make_issue(
                    "duplicate-id",
                    source.relpath,
                    1,
                    1,
                    "id",
                    value=source.stem,
                    other=same[0].relpath,
                )
            )
    issues += _likely_duplicates(sources, vocab, only, places or {})
    checked = sources if only is None else [s for s in sources if s.path in only]
    issues += _check_replicas(checked, set(by_id), vocab)
    return issues


def _likely_duplicates(
    sources: list[Source],
    vocab: Vocabulary,
    only: set[Path] | None,
    places: Mapping[str, PlaceRef | None],
) -> Iterator[Issue]:
    titled, by_relpath = [], {}
    for source in sources:
        title = written(source, "title", LINE_LENGTH)
        if title is None:
            continue
        known = source.relpath in places
        place = places[source.relpath] if known else province_of(source, vocab)
        if place is not None:
            titled.append(Titled(source.relpath, place.current.slug, title))
            by_relpath[source.relpath] = source
    wanted = None if only is None else {s.relpath for s in sources if s.path in only}
    for found in likely_duplicates(titled, wanted):
        source = by_relpath[found.record.relpath]
        code = "same-title-and-province" if found.exact else "similar-title"
        yield _issue(
            source,
            code,
            ("title",),
            "title",
            other=found.other.relpath,
            title=found.other.title,
            severity=WARNING,
        )


def _check_replicas(sources: list[Source], ids: set[str], vocab: Vocabulary) -> Iterator[Issue]:
    for source in sources:
        for index, value in enumerate(listed(source, "replicated_in", REPLICAS)):
            if not _fits(value, NAME_LENGTH) or value in ids or vocab.places.resolve(value):
                continue
            path, field = ("replicated_in", index), f"replicated_in[{index}]"
            locality = vocab.places.locality(value)
            if locality is not None:
                params = _locality_params(locality)
                yield _issue(source, "replica-is-locality", path, field, value=value, **params)
                continue
            hint = did_you_mean(vocab.places.suggest(value))
            yield _issue(source, "unknown-replica", path, field, value=value, hint=hint)
