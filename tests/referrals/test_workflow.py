"""Every status pair: allowed exactly when listed, and a refusal names both states."""

from __future__ import annotations

import itertools

import pytest

from directory_app.errors import ValidationError
from directory_app.referrals.workflow import FINAL, STATUSES, TRANSITIONS, check_transition

ALLOWED = {
    ("suggested", "referred"),
    ("suggested", "declined"),
    ("referred", "accepted"),
    ("referred", "declined"),
    ("referred", "no_capacity"),
    ("accepted", "attended"),
    ("accepted", "declined"),
    ("accepted", "did_not_attend"),
    ("attended", "completed"),
}
PAIRS = list(itertools.product(STATUSES, STATUSES))


def test_the_transition_table_is_the_documented_one():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED
    assert set(FINAL) == {"completed", "declined", "no_capacity", "did_not_attend"}


@pytest.mark.parametrize("current, new", sorted(ALLOWED))
def test_allowed_transition(current, new):
    assert check_transition(current, new) == new


@pytest.mark.parametrize("current, new", sorted(set(PAIRS) - ALLOWED))
def test_impossible_transition_is_refused_naming_both_states(current, new):
    with pytest.raises(ValidationError) as caught:
        check_transition(current, new)
    message = caught.value.fields["status"]
    assert f"from {current} to {new}" in message


@pytest.mark.parametrize("new", [None, "", "lost", 3])
def test_unknown_status_is_refused(new):
    with pytest.raises(ValidationError):
        check_transition("referred", new)
