# ruff: noqa: E501  (the phrase banks read better one entry a line)
"""A deterministic collection of N valid synthetic initiatives, for the benchmarks.

    .venv/bin/python bench/synthetic.py COUNT DIR [--seed N]   # writes DIR/initiatives/...

Record ``n`` is drawn from its own ``random.Random`` seeded with (seed, n): the same COUNT
gives the same bytes on every run and machine, and the first 100 records of a 1,000-record
collection are the 100-record collection. What a record says is composed from the phrase
banks below (actions, procedures, target groups, places; Vietnamese, with English beside),
so titles vary as a real collection's do and the duplicate-title rule finds about what it
would find there (a few in a thousand); bodies open with sentences of the record and go on
with paragraphs of the bundled initiatives, so they have a real record's length and words.

The first 34 records cover the 34 provinces, the first 8 the PAR Index domains; then
provinces are weighted by size. Records carry tags, metrics quoted in a source (no
``metric-not-quoted``), recognitions, contacts, end dates, and about one in seven is
written under a province's name of before the 1 July 2025 merger, filed in today's
province's folder and started before that day, as are district-level records (a district
of ``generator/data/localities.yml``). About one source in 200 has no address, as in life.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.places import Locality, Province  # noqa: E402
from generator.text import slug  # noqa: E402
from generator.vocab import load_vocabulary  # noqa: E402

SEED = 11  # issue 11
FIRST_START = (2016, 1)
LAST_START = (2025, 12)  # never later: the check refuses a start in the future
LAST_SOURCE = (2026, 6)
LAST_BEFORE_MERGER = (2025, 6)


def _table(text: str, width: int) -> tuple[tuple[str, ...], ...]:
    """Rows of ``a | b | c`` lines, each of ``width`` cells."""
    rows = []
    for line in text.strip().splitlines():
        cells = tuple(cell.strip() for cell in line.split("|"))
        if len(cells) != width:
            raise ValueError(f"{width} cells expected: {line}")
        rows.append(cells)
    return tuple(rows)


def _items(text: str) -> tuple[str, ...]:
    """The items of ``a|b|c``."""
    return tuple(item.strip() for item in text.split("|"))


# What was done, to {o}: Vietnamese | English | its PAR Index domain | tags (";")
ACTIONS = _table(
    """
Số hóa {o} | Digitising {o} | digital-government | số hóa hồ sơ
Tiếp nhận trực tuyến {o} | Receiving {o} online | digital-government | dịch vụ công trực tuyến
Rút ngắn thời gian giải quyết {o} | Shortening the processing time of {o} | procedures | rút ngắn thời gian giải quyết
Thanh toán không tiền mặt khi giải quyết {o} | Cashless payment when handling {o} | digital-government | thanh toán không tiền mặt
Liên thông điện tử {o} | Electronic inter-agency handling of {o} | procedures | một cửa liên thông
Công khai tiến độ giải quyết {o} | Publishing the progress of {o} | procedures | công khai minh bạch
Trả kết quả {o} tại nhà | Home delivery of the results of {o} | impact | trả kết quả tại nhà
Hỗ trợ người dân nộp trực tuyến {o} | Helping residents file {o} online | digital-government | dịch vụ công trực tuyến
Đơn giản hóa {o} | Simplifying {o} | procedures | đơn giản hóa thủ tục
Chuẩn hóa quy trình nội bộ giải quyết {o} | A standard internal workflow for {o} | procedures | quy trình nội bộ
Ký số và lưu trữ điện tử {o} | Digital signing and electronic archiving of {o} | digital-government | chữ ký số; lưu trữ điện tử
Nhắn tin thông báo kết quả {o} | Text-message notices of the results of {o} | digital-government | tin nhắn sms
Giám sát trực tuyến việc giải quyết {o} | Online monitoring of {o} | leadership | giám sát; chỉ đạo điều hành
Ứng dụng trí tuệ nhân tạo hướng dẫn {o} | Artificial-intelligence guidance on {o} | digital-government | trí tuệ nhân tạo
Tra cứu {o} bằng mã QR | Looking up {o} with QR codes | digital-government | mã qr
Cắt giảm giấy tờ trong {o} | Cutting paperwork in {o} | procedures | cắt giảm giấy tờ
Phân cấp giải quyết {o} | Delegating {o} | organization | phân cấp; phân quyền
Tổ công tác lưu động hỗ trợ {o} | Mobile teams helping with {o} | impact | tổ công tác lưu động
Trả kết quả {o} trong ngày | Same-day results for {o} | procedures | giải quyết trong ngày
Tiếp nhận {o} ngoài giờ hành chính | Receiving {o} outside office hours | impact | ngoài giờ hành chính
Cơ sở dữ liệu dùng chung về {o} | A shared database of {o} | digital-government | dữ liệu dùng chung
Tái sử dụng dữ liệu đã số hóa trong {o} | Reusing digitised data in {o} | digital-government | số hóa hồ sơ; cơ sở dữ liệu dân cư
Xin lỗi người dân khi trễ hạn giải quyết {o} | Apologising to residents for late {o} | civil-service | hồ sơ trễ hạn; xin lỗi người dân
Tổng đài giải đáp {o} | A help line answering questions on {o} | impact | tổng đài; phản ánh kiến nghị
Đánh giá sự hài lòng của người dân về {o} | Rating residents' satisfaction with {o} | impact | đánh giá hài lòng
Trợ lý ảo trả lời câu hỏi về {o} | A virtual assistant answering questions on {o} | digital-government | trợ lý ảo; chuyển đổi số
Hướng dẫn {o} qua Zalo | Guidance on {o} through Zalo | leadership | zalo; tuyên truyền
Rà soát văn bản quy phạm pháp luật về {o} | Reviewing the legal documents on {o} | institutions | rà soát văn bản; thể chế
Bộ tiêu chí kiểm tra công vụ trong giải quyết {o} | Inspection criteria for civil servants handling {o} | civil-service | kỷ luật kỷ cương; đạo đức công vụ
Bồi dưỡng kỹ năng cho công chức giải quyết {o} | Training the civil servants who handle {o} | civil-service | bồi dưỡng; cán bộ công chức
Giảm phí, lệ phí khi nộp trực tuyến {o} | Lower fees for filing {o} online | public-finance | phí và lệ phí; dịch vụ công trực tuyến
Khoán kinh phí giải quyết {o} | A fixed budget for handling {o} | public-finance | tự chủ tài chính
Sắp xếp lại bộ phận tiếp nhận {o} | Reorganising the desk that receives {o} | organization | sắp xếp bộ máy; một cửa
Quy chế phối hợp liên ngành trong {o} | Inter-agency coordination rules for {o} | institutions | quy chế phối hợp
Người đứng đầu trực tiếp đối thoại về {o} | Heads of agencies in dialogue on {o} | leadership | người đứng đầu; đối thoại
""",
    4,
)

# What it was done to: Vietnamese | English | tag | department of a province | district office
# | its domain ("procedures" if "-")
THINGS = _table(
    """
