"""The bilingual message catalogue: one place for every text a contributor reads.

Each code maps to a Vietnamese and an English template; the templates say what is
wrong and how to fix it. Keeping them together keeps the two languages in step and
lets tests assert whole messages.
"""

from __future__ import annotations

import difflib
import string
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import NamedTuple

from .visible import visible

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file itself -------------------------------------------------------------
    "file-too-large": (
        "tệp nặng {size} byte, vượt giới hạn {limit} byte; hãy rút gọn nội dung hoặc đưa ảnh ra tệp riêng",
        "file is {size} bytes, over the {limit}-byte limit; shorten it or move images to files",
    ),
    "not-utf8": (
        "tệp không phải UTF-8 (byte {byte} không đọc được); hãy lưu lại với bảng mã UTF-8",
        "file is not UTF-8 (cannot decode byte {byte}); save it again as UTF-8",
    ),
    "bom": (
        "tệp bắt đầu bằng BOM; hãy lưu dạng UTF-8 không có BOM",
        "file starts with a byte-order mark; save it as UTF-8 without BOM",
    ),
    "unreadable": (
        "không đọc được tệp: {reason}",
        "cannot read the file: {reason}",
    ),
    # --- characters (see characters.py for what is reported and why) -------------------
    "control-character": (
        "ký tự điều khiển {char} không được phép; hãy xóa ký tự vô hình này ở đúng dòng và cột đã nêu (thường lẫn vào khi dán từ Word hoặc PDF)",
        "control character {char} is not allowed; delete this invisible character at the line and column given (it usually comes from pasting from Word or a PDF)",
    ),
    "noncharacter": (
        "{char} là mã Unicode không dùng cho văn bản; hãy xóa ký tự này ở đúng dòng và cột đã nêu",
        "{char} is a Unicode noncharacter, never text; delete it at the line and column given",
    ),
    "line-separator": (
        "ký tự ngắt dòng/đoạn Unicode {char}: YAML và Markdown hiểu nó khác nhau; hãy thay bằng một lần xuống dòng thường (Enter) hoặc dấu cách",
        "Unicode line or paragraph separator {char}: YAML and Markdown read it differently; replace it with a plain line break (Enter) or a space",
    ),
    "stray-bom": (
        "ký tự vô hình {char} (BOM) nằm giữa tệp, thường do ghép hai tệp; hãy xóa nó",
        "invisible character {char} (byte-order mark) inside the file, usually left by joining two files; delete it",
    ),
    "more-stray-characters": (
        "còn {count} ký tự như trên từ đây trở đi; có thể tệp đã được lưu sai bảng mã (ví dụ UTF-16), hãy lưu lại với bảng mã UTF-8",
        "{count} more such characters from here on; the file may have been saved in the wrong encoding (e.g. UTF-16): save it again as UTF-8",
    ),
    # values the YAML reader cannot take in (issue 13: no input crashes the checker)
    "yaml-malformed-number": (
        'giá trị {value} không có dấu nháy bị YAML 1.1 coi là số nhưng không đọc được thành số; nếu là chữ, hãy viết "{value}"',
        'unquoted {value} looks like a number to YAML 1.1 but cannot be read as one; if you mean text, write "{value}"',
    ),
    "yaml-number-too-long": (
        "con số dài {length} ký tự, quá dài để là một giá trị thật; hãy kiểm tra lại, hoặc đặt trong dấu nháy nếu là chữ",
        "a number {length} characters long is too long to be a real value; check it, or quote it if it is text",
    ),
    "yaml-too-deep": (
        "dữ liệu lồng nhau quá {limit} cấp; hồ sơ chỉ cần vài cấp, hãy kiểm tra các dấu ngoặc [ ] {{ }} và thụt lề",
        "data nested more than {limit} levels deep; records need only a few, check the [ ] {{ }} brackets and the indentation",
    ),
    # the last resort of cli.main: a bug of ours, never the contributor's
    "internal-error": (
        "lỗi nội bộ của sangkien ({error}); đây không phải lỗi của bạn: xin báo cho nhóm phát triển, kèm tệp liên quan và kết quả khi chạy lại lệnh với {env}=1",
        "internal error in sangkien ({error}); not your mistake: please report it with the file concerned and the output of the command run again with {env}=1",
    ),
    # --- front matter ----------------------------------------------------------------
    "front-matter-missing": (
        "thiếu phần khai báo (front matter): dòng đầu tiên của tệp phải là '---'",
        "missing front matter: the first line of the file must be '---'",
    ),
    "front-matter-unclosed": (
        "phần khai báo (front matter) mở bằng '---' ở dòng 1 nhưng không có dòng '---' để đóng",
        "front matter opened with '---' on line 1 is never closed by a '---' line",
    ),
    "front-matter-not-mapping": (
        "phần khai báo phải là các cặp 'khóa: giá trị', không phải {kind}",
        "front matter must be 'key: value' pairs, not {kind}",
    ),
    "tab": (
        "có ký tự tab trong phần khai báo; YAML chỉ cho phép thụt lề bằng dấu cách",
        "tab character in the front matter; YAML indents with spaces only",
    ),
    "yaml-syntax": (
        "lỗi cú pháp YAML: {problem}; hãy kiểm tra dấu hai chấm, dấu nháy và thụt lề",
        "YAML syntax error: {problem}; check colons, quotes and indentation",
    ),
    "duplicate-key": (
        "khóa '{key}' đã khai báo ở dòng {first_line}; mỗi khóa chỉ được khai báo một lần",
        "key '{key}' was already given on line {first_line}; give each key once",
    ),
    "yaml-tag": (
        "không dùng thẻ YAML '{tag}': hồ sơ chỉ chứa dữ liệu thuần",
        "YAML tag '{tag}' is not allowed: records are plain data",
    ),
    "yaml-anchor": (
        "không dùng neo YAML '&{anchor}': hãy viết đầy đủ giá trị",
        "YAML anchor '&{anchor}' is not allowed: write the value out in full",
    ),
    "yaml-alias": (
        "không dùng tham chiếu YAML '*{anchor}': hãy viết đầy đủ giá trị",
        "YAML alias '*{anchor}' is not allowed: write the value out in full",
    ),
    "yaml-complex-key": (
        "khóa phải là một chuỗi đơn giản",
        "keys must be plain strings",
    ),
    "yaml-ambiguous-bool": (
        'giá trị {value} không có dấu nháy bị YAML 1.1 hiểu là đúng/sai; nếu là chữ, hãy viết "{value}"',
        'unquoted {value} is read by YAML 1.1 as a boolean; if you mean text, write "{value}"',
    ),
    "yaml-ambiguous-number": (
        "giá trị {value} không có dấu nháy bị YAML 1.1 đọc thành một số khác ({reading}); "
        'hãy viết "{value}" nếu là chữ, hoặc bỏ số 0 ở đầu',
        "unquoted {value} is read by YAML 1.1 as another number ({reading}); "
        'write "{value}" for text, or drop the leading zero',
    ),
    "thousands-dot": (
        "giá trị {value} dễ hiểu nhầm: người Việt đọc là {whole} (dấu chấm ngăn hàng nghìn) nhưng "
        "máy đọc là {decimal}; hãy viết {whole} nếu là {whole}, hoặc {decimal} nếu là số thập phân",
        "{value} is ambiguous: written the Vietnamese way it means {whole} (the dot groups "
        "thousands) but it is read as {decimal}; write {whole} for {whole}, or {decimal} for the decimal",
    ),
    "yaml-not-finite": (
        "giá trị {value} không phải là một số hữu hạn",
        "{value} is not a finite number",
    ),
    # --- fields ----------------------------------------------------------------------
    "missing": (
        "thiếu trường bắt buộc '{key}'; hãy thêm '{key}: ...'",
        "required field '{key}' is missing; add '{key}: ...'",
    ),
    "unknown-field": (
        "trường '{key}' không có trong định dạng hồ sơ{hint}",
        "unknown field '{key}'{hint}",
    ),
    "wrong-type": (
        "cần {expected}, nhưng nhận được {received} {value}",
        "expected {expected} but received {received} {value}",
    ),
    "empty": (
        "không được để trống",
        "must not be empty",
    ),
    "too-long": (
        "dài {length} ký tự, tối đa {limit}; hãy rút gọn",
        "is {length} characters long, at most {limit} allowed; shorten it",
    ),
    "list-size": (
        "cần từ {min} đến {max} mục, hiện có {count}",
        "needs {min} to {max} items, has {count}",
    ),
    "list-too-short": (
        "cần ít nhất {min} mục, hiện có {count}",
        "needs at least {min} items, has {count}",
    ),
    "not-one-of": (
        "giá trị '{value}' không hợp lệ; chọn một trong: {choices}",
        "'{value}' is not allowed; expected one of: {choices}",
    ),
    "use-id": (
        "'{value}' là {label} nhưng trường này ghi bằng mã: hãy viết '{id}'",
        "'{value}' means '{id}' ({label}), but this field takes the id: write '{id}'",
    ),
    "negative": (
        "giá trị {value} là số âm; chỉ số phải lớn hơn hoặc bằng 0",
        "{value} is negative; metric values must be zero or more",
    ),
    "bad-date": (
        "ngày '{value}' không hợp lệ; hãy viết theo dạng YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ \"2023-06\")",
        "'{value}' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. \"2023-06\")",
    ),
    "bad-year": (
        "năm {value} không hợp lệ; hãy viết năm có 4 chữ số từ 1945 đến 2100",
        "{value} is not a valid year; write a 4-digit year from 1945 to 2100",
    ),
    "bad-url": (
        "địa chỉ '{value}' không hợp lệ; hãy dán địa chỉ đầy đủ của trang, bắt đầu bằng https:// hoặc http://, không có dấu cách, dấu <, >, dấu nháy hay dấu ngoặc ( ) lẻ",
        "'{value}' is not a valid address; paste the page's full address, starting with https:// or http://, without spaces, <, >, quotes or unpaired ( )",
    ),
    "bad-email": (
        "địa chỉ thư '{value}' không hợp lệ",
        "'{value}' is not a valid e-mail address",
    ),
    "html-in-text": (
        "chỉ dùng chữ thuần, không dùng thẻ HTML ({tag})",
        "plain text only, no HTML tags ({tag})",
    ),
    "ended-before-started": (
        "ngày kết thúc {ended} trước ngày bắt đầu {started}",
        "end date {ended} is before the start date {started}",
    ),
    "district-after-merger": (
        "cấp huyện đã bỏ từ 01/07/2025, nhưng sáng kiến bắt đầu {started}; hãy chọn 'province' hoặc 'commune'",
        "the district level was abolished on 2025-07-01 but the initiative started {started}; use 'province' or 'commune'",
    ),
    "unknown-province": (
        "không có tỉnh/thành '{value}'{hint}",
        "unknown province '{value}'{hint}",
    ),
    "province-is-locality": (
        "'{value}' không phải tỉnh/thành mà là {kind} (trước 07/2025) của {then}{now}; hãy ghi 'province: {province}' và 'locality: {locality}'",
        "'{value}' is not a province: it was a {kind} of {province}{now} until 07/2025; write 'province: {province}' and 'locality: {locality}'",
    ),
    "former-province-after-merger": (
        "tỉnh {former} đã hợp nhất vào {current} từ 01/07/2025, nhưng sáng kiến bắt đầu {started}; "
        "hãy ghi '{current}'",
        "{former} became part of {current} on 2025-07-01 but the initiative started {started}; "
        "write '{current}'",
    ),
    "unknown-domain": (
        "không có lĩnh vực '{value}'{hint}; các lĩnh vực: {choices}",
        "unknown domain '{value}'{hint}; domains: {choices}",
    ),
    "duplicate-item": (
        "'{value}' đã có ở mục trước; hãy bỏ mục lặp",
        "'{value}' is listed twice; remove the repeat",
    ),
    "unknown-replica": (
        "'{value}' không phải mã sáng kiến hay tên tỉnh/thành đã biết{hint}",
        "'{value}' is neither a known initiative id nor a province{hint}",
    ),
    "replica-is-locality": (
        "'{value}' là {kind} (trước 07/2025) của {then}{now}; 'replicated_in' chỉ nhận mã sáng kiến hoặc tên tỉnh/thành: hãy ghi '{province}'",
        "'{value}' was a {kind} of {province}{now} until 07/2025; replicated_in takes initiative ids and provinces: write '{province}'",
    ),
    # --- ids, folders, images ----------------------------------------------------------
    "bad-id": (
        "tên tệp '{value}' không dùng được làm mã sáng kiến; chỉ dùng chữ thường không dấu, số và "
        "dấu gạch ngang, ví dụ '{suggestion}.md'",
        "file name '{value}' is not a valid id; use lower-case ASCII letters, digits and hyphens, "
        "e.g. '{suggestion}.md'",
    ),
    "duplicate-id": (
        "mã sáng kiến '{value}' trùng với tệp {other}; hãy đổi tên một trong hai tệp",
        "id '{value}' collides with {other}; rename one of the files",
    ),
    "reserved-slug": (
        "'{value}' sẽ chiếm địa chỉ '{url}' mà trang đã dùng vào việc khác; hãy chọn tên khác",
        "'{value}' would take the address '{url}', which the site uses for something else; choose another name",
    ),
    "tag-without-letters": (
        "từ khóa '{value}' không có chữ cái hay chữ số nào để làm địa chỉ trang; hãy viết từ khóa bằng chữ",
        "tag '{value}' has no letter or digit to make its page address from; write it in words",
    ),
    "wrong-folder": (
        "tệp nằm trong thư mục '{folder}' nhưng tỉnh/thành hiện nay là {province}; hãy chuyển tệp "
        "vào initiatives/{slug}/",
        "file is in folder '{folder}' but its current province is {province}; move it to "
        "initiatives/{slug}/",
    ),
    "not-a-record": (
        "tệp không có đuôi .md nên không được kiểm tra và không lên trang; nếu là một sáng kiến, hãy "
        "lưu thành Markdown với đuôi .md (xem docs/dong-gop.md), nếu không hãy chuyển nó ra khỏi initiatives/",
        "not a .md file, so it is neither checked nor published; if it is an initiative, save it "
        "as Markdown ending in .md (see docs/dong-gop.md), otherwise move it out of initiatives/",
    ),
    "image-missing": (
        "không tìm thấy ảnh '{value}' (tính từ thư mục của tệp); hãy kiểm tra đường dẫn",
        "image '{value}' not found (relative to the file's folder); check the path",
    ),
    "image-outside": (
        "ảnh '{value}' nằm ngoài kho; hãy chép ảnh vào cạnh tệp và dùng đường dẫn tương đối",
        "image '{value}' is outside the repository; copy it next to the file and use a relative path",
    ),
    "image-type": (
        "ảnh '{value}' phải có đuôi {choices}",
        "image '{value}' must end in {choices}",
    ),
    # --- body --------------------------------------------------------------------------
    "unsafe-html": (
        "nội dung chứa {what}, không được phép vì lý do an toàn; hãy xóa đi (dùng Markdown thuần)",
        "the body contains {what}, which is not allowed for safety; remove it (use plain Markdown)",
    ),
    # --- the build -------------------------------------------------------------------
    "overwrite-hand-written": (
        "trang viết tay này trùng đường dẫn với một trang được sinh tự động; hãy đổi tên hoặc chuyển nó",
        "this hand-written page has the path of a generated page; rename or move it",
    ),
    "output-collision": (
        "{second} tạo ra trang {target}, nhưng {first} đã tạo ra trang đó; hãy đổi tên một trong hai",
        "{second} produces {target}, which {first} already produces; rename one of them",
    ),
    "mkdocs-page": (
        "MkDocs không dựng được trang từ tệp này: {detail}",
        "MkDocs could not build the page made from this file: {detail}",
    ),
    "search-index-failed": (
        "không tạo được chỉ mục tìm kiếm (Pagefind): {detail}; trang cũ được giữ nguyên",
        "the search index (Pagefind) could not be made: {detail}; the previous site is kept",
    ),
    "mkdocs-failed": (
        "MkDocs không dựng được trang: {detail}",
        "MkDocs could not build the site: {detail}",
    ),
    # --- warnings ----------------------------------------------------------------------
    "summary-repeats-title": (
        "phần tóm tắt chỉ nhắc lại tên sáng kiến; hãy viết một đoạn nói sáng kiến làm gì và đạt kết quả gì",
        "the summary only repeats the title; say what the initiative does and achieved",
    ),
    "source-without-url": (
        "nguồn không có địa chỉ (url); nếu bài viết có trên mạng, hãy thêm 'url: https://...'",
        "source has no url; if the article is online, add 'url: https://...'",
    ),
    "same-title-and-province": (
        "trùng tên và tỉnh/thành với {other}; nếu là cùng một sáng kiến, hãy gộp hai tệp",
        "same title and province as {other}; if it is the same initiative, merge the files",
    ),
    # --- what a record says, and on what authority ----------------------------------
    "inferred-missing": (
        "'inferred' ghi '{value}' nhưng hồ sơ không có trường '{value}'; hãy bỏ '{value}' khỏi 'inferred' hoặc thêm trường đó",
        "'inferred' names '{value}' but the record has no '{value}'; remove it from 'inferred' or add the field",
    ),
    "placeholder": (
        "'{value}' là chỗ để điền của mẫu, chưa phải giá trị thật; hãy thay bằng thông tin của sáng kiến (hoặc bỏ dòng này nếu trường không bắt buộc)",
        "'{value}' is a template's placeholder, not a real value; replace it with the initiative's own (or drop the line if the field is optional)",
    ),
    "started-in-future": (
        "ngày bắt đầu {started} còn ở tương lai; chỉ ghi sáng kiến đã bắt đầu, kế hoạch thì ghi 'status: proposed' với ngày đã ban hành kế hoạch",
        "the start date {started} is in the future; record initiatives that have started, and a plan as 'status: proposed' dated when it was adopted",
    ),
    "metric-not-quoted": (
        "con số {value} không có trong câu trích ('quote') nào của các nguồn; hãy chép vào 'quote' của nguồn câu văn có con số này, để ai cũng kiểm lại được",
        "the figure {value} appears in no source's 'quote'; copy the source's sentence that gives it into that source's 'quote', so anyone can check it",
    ),
    "similar-title": (
        "tên rất gần với sáng kiến đã có cùng tỉnh, thành: {other} ('{title}'); nếu là cùng một sáng kiến, hãy sửa tệp đã có thay vì thêm tệp mới",
        "the title is very close to an initiative of the same province: {other} ('{title}'); if it is the same one, edit that file instead of adding a new one",
    ),
    # --- contests (contests/<id>/contest.yml, scores/<judge>.yml, a record's contests) ---
    "contest-file-missing": (
        "thư mục cuộc thi {folder} không có tệp contest.yml; hãy thêm tệp này (xem trang Hướng dẫn hội đồng thi) hoặc xóa thư mục",
        "contest folder {folder} has no contest.yml; add one (see the committee guide) or remove the folder",
    ),
    "bad-key": (
        "'{value}' không dùng được làm mã; chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ '{suggestion}'",
        "'{value}' cannot be used as an id; use lower-case letters without marks, digits and hyphens, e.g. '{suggestion}'",
    ),
    "not-positive": (
        "giá trị {value} phải lớn hơn 0",
        "{value} must be greater than 0",
    ),
    "rules-missing": (
        "cuộc thi {why} nhưng chưa có {missing}; một cuộc thi chấm trên trang cần 'criteria', 'method' và 'panel' (xem Hướng dẫn cho hội đồng thi)",
        "the contest {why} but has no {missing}; a contest judged here needs 'criteria', 'method' and 'panel' (see the committee guide)",
    ),
    "closes-before-opens": (
        "ngày hết hạn nhận hồ sơ {closes} trước ngày bắt đầu nhận {opens}",
        "closing date {closes} is before the opening date {opens}",
    ),
    "unknown-criterion": (
        "tiêu chí '{value}' không có trong 'criteria' của cuộc thi{hint}; các tiêu chí: {choices}",
        "criterion '{value}' is not among the contest's criteria{hint}; criteria: {choices}",
    ),
    "unknown-contest": (
        "không có cuộc thi '{value}' (tệp contests/{value}/contest.yml){hint}",
        "there is no contest '{value}' (file contests/{value}/contest.yml){hint}",
    ),
    "not-eligible": (
        "sáng kiến không đủ điều kiện dự thi '{contest}': {reasons}",
        "the initiative is not eligible for '{contest}': {reasons}",
    ),
    "started-after-close": (
        "sáng kiến bắt đầu {started}, sau khi cuộc thi '{contest}' hết hạn nhận hồ sơ ({closes})",
        "the initiative started {started}, after '{contest}' closed ({closes})",
    ),
    "judge-not-on-panel": (
        "không có giám khảo '{judge}' trong 'panel' của cuộc thi{hint}; tên tệp phiếu chấm phải là mã giám khảo ('{judge}.yml')",
        "no judge '{judge}' on the contest's panel{hint}; a scorecard is named after its judge's id ('{judge}.yml')",
    ),
    "unknown-entry": (
        "không có sáng kiến mã '{value}' (hoặc hồ sơ của nó đang có lỗi){hint}",
        "no initiative with the id '{value}' (or its record has errors){hint}",
    ),
    "not-entered": (
        "sáng kiến '{value}' không đăng ký dự thi '{contest}'; hồ sơ của nó cần có 'contests: [{contest}]'",
        "'{value}' is not entered in '{contest}'; its record needs 'contests: [{contest}]'",
    ),
    "scores-not-mapping": (
        "điểm của '{value}' phải là các cặp 'mã tiêu chí: điểm', mỗi cặp một dòng",
        "the scores for '{value}' must be 'criterion-id: score' pairs, one per line",
    ),
    "missing-score": (
        "chưa có điểm tiêu chí '{criterion}' ({label}, từ 0 đến {max})",
        "no score for criterion '{criterion}' ({label}, 0 to {max})",
    ),
    "score-not-number": (
        "điểm phải là một số từ 0 đến {max}, không phải {value}",
        "a score must be a number from 0 to {max}, not {value}",
    ),
    "score-out-of-range": (
        "điểm {value} nằm ngoài khoảng 0–{max} của tiêu chí '{criterion}'",
        "score {value} is outside criterion '{criterion}''s range 0–{max}",
    ),
    "comment-not-text": (
        "nhận xét ('comment') phải là chữ",
        "a comment must be text",
    ),
    "conflict-of-interest": (
        "giám khảo '{judge}' có xung đột lợi ích với '{entry}' ({conflict}); điểm này không được tính",
        "judge '{judge}' has a conflict of interest with '{entry}' ({conflict}); this score is not counted",
    ),
    "too-few-judges": (
        "'{entry}' mới có {count} giám khảo chấm, ít hơn min_judges = {min}; vẫn được xếp hạng nhưng được đánh dấu và không xét giải",
        "'{entry}' has {count} judges, fewer than min_judges = {min}; it is ranked but marked, and not given a prize",
    ),
    "similar-to-earlier": (
        "tên gần trùng với sáng kiến đã có trước ở cùng tỉnh: {other} ('{title}'); cuộc thi không nhận mô hình đã áp dụng (không trùng lắp)",
        "the title is very close to an earlier initiative of the same province: {other} ('{title}'); contests do not accept a copy of a model already applied",
    ),
    "published-without-scores": (
        "cuộc thi đặt 'published: true' nhưng không có phiếu chấm nào trong {folder}; hãy thêm phiếu chấm (hoặc ghi sau --scores thư mục riêng có thư mục con mang mã cuộc thi) rồi dựng lại",
        "the contest says 'published: true' but there is no scorecard in {folder}; add the scorecards (or give --scores the private folder that holds a folder named after the contest) and build again",
    ),
    "not-a-scorecard": (
        "tệp này không phải phiếu chấm (.yml) nên không được đọc; hãy đổi tên thành '<mã giám khảo>.yml' hoặc chuyển đi",
        "this file is not a scorecard (.yml) and is not read; rename it '<judge-id>.yml' or move it",
    ),
    # --- names, links and scores folders under initiatives/ and contests/ (repopaths.py) ---
    "bad-folder-name": (
        "tên thư mục '{value}' không dùng được trong địa chỉ trang; tên thư mục chỉ dùng chữ thường không dấu, số và dấu gạch ngang: hãy đổi tên thư mục thành '{suggestion}'",
        "folder name '{value}' cannot be part of a page address; use lower-case ASCII letters, digits and hyphens: rename the folder '{suggestion}'",
    ),
    "bad-image-name": (
        "đường dẫn ảnh '{value}' có tên không dùng được trong địa chỉ trang; thư mục và tệp ảnh chỉ dùng chữ thường không dấu, số và dấu gạch ngang, đuôi viết thường: hãy đổi tên thành '{suggestion}' và ghi đường dẫn đó ở đây",
        "image path '{value}' has a name a page address cannot carry; image folders and files use lower-case ASCII letters, digits and hyphens, with a lower-case extension: rename it '{suggestion}' and write that path here",
    ),
    "image-svg": (
        "ảnh '{value}' là SVG nên không được nhận: SVG là một chương trình chứ không chỉ là hình, nó chạy được mã trên trang; hãy xuất hình ra PNG (sơ đồ, biểu đồ) hoặc WebP, JPG (ảnh chụp) rồi dùng tệp đó",
        "image '{value}' is an SVG, which is refused: an SVG is a program, not just a picture, and can run script on the site; export it as PNG (diagrams, charts) or WebP, JPG (photos) and use that file",
    ),
    "image-symlink": (
        "ảnh '{value}' đi qua một liên kết tượng trưng (symlink), không được đọc; hãy chép tệp ảnh thật vào cạnh hồ sơ",
        "image '{value}' goes through a symbolic link, which is never followed; copy the real image file next to the record",
    ),
    "symlink": (
        "đây là liên kết tượng trưng (symlink), không được đọc; hãy thay bằng tệp hoặc thư mục thật, hoặc xóa nó",
        "this is a symbolic link, which is never followed; replace it with the real file or folder, or remove it",
    ),
    "bad-scorecard-name": (
        "tên phiếu chấm '{value}' phải là mã giám khảo (chữ thường không dấu, số, dấu gạch ngang) với đuôi .yml; hãy đổi tên thành '{suggestion}'",
        "scorecard name '{value}' must be the judge's id (lower-case ASCII letters, digits, hyphens) ending in .yml; rename it '{suggestion}'",
    ),
    "scores-subfolder": (
        "thư mục con trong thư mục phiếu chấm không được đọc: một bản sao lưu sẽ tính điểm một giám khảo hai lần; hãy chuyển thư mục này ra ngoài",
        "a folder inside a scores folder is not read: a backup copy would count a judge twice; move this folder out",
    ),
    "scores-outside-contest": (
        "phiếu chấm phải nằm trong thư mục của cuộc thi ({folder}/<mã-cuộc-thi>/<mã-giám-khảo>.yml) nên tệp này không được đọc; hãy chuyển nó vào thư mục của cuộc thi (nếu {folder} đã là thư mục của cuộc thi, hãy ghi thư mục cha của nó sau --scores)",
        "scorecards belong in their contest's folder ({folder}/<contest-id>/<judge-id>.yml), so this file is not read; move it into its contest's folder (if {folder} is a contest's folder already, give its parent folder to --scores)",
    ),
    "scores-unknown-contest": (
        "không có cuộc thi '{value}' (contests/{value}/contest.yml){hint}; thư mục phiếu chấm phải mang đúng mã cuộc thi, nếu không phiếu chấm không được đọc",
        "there is no contest '{value}' (contests/{value}/contest.yml){hint}; a scores folder is named after its contest's id, or its scorecards are not read",
    ),
    # --- outputs other programs read, and the pull-request check (issue 21) ------------
    "image-not-shown": (
        "không hồ sơ nào hiển thị ảnh này nên nó không lên trang; hãy thêm ảnh vào 'images' (hoặc nội dung) của sáng kiến cần nó, hoặc xóa ảnh",
        "no record shows this picture, so it is not published; add it to the 'images' (or the body) of the initiative it belongs to, or delete it",
    ),
    # characters that hide or reorder text (see characters.py for what and why)
    "escaped-character": (
        "giá trị chứa {chars}, viết bằng mã thoát trong dấu nháy kép (như \\x1b, \\0, \\e, \\u202e): đó là ký tự điều khiển hoặc vô hình, không phải chữ; hãy xóa mã thoát này",
        "the value holds {chars}, written as an escape in double quotes (such as \\x1b, \\0, \\e, \\u202e): a control or invisible character, not text; delete the escape",
    ),
    "bidi-control": (
        "ký tự điều khiển hướng chữ {char}: nó đảo thứ tự hiển thị, nên trang (và bản so sánh trên GitHub) hiện khác với chữ thật trong tệp; tiếng Việt không cần ký tự này, hãy xóa nó ở đúng dòng và cột đã nêu",
        "bidirectional control {char}: it changes the order text is displayed in, so the page (and the diff on GitHub) shows other text than the file holds; Vietnamese never needs it, delete it at the line and column given",
    ),
    "zero-width": (
        "ký tự vô hình {char} (không có bề rộng): hai tên trông giống hệt nhau sẽ khác nhau khi so sánh, tìm kiếm và xuất dữ liệu; hãy xóa nó ở đúng dòng và cột đã nêu (thường lẫn vào khi dán từ trang web)",
        "zero-width character {char}: two names that look identical would differ when compared, searched and exported; delete it at the line and column given (it usually comes from pasting from a web page)",
    ),
    "not-one-line": (
        "phải viết trên một dòng, nhưng ký tự thứ {index} là {char} (xuống dòng hoặc tab); hãy thay bằng một dấu cách",
        "must be one line, but character {index} is {char} (a line break or a tab); replace it with a space",
    ),
    # --- build faults (issue 29): a stage that cannot write leaves the previous site -------
    "write-failed": (
        "không ghi được tệp sinh ra này: {reason}; hãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục docs/, rồi dựng lại (trang cũ được giữ nguyên)",
        "cannot write this generated file: {reason}; check the free disk space and that docs/ is writable, then build again (the previous site is kept)",
    ),
    "swap-failed": (
        "không thay được {site} bằng bản vừa dựng: {reason}; trang cũ được giữ nguyên, hãy kiểm tra quyền ghi và chỗ trống trên đĩa rồi dựng lại",
        "cannot replace {site} with the new build: {reason}; the previous site is kept; check write permission and free disk space, then build again",
    ),
    # --- size limits: one record must not hang or swamp the build (issue 21) -------------
    "list-too-long": (
        "tối đa {max} mục, hiện có {count}; hãy giữ những mục chính",
        "at most {max} items allowed, has {count}; keep the main ones",
    ),
    "body-too-long": (
        "nội dung dài {length} ký tự, tối đa {limit}; hãy rút gọn, giữ phần chính và dẫn nguồn cho phần còn lại",
        "the body is {length} characters long, at most {limit} allowed; shorten it, keep the main points and cite the source for the rest",
    ),
    "body-too-many-lines": (
        "nội dung có {count} dòng, tối đa {limit}; hãy rút gọn",
        "the body has {count} lines, at most {limit} allowed; shorten it",
    ),
    "line-too-long": (
        "dòng dài {length} ký tự, tối đa {limit}; hãy xuống dòng, hoặc tách đoạn bằng một dòng trống",
        "the line is {length} characters long, at most {limit} allowed; break it, or separate paragraphs with a blank line",
    ),
    "block-too-long": (
        "quá {limit} dòng liền nhau không có dòng trống (một đoạn văn, danh sách hoặc bảng); hãy chèn một dòng trống để tách, hoặc chia bảng làm hai",
        "more than {limit} lines in a row without a blank line (one paragraph, list or table); insert a blank line to split them, or split the table in two",
    ),
    "nesting-too-deep": (
        "dòng này lồng quá {limit} tầng (danh sách, trích dẫn '>' hoặc thụt đầu dòng); hãy bớt tầng hoặc bớt dấu cách đầu dòng",
        "this line nests more than {limit} levels (lists, '>' quotes or indentation); nest less or remove spaces at the start",
    ),
    "bracket-unclosed": (
        "dấu '[' không có ']' đóng trên cùng dòng (và cùng ô của bảng); muốn viết dấu ngoặc vuông như chữ thường, hãy viết '\\['",
        "'[' is not closed by ']' on the same line (and table cell); write '\\[' for a literal bracket",
    ),
    "brackets-too-deep": (
        "ngoặc vuông lồng nhau quá {limit} tầng; hãy bớt ngoặc, hoặc viết '\\[' cho dấu ngoặc như chữ thường",
        "square brackets nested more than {limit} deep; remove some, or write '\\[' for a literal bracket",
    ),
    "link-unclosed": (
        "địa chỉ liên kết mở bằng '(' không có ')' đóng trên cùng dòng; hãy đóng ngoặc",
        "the link's address opened with '(' is not closed by ')' on the same line; close it",
    ),
    "link-quote": (
        'địa chỉ liên kết có dấu nháy; dấu nháy chỉ dùng quanh tiêu đề ở cuối, như [chữ](https://… "tiêu đề"); trong địa chỉ hãy viết %27 thay cho \' và %22 thay cho "',
        'the link\'s address holds a quote; quotes only go around a title at its end, as in [text](https://… "title"); in the address write %27 for \' and %22 for "',
    ),
    "link-in-address": (
        "một liên kết nằm trong địa chỉ của liên kết khác; hãy tách hai liên kết ra",
        "a link inside another link's address; separate the two links",
    ),
    "link-code": (
        "liên kết có dấu '`' (mã) trong chữ hoặc trong địa chỉ; hãy bỏ dấu '`' ra khỏi liên kết",
        "a link holds a backtick (code) in its text or address; take the backtick out of the link",
    ),
    "html-unclosed": (
        "'{start}' mở một thẻ HTML nhưng không đóng đúng cách (thiếu '>', dấu nháy của thuộc tính chưa đóng trước '>', hoặc chú thích thiếu '-->'); muốn viết dấu '<' như chữ thường, hãy viết '&lt;'",
        "'{start}' opens an HTML tag that is not closed properly (no '>', an attribute's quote left open before the '>', or a comment without '-->'); write '&lt;' for a literal '<'",
    ),
    "more-in-file": (
        "và {count} lỗi, cảnh báo khác trong tệp này; hãy sửa những lỗi trên rồi kiểm tra lại",
        "and {count} more problems in this file; fix the ones above and check again",
    ),
    "more-in-body": (
        "và {count} chỗ khác trong nội dung, cần sửa như trên",
        "and {count} more places in the body, to fix as above",
    ),
    # --- red team of the trust round (issue 21): what still got through ------------------
    "footnotes-too-many": (
        "nội dung có {count} dấu chú thích '[^', tối đa {limit}; hãy giữ những chú thích chính, nhắc lại một chú thích bằng lời thay vì '[^…]'",
        "the body has {count} footnote marks '[^', at most {limit} allowed; keep the main footnotes, and refer to one again in words rather than with '[^…]'",
    ),
    "runnable-in-docs": (
        "trình duyệt chạy tệp này như một trang hay một chương trình, trên chính tên miền của trang và không có chính sách bảo mật nội dung (CSP): nó đọc được mọi thứ của trang, kể cả khóa GitHub của trình soạn thảo web; trang viết tay là tệp Markdown (.md), hãy đưa nội dung vào một trang .md hoặc xóa tệp",
        "a browser runs this file as a page or a program, on the site's own origin and without its Content-Security-Policy: it can read everything of the site, the web editor's GitHub token included; hand-written pages are Markdown (.md): move its content into a .md page, or remove the file",
    ),
    "scorecard-twice": (
        "giám khảo '{judge}' đã có phiếu chấm {other}; mỗi giám khảo chỉ nộp một phiếu, tên là <mã-giám-khảo>.yml: hãy gộp điểm vào phiếu đó và xóa tệp này",
        "judge '{judge}' already has the scorecard {other}; a judge files one scorecard, named <judge-id>.yml: merge the scores into it and delete this file",
    ),
    "id-is-place": (
        "mã sáng kiến '{value}' đọc được là tên tỉnh, thành '{place}', nên 'replicated_in' của hồ sơ khác không còn phân biệt được; hãy đổi tên tệp theo tên sáng kiến",
        "the initiative id '{value}' reads as the province '{place}', so the other records' 'replicated_in' could no longer tell them apart; rename the file after the initiative's title",
    ),
    "number-too-big": (
        "{value} quá lớn: tối đa {limit}",
        "{value} is too big: at most {limit}",
    ),
}


