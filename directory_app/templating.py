from __future__ import annotations

from flask import Flask
from flask_login import current_user

from .access import role_allowed

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}


def init_app(app: Flask) -> None:
    @app.context_processor
    def _globals():
        role = getattr(current_user, "role", None) if current_user.is_authenticated else None
        return {"can": lambda rule: role_allowed(rule, role), "DAY_NAMES": DAY_NAMES}
