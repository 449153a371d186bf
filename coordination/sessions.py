"""Sessions that end after SESSION_COOKIE_AGE without a request, without a write on every request.

Django's SESSION_SAVE_EVERY_REQUEST rewrites the session row on every page to push its end back: one
UPDATE (and its transaction) per request, about a fifth of what a small page costs. Here the row is
rewritten only when its end was last pushed back at least SESSION_RENEW_AFTER seconds ago, so a
person clicking through pages writes it about once a minute. The end is still read from the row at
every request (`expire_date > now`), so an idle session never lasts longer than SESSION_COOKIE_AGE;
it may end up to SESSION_RENEW_AFTER seconds sooner than it would with a write on every request.

Settings: SESSION_ENGINE = "coordination.sessions" and this module's SessionMiddleware in place of
Django's.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.utils import timezone


class SessionStore(db.SessionStore):
    """Django's database sessions, remembering the end the row had when it was read."""

    stored_expiry = None

    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        self.stored_expiry = session.expire_date if session else None
        return session

    async def _aget_session_from_db(self):
        session = await super()._aget_session_from_db()
        self.stored_expiry = session.expire_date if session else None
        return session

    def renewal_due(self):
        """Was the row's end last pushed back SESSION_RENEW_AFTER seconds ago or more?"""
        if self.stored_expiry is None:
            return False
        renewed_at = self.stored_expiry - datetime.timedelta(seconds=self.get_expiry_age())
        return timezone.now() - renewed_at >= datetime.timedelta(seconds=settings.SESSION_RENEW_AFTER)


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, marking a session read by this request as changed when its renewal is due."""

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.modified:
            # Another SESSION_ENGINE cannot tell when it was renewed: saved on every request, as Django would.
            renewal_due = getattr(session, "renewal_due", None)
            if renewal_due is None or renewal_due():
                session.modified = True
        return super().process_response(request, response)