Values = tuple[tuple[str, object], ...]  # a finding's values, by template field name
VI, EN = 0, 1  # the two languages of every text, in the order the catalogue gives them

# --- the message catalogue's parts (issue 22): what a finding holds as a value but reads
# differently in each language. A value is a ``Phrase`` (an entry below and its values),
# a ``Term`` (a name the vocabulary gives in both languages), ``Suggestions`` or ``Joined``;
# ``fill`` words it in the message's language.
PHRASES: dict[str, tuple[str, str]] = {
    "did-you-mean": ("; có phải: {names}?", "; did you mean: {names}?"),
    # what a field expected (``wrong-type``), by pydantic's error type
    "expected-text": ("chữ", "text"),
    "expected-number": ("một số", "a number"),
    "expected-whole-number": ("một số nguyên", "a whole number"),
    "expected-true-false": ("đúng/sai", "true/false"),
    "expected-list": ("một danh sách", "a list"),
    "expected-pairs": ("các cặp 'khóa: giá trị'", "'key: value' pairs"),
    # an error pydantic raises that the catalogue does not know: its own type and words
    "expected-other": ("{kind}", "{words}"),
    # what it received instead
    "received-boolean": ("giá trị đúng/sai", "the boolean"),
    "received-number": ("số", "the number"),
    "received-list": ("danh sách", "a list"),
    "received-mapping": ("các cặp khóa: giá trị", "a mapping"),
    "received-text": ("chữ", "the text"),
    # the id a word stands for (``use-id``), with its name in the vocabulary
    "level-label": ("{name} ({id})", "{name}"),
    "status-label": ('tình trạng "{name}" ({id})', "{name}"),
    "domain-label": ('lĩnh vực "{name}" ({id})', "{name}"),
    # a former district or ward's province of today, when the merger moved it
    "now-part-of": (" (nay thuộc {name})", " (now part of {name})"),
    # what the body holds that the page would not show (``unsafe-html``)
    "html-tag": ("thẻ <{tag}>", "the HTML tag <{tag}>"),
    "html-attribute": ("thuộc tính {name}= của thẻ <{tag}>", "the attribute {name}= on <{tag}>"),
    "html-declaration": ("khai báo <!{declaration}>", "the declaration <!{declaration}>"),
    "html-instruction": ("chỉ thị <?...>", "an instruction <?...>"),
    "image-from": ("ảnh từ địa chỉ '{url}'", "an image from '{url}'"),
    "link-to": ("liên kết '{url}'", "a link to '{url}'"),
    # front matter that is a list: worded the same in both texts, as it always was
    "a-list": ("danh sách / a list", "danh sách / a list"),
    # why a contest needs its rules (``rules-missing``)
    "rules-needed-published": ("đặt 'published: true'", "says 'published: true'"),
    "rules-needed-scored": ("có phiếu chấm", "has scorecards"),
    # why an initiative may not enter a contest (``not-eligible``)
    "only-provinces": ("chỉ nhận sáng kiến của {names}", "only initiatives of {names}"),
    "only-levels": ("chỉ nhận cấp {levels}", "only levels {levels}"),
    "only-domains": ("chỉ nhận lĩnh vực {domains}", "only domains {domains}"),
    "only-started-from": ("chỉ nhận sáng kiến bắt đầu từ {date}", "only those started from {date}"),
    # why a judge's score is not counted (``conflict-of-interest``)
    "conflict-declared": (
        "giám khảo đã tự khai trong 'conflicts'",
        "declared in the judge's 'conflicts'",
    ),
    "conflict-agency": (
        "đơn vị của giám khảo là đơn vị chủ trì",
        "the judge's unit is the entry's agency",
    ),
    "conflict-province": ("cùng tỉnh, thành", "the same province"),
}


