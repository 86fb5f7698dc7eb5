"""A real SMTP server (aiosmtpd) on a free port, and helpers for provider links."""

from __future__ import annotations

import re
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from directory_app import meili_server

LINK = re.compile(r"https?://\S+/provider\?token=[A-Za-z0-9_.\-]+")


class Inbox:
    """Collects every message the app sends, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(
            {
                "to": list(envelope.rcpt_tos),
                "subject": message["Subject"],
                "text": message.get_body(("plain",)).get_content(),
            }
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(app):
    """Side-effect fixture: a local SMTP server, and the app configured to use it. Yields the inbox."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=meili_server.free_port())
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, MAIL_FROM="directory@example.org")
    try:
        yield inbox
    finally:
        controller.stop()


def link_in(text: str) -> str:
    match = LINK.search(text)
    assert match, f"no provider link in: {text}"
    return match.group(0)


@pytest.fixture
def search_index_kind() -> str:
    """Provider links and reminders are not about search: their apps run on the in-memory index."""
    return "memory"
