"""Providers keep their own listing current: signed links, proposals, reminders."""