class Line(NamedTuple):
    """One of the commands' own lines: Vietnamese, then English, joined as they read."""

    vi: str
    en: str
    joiner: str = " — "  # " / " after a short Vietnamese label ("Đã ghi / wrote ...")


# --- what the commands print besides findings (issue 22): cli.py says them through
# report.say. Values are shown as they are (paths the user typed, counts), never cut.
LINES: dict[str, Line] = {
    "checked": Line(
        "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
        "Checked {files}: {errors}, {warnings}.",
    ),
    "schema-written": Line("Đã ghi", "wrote {target}", " / "),
    "changes-unreadable": Line(
        "sangkien check: không đọc được thay đổi từ git so với '{ref}'",
        "cannot list the changes since '{ref}': {error}",
    ),
    "nothing-to-check-deleted": Line(
        "Không có hồ sơ hay tệp cuộc thi nào cần kiểm tra so với {ref}: {gone} tệp đã xóa "
        "không còn được tệp nào nhắc đến.",
        "No record or contest file to check since {ref}: no other file names the {gone} deleted.",
    ),
    "nothing-changed": Line(
        "Không có hồ sơ nào thay đổi so với {ref}.",
        "No record or contest file changed since {ref}.",
    ),
    "no-such-file": Line("sangkien check: không có tệp", "no such file: {path}", " / "),
    "no-content-folder": Line(
        "sangkien check: không có thư mục {folder}/ trong {root}; hãy chạy lệnh trong kho sáng "
        "kiến, dùng --root, hoặc chỉ ra tệp cần kiểm tra",
        "no {folder}/ folder in {root}; run it inside the repository, pass --root, or name "
        "the files",
    ),
    "no-file-to-check": Line(
        "sangkien check: không có tệp .md nào để kiểm tra trong {where}",
        "no .md file to check in {where}",
    ),
    "no-scores-folder": Line(
        "sangkien {command}: không có thư mục phiếu chấm", "no such scores folder: {folder}", " / "
    ),
    "build-failed": Line(
        "Dựng trang thất bại; trang cũ được giữ nguyên.",
        "Build failed; the previous site is untouched.",
    ),
    "build-warnings": Line(
        "{count} cảnh báo; xem bằng 'sangkien check'.",
        "{count} warnings; see them with 'sangkien check'.",
    ),
    "built": Line("Đã dựng {count} sáng kiến vào", "built into {site}", " / "),
    # Directory URLs (/tinh/dak-lak/) need a web server: from disk they show folder listings.
    "view-site": Line(
        "Xem",
        "view: python3 -m http.server --directory {site} 8000  →  http://127.0.0.1:8000/  "
        "(hoặc / or: sangkien serve)",
        " / ",
    ),
    "new-problem": Line("sangkien new: {option}: {problem}", "{problem}"),
    "nothing-written": Line("Chưa ghi tệp nào.", "Nothing was written."),
    "already-exists": Line(
        "sangkien new: {path} đã có; không ghi đè", "already exists; not overwritten"
    ),
    "created": Line("Đã tạo", "created {path}", " / "),
    "next-step": Line(
        "Tiếp theo: viết phần nội dung, rồi chạy: sangkien check {path}",
        "next: write the body, then check it",
    ),
    "no-contest": Line(
        "sangkien judge: không có cuộc thi '{contest}' trong {folder}",
        "no contest '{contest}'; có / known: {known}",
    ),
    "assign-needs-packets": Line(
        "sangkien judge: --assign K cần --packets DIR và K ≥ 1",
        "--assign K needs --packets DIR and K ≥ 1",
    ),
    "contest-has-errors": Line(
        "Cuộc thi còn lỗi, chưa xếp hạng.", "The contest has errors; not ranked."
    ),
    "contest-not-judged": Line(
        "Cuộc thi '{contest}' chỉ được ghi lại từ nguồn, không chấm trên trang (thiếu {missing}).",
        "'{contest}' is recorded from its sources, not judged here (no {missing}).",
    ),
    "too-few-free-judges": Line(
        "{entry}: chỉ có {found} giám khảo không xung đột lợi ích",
        "only {found} judges without a conflict of interest",
    ),
    "scorecard-filled": Line(
        "sangkien judge: {card} đã có điểm hoặc nhận xét của giám khảo; không ghi đè: hãy "
        "chuyển phiếu này đi, hoặc ghi hồ sơ vào một thư mục khác",
        "already holds a judge's scores or comments; not overwritten: move it away, or write "
        "the packets to another folder",
    ),
    "packets-written": Line("Đã ghi {count} tệp vào", "wrote {count} files to {folder}", " / "),
    "serve-stopped": Line(
        "sangkien serve: MkDocs dừng lại (xem các cảnh báo ở trên)", "MkDocs stopped: {error}"
    ),
    # the last resort of cli.main when no file is to blame (``internal-error``'s text)
    "internal-error": Line("sangkien: error: {problem}", "{problem}"),
}


