"""One table of spellings, run through every comparison of names the project makes.

Officers type the same name many ways: with marks or without, decomposed (NFD, as macOS
writes file names and some keyboards text), ``Đ`` or the look-alike ``Ð``, in capitals,
with stray spaces. Every place that compares names must agree that these are one name:
likely-duplicate titles, a contest entry that copies an earlier model, a judge's unit
against an entry's agency, provinces, the words officers write for ids, and the folded
words search adds to a page. A comparison that disagrees is a bug in that comparison.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable

import pytest

from generator.aliases import meant
from generator.check import check_paths
from generator.contests.check import _similar_to_earlier
from generator.contests.model import Judge
from generator.contests.scorecards import conflict
from generator.publish.search import folded_terms
from generator.records import Record
from generator.rules.duplicates import Titled, likely_duplicates
from generator.vocab import load_vocabulary

from ..conftest import valid_record


def without_marks(text: str) -> str:
    """As typed on a keyboard without Vietnamese: no tone or vowel marks, ``đ`` as ``d``."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


SPELLINGS: dict[str, Callable[[str], str]] = {
    "as written": lambda name: name,
    "no marks": without_marks,
    "NFD": lambda name: unicodedata.normalize("NFD", name),
    "Ð for Đ": lambda name: name.replace("Đ", "Ð").replace("đ", "ð"),
    "capitals": str.upper,
    "capitals, no marks": lambda name: without_marks(name).upper(),
    "lower case": str.lower,
    "extra spaces": lambda name: "  " + "   ".join(name.split()) + " ",
    "NFD, extra spaces": lambda name: unicodedata.normalize("NFD", f" {name}  ").replace(" ", "  "),
}


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Record:
    root = tmp_path_factory.mktemp("folding")
    path = root / "initiatives" / "dak-lak" / "mau.md"
    path.parent.mkdir(parents=True)
    path.write_text(valid_record(), encoding="utf-8")
    (found,) = check_paths(root).records
    return found


def titled(record: Record, title: str, n: int) -> Record:
    return dataclasses.replace(
        record,
        id=f"ban-{n}",
        relpath=f"initiatives/dak-lak/ban-{n}.md",
        initiative=record.initiative.model_copy(update={"title": title, "started": f"{2020 + n}"}),
    )


TITLE = "Đường dây nóng Đắk Lắk xử lý phản ánh của người dân"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_likely_duplicate_titles(spelling: str) -> None:
    earlier = Titled("initiatives/dak-lak/a.md", "dak-lak", TITLE)
    later = Titled("initiatives/dak-lak/b.md", "dak-lak", SPELLINGS[spelling](TITLE))
    (found,) = likely_duplicates([earlier, later])
    assert (found.record, found.other, found.exact) == (later, earlier, True)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_contest_entry_copying_an_earlier_model(record: Record, spelling: str) -> None:
    earlier, entry = titled(record, TITLE, 0), titled(record, SPELLINGS[spelling](TITLE), 1)
    where = (entry.relpath, 1, 1, "contests")
    found = list(_similar_to_earlier(entry, [earlier, entry], where))
    assert [issue.code for issue in found] == ["similar-to-earlier"]


AGENCY = "Sở Tư pháp tỉnh Đắk Lắk"


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_judges_unit_against_the_entrys_agency(record: Record, spelling: str) -> None:
    entry = dataclasses.replace(
        record, initiative=record.initiative.model_copy(update={"agency": AGENCY})
    )
    judge = Judge(id="gk-01", name="Giám khảo", unit=SPELLINGS[spelling](AGENCY))
    assert conflict(judge, entry, ["agency"], load_vocabulary()) == "agency"


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("name", ["Đắk Lắk", "Tỉnh Đắk Lắk", "Phú Yên"])
def test_provinces(spelling: str, name: str) -> None:
    place = load_vocabulary().places.resolve(SPELLINGS[spelling](name))
    assert place is not None and place.current.slug == "dak-lak"


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize(
    ("kind", "name", "key"),
    [
        ("status", "Đang áp dụng", "active"),
        ("level", "Cấp xã", "commune"),
        ("level", "đặc khu", "commune"),
        ("domains", "Chỉ đạo điều hành", "leadership"),
    ],
)
def test_the_words_officers_write_for_ids(spelling: str, kind: str, name: str, key: str) -> None:
    assert meant(kind, SPELLINGS[spelling](name)) == key


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_folded_words_search_adds_to_a_page(spelling: str) -> None:
    """Pagefind folds marks but not đ: a page whose text names "Đắk Lắk", however typed,
    carries "dak", and "daklak" when typed as a name (capitalised), so "dak lak" and
    "daklak" find it."""
    terms = folded_terms([f"Sáng kiến của {SPELLINGS[spelling]('Đắk Lắk')} năm 2024"])
    if spelling not in ("no marks", "capitals, no marks"):  # no đ: Pagefind reads it as is
        assert "dak" in terms
    if spelling != "lower case":
        assert "daklak" in terms
