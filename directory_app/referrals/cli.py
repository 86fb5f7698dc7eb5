"""`flask match train` and `flask match training-rows`: thin wrappers over referrals.ranking."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from matching.rank import FEATURE_NAMES

from .. import db
from ..web import csv_output
from . import ranking


@click.group("match", cls=AppGroup)
def match_group():
    """Matching: learn ranking weights from referral outcomes."""


@match_group.command("train")
@click.option(
    "--seed",
    default=ranking.SEED,
    show_default=True,
    type=int,
    help="Random seed for the held-back split and the resampling.",
)
def train_command(seed: int):
    """Fit ranking weights on finished referrals; adopt them only if they beat the hand-set weights."""
    with db.session_scope(db.real_app()) as session:
        report = ranking.train(session, actor="cli", seed=seed)
    click.echo(report.message)


@match_group.command("training-rows")
def training_rows_command():
    """Write the training rows (no identifiers; dates as months) as CSV to standard output."""
    with db.session_scope(db.real_app()) as session:
        rows = ranking.export_training_rows(session)
    writer = csv_output.writer(sys.stdout)
    writer.writerow(["month", "needs", "needs_count", *FEATURE_NAMES, "outcome"])
    for row in rows:
        writer.writerow(
            [
                row["month"],
                ";".join(row["needs"]),
                row["needs_count"],
                *[row[name] for name in FEATURE_NAMES],
                row["outcome"],
            ]
        )
