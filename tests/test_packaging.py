"""What the app reads at run time ships inside the package: every file under directory_app/data/ is
declared as package data, and nothing in the app reads the repository's seed_data/ outside the demo
seed loader."""

from __future__ import annotations

import json
import re
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

from matching.understanding.evaluate import is_test
from seed_data.eval import labelled

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "directory_app" / "data"


def _matches(path: Path, pattern: str) -> bool:
    """setuptools' reading of a package-data glob: ``*`` stays within one folder."""
    parts = pattern.split("/")
    return len(parts) == len(path.parts) and all(
        fnmatchcase(p, q) for p, q in zip(path.parts, parts, strict=True)
    )


def test_every_runtime_data_file_is_declared_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["directory_app.data"]
    files = [
        p.relative_to(DATA)
        for p in DATA.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
    ]
    assert files
    undeclared = [str(f) for f in files if not any(_matches(f, pattern) for pattern in patterns)]
    assert not undeclared, f"add to [tool.setuptools.package-data] in pyproject.toml: {undeclared}"


# Still reading seed_data/ at run time, to be moved (then removed from this list). None is left:
# the gap report's geography now ships in directory_app/data/geo/. A new reader fails the test below.
NOT_YET_PACKAGED: set[str] = set()


def test_only_the_seed_loaders_read_the_repositorys_folders():
    # seed.py and bootstrap.py load the demo directory (make run); anything else the app reads at
    # run time belongs in directory_app/data/.
    allowed = {"seed.py", "bootstrap.py"}
    readers = []
    for path in list((ROOT / "directory_app").rglob("*.py")) + list((ROOT / "matching").rglob("*.py")):
        if path.name in allowed:
            continue
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        # The repository's own folders (seed_data/, docs/) are not there once the app is installed.
        if re.search(r'["\'](?:seed_data|docs)["\']', code):
            readers.append(str(path.relative_to(ROOT)))
    assert set(readers) == NOT_YET_PACKAGED


def test_the_classifiers_learn_from_the_development_parts_of_the_blind_sets_and_nothing_else():
    # The packaged copy is what seed_data/eval/labelled.py writes from the labels as they are now
    # (run it after changing a label), and holds no item of a test part or of the unseen region.
    # The trained development regions have no test part: they are learnt from whole.
    regions = {
        str(label["id"])
        for pairs in labelled.labelled_sets(labelled.TRAINED_REGIONS).values()
        for _, label in pairs
    }
    for name, content in labelled.training_files().items():
        packaged = DATA / "training" / name
        assert packaged.read_text(encoding="utf-8") == content, f"run seed_data/eval/labelled.py ({name})"
        ids = [json.loads(line)["id"] for line in content.splitlines()]
        assert ids and not [i for i in ids if is_test(i) and i not in regions]
    unseen = {
        str(label["id"]) for pairs in labelled.labelled_sets(labelled.UNSEEN).values() for _, label in pairs
    }
    services = [json.loads(line) for line in (DATA / "training" / "services.jsonl").read_text().splitlines()]
    trained = {row["id"] for row in services}
    assert unseen and not unseen & trained
    assert regions and regions <= trained
