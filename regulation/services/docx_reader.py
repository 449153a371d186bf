"""Reads a Party regulation laid out as Party documents are: header, title, legal bases, text, signatures.

Pure: blocks in, a dict out. A block is a paragraph (a string) or a table cell (a list of lines, see
`TableCell`); `docx_blocks` reads them from a .docx in document order, so header and signature tables are
seen where they stand. Every line lands in exactly one place: a field of the frame, a chapter or article,
or `unplaced`. Only decoration (a line with no letter or digit, such as the asterisk under the issuer) is
not kept. A table cell never adds to an article: what a cell holds is frame or unplaced.
"""

import datetime
import re

from ..text import from_roman, nfc

CHAPTER_RE = re.compile(r"^chương\s+([IVXLC]+|\d+)\b[\s.:\-–]*(.*)$", re.IGNORECASE)
ARTICLE_RE = re.compile(r"^điều\s+(\d+)([a-z]?)\s*[.:]\s*(.*)$", re.IGNORECASE)
BASIS_RE = re.compile(r"^[-–—+•]?\s*căn cứ\s+(.*)$", re.IGNORECASE)
TERM_RE = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")
NUMBER_RE = re.compile(r"^số\s*[:.]?\s*(\d+[^\s,;]*)$", re.IGNORECASE)
PLACE_DATE_RE = re.compile(r"^([^,\d]{2,60}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?$",
                           re.IGNORECASE)
MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
ISSUER_RE = re.compile(r"^(BAN CÁN SỰ ĐẢNG|ĐẢNG ỦY|ĐẢNG ĐOÀN|ĐẢNG BỘ|CHI BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|"
                       r"BỘ CHÍNH TRỊ|BAN BÍ THƯ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY)\b")
RECIPIENTS_RE = re.compile(r"^nơi nhận\s*:?\s*(.*)$", re.IGNORECASE)
RECIPIENT_RE = re.compile(r"^[-–—+•]\s*(.+)$")
SIGNER_RE = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.)\s*\S", re.IGNORECASE)
SIGNATURE_MARK_RE = re.compile(r"^\(.*\)$")  # "(Đã ký)", "(ký tên, đóng dấu)": the signature itself
DOC_TYPE_ONLY = re.compile(r"^quy chế$", re.IGNORECASE)


class TableCell(list):
    """The lines of one table cell, in order."""


def _lines(text):
    return [line for raw in re.split(r"[\n\v\r]", nfc(text)) if (line := " ".join(raw.split()))]


def _has_words(text):
    return any(ch.isalnum() for ch in text)