def line(code: str, **values: object) -> str:
    """The line ``LINES[code]`` with ``values``, in both languages."""
    entry = LINES[code]
    vi = entry.vi.format(**{name: worded(value, VI) for name, value in values.items()})
    en = entry.en.format(**{name: worded(value, EN) for name, value in values.items()})
    return f"{vi}{entry.joiner}{en}"


class Wording(ABC):
    """A value a message words in its own language (see ``PHRASES``)."""

    @abstractmethod
    def in_language(self, language: int) -> str: ...


@dataclass(frozen=True)
class Phrase(Wording):
    """An entry of ``PHRASES`` and its values (which may be worded values themselves)."""

    code: str
    values: Values = ()

    def in_language(self, language: int) -> str:
        values = {name: worded(value, language) for name, value in self.values}
        return PHRASES[self.code][language].format(**values)


def phrase(code: str, **values: object) -> Phrase:
    """The part of a message ``PHRASES[code]`` says, with its values."""
    if code not in PHRASES:
        raise KeyError(code)
    return Phrase(code, tuple(values.items()))


@dataclass(frozen=True)
class Term(Wording):
    """A name the vocabulary gives in both languages: a locality's kind, a status."""

    vi: str
    en: str

    def in_language(self, language: int) -> str:
        return self.en if language == EN else self.vi


