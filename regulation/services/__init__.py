"""Every write to the regulation goes through these use cases."""

from .amendments import (  # noqa: F401
    amendment_add_change,
    amendment_approve,
    amendment_create,
    amendment_remove_change,
    amendment_return,
    amendment_submit,
    amendment_update,
    amendments_bring_into_force,
)
from .importer import regulation_import_docx  # noqa: F401
from .terms import (  # noqa: F401
    draft_article_add,
    draft_article_remove,
    draft_article_update,
    draft_update,
    regulation_approve_adoption,
    regulation_renew,
    regulation_return_adoption,
    regulation_submit_draft,
)
