"""Turns a snapshot (or the current rows) into what the templates render: labels, anchors, clauses, points."""

from .text import article_key, parse_body, roman


def present_article(data, areas=None):
    key = article_key(data["number"], data.get("suffix", ""))
    parsed = parse_body(data["body"])
    area = (areas or {}).get(data["number"]) if not data.get("suffix") else None
    return {"key": key, "anchor": f"dieu-{key}", "number": data["number"], "suffix": data.get("suffix", ""),
            "title": data["title"], "repealed": data.get("repealed", False), "intro": parsed["intro"],
            "clauses": parsed["clauses"], "area": area}


def present(content, areas=None):
    """[{number, roman, title, anchor, articles: [...]}] for the table of contents and the text."""
    return [
        {"number": c["number"], "roman": roman(c["number"]), "title": c["title"], "anchor": f"chuong-{c['number']}",
         "articles": [present_article(a, areas) for a in c["articles"]]}
        for c in content["chapters"]
    ]
