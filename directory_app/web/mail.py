"""Outgoing mail through an SMTP server set by the environment (SMTP_HOST and friends).

Used for the printed sheet sent to a person (the address is used once and never stored) and for
providers' links to keep their listing current. Without SMTP_HOST nothing is sent and callers say
so: curators can copy a provider's link by hand instead.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from email_validator import EmailNotValidError, validate_email

from ..errors import Unavailable, ValidationError


def configured(config) -> bool:
    return bool(config.get("SMTP_HOST"))


def checked_address(value: str, field: str = "email") -> str:
    """The address in normal form, or a 422 naming the field (no DNS lookup: we are offline-safe)."""
    try:
        return validate_email((value or "").strip(), check_deliverability=False).normalized
    except EmailNotValidError as problem:
        raise ValidationError("Check the email address.", {field: str(problem)}) from None


def send(config, to: str, subject: str, text: str, html: str | None = None) -> None:
    """Send one message; an unreachable or refusing server is a 503 that says mail is not sent."""
    if not configured(config):
        raise Unavailable("Email is not set up on this service (SMTP_HOST is not set).")
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM") or "directory@localhost"
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="directory.local")
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    try:
        with smtplib.SMTP(config["SMTP_HOST"], int(config.get("SMTP_PORT") or 25), timeout=10) as smtp:
            if config.get("SMTP_STARTTLS"):
                smtp.starttls()
            if config.get("SMTP_USERNAME"):
                smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as problem:
        raise Unavailable(
            f"The email could not be sent ({type(problem).__name__}); nothing was stored."
        ) from None