hồ sơ hộ tịch | civil-status records | hộ tịch | Sở Tư pháp | Phòng Tư pháp | -
thủ tục đăng ký khai sinh | birth registration | khai sinh | Sở Tư pháp | Phòng Tư pháp | -
thủ tục đăng ký kết hôn | marriage registration | kết hôn | Sở Tư pháp | Phòng Tư pháp | -
thủ tục chứng thực bản sao | certified copies | chứng thực | Sở Tư pháp | Phòng Tư pháp | -
phiếu lý lịch tư pháp | criminal-record certificates | lý lịch tư pháp | Sở Tư pháp | Phòng Tư pháp | -
hồ sơ cấp giấy chứng nhận quyền sử dụng đất | land-use certificate applications | đất đai | Sở Nông nghiệp và Môi trường | Văn phòng đăng ký đất đai | -
thủ tục đăng ký biến động đất đai | land-change registration | đất đai | Sở Nông nghiệp và Môi trường | Văn phòng đăng ký đất đai | -
hồ sơ giao đất, cho thuê đất | land allocation and lease applications | đất đai | Sở Nông nghiệp và Môi trường | Phòng Tài nguyên và Môi trường | -
giấy phép xây dựng nhà ở riêng lẻ | building permits for family homes | cấp phép xây dựng | Sở Xây dựng | Phòng Quản lý đô thị | -
hồ sơ đăng ký hộ kinh doanh | household-business registration | hộ kinh doanh | Sở Tài chính | Phòng Tài chính - Kế hoạch | -
hồ sơ đăng ký doanh nghiệp | business registration | doanh nghiệp | Sở Tài chính | Phòng Tài chính - Kế hoạch | -
hồ sơ dự án đầu tư | investment-project applications | môi trường đầu tư | Sở Tài chính | Phòng Tài chính - Kế hoạch | public-finance
hồ sơ hưởng trợ cấp xã hội | social-allowance applications | an sinh xã hội | Sở Nội vụ | Phòng Lao động - Thương binh và Xã hội | -
thủ tục ưu đãi người có công | benefits for people with meritorious service | người có công | Sở Nội vụ | Phòng Lao động - Thương binh và Xã hội | -
hồ sơ bảo hiểm xã hội tự nguyện | voluntary social-insurance applications | bảo hiểm xã hội | Bảo hiểm xã hội tỉnh | Bảo hiểm xã hội huyện | -
thẻ bảo hiểm y tế cho trẻ em | health-insurance cards for children | bảo hiểm y tế | Bảo hiểm xã hội tỉnh | Bảo hiểm xã hội huyện | -
thủ tục đăng ký thường trú | permanent-residence registration | cư trú | Công an tỉnh | Công an huyện | -
hồ sơ cấp căn cước | identity-card applications | căn cước | Công an tỉnh | Công an huyện | -
hồ sơ tuyển sinh đầu cấp | school enrolment applications | tuyển sinh | Sở Giáo dục và Đào tạo | Phòng Giáo dục và Đào tạo | -
hồ sơ cấp bằng tốt nghiệp | diploma requests | giáo dục | Sở Giáo dục và Đào tạo | Phòng Giáo dục và Đào tạo | -
thủ tục cấp đổi giấy phép lái xe | driving-licence renewals | giấy phép lái xe | Sở Xây dựng | Phòng Kinh tế - Hạ tầng | -
hồ sơ khám chữa bệnh | medical records | y tế | Sở Y tế | Trung tâm Y tế huyện | -
giấy phép kinh doanh thuốc | pharmacy licences | dược | Sở Y tế | Phòng Y tế | -
hồ sơ hỗ trợ hộ nghèo | support applications of poor households | giảm nghèo | Sở Nội vụ | Phòng Lao động - Thương binh và Xã hội | -
thủ tục cấp điện, cấp nước | electricity and water connections | điện nước | Sở Công Thương | Phòng Kinh tế - Hạ tầng | -
phản ánh, kiến nghị của người dân | residents' feedback and petitions | phản ánh kiến nghị | Văn phòng UBND tỉnh | Văn phòng HĐND và UBND huyện | impact
văn bản, hồ sơ công việc | official correspondence | văn bản điện tử | Văn phòng UBND tỉnh | Văn phòng HĐND và UBND huyện | digital-government
hồ sơ thủ tục hành chính | administrative dossiers | giải quyết thủ tục hành chính | Trung tâm Phục vụ hành chính công | Bộ phận Một cửa huyện | -
hồ sơ đề nghị hỗ trợ nông nghiệp | farm-support applications | nông nghiệp | Sở Nông nghiệp và Môi trường | Phòng Nông nghiệp và Phát triển nông thôn | -
giấy chứng nhận an toàn thực phẩm | food-safety certificates | an toàn thực phẩm | Sở Nông nghiệp và Môi trường | Phòng Nông nghiệp và Phát triển nông thôn | -
hồ sơ tuyển dụng viên chức | public-servant recruitment | tuyển dụng | Sở Nội vụ | Phòng Nội vụ | civil-service
hồ sơ thi đua, khen thưởng | commendation proposals | thi đua khen thưởng | Sở Nội vụ | Phòng Nội vụ | civil-service
hồ sơ quyết toán vốn đầu tư công | public-investment settlements | đầu tư công | Sở Tài chính | Phòng Tài chính - Kế hoạch | public-finance
thủ tục thuế của hộ kinh doanh | household-business tax filings | thuế | Thuế tỉnh | Đội Thuế liên huyện | public-finance
giấy phép lao động cho người nước ngoài | work permits for foreign workers | người lao động | Sở Nội vụ | Phòng Nội vụ | -
hồ sơ đăng ký tàu cá | fishing-boat registration | thủy sản | Sở Nông nghiệp và Môi trường | Phòng Nông nghiệp và Phát triển nông thôn | -
thủ tục cấp giấy phép khai thác nước ngầm | groundwater-extraction permits | tài nguyên nước | Sở Nông nghiệp và Môi trường | Phòng Tài nguyên và Môi trường | -
hồ sơ đăng ký nghĩa vụ quân sự | military-service registration | nghĩa vụ quân sự | Bộ Chỉ huy quân sự tỉnh | Ban Chỉ huy quân sự huyện | -
""",
    6,
)

# For whom, where, how: Vietnamese | English
QUALIFIERS = _table(
    """
