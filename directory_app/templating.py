from __future__ import annotations

from flask import Flask
from flask_login import current_user

from .access import role_allowed
from .vocabulary import DAY_NAMES
from .web.phones import display_phone, tel_href


def init_app(app: Flask) -> None:
    app.jinja_env.filters["phone"] = display_phone
    app.jinja_env.filters["tel_href"] = tel_href

    @app.context_processor
    def _globals():
        role = getattr(current_user, "role", None) if current_user.is_authenticated else None
        return {"can": lambda rule: role_allowed(rule, role), "DAY_NAMES": DAY_NAMES}
