"""Both locales are complete: every message in the code is in the catalogues, translated, not fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIRS = [Path("."), Path("coordination"), Path("regulation"), Path("meetings"), Path("meetings/evaluation")]
# What makemessages must not look at from each directory (the other catalogues' code, tools).
IGNORE = {
    Path("."): ["coordination", "regulation", "meetings", "tests", "var", "node_modules"],
    Path("meetings"): ["evaluation"],
}
CATALOGS = [ROOT / d / "locale/vi/LC_MESSAGES/django.po" for d in CATALOGUE_DIRS]


def _msgids(path):
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_vietnamese_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    missing = [e.msgid for e in catalogue.untranslated_entries()] + [e.msgid for e in catalogue.fuzzy_entries()]
    assert missing == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_catalogues_hold_every_message_of_the_code(tmp_path):
    """Extracting again from the code finds no message that the committed catalogues lack."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "var", "node_modules", "*.mo",
                                                              "__pycache__", "staticfiles"))
    missing = {}
    for rel in CATALOGUE_DIRS:
        args = [sys.executable, str(copy / "manage.py"), "makemessages", "-l", "vi", "--no-location"]
        for ignored in IGNORE.get(rel, []):
            args += ["-i", ignored]
        subprocess.run(args, cwd=copy / rel, check=True, capture_output=True)
        extracted = _msgids(copy / rel / "locale/vi/LC_MESSAGES/django.po")
        lacking = extracted - _msgids(ROOT / rel / "locale/vi/LC_MESSAGES/django.po")
        if lacking:
            missing[str(rel)] = sorted(msgid for _, msgid in lacking)
    assert missing == {}, "run `make messages` and translate the new messages"