cho người cao tuổi | for older people
cho hộ kinh doanh | for household businesses
cho doanh nghiệp nhỏ và vừa | for small and medium enterprises
cho đồng bào dân tộc thiểu số | for ethnic-minority communities
cho người khuyết tật | for people with disabilities
cho công nhân các khu công nghiệp | for industrial-zone workers
ở vùng sâu, vùng xa | in remote areas
ở các xã đảo | on island communes
trên Cổng dịch vụ công quốc gia | on the national public-service portal
qua ứng dụng VNeID | through the VNeID app
qua ứng dụng di động của tỉnh | through the province's mobile app
tại bộ phận một cửa | at the one-stop desk
không phụ thuộc địa giới hành chính | regardless of place of residence
trong vòng 24 giờ | within 24 hours
vào sáng thứ Bảy | on Saturday mornings
cho học sinh, sinh viên | for pupils and students
cho nông dân | for farmers
cho ngư dân | for fishers
cho người lao động đi làm việc ở nước ngoài | for people working abroad
cho phụ nữ và trẻ em | for women and children
có sự tham gia của đoàn viên thanh niên | with youth-union volunteers
gắn với xây dựng nông thôn mới | as part of new rural development
theo mô hình “một cửa, một lần” | on a “one desk, one visit” model
bằng chữ ký số cá nhân | with personal digital signatures
tại nhà văn hóa thôn, tổ dân phố | at village and neighbourhood halls
""",
    2,
)

# Words a title often opens with, the action then lower-cased: Vietnamese | English
FRAMES = _table(
    """
Mô hình | Model:
Giải pháp | Solution:
Đề án | Scheme:
Sáng kiến | Initiative:
Chương trình | Programme:
Đẩy mạnh | More:
Thí điểm | Pilot:
Nâng cao hiệu quả | Better results:
""",
    2,
)

# Models named by a slogan: Vietnamese | English
SLOGANS = _table(
    """
