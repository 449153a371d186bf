"""Pure helpers: search normalisation, clauses and points, the Vietnamese-safe word diff."""

import unicodedata

from regulation.diff import tokenise, word_diff
from regulation.text import normalise_for_search, parse_body, replace_clause, roman, split_article_key


def test_normalisation_ignores_diacritics_case_and_d_bar():
    assert normalise_for_search("Đảng ủy") == "dang uy"
    assert normalise_for_search("PHỐI HỢP") == "phoi hop"
    assert "phoi hop" in normalise_for_search("Quy chế phối hợp công tác")


def test_normalisation_keeps_length_of_nfc_text_for_snippets():
    text = unicodedata.normalize("NFC", "Lãnh đạo công tác tổ chức, cán bộ")
    assert len(normalise_for_search(text)) == len(text)


def test_decomposed_input_is_normalised_like_composed():
    decomposed = unicodedata.normalize("NFD", "phối hợp")
    assert normalise_for_search(decomposed) == "phoi hop"


def test_parse_body_reads_clauses_and_points():
    parsed = parse_body("1. Khoản một.\n2. Hai bên phối hợp:\na) Điểm a;\nđ) Điểm đ.\n3. Khoản ba.")
    assert [c["number"] for c in parsed["clauses"]] == [1, 2, 3]
    assert [p["letter"] for p in parsed["clauses"][1]["points"]] == ["a", "đ"]


def test_replace_clause_keeps_the_other_clauses():
    body = "1. Một.\n2. Hai.\n3. Ba."
    assert replace_clause(body, 2, "Hai mới.\na) Điểm mới.") == "1. Một.\n2. Hai mới.\na) Điểm mới.\n3. Ba."
    assert replace_clause(body, 9, "x") is None


def test_roman_numerals_and_article_keys():
    assert [roman(n) for n in (1, 2, 3, 4, 9, 10)] == ["I", "II", "III", "IV", "IX", "X"]
    assert split_article_key("8a") == (8, "a")
    assert split_article_key("Điều") is None


def test_tokens_never_split_combining_marks():
    decomposed = unicodedata.normalize("NFD", "phối hợp")
    assert tokenise(decomposed) == ["phối", " ", "hợp"]
    odd = "x\u0301y z"  # a combining mark with no precomposed form stays inside its word
    assert tokenise(odd)[0] == "x\u0301y"


def test_word_diff_marks_a_changed_tone_as_a_whole_word():
    html, (inserted, deleted) = word_diff("bên phối hợp", "bên phổi hợp")
    assert "<del>" in html and "phối</del>" in html and "phổi</ins>" in html
    assert (inserted, deleted) == (1, 1)
    assert "bên " in html


def test_word_diff_escapes_html_and_labels_changes_for_screen_readers():
    html, _counts = word_diff("a <b>", "a <c>")
    assert "<b>" not in html.replace("<del>", "").replace("</del>", "")
    assert 'class="visually-hidden"' in html


def test_document_dates_follow_the_party_document_style():
    import datetime

    from regulation.templatetags.regulation_tags import doc_day, doc_month

    assert (doc_day(datetime.date(2021, 8, 29)), doc_month(datetime.date(2021, 8, 29))) == ("29", "8")
    assert (doc_day(datetime.date(2026, 1, 5)), doc_month(datetime.date(2026, 1, 5))) == ("05", "01")


def _snapshot(title, body):
    return {"chapters": [{"number": 1, "title": "CHUNG", "articles": [
        {"number": 2, "suffix": "", "title": title, "body": body, "repealed": False}]}]}


def test_amendment_diff_does_not_repeat_the_article_title_as_its_first_line():
    from regulation.diff import compare

    [row] = compare(_snapshot("Nguyên tắc phối hợp", "1. Cũ."), _snapshot("Nguyên tắc phối hợp", "1. Mới."))
    assert "Nguyên tắc" not in row["html"] and row["title_html"] == ""
    assert row["html"].startswith("1. ")


def test_a_changed_article_title_is_diffed_in_the_heading():
    from regulation.diff import compare

    [row] = compare(_snapshot("Nguyên tắc phối hợp", "1. A."), _snapshot("Nguyên tắc phối hợp công tác", "1. A."))
    assert "<ins>" in row["title_html"] and "công tác" in row["title_html"]
    assert row["inserted"] == 2 and "<ins>" not in row["html"]
