import pickle

import numpy as np
import pytest

from matching import TextModel


@pytest.fixture
def directory(make_service):
    return [
        make_service(
            name="Sale Befriending",
            needs=["loneliness"],
            description="Volunteers visit people at home for a chat and a cup of tea.",
        ),
        make_service(
            name="Cruse Trafford",
            needs=["bereavement"],
            description="Support after someone close to you dies.",
        ),
        make_service(
            name="Citizens Advice Trafford",
            needs=["money_debt"],
            description="Free, confidential advice on debts, bills and benefits.",
        ),
        make_service(
            name="Altrincham Choir",
            needs=["arts_creativity"],
            description="A community choir for all voices, no auditions.",
        ),
        make_service(
            name="Walking for Health",
            needs=["physical_activity"],
            description="Gentle led walks in local parks.",
        ),
    ]


def test_a_persons_words_reach_services_that_never_use_them(directory, taxonomy):
    model = TextModel.fit(directory, taxonomy)
    scores = model.score("hardly leaves the house since his wife died", directory)
    by_name = dict(zip((s["name"] for s in directory), scores, strict=True))
    assert by_name["Sale Befriending"] > 0.1 and by_name["Cruse Trafford"] > 0.1
    assert by_name["Citizens Advice Trafford"] < 0.05 and by_name["Altrincham Choir"] < 0.05


def test_scores_are_cosines_in_unit_range(directory, taxonomy):
    model = TextModel.fit(directory, taxonomy)
    scores = model.score("community choir", directory)
    assert scores.shape == (5,) and np.all((scores >= 0) & (scores <= 1))
    assert int(np.argmax(scores)) == 3
    assert not model.score("", directory).any()
    assert not model.score("zzzz qqqq", directory).any()


def test_services_unseen_at_fit_time_are_vectorised_and_kept(directory, taxonomy, make_service):
    model = TextModel.fit(directory, taxonomy)
    newcomer = make_service(
        name="Age UK Trafford", needs=["money_debt"], description="Free advice on benefits for older people."
    )
    first = model.score("advice on benefits", [newcomer])
    assert first[0] > 0.1 and len(model) == 6
    np.testing.assert_allclose(model.score("advice on benefits", [newcomer]), first)


def test_update_replaces_an_edited_service(directory, taxonomy):
    model = TextModel.fit(directory, taxonomy)
    choir = dict(directory[3], description="Now a knitting circle.")
    before = model.score("community choir voices auditions", [choir])[0]
    model.update([choir])
    assert model.score("community choir voices auditions", [choir])[0] < before


def test_fitted_model_pickles(directory, taxonomy):
    model = pickle.loads(pickle.dumps(TextModel.fit(directory, taxonomy)))
    assert model.score("debt", directory).argmax() == 2


def test_one_off_terms_can_be_dropped(directory, taxonomy):
    # "woodwork" is in one service only: kept by default in a small directory, dropped at min_df=2
    shed = dict(directory[0], description="Woodwork and repairs.")
    services = [shed, *directory[1:]]
    assert TextModel.fit(services, taxonomy).score("woodwork", [shed])[0] > 0.1
    assert TextModel.fit(services, taxonomy, min_df=2).score("woodwork", [shed])[0] == 0.0


def test_sparse_dot_agrees_with_scipy():
    import scipy.sparse as sp

    from matching.textmodel import _dot

    rng = np.random.default_rng(7)
    rows = sp.random(40, 500, density=0.05, format="lil", random_state=rng, dtype=np.float32)
    rows[3] = 0  # an empty row
    rows = rows.tocsr()
    assert rows[3].nnz == 0
    query = sp.random(1, 500, density=0.1, format="csr", random_state=rng, dtype=np.float32)
    np.testing.assert_allclose(_dot(rows, query), (rows @ query.T).toarray().ravel(), rtol=1e-5)


def test_a_persons_scores_do_not_depend_on_who_was_matched_before(directory, taxonomy):
    # A needs' expansion is vectorised once per model and kept for the next person with those needs.
    words, needs = "lonely since my wife died", ["loneliness", "bereavement"]
    fresh = TextModel.fit(directory, taxonomy).score(words, directory, needs=needs)
    model = TextModel.fit(directory, taxonomy)
    model.score("gentle walks", directory, needs=needs)
    model.score("help with debts", directory, needs=["money_debt"])
    np.testing.assert_array_equal(model.score(words, directory, needs=needs), fresh)
    assert model.score("help with debts", directory, needs=needs).argmax() == 2