Ngày thứ Bảy vì dân | Saturdays for residents
Cán bộ đi từng ngõ, gõ từng nhà | Officers door to door
Một cửa không chờ | A one-stop desk without queues
Dân hỏi – chính quyền trả lời | Residents ask, the authorities answer
Bốn tại chỗ | Four things on the spot
Hồ sơ không giấy | Paperless dossiers
Thứ Năm lắng nghe | Listening Thursdays
Ba không trong tiếp dân | Three don'ts at the reception desk
Công dân số | Digital citizens
Xã thông minh | Smart commune
Phường không hẹn | A ward without appointments
Cà phê doanh nhân | Coffee with entrepreneurs
Bình dân học vụ số | Digital literacy for all
Nụ cười công sở | Smiles at the office
Hồ sơ đến trước, giải quyết trước | First filed, first handled
Mỗi tuần một thủ tục | One procedure a week
""",
    2,
)

# Why: Vietnamese | English
BENEFITS = _table(
    """
người dân không phải đi lại nhiều lần | residents no longer come back again and again
rút ngắn thời gian chờ đợi | waiting times are shorter
giảm chi phí tuân thủ cho doanh nghiệp | firms spend less on compliance
công khai, minh bạch quá trình giải quyết | the handling is open to view
giảm hẳn hồ sơ trễ hạn | late dossiers have almost gone
cán bộ nắm được từng hồ sơ đang ở khâu nào | officers see where each file is
""",
    2,
)

# Names of communes and wards that many provinces share, before and after the 2025 merger.
COMMUNES = _items(
    "Tân Phú|Hòa Bình|Tân Lập|Phú Thịnh|Quang Trung|Thống Nhất|Đồng Tâm|Tân Thành|Hưng Đạo|"
    "Minh Khai|Yên Lạc|Phú Lộc|An Bình|Tân Hòa|Thanh Sơn|Trung Sơn|Tân Tiến|Nghĩa Hưng|Đông Hòa|"
    "Xuân Lộc|Vĩnh Phú|Hòa An|Long Hưng|Mỹ Phước|Phước Long|Tân Hiệp|Thái Hòa|Đại Đồng|Hợp Thành|"
    "Kim Sơn|Lạc Long|Nam Sơn|Phong Phú|Quảng Thành|Sơn Thủy|Thuận Hòa|Trung Hòa|Vĩnh Hưng|"
    "Yên Bình|Bình Minh|Cát Tiên|Diên Hồng"
)

PROVINCE_UNITS = (
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
    "Văn phòng UBND tỉnh",
    "Trung tâm Phục vụ hành chính công",
)

# The biggest provinces have more initiatives; the others weigh 1.
WEIGHTS = {"ha-noi": 4, "ho-chi-minh": 4}
WEIGHTS |= dict.fromkeys(
    _items(
        "hai-phong|da-nang|can-tho|dong-nai|thanh-hoa|nghe-an|an-giang|dak-lak|bac-ninh|phu-tho"
    ),
    2,
)

EXTRA_TAGS = _items(
    "chuyển đổi số|cấp xã|một cửa điện tử|dịch vụ công trực tuyến|người cao tuổi|doanh nghiệp|"
    "cải cách hành chính|sáng kiến|mô hình hay|hành chính phục vụ|chính quyền thân thiện|"
    "sau sáp nhập|nông thôn mới|thanh niên xung kích|tổ công nghệ số cộng đồng|"
    "định danh điện tử|đề án 06"
)

NATIONAL_PUBLISHERS = _table(
    """
Báo Nhân Dân | nhandan.vn
Báo Lao Động | laodong.vn
Báo Tuổi Trẻ | tuoitre.vn
VnExpress | vnexpress.net
Báo Pháp luật Việt Nam | baophapluat.vn
Tạp chí Quản lý nhà nước | quanlynhanuoc.vn
Bộ Nội vụ | moha.gov.vn
Báo Điện tử Chính phủ | baochinhphu.vn
""",
    2,
)

# Headlines of the articles cited: {name} province, {place} "tỉnh X", {agency}, {title}, {where}
HEADLINES = (
    "{name}: {title_lower}",
    "Hiệu quả từ mô hình {title_lower}",
    "{agency} đẩy mạnh cải cách hành chính",
    "{Where}: người dân hài lòng với cách làm mới",
    "Lan tỏa sáng kiến cải cách hành chính ở {place}",
    "Nhiều cách làm hay trong cải cách thủ tục hành chính ở {place}",
)

STATUSES = {"active": 45, "scaled": 12, "piloting": 10, "ended": 8, "proposed": 5, "unknown": 20}


@dataclass(frozen=True)
class MetricKind:
    label: str
    unit: str
    low: float
    high: float
    decimals: int
    baseline: tuple[int, int] | None  # the range of the value before, when the source says it
    quote: str  # {v}, {b}, {when}, {who}; numbers as a Vietnamese article writes them


def _metric(row: tuple[str, ...]) -> MetricKind:
    label, unit, low, high, decimals, baseline, quote = row
    before = None
    if baseline != "none":
        first, last = baseline.split("-")
        before = (int(first), int(last))
    return MetricKind(label, unit, float(low), float(high), int(decimals), before, quote)


# label | unit | low | high | decimals | baseline range or none | the quoted sentence
METRICS = tuple(
    map(
        _metric,
        _table(
            """
