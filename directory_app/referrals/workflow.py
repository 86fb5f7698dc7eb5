"""The referral's life: which status may follow which, written out in full.

    suggested -> referred -> accepted -> attended -> completed
    suggested -> declined                  (the person chose not to go ahead)
    referred  -> declined | no_capacity    (the service said no, or has no room)
    accepted  -> declined | did_not_attend (the person changed their mind, or never went)

Declined, no_capacity, did_not_attend and completed are final: a second try is a new referral,
so each referral's outcome stays a single, countable fact.
"""

from __future__ import annotations

from ..errors import ValidationError

STATUSES = (
    "suggested",
    "referred",
    "accepted",
    "attended",
    "completed",
    "declined",
    "no_capacity",
    "did_not_attend",
)
LABELS = {
    "suggested": "Suggested",
    "referred": "Referred",
    "accepted": "Accepted by the service",
    "attended": "Attended",
    "completed": "Completed",
    "declined": "Declined",
    "no_capacity": "No capacity",
    "did_not_attend": "Did not attend",
}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "suggested": ("referred", "declined"),
    "referred": ("accepted", "declined", "no_capacity"),
    "accepted": ("attended", "declined", "did_not_attend"),
    "attended": ("completed",),
    "completed": (),
    "declined": (),
    "no_capacity": (),
    "did_not_attend": (),
}
INITIAL = ("suggested", "referred")
OPEN = tuple(s for s in STATUSES if TRANSITIONS[s])
FINAL = tuple(s for s in STATUSES if not TRANSITIONS[s])
SUCCESS = ("attended", "completed")  # what learning to rank counts as a good match


def label(status: str) -> str:
    return LABELS.get(status, status)


def check_status(status, field: str = "status") -> str:
    if not isinstance(status, str) or status not in STATUSES:
        message = f"Choose one of: {', '.join(STATUSES)}."
        raise ValidationError(message, {field: message})
    return status


def check_transition(current: str, new) -> str:
    """Return ``new`` if a referral may move from ``current`` to it, else raise ValidationError
    naming both states."""
    new = check_status(new)
    if new not in TRANSITIONS[current]:
        allowed = TRANSITIONS[current]
        then = (
            f" From {current} it can go to: {', '.join(allowed)}."
            if allowed
            else f" The {current} status is final: record a new referral instead."
        )
        message = f"A referral cannot go from {current} to {new}.{then}"
        raise ValidationError(message, {"status": message})
    return new
