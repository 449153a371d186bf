"""`manage.py shell` without a list of the history models it cannot import on every start.

Django 5.2's shell imports every model; django-simple-history's historical models are built at run
time and cannot be imported by name ("38 objects could not be automatically imported"). They are
reached through their model instead: `CoordinationRequest.history`.
"""

from django.core.management.commands import shell


class Command(shell.Command):
    def get_auto_imports(self):
        return [path for path in super().get_auto_imports() if not path.rpartition(".")[2].startswith("Historical")]
