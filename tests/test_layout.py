"""The house rules of issue 10 that a reader relies on: the docs' transition table is the code's, and
no template decides by comparing a raw state string (badges and booleans come from the models)."""

import re
from pathlib import Path

from django.utils import translation

from coordination.models.requests import REQUESTED, REQUESTING, TRANSITIONS, RequestState

ROOT = Path(__file__).resolve().parent.parent
STATE_ORDER = list(RequestState.values)
SIDES = {"A": REQUESTING, "B": REQUESTED}


def _states(cell):
    cell = cell.strip()
    if "…" in cell:
        first, last = (s.strip() for s in cell.split("…"))
        return set(STATE_ORDER[STATE_ORDER.index(first):STATE_ORDER.index(last) + 1]) - {"draft", "awaiting_approval"}
    return {s.strip() for s in cell.split(",")}


def _documented_transitions():
    rows = {}
    for line in (ROOT / "docs" / "requests.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|([^|]+)\|([^|]+)\(`(\w+)`\)\s*\|([^|]+)\|([^|]+)\|([^|]+)\|", line)
        if match:
            sources, label, action, target, who, comment = match.groups()
            actors = re.findall(r"\b([AB]) (staff|leader)\b", who)
            rows[action] = {
                "label": label.strip(), "sources": _states(sources), "target": target.strip(),
                "sides": {SIDES[side] for side, _ in actors}, "roles": {role for _, role in actors},
                "needs_comment": "required" in comment,
            }
    return rows


def test_docs_transition_table_matches_the_transitions_of_the_model():
    documented = _documented_transitions()
    assert set(documented) == set(TRANSITIONS)
    for action, t in TRANSITIONS.items():
        row = documented[action]
        assert row["sources"] == set(t.sources), action
        assert row["target"] == t.target, action
        assert row["sides"] == {t.side}, action
        assert row["roles"] == set(t.roles), action
        assert row["needs_comment"] == t.needs_comment, action
        with translation.override("vi"):
            assert row["label"] == str(t.label), action


STATE_COMPARISON = re.compile(
    r"\.(state|status|outcome|decision|attendance)\s*(==|!=)\s*['\"]"
    r"|['\"]\s*(==|!=)\s*\w+\.(state|status|outcome|decision|attendance)\b"
    r"|\bstate\s*(==|!=)\s*['\"]"
)


def test_no_template_compares_a_raw_state_string():
    offenders = []
    for template in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if STATE_COMPARISON.search(line):
                offenders.append(f"{template.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert offenders == []
