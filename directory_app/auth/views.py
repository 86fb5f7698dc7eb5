from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from ..access import access
from ..db import get_session
from ..security import configured_limit, limiter
from ..web.urls import safe_next
from . import CurrentUser, bp, start_session, users
from .users import authenticate


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired("Enter your username.")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])


@bp.route("/login", methods=["GET", "POST"])
@access("public")
@limiter.limit(configured_limit("LOGIN_RATE_LIMIT"), exempt_when=lambda: request.method != "POST")
def login():
    form = LoginForm()
    error = None
    headers = {}
    status = 400 if request.method == "POST" else 200
    if form.validate_on_submit():
        result = authenticate(
            get_session(), form.username.data, form.password.data, address=get_remote_address() or "unknown"
        )
        if result.user is not None:
            login_user(CurrentUser(result.user))
            start_session(result.user)
            flash(f"Logged in as {result.user.username} ({result.user.role}).")
            return redirect(safe_next(request.args.get("next")) or url_for("search.index"))
        error = result.message
        if result.retry_after:
            status, headers = 429, {"Retry-After": str(result.retry_after)}
    return render_template("auth/login.html", form=form, error=error), status, headers


@bp.route("/logout", methods=["POST"])
@access("public")
def logout():
    if current_user.is_authenticated and not current_user.via_token:
        # Raising the session version ends this session everywhere a copy of the cookie was kept.
        users.logout(get_session(), current_user.id)
    logout_user()
    # A reception PC is shared: the next person must not see this one's shortlist.
    session.pop("shortlist", None)
    flash("You have logged out.")
    return redirect(url_for("search.index"))
