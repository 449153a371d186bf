"""Pure text helpers for the regulation: search normalisation, clauses and points, Roman numerals.

Nothing here touches the database, so the same functions serve the data migration, the
importer, the amendment engine and the templates.
"""

import re
import unicodedata

CLAUSE_RE = re.compile(r"^\s*(\d+)\.\s+(.*)$")
POINT_RE = re.compile(r"^\s*([a-zđ])\)\s+(.*)$")
ARTICLE_KEY_RE = re.compile(r"^(\d+)([a-z]?)$")


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def normalise_for_search(text):
    """Lower case, no diacritics, đ→d, single spaces: "Đảng ủy" → "dang uy".

    Every Vietnamese NFC letter decomposes into one base letter plus marks, so the result has the
    same length as the NFC input; search snippets rely on that to map positions back.
    """
    decomposed = unicodedata.normalize("NFD", nfc(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def roman(number):
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


def from_roman(text):
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total, previous = 0, 0
    for ch in reversed(text.upper()):
        value = values.get(ch, 0)
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def article_key(number, suffix=""):
    """The stable key and anchor part of an article: 5 → "5", an inserted 8a → "8a"."""
    return f"{number}{suffix}"


def split_article_key(key):
    match = ARTICLE_KEY_RE.match(str(key).strip().lower())
    if not match:
        return None
    return int(match.group(1)), match.group(2)


def parse_body(body):
    """An article body → {"intro": [lines], "clauses": [{"number", "text", "points": [{"letter", "text"}]}]}.

    Clauses are lines "1. …", points are lines "a) …"; other lines continue the item above them
    (or form the introduction before the first clause).
    """
    intro, clauses = [], []
    for raw in nfc(body).splitlines():
        line = raw.strip()
        if not line:
            continue
        if clause := CLAUSE_RE.match(line):
            clauses.append({"number": int(clause.group(1)), "text": clause.group(2), "points": []})
        elif clauses and (point := POINT_RE.match(line)):
            clauses[-1]["points"].append({"letter": point.group(1), "text": point.group(2)})
        elif clauses and clauses[-1]["points"]:
            clauses[-1]["points"][-1]["text"] += "\n" + line
        elif clauses:
            clauses[-1]["text"] += "\n" + line
        else:
            intro.append(line)
    return {"intro": intro, "clauses": clauses}


def serialise_body(parsed):
    lines = list(parsed["intro"])
    for clause in parsed["clauses"]:
        lines.append(f"{clause['number']}. {clause['text']}")
        lines.extend(f"{point['letter']}) {point['text']}" for point in clause["points"])
    return "\n".join(lines)


def clause_from_text(number, text):
    """The text an admin typed for one clause (first line, then "a) …" points) → a clause dict."""
    lines = [line.strip() for line in nfc(text).splitlines() if line.strip()]
    if lines and (match := CLAUSE_RE.match(lines[0])):
        lines[0] = match.group(2)
    parsed = parse_body("\n".join([f"{number}. {lines[0]}" if lines else f"{number}. "] + lines[1:]))
    return parsed["clauses"][0]


def replace_clause(body, number, text):
    """The body with clause `number` replaced by `text`; None when the article has no such clause."""
    parsed = parse_body(body)
    for index, clause in enumerate(parsed["clauses"]):
        if clause["number"] == number:
            parsed["clauses"][index] = clause_from_text(number, text)
            return serialise_body(parsed)
    return None
