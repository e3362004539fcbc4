"""Hand-made semantic mutations: the bugs a tired developer writes, one exact edit each.

mutmut's operators flip ``<`` and ``+`` and constants; these are whole mistakes with a
meaning (a sort dropped, an escape removed, a fold replaced by ``lower()``, a rule
skipped, a boundary moved by one). ``bench/mutation.py semantic`` applies each one alone
to a copy of the tree, runs the fast suite there and reports whether a test failed
("killed") or all passed ("survived"). The first eight are the survivors and minors of
issue 29; the others are of the same kind across the generator.

A mutation is marked ``equivalent`` only with the reason no test can tell it from the
original; it is still run, and counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    find: str  # must occur exactly once in ``file``
    replace: str
    why: str  # what a user would see
    equivalent: str = ""  # why no test can notice, when that is so


MUTATIONS: tuple[Mutation, ...] = (
    # --- issue 29's survivors and minors --------------------------------------------------
    Mutation(
        "trimmed-mean-unsorted",
        "generator/contests/score.py",
        "return sorted(values)[1:-1] if len(values) >= TRIM_FROM else values",
        "return values[1:-1] if len(values) >= TRIM_FROM else values",
        "the first and last judge by id are dropped, not the lowest and highest: published "
        "scores change",
    ),
    Mutation(
        "swap-after-failed-index",
        "generator/build.py",
        "swapped = None if failed or indexed else _replace(final, fresh)",
        "swapped = None if failed else _replace(final, fresh)",
        "Pagefind fails, the build says so, yet site/ is replaced by a site without search",
    ),
    Mutation(
        "changed-since-without-renames",
        "generator/load/changes.py",
        "names += fields[index + 1 : index + 1 + count]",
        "names += fields[index + 1 : index + 2]",  # a rename's old name only
        "a pull request that renames a record and breaks it is told 'no record changed'",
    ),
    Mutation(
        "feed-author-unescaped",
        "generator/publish/feeds.py",
        "<author><name>{escape(i.agency)}</name></author>",
        "<author><name>{i.agency}</name></author>",
        "'Sở Công Thương & Du lịch' makes every feed ill-formed XML",
    ),
    Mutation(
        "duplicates-lower-not-fold",
        "generator/rules/duplicates.py",
        "folded = [fold_title(r.title) for r in records]",
        "folded = [r.title.lower() for r in records]",
        "a title typed without marks gets no likely-duplicate warning",
    ),
    Mutation(
        "pager-previous-off-by-one",
        "generator/publish/render.py",
        "return self.pages[self.number - 2] if self.number > 1 else None",
        "return self.pages[self.number - 1] if self.number > 1 else None",
        "'‹ Trước' on page 2 links to page 2 itself",
    ),
    Mutation(
        "plain-url-not-unescaped",
        "generator/body/safety.py",
        'return _INVISIBLE.sub("", html.unescape(url))',
        'return _INVISIBLE.sub("", url)',
        "check reads an entity-encoded address (an e-mail autolink) as it is written: a false "
        "error, though the page is fine",
    ),
    Mutation(
        "conflicts-only-files",
        "generator/publish/write.py",
        "if path not in owned and target.exists():",
        "if path not in owned and target.is_file():",
        "a folder where a generated file goes is not refused; writing into it fails",
    ),
    # --- ranking and contests -------------------------------------------------------------
    Mutation(
        "ranks-never-shared",
        "generator/contests/score.py",
        "ranks.append(ranks[-1] if same else position + 1)",
        "ranks.append(position + 1)",
        "two entries with equal scores get ranks 1 and 2, and only one gets the prize",
    ),
    Mutation(
        "tie-order-from-file-order",
        "generator/contests/score.py",
        "key=lambda r: (key(r.id), r.id))",
        "key=lambda r: key(r.id))",
        "tied entries are listed in the order they were read, not by id: results differ by machine",
    ),
    Mutation(
        "trim-from-six",
        "generator/contests/score.py",
        "if len(values) >= TRIM_FROM else values",
        "if len(values) > TRIM_FROM else values",
        "with exactly five judges nothing is trimmed",
    ),
    Mutation(
        "prize-to-short-panels",
        "generator/contests/score.py",
        "eligible = [r for r in scored if len(cards[r.id]) >= contest.min_judges]",
        "eligible = scored",
        "an entry seen by too few judges still takes a prize",
    ),
    Mutation(
        "unpublished-scores-reach-site",
        "generator/contests/score.py",
        "return ContestView(replace(data, cards=(), excluded=()), None)",
        "return ContestView(data, None)",
        "an unpublished contest's scores reach the page renderer and the open data",
    ),
    Mutation(
        "conflict-lower-not-fold",
        "generator/contests/scorecards.py",
        'if "agency" in rules and compact(judge.unit) == compact(record.initiative.agency):',
        'if "agency" in rules and judge.unit.lower() == record.initiative.agency.lower():',
        "a judge whose unit is typed without marks scores their own unit's entry",
    ),
    Mutation(
        "province-conflict-rule-skipped",
        "generator/contests/scorecards.py",
        'if "province" in rules and judge.province:',
        'if "province" in rules and not judge.province:',
        "the 'province' conflict rule never applies",
    ),
    Mutation(
        "declared-conflict-by-judge",
        "generator/contests/scorecards.py",
        "if record.id in judge.conflicts:",
        "if judge.id in judge.conflicts:",
        "a judge's declared conflicts are ignored",
    ),
    Mutation(
        "assignment-ignores-conflicts",
        "generator/contests/packets.py",
        "return [j for j in data.contest.panel if conflict(j, record, rules, vocab) is None]",
        "return list(data.contest.panel)",
        "blind packets send an entry to a judge with a conflict of interest",
    ),
    Mutation(
        "assignment-uneven-loads",
        "generator/contests/packets.py",
        "judges = sorted(judges, key=lambda j: (len(given[j]), order[j]))[:k]",
        "judges = sorted(judges, key=lambda j: order[j])[:k]",
        "the first judges get every entry, the last none",
    ),
    Mutation(
        "eligibility-started-after-inclusive",
        "generator/contests/check.py",
        "date_period(started)[1] < date_period(rules.started_after)[0]",
        "date_period(started)[0] < date_period(rules.started_after)[0]",
        "an entry started 'in 2024' is refused by a contest open to those started from 2024-06",
    ),
    Mutation(
        "similar-to-earlier-lower",
        "generator/contests/check.py",
        "title, start = fold_title(record.initiative.title), "
        "date_period(record.initiative.started)[0]",
        "title, start = record.initiative.title.lower(), date_period(record.initiative.started)[0]",
        "a contest entry copying an earlier model, typed without marks, is not flagged",
    ),
    # --- dates ----------------------------------------------------------------------------
    Mutation(
        "ended-same-day-refused",
        "generator/rules/validate.py",
        "date_period(ended)[1] < date_period(started)[0]:",
        "date_period(ended)[1] <= date_period(started)[0]:",
        "a one-day initiative (ended the day it started) is refused",
    ),
    Mutation(
        "started-today-in-future",
        "generator/rules/validate.py",
        "if date_period(started)[0] > datetime.date.today():",
        "if date_period(started)[0] >= datetime.date.today():",
        "an initiative that starts today is called one in the future",
    ),
    Mutation(
        "merger-day-excluded",
        "generator/rules/validate.py",
        "return date_period(started)[0] >= MERGER_DAY",
        "return date_period(started)[0] > MERGER_DAY",
        "a district-level initiative started on 1 July 2025 (no districts left) is accepted",
    ),
    # --- names compared: folding ----------------------------------------------------------
    Mutation(
        "place-key-lower-not-fold",
        "generator/places.py",
        'return compact(_without_suffix(_PREFIX.sub("", fold(name))))',
        'return compact(_without_suffix(_PREFIX.sub("", name.lower())))',
        "'Dak Lak' and 'Tỉnh Đắk Lắk' no longer name the province",
    ),
    Mutation(
        "alias-key-lower",
        "generator/aliases.py",
        "    key = compact(value)\n",
        "    key = value.strip().lower()\n",
        "'Cấp xã' or 'xa' in level: no longer suggest 'commune'",
    ),
    Mutation(
        "search-capital-d-not-folded",
        "generator/publish/search.py",
        "if has_d(word):",
        'if "đ" in word:',
        "'Đắk' is not folded to 'dak' for search: typing 'dak lak' misses the page",
    ),
    Mutation(
        "duplicate-id-nfd",
        "generator/rules/validate.py",
        'by_id[unicodedata.normalize("NFC", source.stem)].append(source)',
        "by_id[source.stem].append(source)",
        "two files whose names differ only by NFC/NFD publish to one page, unreported",
    ),
    # --- order: sorts dropped -------------------------------------------------------------
    Mutation(
        "newest-ties-by-id",
        "generator/publish/site.py",
        "ordered = sorted(records, key=lambda r: (fold(r.initiative.title), r.id))",
        "ordered = list(records)",
        "initiatives started the same month are listed by file name, not by title",
    ),
    Mutation(
        "newest-oldest-first",
        "generator/publish/site.py",
        "return sorted(ordered, key=lambda r: r.initiative.started, reverse=True)",
        "return sorted(ordered, key=lambda r: r.initiative.started)",
        "listings show the oldest initiatives first",
    ),
    Mutation(
        "feed-unsorted",
        "generator/publish/feeds.py",
        "entries = sorted(records, key=lambda r: (record_date(r), r.id), reverse=True)[:NEWEST]",
        "entries = list(records)[:NEWEST]",
        "a feed is in start order, not by its entries' own dates",
    ),
    Mutation(
        "years-unsorted",
        "generator/publish/site.py",
        "return dict(sorted(groups.items(), reverse=True))",
        "return dict(groups)",
        "the year index would not be newest first",
        equivalent="the groups are filled from the records newest first (by start date), so "
        "the years already come in descending order; the sort only restates it",
    ),
    # --- filters ---------------------------------------------------------------------------
    Mutation(
        "illustrative-contest-on-records",
        "generator/publish/site.py",
        "and not view.data.contest.illustrative",
        "and view.data.contest.illustrative",
        "record pages list the illustrative example contest and not the real ones",
    ),
    Mutation(
        "related-by-province-alone",
        "generator/publish/site.py",
        "(pair for pair in scored if pair[0] > 1)",
        "(pair for pair in scored if pair[0] > 0)",
        "any initiative of the same province shows as 'related', however unrelated",
    ),
    Mutation(
        "duplicates-compare-with-self",
        "generator/rules/duplicates.py",
        "if m == n or not _reported_here(n, m, records, wanted):",
        "if not _reported_here(n, m, records, wanted):",
        "a record compared with itself",
        equivalent="_reported_here(n, n) is False either way: without a list of wanted files "
        "it asks m < n; with one, the record itself is wanted and it asks m < n again",
    ),
    # --- escapes ---------------------------------------------------------------------------
    Mutation(
        "feed-summary-unescaped",
        "generator/publish/feeds.py",
        "<summary>{escape(i.summary)}</summary>",
        "<summary>{i.summary}</summary>",
        "a summary with '&' or '<' makes the feeds ill-formed",
    ),
    Mutation(
        "markdown-lt-not-escaped",
        "generator/text.py",
        '.replace("<", "&lt;")',
        "",
        "'a <b' in a field is read by Markdown as the start of HTML",
        equivalent="check refuses '<' before a letter or '/', and every '>' of a field still "
        "becomes '&gt;': Python-Markdown needs a '>' to close a tag, comment ('<!--'), "
        "declaration or instruction ('<?'), and a letter after '<' for an autolink, so a lone "
        "'<' stays text (tried in titles, summaries and source titles); the escape is a second "
        "lock on the same door",
    ),
    Mutation(
        "markdown-angles-not-escaped",
        "generator/text.py",
        '.replace("<", "&lt;").replace(">", "&gt;")',
        "",
        "'<!-- kín -->' in a summary hides the rest of the sentence from the page",
    ),
    Mutation(
        "meta-quotes-unescaped",
        "generator/publish/render.py",
        "return html.escape(plain(str(text)), quote=True)",
        "return html.escape(plain(str(text)), quote=False)",
        "a title with \" breaks the page's description and Open Graph attributes",
    ),
    Mutation(
        "link-without-host",
        "generator/body/safety.py",
        "return parts.scheme.lower() in LINK_SCHEMES and bool(parts.hostname)",
        "return parts.scheme.lower() in LINK_SCHEMES",
        "'https:evil' or 'http:///x' links are kept on pages",
    ),
    # --- pagination, writes, build ---------------------------------------------------------
    Mutation(
        "pager-last-page-unreachable",
        "generator/publish/render.py",
        "return self.pages[self.number] if self.number < len(self.pages) else None",
        "return self.pages[self.number] if self.number < len(self.pages) - 1 else None",
        "the next-to-last page has no 'Sau ›' link: the last page is reached only by number",
    ),
    Mutation(
        "pages-overlap",
        "generator/publish/render.py",
        "[records[n : n + PAGE_SIZE] for n in range(0, len(records), PAGE_SIZE)]",
        "[records[n : n + PAGE_SIZE + 1] for n in range(0, len(records), PAGE_SIZE)]",
        "each listing page repeats the first initiative of the next",
    ),
    Mutation(
        "manifest-trusts-every-output",
        "generator/publish/write.py",
        "    owned = owned_files(docs_dir)\n    links =",
        "    owned = owned_files(docs_dir) | set(outputs)\n    links =",
        "a hand-written page at a generated path is overwritten",
    ),
    Mutation(
        "manifest-after-writes",
        "generator/publish/write.py",
        "        _write_manifest(docs_dir, previous | set(outputs))  # owned before written\n",
        "",
        "a build stopped half-way through docs/ leaves files the next build refuses",
    ),
    Mutation(
        "swap-not-undone",
        "generator/build.py",
        "        if moved:\n            old.rename(final)\n",
        "",
        "a failed swap leaves no site/ at all",
    ),
    Mutation(
        "content-date-oldest",
        "generator/build.py",
        'newest = max(dates, default="2025-07-01")',
        'newest = min(dates, default="2025-07-01")',
        "the sitemap's dates are the oldest a record cites",
    ),
    Mutation(
        "strict-ignored",
        "generator/cli.py",
        "failed = not result.ok or (args.strict and bool(result.issues))",
        "failed = not result.ok",
        "check --strict passes records with warnings",
    ),
    # --- the trust round (issue 21): what a hostile pull request must not get through -------
    Mutation(
        "manifest-entries-trusted",
        "generator/publish/write.py",
        "isinstance(entry, str) and _plain_path(entry)}",
        "isinstance(entry, str)}",
        "a force-added manifest listing '../../elsewhere' makes the build delete outside docs/",
    ),
    Mutation(
        "manifest-claims-tracked-pages",
        "generator/publish/write.py",
        "return plain - tracked_files(docs_dir) if plain else plain",
        "return plain",
        "a force-added manifest listing a hand-written page makes the build delete it",
    ),
    Mutation(
        "symlinks-walked-as-files",
        "generator/load/repopaths.py",
        "                link = entry.is_symlink()",
        "                link = False",
        "a contest.yml linked to /proc/self/environ is read and echoed in the error",
    ),
    Mutation(
        "svg-accepted",
        "generator/load/repopaths.py",
        "return PurePosixPath(name).suffix.lower() in VECTOR_SUFFIXES",
        "return False",
        "an SVG with <script> is published on the site's origin",
    ),
    Mutation(
        "scores-fallback-to-dir",
        "generator/contests/check.py",
        "    if private is not None and private.is_dir():\n        return private",
        "    if private is not None and private.is_dir():\n        return private\n"
        "    if scores is not None:\n        return scores",
        "a decoy contest publishes another contest's private scores",
    ),
    Mutation(
        "csv-formulas-kept",
        "generator/spreadsheet.py",
        "return TEXT_MARK + value if value.startswith(FORMULA_STARTS) else value",
        "return value",
        "a title '=HYPERLINK(…)' runs when a researcher opens initiatives.csv in Excel",
    ),
    Mutation(
        "message-values-uncut",
        "generator/messages.py",
        "return excerpt(value if isinstance(value, int | float) else visible(str(value)), limit)",
        "return value if isinstance(value, int | float) else visible(str(value))",
        "an error echoes a whole file (or an environment) into the pull request",
    ),
    Mutation(
        "escapes-not-decoded-checked",
        "generator/yamlplain.py",
        "        if found:\n            named = [",
        "        if False:\n            named = [",
        'title: "\\x1b[2K" passes and makes both Atom feeds ill-formed',
    ),
    Mutation(
        "heading-takes-theme-id",
        "generator/body/heading_ids.py",
        "return HEADING_PREFIX + value if is_theme_id(value) else value",
        "return value",
        "a body heading '## __config' stops the page's script",
    ),
    Mutation(
        "policy-left-out",
        "theme/overrides/main.html",
        '  {% include "partials/csp.html" %}\n',
        "",
        "an injected handler runs: no page carries a Content-Security-Policy",
    ),
    Mutation(
        "unclosed-bracket-accepted",
        "generator/body/shape.py",
        '            self.add(at, "bracket-unclosed")\n',
        "            pass\n",
        "a body of 40,000 '[' passes check and hangs Python-Markdown in the build",
    ),
    Mutation(
        "tag-name-by-repeats",
        "generator/publish/site.py",
        "for name in dict.fromkeys(record.initiative.tags):",
        "for name in record.initiative.tags:",
        "one record repeating a spelling renames a tag other records share",
    ),
    Mutation(
        "tags-unlimited",
        "generator/schema.py",
        'default=[], max_length=MANY, description="Từ khóa tiếng Việt / free keywords"',
        'default=[], description="Từ khóa tiếng Việt / free keywords"',
        "10,000 tags in one record make 10,000 pages",
    ),
)
