"""Inline SVG chart geometry for the figures: computed here, drawn by a template (no JavaScript, no CDN)."""

from django.utils.translation import gettext_lazy as _

SEGMENTS = [
    ("answered_on_time", _("Answered on time"), "#1e6b35"),
    ("answered_late", _("Answered late"), "#a3171b"),
    ("still_open", _("Still open"), "#9a6700"),
]
BAR_HEIGHT, HEADER, LABEL_WIDTH, BAR_WIDTH = 18, 22, 70, 520


def requests_chart(figures):
    """Stacked bars per area and body: the requests each body had to answer, by outcome."""
    if not figures:
        return None
    totals = [sum(cell.get(k, 0) or 0 for k, *_ in SEGMENTS) for row in figures["rows"] for cell in row["cells"]]
    scale = BAR_WIDTH / max(max(totals, default=0), 1)
    groups, y = [], 0
    for row in figures["rows"]:
        group = {"label": f"{row['area'].article_number}. {row['area'].name}", "text_y": y + 15, "bars": []}
        y += HEADER
        for party, cell in zip(figures["parties"], row["cells"], strict=True):
            x, segments = LABEL_WIDTH, []
            for key, label, colour in SEGMENTS:
                value = cell.get(key, 0) or 0
                if value:
                    segments.append({"x": round(x, 1), "width": round(value * scale, 1), "colour": colour,
                                     "value": value, "label": label})
                    x += value * scale
            group["bars"].append({"party": party.abbreviation, "y": y, "text_y": y + BAR_HEIGHT - 4,
                                  "segments": segments, "total": sum(s["value"] for s in segments),
                                  "end": round(x + 6, 1)})
            y += BAR_HEIGHT + 4
        y += 8
        groups.append(group)
    return {"groups": groups, "height": y, "width": LABEL_WIDTH + BAR_WIDTH + 50, "legend": SEGMENTS,
            "bar_height": BAR_HEIGHT}