class _Reader:
    def __init__(self):
        self.result = {"title": "", "bases": [], "number_symbol": "", "signed_place": "", "signed_on": None,
                       "issuers": [], "signers": [], "recipients": [], "chapters": [], "unplaced": []}
        self.title_parts = []
        self.phase = "front"  # front → body (first chapter) → end (signatures or recipients)
        self.chapter = self.article = None
        self.awaiting_chapter_title = False
        self.in_recipients = False
        self.signer = None

    # -- the frame: lines that mean the same in a paragraph or a table cell
    def frame_line(self, text, in_cell):
        if not _has_words(text) and (in_cell or self.phase != "body"):
            return True
        if match := RECIPIENTS_RE.match(text):
            self.phase, self.in_recipients, self.signer = "end", True, None
            if rest := match.group(1).strip():
                self.result["recipients"].append(rest)
            return True
        if SIGNER_RE.match(text):
            self.phase, self.in_recipients = "end", False
            self.signer = {"on_behalf": text, "title": "", "name": ""}
            self.result["signers"].append(self.signer)
            return True
        if self.phase == "end":
            return self._end_line(text)
        if self.phase == "front" or in_cell:
            return self._header_line(text)
        return False

    def _end_line(self, text):
        if self.in_recipients and (match := RECIPIENT_RE.match(text)):
            self.result["recipients"].append(match.group(1).strip())
            return True
        if self.signer is not None:
            if SIGNATURE_MARK_RE.match(text):
                return True
            if not self.signer["title"]:
                self.signer["title"] = text
                return True
            if not self.signer["name"]:
                self.signer["name"] = text
                return True
        return False

    def _header_line(self, text):
        result = self.result
        if (match := NUMBER_RE.match(text)) and not result["number_symbol"]:
            result["number_symbol"] = match.group(1)
        elif (match := PLACE_DATE_RE.match(text)) and not result["signed_on"] and _date(match):
            result["signed_place"], result["signed_on"] = match.group(1).strip(), _date(match)
        elif text.upper() == MOTTO and text == text.upper():
            pass  # the Party's name, printed on every Party document: the page prints it too
        elif ISSUER_RE.match(text) and text == text.upper() and self.phase == "front":
            result["issuers"].append(text)
        elif self.phase == "front" and (match := BASIS_RE.match(text)):
            result["bases"].append(match.group(1).rstrip(",;. ") + ";")
            if self.title_parts:
                self.title_parts.append(None)  # the title is over once the bases begin
        else:
            return False
        return True

    # -- paragraphs and cells
    def paragraph(self, text):
        for line in _lines(text):
            self._paragraph_line(line)

    def _paragraph_line(self, text):
        if self.phase != "end" and (CHAPTER_RE.match(text) or ARTICLE_RE.match(text)):
            self._structure(text)
        elif self.frame_line(text, in_cell=False):
            pass
        elif self.phase == "front" and self._title(text):
            pass
        elif self.awaiting_chapter_title:
            self.chapter["title"], self.awaiting_chapter_title = text, False
        elif self.phase == "body" and self.article is not None:
            self.article["lines"].append(text)
        else:
            self.result["unplaced"].append(text)

    def cell(self, lines):
        self.signer, self.in_recipients = None, False  # a signature or recipient block ends with its cell
        for line in [ln for text in lines for ln in _lines(text)]:
            if not self.frame_line(line, in_cell=True):
                self.result["unplaced"].append(line)
        self.signer, self.in_recipients = None, False

    def _title(self, text):
        parts = self.title_parts
        if not parts:
            if "quy chế" not in text.lower():
                return False
            parts.append(DOC_TYPE_ONLY.sub("Quy chế", text))
            return True
        if None in parts or len(parts) >= 3 or TERM_RE.search(" ".join(parts)):
            return False  # the title was complete: a further paragraph is not part of it
        parts.append(text)
        return True

    def _structure(self, text):
        if match := CHAPTER_RE.match(text):
            number = match.group(1)
            self.chapter = {"number": int(number) if number.isdigit() else from_roman(number.upper()),
                            "title": match.group(2).strip(), "articles": []}
            self.result["chapters"].append(self.chapter)
            self.article, self.awaiting_chapter_title = None, not self.chapter["title"]
            self.phase = "body"
            return
        match = ARTICLE_RE.match(text)
        self.article = {"number": int(match.group(1)), "suffix": match.group(2).lower(),
                        "title": match.group(3).strip(), "lines": []}
        self.awaiting_chapter_title = False
        if self.chapter is None:
            self.result["unplaced"].append(text)
        else:
            self.chapter["articles"].append(self.article)

    def finish(self):
        self.result["title"] = " ".join(p for p in self.title_parts if p)
        return self.result


def _date(match):
    try:
        return datetime.date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
    except ValueError:
        return None


def read_blocks(blocks):
    """Paragraphs (str) and table cells (TableCell) in document order → the regulation and its frame."""
    reader = _Reader()
    for block in blocks:
        if isinstance(block, TableCell):
            reader.cell(block)
        else:
            reader.paragraph(block)
    return reader.finish()


def docx_blocks(document):
    """The body of a python-docx Document in order: each paragraph, then each table cell by rows."""
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            yield from _table_cells(item)
        else:
            yield item.text


def _table_cells(table):
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            yield TableCell(_cell_lines(cell))


def _cell_lines(cell):
    lines = []
    for item in cell.iter_inner_content():
        if hasattr(item, "rows"):
            lines += [line for inner in _table_cells(item) for line in inner]
        else:
            lines.append(item.text)
    return lines
