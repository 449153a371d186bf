"""Small real PDFs with Vietnamese text for the demo documents, laid out like a Party document.

fpdf2 embeds a subset of Source Sans Pro, whose TTF files ship inside the `font-source-sans-pro`
PyPI package: every machine that ran the install step has the font, and the PDF shows the
diacritics in any viewer (the PDF core fonts cannot).
"""

import functools
import logging
import os
import tempfile

import font_source_sans_pro
from fpdf import FPDF

FONT = "SourceSans"
# fontTools logs every table it subsets at INFO: dozens of lines per PDF in the `make run` terminal.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


# Latin, the Vietnamese letters (Latin Extended Additional), combining marks, punctuation and ₫.
VIETNAMESE = [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070), 0x20AB]


@functools.cache
def _fonts():
    """Regular and bold cut down once to the Vietnamese alphabet: each PDF then embeds its subset in a
    tenth of the time the whole font takes (the demo makes some fifty PDFs)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    folder = tempfile.TemporaryDirectory(prefix="qc-demo-fonts-")
    paths = {}
    for style, name in (("", "SourceSansPro"), ("B", "SourceSansProBold")):
        font = TTFont(font_source_sans_pro.font_files_ttf[name])
        options = subset.Options()
        options.layout_features, options.name_IDs, options.notdef_outline = [], ["*"], True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=VIETNAMESE)
        subsetter.subset(font)
        paths[style] = os.path.join(folder.name, f"{name}.ttf")
        font.save(paths[style])
    return folder, paths


def pdf(*, issuer, number, title, paragraphs, place_date="Hà Nội", signer="", signer_title=""):
    doc = FPDF(format="A4")
    doc.set_title(title)
    doc.set_creator("Quy chế phối hợp công tác — dữ liệu mẫu")
    for style, path in _fonts()[1].items():
        doc.add_font(FONT, style, path)
    doc.set_margins(25, 20, 20)
    doc.add_page()
    width = (doc.w - doc.l_margin - doc.r_margin) / 2
    top = doc.get_y()
    doc.set_font(FONT, "B", 11)
    doc.multi_cell(width, 6, issuer.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_font(FONT, "", 11)
    doc.multi_cell(width, 6, number, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_xy(doc.l_margin + width, top)
    doc.set_font(FONT, "B", 11)
    doc.multi_cell(width, 6, "ĐẢNG CỘNG SẢN VIỆT NAM", align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_x(doc.l_margin + width)
    doc.set_font(FONT, "", 11)  # italic in a signed original; one font fewer to embed (each costs time)
    doc.multi_cell(width, 6, place_date, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.ln(10)
    doc.set_font(FONT, "B", 14)
    doc.multi_cell(0, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)
    doc.set_font(FONT, "", 12)
    for paragraph in paragraphs:
        doc.multi_cell(0, 7, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
        doc.ln(2)
    if signer:
        doc.ln(6)
        doc.set_x(doc.l_margin + width)
        doc.set_font(FONT, "B", 12)
        doc.multi_cell(width, 7, signer_title.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
        doc.ln(14)
        doc.set_x(doc.l_margin + width)
        doc.multi_cell(width, 7, signer, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


def _signer(party):
    """The leader who signs for a body in the demo documents."""
    if party.code == "BCSD":
        return "Trần Văn Minh", "T/M Ban cán sự đảng"
    return "Phạm Quốc Hùng", "T/M Đảng ủy"


def document_pdf(title, *, party, doc_type="CV", paragraphs=()):
    """A one-page PDF dated today on the demo clock and numbered as `party`'s next document will be,
    so the file reads like the registered document it is attached as."""
    from django.utils import timezone

    from ..models.documents import DocumentCounter, format_symbol

    on = timezone.localdate()
    counter = DocumentCounter.objects.filter(party=party, year=on.year).first()
    number = format_symbol((counter.last_number if counter else 0) + 1, doc_type, party)
    signer, signer_title = _signer(party)
    return pdf(issuer=party.name_vi, number=number, title=title, paragraphs=list(paragraphs) or [title],
               place_date=f"Hà Nội, ngày {on.day} tháng {on.month} năm {on.year}", signer=signer,
               signer_title=signer_title)