Hồ sơ tiếp nhận trực tuyến | hồ sơ | 200 | 60000 | 0 | none | Tính đến {when}, {who} đã tiếp nhận {v} hồ sơ trực tuyến.
Tỉ lệ hồ sơ giải quyết đúng hạn | % | 86 | 99.9 | 1 | 55-85 | Tỉ lệ hồ sơ giải quyết đúng hạn tăng từ {b}% lên {v}% ({when}).
Thời gian giải quyết | ngày làm việc | 1 | 7 | 0 | 8-30 | Thời gian giải quyết rút ngắn từ {b} ngày làm việc xuống còn {v} ngày.
Doanh nghiệp tham gia | doanh nghiệp | 12 | 2400 | 0 | none | Đến {when} đã có {v} doanh nghiệp tham gia, theo {who}.
Tỉ lệ người dân hài lòng | % | 88 | 99.8 | 1 | none | Kết quả khảo sát cho thấy {v}% người dân hài lòng với cách làm mới.
Giao dịch thanh toán không tiền mặt | giao dịch | 150 | 250000 | 0 | none | Đã có {v} giao dịch thanh toán không dùng tiền mặt tính đến {when}.
Chi phí tiết kiệm được | triệu đồng | 40 | 25000 | 0 | none | Mỗi năm tiết kiệm khoảng {v} triệu đồng chi phí in ấn, đi lại, {who} cho biết.
Hồ sơ được số hóa | hồ sơ | 1000 | 900000 | 0 | none | Đã số hóa {v} hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính.
Hộ gia đình được hỗ trợ | hộ | 30 | 12000 | 0 | none | Tổ công tác đã đến tận nơi hỗ trợ {v} hộ gia đình.
Hồ sơ trễ hạn | hồ sơ | 0 | 40 | 0 | 60-900 | Số hồ sơ trễ hạn giảm từ {b} xuống còn {v} hồ sơ trong năm.
Tỉ lệ hồ sơ nộp trực tuyến | % | 35 | 98 | 1 | 3-30 | Tỉ lệ hồ sơ nộp trực tuyến đạt {v}%, năm trước chỉ {b}%.
""",
            7,
        ),
    )
)

RECOGNITIONS = _table(
    """
Bằng khen của Chủ tịch UBND {place} | UBND {place}
Giải Nhất Hội thi sáng kiến cải cách hành chính {place} | UBND {place}
Sáng kiến cấp tỉnh | Hội đồng sáng kiến {place}
Mô hình cải cách hành chính tiêu biểu | Bộ Nội vụ
""",
    2,
)


@cache
def _paragraphs() -> dict[str, tuple[str, ...]]:
    """The bundled initiatives' body paragraphs, by the section heading they are under."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "initiatives").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        heading = ""
        for block in body.split("\n\n"):
            block = block.strip()
            if block.startswith("## "):
                heading = block[3:].strip()
            elif block and heading:
                found.setdefault(heading, []).append(block)
    return {heading: tuple(dict.fromkeys(blocks)) for heading, blocks in found.items()}


@cache
def _provinces() -> tuple[tuple[Province, ...], tuple[int, ...], dict[str, list[Province]]]:
    places = load_vocabulary().places
    current = tuple(places.current)
    weights = tuple(WEIGHTS.get(p.slug, 1) for p in current)
    formers = {p.slug: [f for f in places.former_of(p) if f.name != p.name] for p in current}
    return current, weights, formers


@cache
def _districts(province: str) -> tuple[Locality, ...]:
    """Districts, towns and cities of before 07/2025 now in ``province`` (a slug)."""
    kinds = ("huyện", "thị xã", "thành phố", "quận")
    localities = load_vocabulary().places.localities
    return tuple(loc for loc in localities if loc.kind in kinds and loc.now.slug == province)


Month = tuple[int, int]


def _month(rng: random.Random, first: Month, last: Month) -> Month:
    start, end = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    value = rng.randint(start, max(start, end))
    return value // 12, value % 12 + 1


def _date(rng: random.Random, month: Month, precision: str) -> str:
    if precision == "year":
        return f"{month[0]}"
    if precision == "month":
        return f"{month[0]}-{month[1]:02d}"
    return f"{month[0]}-{month[1]:02d}-{rng.randint(1, 28):02d}"


