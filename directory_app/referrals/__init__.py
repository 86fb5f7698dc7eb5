"""Closed-loop referrals: what a link worker referred, what happened, and what it teaches matching.

``identifiers`` (case references that cannot be personal identifiers), ``workflow`` (statuses and
allowed transitions), ``records`` (the domain functions), ``stats`` (commissioners' suppressed
aggregates), ``ranking`` (learning to rank from outcomes), ``pages`` (pages under /referrals),
``api`` (JSON under /api/v1/referrals) and ``cli`` (``flask match train``).

One blueprint carries both pages and API: errors, CSRF and sign-in already tell the two apart by
path (/api/...), so nothing here needs to. The app imports ``pages`` and ``api`` to add their
routes; this module imports neither, so a domain module (``identifiers``, ``service``) can be
imported without pulling in every page.
"""

from flask import Blueprint

bp = Blueprint("referrals", __name__)

__all__ = ["bp"]
