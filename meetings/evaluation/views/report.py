"""The report: a print-ready page and the .docx, both in Vietnamese (a Party document), from selectors/report.py."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import override

from ..selectors.report import report_context
from .evaluations import _evaluation
from .report_docx import build_docx


def evaluation_print(request, pk):
    evaluation = _evaluation(request, pk)
    with override("vi"):
        context = report_context(evaluation)
        return render(request, "evaluation/evaluation_print.html", context)


def evaluation_docx(request, pk):
    evaluation = _evaluation(request, pk)
    with override("vi"):
        content = build_docx(report_context(evaluation))
    filename = f"bao-cao-danh-gia-{evaluation.year}.docx"
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