def vi_number(value: float) -> str:
    """12345 → "12.345", 68.8 → "68,8": as a Vietnamese article writes it."""
    whole = f"{int(value):,}".replace(",", ".")
    return whole if value == int(value) else whole + "," + f"{value:.1f}".split(".")[1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Place:
    """Where a record was made, as it names it."""

    folder: str  # today's province's slug
    province: Province  # the province as named then (a former one, or today's)
    level: str
    locality: str | None
    agency: str
    where_vi: str  # "xã Tân Phú", "huyện Krông Ana", "tỉnh Phú Yên"
    where_en: str
    started: Month

    @property
    def place(self) -> str:
        """ "tỉnh Phú Yên", "thành phố Huế" """
        kind = "thành phố" if self.province.full_name.startswith("Thành phố") else "tỉnh"
        return f"{kind} {self.province.name}"


def _where(rng: random.Random, n: int, thing: tuple[str, ...]) -> _Place:
    """A district before the merger, a province's name of before it, or today's province."""
    current, weights, formers = _provinces()
    today = current[n] if n < len(current) else rng.choices(current, weights)[0]
    roll = rng.random()
    districts = _districts(today.slug)
    district = rng.choice(districts) if roll < 0.12 and districts else None
    named = today
    if district is not None:
        named = district.then
    elif roll < 0.26 and formers[today.slug]:
        named = rng.choice(formers[today.slug])
    before = district is not None or named is not today
    started = _month(rng, FIRST_START, LAST_BEFORE_MERGER if before else LAST_START)
    province_kind = "thành phố" if named.full_name.startswith("Thành phố") else "tỉnh"
    place = f"{province_kind} {named.name}"
    if district is not None:
        agency = rng.choice((f"UBND {district.label}", f"{thing[4]} {district.label}"))
        en = f"{district.name} {district.kind_en}"
        return _Place(
            today.slug, named, "district", district.label, agency, district.label, en, started
        )
    if rng.random() < 0.55:
        name, kind = rng.choice(COMMUNES), rng.choice(("xã", "phường"))
        en = f"{name} {'commune' if kind == 'xã' else 'ward'}"
        where = f"{kind} {name}"
        return _Place(today.slug, named, "commune", where, f"UBND {where}", where, en, started)
    unit = rng.choice((thing[3], thing[3], *PROVINCE_UNITS)).removesuffix(" tỉnh")
    agency = f"{unit} {place}"
    return _Place(today.slug, named, "province", None, agency, place, named.name_en, started)


def record(n: int, seed: int = SEED) -> tuple[str, str, dict[str, Any], str]:
    """Record ``n``: (its province folder, its id, its front matter, its body)."""
    rng = random.Random(f"sangkien-synthetic-{seed}-{n}")
    domain_ids = load_vocabulary().domain_ids
    actions = [a for a in ACTIONS if a[2] == domain_ids[n]] if n < len(domain_ids) else ACTIONS
    action = rng.choice(actions)
    thing = rng.choice(THINGS)
    at = _where(rng, n, thing)

    # the title: [frame] action on thing | slogan model for thing; [for whom]; [where]
    q_vi, q_en = rng.choice(QUALIFIERS) if rng.random() < 0.85 else ("", "")
    if rng.random() < 0.15:
        s_vi, s_en = rng.choice(SLOGANS)
        core_vi = f"mô hình “{s_vi}” trong giải quyết {thing[0]}"
        core_en = f"the “{s_en}” model for {thing[1]}"
        title, title_en = core_vi, core_en
    else:
        core_vi, core_en = action[0].format(o=thing[0]), action[1].format(o=thing[1])
        title, title_en = core_vi, core_en
        if rng.random() < 0.4:
            frame_vi, frame_en = rng.choice(FRAMES)
            title = f"{frame_vi} {_lower_first(core_vi)}"
            title_en = f"{frame_en} {_lower_first(core_en)}"
    if q_vi:
        core_vi, core_en = f"{core_vi} {q_vi}", f"{core_en} {q_en}"
        title, title_en = f"{title} {q_vi}", f"{title_en} {q_en}"
    if at.level != "province" and rng.random() < 0.5:
        title, title_en = f"{title} tại {at.where_vi}", f"{title_en} in {at.where_en}"
    elif at.level == "province" and rng.random() < 0.3:
        title, title_en = f"{title} trên địa bàn {at.where_vi}", f"{title_en} in {at.where_en}"
    title, title_en = _upper_first(title), _upper_first(title_en)

    sources = _sources(rng, at, title)
    metrics = _metrics(rng, at, sources)
    year, month = at.started

    verb = rng.choice(("triển khai", "áp dụng", "thí điểm", "xây dựng", "duy trì"))
    benefit_vi, benefit_en = rng.choice(BENEFITS)
    if rng.random() < 0.5:
        summary = f"Từ {month:02d}/{year}, {at.agency} {verb} {_lower_first(core_vi)}"
        summary += f", giúp {benefit_vi}."
    else:
        summary = f"{at.agency} {verb} {_lower_first(core_vi)} từ năm {year}, để {benefit_vi}."
    if metrics:
        first = metrics[0]
        unit = first["unit"] if first["unit"] == "%" else " " + first["unit"]
        summary += f" {first['label']}: {vi_number(first['value'])}{unit}."
    if len(summary) > 400:
        summary = summary[:399].rsplit(" ", 1)[0] + "…"
    summary_en = f"{_upper_first(core_en)}, in {at.where_en} since {year}: {benefit_en}."

    domains = list(dict.fromkeys([action[2], "procedures" if thing[5] == "-" else thing[5]]))
    if rng.random() < 0.2 and len(domains) < 3:
        domains = list(dict.fromkeys([*domains, rng.choice(domain_ids)]))
    action_tags = action[3].split("; ")
    tags = [thing[2], *action_tags[: rng.randint(1, len(action_tags))]]
    if rng.random() < 0.5:
        tags.append(rng.choice(EXTRA_TAGS))
    if at.level == "commune" and rng.random() < 0.4:
        tags.append("cấp xã")
    tags = list(dict.fromkeys(tags))[:4]

    names = list(STATUSES)
    status = rng.choices(names, [STATUSES[s] for s in names])[0]
    if status == "proposed" and at.started < (2024, 1):
        status = "active"
    precision = rng.choices(("year", "month", "day"), (30, 55, 15))[0]
    if precision == "year" and year == 2025:
        precision = "month"  # "2025" would reach past the merger, and past a 2025 source

    meta: dict[str, Any] = {"title": title}
    if rng.random() < 0.7:
        meta["title_en"] = title_en
    meta["summary"] = summary
    if rng.random() < 0.5 and len(summary_en) <= 400:
        meta["summary_en"] = summary_en
    meta["province"] = at.province.name
    if at.locality:
        meta["locality"] = at.locality
    meta |= {"agency": at.agency, "level": at.level, "domains": domains, "tags": tags}
    meta["status"] = status
    meta["started"] = _date(rng, at.started, precision)
    if status == "ended":
        meta["ended"] = _date(rng, _month(rng, at.started, LAST_START), "month")
    if precision == "year" and rng.random() < 0.5:
        meta["inferred"] = ["started"]
    if metrics:
        meta["metrics"] = metrics
    if rng.random() < 0.15:
        title_r, by = rng.choice(RECOGNITIONS)
        meta["recognition"] = [
            {
                "title": title_r.format(place=at.place),
                "by": by.format(place=at.place),
                "year": rng.randint(min(year + 1, 2026), 2026),
            }
        ]
    if rng.random() < 0.08:
        others = [p.name for p in _provinces()[0] if p.slug != at.folder]
        meta["replicated_in"] = sorted(rng.sample(others, rng.randint(1, 2)))
    meta["sources"] = sources
    if rng.random() < 0.3:
        contact: dict[str, Any] = {"unit": at.agency}
        host = slug(at.province.name).replace("-", "")
        if rng.random() < 0.7:
            box = rng.choice(("vanphong", "motcua", "tiepdan", "cchc"))
            contact["email"] = f"{box}@{host}.gov.vn"
        if rng.random() < 0.5:
            contact["phone"] = f"0{rng.randint(200, 299)} {rng.randint(3_000_000, 3_999_999)}"
        meta["contact"] = contact

    body = _body(rng, at, title, metrics, sources)
    stem = "-".join(slug(title).split("-")[:9])
    return at.folder, f"{stem}-{n}", meta, body


def _sources(rng: random.Random, at: _Place, title: str) -> list[dict[str, Any]]:
    host = slug(at.province.name).replace("-", "")
    values = {
        "name": at.province.name,
        "place": at.place,
        "agency": at.agency,
        "title_lower": _lower_first(title),
        "Where": _upper_first(at.where_vi),
    }
    count = rng.choices((1, 2, 3), (55, 35, 10))[0]
    sources = []
    for headline in rng.sample(HEADLINES, count):
        pick = rng.random()
        if pick < 0.45:
            publisher, domain = f"Báo {at.province.name}", f"bao{host}.vn"
        elif pick < 0.75:
            publisher, domain = f"Cổng thông tin điện tử {at.place}", f"{host}.gov.vn"
        else:
            publisher, domain = rng.choice(NATIONAL_PUBLISHERS)
        text = headline.format(**values)
        month = _month(rng, at.started, LAST_SOURCE)
        citation: dict[str, Any] = {
            "title": text,
            "publisher": publisher,
            "date": _date(rng, month, "day"),
        }
        if rng.random() < 0.995:
            path = slug(text)[:70].rstrip("-")
            citation["url"] = f"https://{domain}/{path}-{rng.randint(100_000, 999_999)}.html"
        sources.append(citation)
    return sources


def _metrics(rng: random.Random, at: _Place, sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """0 to 3 figures, each quoted, as of a month before its source, in that source's quote."""
    kinds = rng.sample(METRICS, rng.choices((0, 1, 2, 3), (20, 40, 28, 12))[0])
    metrics = []
    quotes: dict[int, list[str]] = {}
    for kind in kinds:
        value: float = round(rng.uniform(kind.low, kind.high), kind.decimals)
        value = int(value) if value == int(value) else value
        base = rng.randint(*kind.baseline) if kind.baseline else None
        index = rng.randrange(len(sources))
        year, month = sources[index]["date"].split("-")[:2]
        as_of = _month(rng, at.started, (int(year), int(month)))
        sentence = kind.quote.format(
            v=vi_number(value),
            b=vi_number(base or 0),
            when=f"tháng {as_of[1]}/{as_of[0]}",
            who=at.agency,
        )
        quotes.setdefault(index, []).append(sentence)
        metric: dict[str, Any] = {"label": kind.label, "value": value, "unit": kind.unit}
        if base is not None:
            metric["baseline"] = base
        metric["as_of"] = f"{as_of[0]}-{as_of[1]:02d}"
        metrics.append(metric)
    for index, source in enumerate(sources):
        if index in quotes:
            source["quote"] = " ".join(quotes[index])
        elif rng.random() < 0.3:
            source["quote"] = (
                f"Theo {at.agency}, cách làm mới giúp người dân tiết kiệm thời gian, chi phí đi lại."
            )
    return metrics


def _body(
    rng: random.Random,
    at: _Place,
    title: str,
    metrics: Sequence[dict[str, Any]],
    sources: Sequence[dict[str, Any]],
) -> str:
    """Three sections, each a sentence of this record, then paragraphs of bundled records."""
    banks = _paragraphs()
    year, month = at.started
    quotes = [s["quote"] for s in sources if "quote" in s]
    opening = {
        "Bối cảnh": (
            f"Trước khi có sáng kiến, người dân ở {at.where_vi} thường phải đến nhiều lần mới "
            f"hoàn thành một hồ sơ; {at.agency} đặt mục tiêu thay đổi điều đó."
        ),
        "Cách làm": (
            f"Từ tháng {month}/{year}, {at.agency} triển khai “{title}”, phân công rõ người, "
            "rõ việc, rõ thời hạn."
        ),
        "Kết quả": " ".join(quotes) or "Các nguồn chưa nêu số liệu cụ thể về kết quả.",
    }
    parts = []
    for heading, opens in opening.items():
        bank = banks.get(heading, ())
        chosen = rng.sample(bank, min(len(bank), rng.choices((0, 1, 2), (15, 70, 15))[0]))
        parts.append("\n\n".join([f"## {heading}", opens, *chosen]))
    if metrics and rng.random() < 0.3:
        rows = [
            f"| {m['label']} | {vi_number(m['value'])}{'' if m['unit'] == '%' else ' '}"
            f"{m['unit']} |"
            for m in metrics
        ]
        parts.append("\n".join(["| Chỉ số | Giá trị |", "|---|---:|", *rows]))
    return "\n\n".join(parts) + "\n"


# Front matter written as people write it: plain where YAML reads it back as written, else
# quoted; dates always quoted; long paragraphs folded (">-") like the bundled records'.

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE_KEYS = frozenset({"started", "ended", "date", "as_of"})
_FOLDED = frozenset({"summary", "summary_en", "quote"})  # paragraphs; titles stay on one line
_UNSAFE_START = tuple("-?:,[]{}#&*!|>'\"%@`")
WIDTH = 96


def _plain(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text.startswith(_UNSAFE_START):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    try:
        return bool(yaml.load(text, Loader=_LOADER) == text)
    except yaml.YAMLError:
        return False


def _scalar(key: str, value: Any, indent: int, flow: bool = False) -> str:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{key}: {value!r}")
    if isinstance(value, int | float):
        return repr(value)
    if key in _DATE_KEYS:
        return json.dumps(value)
    if key in _FOLDED and len(value) > WIDTH - indent - len(key) - 2:
        lines = textwrap.wrap(
            value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
        )
        pad = " " * (indent + 2)
        return ">-\n" + "\n".join(pad + line for line in lines)
    return value if _plain(value, flow) else json.dumps(value, ensure_ascii=False)


def _mapping(data: dict[str, Any], indent: int, first: str = "") -> list[str]:
    lines = []
    for index, (key, value) in enumerate(data.items()):
        prefix = first if index == 0 and first else " " * indent
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{prefix}{key}:")
            for item in value:
                lines += _mapping(item, indent + 4, " " * (indent + 2) + "- ")
        elif isinstance(value, list):
            items = ", ".join(_scalar(key, item, indent, flow=True) for item in value)
            lines.append(f"{prefix}{key}: [{items}]")
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}:")
            lines += _mapping(value, indent + 2)
        else:
            lines.append(f"{prefix}{key}: {_scalar(key, value, indent)}")
    return lines


def record_text(meta: dict[str, Any], body: str) -> str:
    """A record file: the front matter between ``---`` lines, a blank line, the body."""
    return "---\n" + "\n".join(_mapping(meta, 0)) + "\n---\n\n" + body


def make_collection(root: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write ``count`` records under ``root/initiatives/<province>/``; their paths."""
    written = []
    for n in range(count):
        folder, stem, meta, body = record(n, seed)
        path = root / "initiatives" / folder / f"{stem}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_text(meta, body), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write N synthetic initiatives.")
    parser.add_argument("count", type=int)
    parser.add_argument("root", type=Path, help="the repository to write initiatives/ into")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    paths = make_collection(args.root, args.count, args.seed)
    print(f"{len(paths)} records under {args.root / 'initiatives'}")


if __name__ == "__main__":
    main()