@dataclass(frozen=True)
class Suggestions(Wording):
    """Known names close to a misspelt one, best first: "; có phải: 'a'?"; none, nothing."""

    names: tuple[str, ...] = ()

    def in_language(self, language: int) -> str:
        if not self.names:
            return ""
        quoted = ", ".join(f"'{name}'" for name in self.names)
        return PHRASES["did-you-mean"][language].format(names=quoted)


@dataclass(frozen=True)
class Joined(Wording):
    """Several worded values as one, in order: the reasons an entry may not enter."""

    parts: tuple[object, ...]
    separator: str = "; "

    def in_language(self, language: int) -> str:
        return self.separator.join(str(worded(part, language)) for part in self.parts)


@dataclass(frozen=True)
class Count(Wording):
    """How many of a thing: the number alone in Vietnamese (the template names the thing,
    which has no plural), the number and the noun in English, plural unless one."""

    number: int
    noun: str  # English, singular: "file"

    def in_language(self, language: int) -> str:
        if language == VI:
            return str(self.number)
        return f"{self.number} {self.noun}" + ("" if self.number == 1 else "s")


def worded(value: object, language: int) -> object:
    """``value`` in ``language`` when it reads differently in each, else as it is."""
    return value.in_language(language) if isinstance(value, Wording) else value


