"""Fitted need classifiers kept on disk: a process reads the fit another made for the same inputs
and code, and reads every record as a fresh fit would."""

from __future__ import annotations

import pytest

from directory_app import fitted_models
from directory_app.directory.understanding import areas, development_examples
from directory_app.needs import taxonomy
from matching.understanding import Understander


@pytest.fixture
def folder(tmp_path):
    before = fitted_models._folder.get("path")
    fitted_models.keep_in(tmp_path)
    yield tmp_path
    fitted_models.keep_in(before)


def _counting(result):
    calls = []

    def fit():
        calls.append(1)
        return result

    return fit, calls


def test_a_fit_is_made_once_for_the_same_inputs_and_again_for_others(folder):
    fit, calls = _counting({"weights": [1, 2, 3]})
    assert fitted_models.fitted("model", {"texts": ["a", "b"]}, fit) == {"weights": [1, 2, 3]}
    assert fitted_models.fitted("model", {"texts": ["a", "b"]}, fit) == {"weights": [1, 2, 3]}
    assert len(calls) == 1
    fitted_models.fitted("model", {"texts": ["a", "c"]}, fit)
    assert len(calls) == 2
    assert len(list(folder.glob("model-*.pickle"))) == 1  # the other inputs' fit replaced it


def test_a_damaged_fit_is_made_again_and_replaced(folder):
    fit, calls = _counting([1.0, 2.0])
    fitted_models.fitted("model", ["x"], fit)
    (kept,) = folder.glob("model-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert fitted_models.fitted("model", ["x"], fit) == [1.0, 2.0]
    assert fitted_models.fitted("model", ["x"], fit) == [1.0, 2.0]
    assert len(calls) == 2


def test_without_a_folder_every_process_fits_its_own(folder):
    fitted_models.keep_in(None)
    fit, calls = _counting("fit")
    fitted_models.fitted("model", ["x"], fit)
    fitted_models.fitted("model", ["x"], fit)
    assert len(calls) == 2 and not list(folder.iterdir())


def test_a_kept_service_needs_fit_reads_records_as_a_fresh_fit_does(folder):
    examples = development_examples()[::8]
    fresh = Understander.trained(taxonomy(), examples, areas())
    Understander.trained(taxonomy(), examples, areas(), fitter=fitted_models.fitted)

    def read_only(name, inputs, fit):
        return fitted_models.fitted(name, inputs, lambda: pytest.fail("fitted again, not read"))

    kept = Understander.trained(taxonomy(), examples, areas(), fitter=read_only)
    records = [record for record, _ in development_examples()[1::40]]
    assert [u.needs for u in kept.understand_many(records)] == [
        u.needs for u in fresh.understand_many(records)
    ]
    assert any(u.needs for u in fresh.understand_many(records))


def test_a_folder_that_cannot_be_written_leaves_each_process_its_own_fit(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    before = fitted_models._folder.get("path")
    fitted_models.keep_in(blocked / "fitted-models")
    try:
        fit, calls = _counting("fit")
        assert fitted_models.fitted("model", ["x"], fit) == "fit"
        assert fitted_models.fitted("model", ["x"], fit) == "fit"
        assert len(calls) == 2
    finally:
        fitted_models.keep_in(before)
