"""The evaluation report as a .docx (python-docx): A4, Times New Roman 14, the Party document layout."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..forms import ASSESSMENT_LABELS
from ..selectors.report import cell_value

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def _setup(document):
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(4)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        heading = document.styles[name]
        heading.font.name, heading.font.color.rgb = "Times New Roman", None
        heading.font.size = Pt(14 if name != "Heading 3" else 13)
        fonts = heading.element.rPr.rFonts
        fonts.set(qn("w:eastAsia"), "Times New Roman")
        # The default template's headings use theme fonts, which win over the named font in
        # LibreOffice and Word: without this they print in the theme's sans-serif.
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)


def _para(container, text, *, bold=False, italic=False, align=None, size=None, underline=False):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _header(document, ctx):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8), Cm(8.5)
    left.paragraphs[0].text = ""
    for i, body in enumerate(ctx["bodies"]):
        target = left.paragraphs[0] if i == 0 else left.add_paragraph()
        target.alignment = CENTER
        run = target.add_run(body)
        run.bold, run.font.size = True, Pt(13)
    _para(left, "*", align=CENTER)
    _para(left, ctx["number_symbol"], align=CENTER, size=13)
    right.paragraphs[0].alignment = CENTER
    run = right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold, run.underline, run.font.size = True, True, Pt(14)
    _para(right, "")
    _para(right, ctx["date_line"], italic=True, align=CENTER, size=13)


def _table(document, header, rows, widths=None):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(text))
        run.bold, run.font.size = True, Pt(11)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(text))
            run.font.size = Pt(11)
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = Cm(width)
    document.add_paragraph()
    return table


def _figures(document, ctx):
    figures = ctx["figures"]
    document.add_heading(_("I. FIGURES OF THE YEAR"), level=1)
    if not figures:
        _para(document, _("No figures have been computed."))
        return
    for index, party in enumerate(figures["parties"]):
        document.add_heading(f"{index + 1}. {party.name_vi}", level=2)
        header = [_("Area")] + [label for _m, label in ctx["request_metrics"]]
        rows = [[f"{row['area'].article_number}. {row['area'].name}"]
                + [cell_value(row["cells"][index], m) for m, _l in ctx["request_metrics"]] for row in figures["rows"]]
        rows.append([_("Grand total")] + [cell_value(figures["totals"][index], m) for m, _l in ctx["request_metrics"]])
        _table(document, header, rows, widths=[5.5] + [1.9] * 6)
    document.add_heading(f"{len(figures['parties']) + 1}. " + _("Meetings, information and documents"), level=2)
    header = [_("Party body")] + [label for _m, label in ctx["activity_metrics"]]
    rows = [[p.name_vi] + [cell_value(figures["totals"][i], m) for m, _l in ctx["activity_metrics"]]
            for i, p in enumerate(figures["parties"])]
    _table(document, header, rows, widths=[6] + [2.6] * 4)


def _assessments(document, ctx):
    document.add_heading(_("II. SELF-ASSESSMENT OF EACH BODY"), level=1)
    for index, (part, assessments) in enumerate(ctx["assessments_by_party"]):
        document.add_heading(f"{index + 1}. {part.party.name_vi}", level=2)
        if not assessments:
            _para(document, _("No self-assessment was written."), italic=True)
        for assessment in assessments:
            document.add_heading(f"{assessment.area.article_number}. {assessment.area.name}", level=3)
            for field, label in ASSESSMENT_LABELS.items():
                text = getattr(assessment, field).strip()
                if text:
                    paragraph = document.add_paragraph()
                    paragraph.alignment = JUSTIFY
                    paragraph.add_run(f"{label}: ").bold = True
                    paragraph.add_run(text)


def _conclusion(document, ctx):
    document.add_heading(_("III. JOINT CONCLUSION"), level=1)
    for line in ctx["conclusion_paragraphs"] or [_("The joint conclusion has not been written yet.")]:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
    document.add_heading(_("IV. FOLLOW-UP ACTIONS"), level=1)
    if not ctx["actions"]:
        _para(document, _("No follow-up action."), italic=True)
        return
    rows = [[str(i + 1), a.content, a.area.name if a.area else "", a.owner_party.name_vi,
             a.deadline.strftime("%d/%m/%Y") if a.deadline else ""] for i, a in enumerate(ctx["actions"])]
    _table(document, [pgettext("table", "No."), _("Action"), _("Area"), _("Body in charge"), _("Deadline")], rows,
           widths=[1, 6.5, 3.5, 3, 2.5])


def _signatures(document, ctx):
    signatures = ctx["signatures"]
    table = document.add_table(rows=1, cols=len(signatures))
    for cell, sign in zip(table.rows[0].cells, signatures, strict=True):
        cell.paragraphs[0].alignment = CENTER
        cell.paragraphs[0].add_run(sign["on_behalf"]).bold = True
        if sign["title"]:
            _para(cell, sign["title"], bold=True, align=CENTER)
        for _i in range(3):
            _para(cell, "")
        _para(cell, sign["name"] or "", bold=True, align=CENTER)


def build_docx(ctx):
    """The report as bytes."""
    document = Document()
    _setup(document)
    _header(document, ctx)
    document.add_paragraph()
    _para(document, ctx["title"], bold=True, align=CENTER, size=15)
    _para(document, ctx["subtitle"], bold=True, align=CENTER)
    _para(document, "-----", align=CENTER)
    _figures(document, ctx)
    _assessments(document, ctx)
    _conclusion(document, ctx)
    _signatures(document, ctx)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
