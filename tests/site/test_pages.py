"""What a visitor reads: the pages built from the fixture repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import build

from ..conftest import PROJECT, valid_record
from .conftest import broken_links

PROJECT_DOCS = PROJECT / "docs"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text(site: Path, page: str) -> str:
    return " ".join(soup(site, page).get_text(" ").split())


def article(site: Path, page: str) -> BeautifulSoup:
    found = soup(site, page).find("article")
    assert found is not None
    return found


def test_every_page_is_vietnamese(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="vi"' in html, page


def test_home_has_counts_newest_and_entry_points(built_site: Path) -> None:
    home = article(built_site, "index.html")
    stats = [li.get_text(" ", strip=True) for li in home.select(".sk-stats li")]
    assert stats == ["4 sáng kiến", "2 tỉnh, thành có sáng kiến", "8 lĩnh vực CCHC"]
    newest = [a.get_text() for a in home.select("li > strong > a")]
    assert newest[0] == "Một cửa liên thông tại huyện"  # started 2024-03-15
    assert newest[-1] == "Hẹn giờ trả kết quả qua tin nhắn"  # started 2022-01
    links = {a["href"] for a in home.find_all("a")}
    assert {"tinh/dak-lak/", "tinh/cao-bang/", "tinh/", "linh-vuc/procedures/"} <= links


def test_initiative_page_shows_card_metrics_sources(built_site: Path) -> None:
    page = "sang-kien/tuyen-pho-khong-tien-mat/index.html"
    body = article(built_site, page)
    assert body.h1.get_text(strip=True).startswith("Tuyến phố thanh toán không tiền mặt")
    card = re.sub(r"\s+,", ",", body.select_one(".sk-card").get_text(" ", strip=True))
    for expected in (
        "Tỉnh, thành: Đắk Lắk",
        "Đơn vị chủ trì: Sở Công Thương",
        "Cấp: Cấp tỉnh",
        "Tình trạng: Nhân rộng",
        "Bắt đầu: 06/2023",
        "Từ khóa: thanh toán không",
        "Lĩnh vực: Chính quyền điện tử, Chính quyền số, Tác động của CCHC",
    ):
        assert expected in card
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in body.select("tr")]
    assert ["Thanh toán trực tuyến", "68,8 %", "30 %", ""] in rows
    assert ["Doanh nghiệp đồng ý tham gia", "70 doanh nghiệp", "", "11/2024"] in rows
    source = body.find("a", string="Sáng kiến thúc đẩy cải cách hành chính")
    assert source["href"] == "https://baodaklak.vn/bai-viet-mau"
    assert "noopener" in source["rel"]
    assert "Báo Đắk Lắk, 06/11/2024" in body.get_text()
    assert body.select_one(".admonition.note") is not None


def test_initiative_page_images_have_alt_and_caption(built_site: Path) -> None:
    body = article(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html")
    image = body.find("img", alt="Khách hàng quét mã QR tại quầy hàng")
    assert image is not None
    assert (built_site / "sang-kien/tuyen-pho-khong-tien-mat" / image["src"]).is_file()
    caption = image.find_parent("figure").find("figcaption")
    assert caption.get_text(strip=True) == "Thanh toán bằng mã QR trên đường Phan Chu Trinh"


def test_images_in_the_body_are_published_beside_the_page(built_site: Path) -> None:
    folder = built_site / "sang-kien/tuyen-pho-khong-tien-mat"
    body = article(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html")
    shown = [(img["src"], img["alt"]) for img in body.select(".sk-body img")]
    assert shown == [
        ("anh-1-quay-ma-qr.png", "Quầy thanh toán"),
        ("anh-1-quay-ma-qr.png", "Lại quầy đó"),
    ]  # one copy for one file, however often the body shows it
    source = Path(__file__).parent.parent / "data/site/dak-lak/anh/quay-ma-qr.png"
    assert (folder / "anh-1-quay-ma-qr.png").read_bytes() == source.read_bytes()


def test_initiative_page_links_replicas_and_related(built_site: Path) -> None:
    body = article(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html")
    replicas = body.find(id="nhan-rong-tai").find_next("ul")
    assert [a["href"] for a in replicas.find_all("a")] == [
        "../hen-gio-tra-ket-qua/",
        "../../tinh/cao-bang/",
        "../../tinh/lao-cai/",
    ]
    related = body.find(id="sang-kien-lien-quan").find_next("ul")
    titles = [a.get_text() for a in related.select("strong > a")]
    assert titles[0] == "Một cửa liên thông tại huyện"  # shares a tag (mã QR) and the province


def test_external_links_in_bodies_get_noopener(built_site: Path) -> None:
    body = article(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html")
    link = body.find("a", string="Cổng Dịch vụ công")
    assert set(link["rel"]) == {"external", "noopener"}


def test_former_province_is_marked_and_listed_under_today(built_site: Path) -> None:
    page = text(built_site, "sang-kien/mot-cua-phu-yen/index.html")
    assert "Nơi làm ra (tên lúc đó): Phú Yên (trước 07/2025)" in page
    province = article(built_site, "tinh/dak-lak/index.html")
    assert province.h1.get_text(strip=True).startswith("Tỉnh Đắk Lắk")
    assert "Từ ngày 01/07/2025 gồm cả tỉnh Phú Yên trước đây." in province.get_text(" ")
    items = [li.get_text(" ", strip=True) for li in province.select("ul > li")]
    assert len(items) == 2
    assert "Phú Yên (trước 07/2025), nay thuộc Đắk Lắk" in items[0]
    assert "2 sáng kiến" in province.get_text()


def test_former_province_url_leads_to_current_province(built_site: Path) -> None:
    html = (built_site / "tinh/phu-yen/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="5; url=../dak-lak/"' in html
    link = article(built_site, "tinh/phu-yen/index.html").find("a", string="Đắk Lắk")
    assert link["href"] == "../dak-lak/"


def test_province_index_lists_all_34_with_counts(built_site: Path) -> None:
    rows = article(built_site, "tinh/index.html").select("tbody tr")
    assert len(rows) == 34
    cells = {r.find("a").get_text(): r.find_all("td")[-1].get_text() for r in rows}
    assert cells["Đắk Lắk"] == "2" and cells["Cao Bằng"] == "2" and cells["Hà Nội"] == "0"
    hcm = next(r for r in rows if r.find("a").get_text() == "Hồ Chí Minh")
    assert "Bình Dương" in hcm.get_text() and "Bà Rịa" in hcm.get_text()


def test_all_eight_domains_have_a_page_with_name_and_description(built_site: Path) -> None:
    index = article(built_site, "linh-vuc/index.html")
    entries = index.select(":scope > ul > li")
    assert len(entries) == 8
    assert (
        entries[2].get_text(" ", strip=True).startswith("Cải cách thủ tục hành chính — 2 sáng kiến")
    )
    procedures = article(built_site, "linh-vuc/procedures/index.html")
    assert procedures.h1.get_text(strip=True).startswith("Cải cách thủ tục hành chính")
    assert "Đơn giản hóa thủ tục" in procedures.get_text()
    empty = article(built_site, "linh-vuc/civil-service/index.html").get_text()
    assert "0 sáng kiến" in empty and "Chưa có sáng kiến nào." in empty


def test_tag_year_and_status_pages(built_site: Path) -> None:
    tag = article(built_site, "the/ma-qr/index.html")  # "mã QR" and "Mã QR": one tag
    assert "2 sáng kiến" in tag.get_text()
    year = article(built_site, "nam/2023/index.html")
    assert [a.get_text() for a in year.select("li strong a")] == [
        "Tuyến phố thanh toán không tiền mặt",
        "Nhận và trả hồ sơ tại nhà cho người cao tuổi",
    ]
    years = [
        a.get_text() for a in article(built_site, "nam/index.html").select(":scope > ul > li a")
    ]
    assert years == ["Năm 2024", "Năm 2023", "Năm 2022"]
    ended = article(built_site, "trang-thai/ended/index.html")
    assert ended.h1.get_text(strip=True).startswith("Đã kết thúc")
    assert "Hẹn giờ trả kết quả qua tin nhắn" in ended.get_text()


def test_a_tag_is_named_by_the_spelling_most_records_use_not_the_most_repeated(
    project: Path,
) -> None:
    """Two records write "một cửa"; a third repeats "Một Cửa" twenty times: one record."""
    shouting = valid_record(
        **{
            "title: Ngày thứ 6 nhanh": "title: Tiếp nhận hồ sơ cả ngày thứ Bảy",
            "tags: [một cửa]": "tags: [" + ", ".join(["Một Cửa"] * 20) + "]",
        }
    )
    (project / "initiatives" / "dak-lak" / "thu-bay.md").write_text(shouting, "utf-8")
    result = build(project)
    assert result.ok, [i.as_text() for i in result.check.issues + result.issues]
    assert result.site_dir is not None
    page = article(result.site_dir, "the/mot-cua/index.html")
    assert page.h1.get_text(strip=True).startswith("một cửa")
    assert "3 sáng kiến" in page.get_text()
    record = soup(result.site_dir, "sang-kien/thu-bay/index.html")
    assert [a.get_text(strip=True) for a in record.select('a[href$="/the/mot-cua/"]')] == [
        "một cửa"
    ]


def test_breadcrumbs_on_every_page_but_home(built_site: Path) -> None:
    trail = soup(built_site, "sang-kien/mot-cua-phu-yen/index.html").select(".sk-breadcrumbs li")
    assert [li.get_text(strip=True) for li in trail] == [
        "Trang chủ",
        "Tỉnh, thành",
        "Đắk Lắk",
        "Một cửa liên thông tại huyện",
    ]
    # what a screen reader announces: axe does not require these, visitors do
    nav = soup(built_site, "sang-kien/mot-cua-phu-yen/index.html").select_one("nav.sk-breadcrumbs")
    assert nav is not None and nav.get("aria-label") == "Đường dẫn"
    assert [li.get("aria-current") for li in trail] == [None, None, None, "page"]
    for page in built_site.rglob("index.html"):
        has_trail = soup(built_site, str(page.relative_to(built_site))).select(".sk-breadcrumbs")
        assert bool(has_trail) == (page != built_site / "index.html"), page


def test_not_found_page_is_vietnamese(built_site: Path) -> None:
    page = soup(built_site, "404.html")
    assert page.find("h1").get_text() == "Không tìm thấy trang"
    sections = {a.get_text(): a["href"] for a in page.select("article li a")}
    assert sections["Trang chủ"] == "/." and sections["Tỉnh, thành"] == "/tinh/"
    assert sections["Giới thiệu"] == "/gioi-thieu/"  # a section leads to its first page


def test_every_internal_link_resolves(built_site: Path) -> None:
    assert len(list(built_site.rglob("*.html"))) > 90
    assert broken_links(built_site) == []


def test_the_404_page_links_from_the_site_root(built_site: Path) -> None:
    links = [a["href"] for a in soup(built_site, "404.html").find_all("a", href=True)]
    assert "/tinh/" in links and "/linh-vuc/" in links
    assert not [link for link in links if link.startswith("//")]


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = soup(built_site, str(page.relative_to(built_site)))
        for tag in html.find_all(["script", "img", "iframe"]):
            assert not (tag.get("src") or "").startswith(("http", "//")), (page, tag)
        for tag in html.find_all("link"):
            if set(tag.get("rel", [])) & {"stylesheet", "preload", "preconnect", "icon"}:
                assert not tag["href"].startswith(("http", "//")), (page, tag)
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_inferred_values_and_quotes_show_where_the_facts_come_from(built_site: Path) -> None:
    page = article(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html")
    recognition = page.find(id="ghi-nhan").find_next("ul").get_text(" ", strip=True)
    assert recognition == "Sáng kiến được Trung ương ghi nhận — Bộ Nội vụ, khoảng 2023"
    quote = page.find(id="nguon").find_next("blockquote").get_text(" ", strip=True)
    assert quote.startswith("Đến nay đã có 70 doanh nghiệp đồng ý tham gia")
    rows = (built_site / "du-lieu" / "initiatives.csv").read_text("utf-8-sig").splitlines()
    assert rows[0].endswith(",inferred")
    assert next(r for r in rows if r.startswith("tuyen-pho-khong-tien-mat,")).endswith(
        ",recognition"
    )
    assert "Chưa rõ" in text(built_site, "trang-thai/index.html")


@pytest.mark.parametrize(
    ("value", "shown"),
    [(257190, "257.190"), (1835.5, "1.835,5"), (68.8, "68,8"), (20, "20"), (0.25, "0,25"),
     (0, "0"), (1234567.891, "1.234.567,89")],
)  # fmt: skip
def test_numbers_are_written_the_vietnamese_way(value: float, shown: str) -> None:
    from generator.formats import number_vi

    assert number_vi(value) == shown


def test_feeds_are_atom_a_feed_reader_understands(built_site: Path) -> None:
    import feedparser

    feed = feedparser.parse((built_site / "du-lieu" / "moi-nhat.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Sáng kiến cải cách hành chính mới nhất"
    links = [entry.link for entry in feed.entries]
    assert len(links) == 4 and all(
        link.startswith("https://sangkien.github.io/sang-kien/") for link in links
    )
    newest = feed.entries[0]
    assert newest.title == "Tuyến phố thanh toán không tiền mặt"
    assert newest.updated.startswith("2024-11-06") and newest.author == "Sở Công Thương"
    province = feedparser.parse((built_site / "du-lieu/tinh/cao-bang.xml").read_bytes())
    assert not province.bozo and len(province.entries) == 2
    home = soup(built_site, "tinh/cao-bang/index.html")
    alternate = home.find("link", rel="alternate", type="application/atom+xml")
    assert alternate["href"].endswith("du-lieu/tinh/cao-bang.xml")
    # the page offers the feed under the name a feed reader will give it
    assert (
        alternate["title"] == province.feed.title == "Sáng kiến cải cách hành chính — Tỉnh Cao Bằng"
    )


def test_initiative_pages_say_what_a_shared_link_shows(built_site: Path) -> None:
    head = soup(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html").head
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert og["og:title"] == "Tuyến phố thanh toán không tiền mặt" and og["og:type"] == "article"
    assert og["og:url"] == "https://sangkien.github.io/sang-kien/tuyen-pho-khong-tien-mat/"
    assert (
        og["og:description"].startswith("Vận động cơ sở kinh doanh") and og["og:locale"] == "vi_VN"
    )
    share = soup(built_site, "sang-kien/tuyen-pho-khong-tien-mat/index.html").find(
        attrs={"data-share": True}
    )
    assert "facebook.com/sharer/sharer.php?u=https%3A//sangkien.github.io/" in str(share)


def test_the_open_data_page_documents_every_column(built_site: Path) -> None:
    from generator.publish.export import CSV_COLUMNS

    page = (PROJECT_DOCS / "du-lieu-mo.md").read_text(encoding="utf-8")
    assert [c for c in CSV_COLUMNS if f"`{c}`" not in page] == []
    assert "CC BY 4.0" in page and (PROJECT_DOCS.parent / "LICENSE").is_file()
    assert "/du-lieu/initiatives.csv" in str(soup(built_site, "du-lieu-mo/index.html"))


def test_an_empty_province_page_invites_a_submission(built_site: Path) -> None:
    assert "Gửi sáng kiến" in text(built_site, "tinh/ha-noi/index.html")


def test_a_site_without_contests_says_so_and_points_committees_to_their_guide(
    built_site: Path,
) -> None:
    page = article(built_site, "cuoc-thi/index.html")
    assert "Chưa có cuộc thi nào." in page.get_text()
    assert page.find("a", string="Hướng dẫn cho hội đồng thi")["href"] == "../hoi-dong-thi/"


def test_long_listings_come_in_pages_that_link_to_each_other(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No listing grows with the collection: PAGE_SIZE initiatives a page (here 1)."""
    import generator.publish.render as render_module
    from generator.build import build

    monkeypatch.setattr(render_module, "PAGE_SIZE", 1)
    assert build(project).ok
    site = project / "site"
    assert broken_links(site) == []
    first = text(site, "tinh/dak-lak/index.html")
    assert "2 sáng kiến · trang 1/2" in first
    second = soup(site, "tinh/dak-lak/trang-2/index.html")
    assert "trang 2/2" in second.get_text(" ")
    nav = second.find("nav", class_="sk-pager")
    assert [a.get_text() for a in nav.find_all("a")] == ["‹ Trước", "1"]
    assert (
        soup(site, "tinh/dak-lak/index.html")
        .find("nav", class_="sk-pager")
        .find("a", string="Sau ›")
    )
    assert (site / "nam/2023/trang-2/index.html").is_file()  # years, tags, statuses too
    assert not (site / "nam/2022/trang-2").exists()  # one initiative: one page, no pager


def test_a_listing_is_cut_into_pages_of_page_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five initiatives, two a page: three pages, each titled after the first."""
    import generator.publish.render as render_module
    from generator.publish.outputs import Origin
    from generator.urls import PagePath

    made: list[tuple[str, str, list[int], int]] = []

    class Renderer:
        def page(self, path, template, meta, origin, *, records, pager, **context):
            made.append((path.src, meta["title"], records, pager.number))

    monkeypatch.setattr(render_module, "PAGE_SIZE", 2)
    first = PagePath("nam/2023.md")
    meta = {"title": "Năm 2023"}
    render_module.paged(Renderer(), first, "listing.md.j2", meta, Origin("x.md"), [1, 2, 3, 4, 5])
    assert made == [
        ("nam/2023.md", "Năm 2023", [1, 2], 1),
        ("nam/2023/trang-2.md", "Năm 2023 — trang 2", [3, 4], 2),
        ("nam/2023/trang-3.md", "Năm 2023 — trang 3", [5], 3),
    ]