# A message shows a short excerpt of a value, never a whole file: a value read from a file
# (a field, a name, a scalar document, a symbolic link's target) is cut at VALUE_LIMIT
# characters. The texts the generator composes itself (lists of choices, reasons, paths of
# the repository, another tool's one-line report) may be longer, still within TEXT_LIMIT.
VALUE_LIMIT = 80
TEXT_LIMIT = 300
COMPOSED = frozenset(
    {
        *("choices", "missing", "detail", "error", "problem"),
        *("hint", "reasons", "conflict", "what", "expected", "received", "label"),
        *("other", "first", "second", "target", "folder"),
    }
)


def excerpt(value: object, limit: int = VALUE_LIMIT) -> object:
    """``value`` as a message shows it: numbers as they are, text cut with an ellipsis."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fill(code: str, values: Values, language: int) -> str:
    """The catalogue's text for ``code`` in ``language``, filled with ``values``.

    Every value is shown with its invisible characters named (``visible``), then cut
    (``excerpt``): no message carries a control character to a terminal or echoes a file,
    whatever a finding holds. Values missing from one language's template are harmless.
    """
    template = MESSAGES[code][language]
    return template.format(
        **{name: _shown(name, worded(value, language)) for name, value in values}
    )


def fields_of(code: str) -> frozenset[str]:
    """The names the templates of ``code`` need: a finding must hold a value for each."""
    found = _FIELDS.get(code)
    if found is None:
        found = _FIELDS[code] = frozenset(
            name
            for template in MESSAGES[code]
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        )
    return found


_FIELDS: dict[str, frozenset[str]] = {}


def _shown(name: str, value: object) -> object:
    limit = TEXT_LIMIT if name in COMPOSED else VALUE_LIMIT
    return excerpt(value if isinstance(value, int | float) else visible(str(value)), limit)


def close_matches(value: str, choices: list[str], limit: int = 2) -> list[str]:
    """The known names nearest to a misspelt one, best first: suggestions, never answers."""
    return difflib.get_close_matches(value, choices, n=limit, cutoff=0.6)


def did_you_mean(names: list[str]) -> Suggestions:
    """The ``hint`` of a message: the names suggested, worded when the message is read."""
    return Suggestions(tuple(names))
