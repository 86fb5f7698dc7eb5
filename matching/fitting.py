"""How a model's fit may be remembered: the caller decides where (the app keeps fits on disk), the
library says what the fit depends on.

A fitter is handed a name, the fit's inputs (plain data, JSON-able) and the function that fits;
it returns that function's result, or an earlier result for the same name and inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

Fitted = TypeVar("Fitted")


class Fitter(Protocol):
    def __call__(self, name: str, inputs: object, fit: Callable[[], Fitted]) -> Fitted: ...


def fit_now(name: str, inputs: object, fit: Callable[[], Fitted]) -> Fitted:
    """Remember nothing: every process fits its own."""
    return fit()
