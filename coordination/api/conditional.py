"""ETag and If-Match, so two clients cannot overwrite each other's edits without knowing it.

A detail answer carries `ETag` (a digest of what the caller was shown). An edit must send it back in
`If-Match`: without it the answer is 428, with a stale one 412, and nothing is changed. The comparison is
made on the row locked for the edit, inside the edit's transaction."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .errors import PreconditionFailed, PreconditionRequired

MISSING = _("Send the ETag you were given with the object in an If-Match header, so that nobody's changes "
            "are overwritten. Nothing was changed.")
STALE = _("Someone changed this object after you read it. Read it again, then repeat your change. "
          "Nothing was changed.")


def etag_for(data):
    body = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return f'"{hashlib.sha256(body.encode()).hexdigest()[:40]}"'


def check_if_match(request, current_data, *, required=True, etag=None):
    """428 without If-Match (when `required`), 412 unless it names the current ETag: `etag`, or that of
    `current_data`."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if required:
            raise PreconditionRequired(MISSING)
        return
    wanted = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if "*" not in wanted and (etag or etag_for(current_data)) not in wanted:
        raise PreconditionFailed(STALE)


class ConditionalUpdateMixin:
    """For a DRF GenericAPIView with retrieve/update: ETag on reads, If-Match required on PUT/PATCH.

    The ETag is always the digest of what `retrieve` shows, even where an edit uses another serializer, so the
    tag a client read is the tag its edit is compared with, and the tag an edit answers with is the next one."""

    def current_etag(self):
        """The ETag `retrieve` would give now (its queryset and serializer, whatever this action uses)."""
        action, self.action = getattr(self, "action", None), "retrieve"
        try:
            return etag_for(self.get_serializer(self.get_object()).data)
        finally:
            self.action = action

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag_for(response.data)
        return response

    def update(self, request, *args, **kwargs):
        # Visibility first, outside the transaction: a hidden object is 404 (not 428), and the security-log
        # row written for it is not rolled back with the refused edit.
        instance = self.get_object()
        with transaction.atomic():
            type(instance)._default_manager.select_for_update().filter(pk=instance.pk).exists()
            check_if_match(request, None, etag=self.current_etag())  # read again under the lock
            response = super().update(request, *args, **kwargs)
        try:
            response["ETag"] = self.current_etag()
        except Http404:  # the edit took the object out of the caller's sight: no tag to give
            pass
        return response
