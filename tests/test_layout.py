"""The layout a newcomer relies on (README, Architecture): each user job's pages and API call one
service module of that job; no page or API module imports another job's; no import of the app's
own modules hides inside a function; `matching/` stays a plain library."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "directory_app"
# Below every job: the /api/v1 blueprint, JSON bodies, display helpers, the shortlist.
SHARED = {"web"}
NOT_PURE = {"flask", "werkzeug", "sqlalchemy", "sqlmodel", "alembic", "psycopg", "meilisearch"}
NOT_PURE |= {"requests", "urllib3", "socket", "http", "urllib", "directory_app"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _app_modules() -> list[Path]:
    return [p for p in sorted(APP.rglob("*.py")) if "migrations" not in p.relative_to(APP).parts]


def _job_packages() -> list[Path]:
    return [
        folder
        for folder in sorted(p for p in APP.iterdir() if p.is_dir() and p.name not in SHARED)
        if (folder / "pages.py").is_file() or (folder / "api.py").is_file()
    ]


def _imported(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """Dotted names below directory_app that `node` imports, for a module in `package`."""
    if isinstance(node, ast.Import):
        return [
            a.name.removeprefix("directory_app.") for a in node.names if a.name.startswith("directory_app")
        ]
    if node.level == 0:
        if not (node.module or "").startswith("directory_app"):
            return []
        base = (node.module or "").removeprefix("directory_app").lstrip(".")
    else:
        parts = package.split(".") if package else []
        parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
        base = ".".join([*parts, *([node.module] if node.module else [])])
    return [f"{base}.{a.name}".lstrip(".") for a in node.names] + ([base] if base else [])


def test_every_job_with_pages_or_an_api_has_its_service_module():
    jobs = _job_packages()
    assert {p.name for p in jobs} >= {"search", "directory", "matchmaking", "reports", "referrals"}
    assert [p.name for p in jobs if not (p / "service.py").is_file()] == []


def test_no_page_or_api_module_imports_another_jobs_pages_or_api():
    jobs = {p.name for p in _job_packages()}
    found = []
    for job in sorted(jobs):
        for name in ("pages.py", "api.py"):
            path = APP / job / name
            if not path.is_file():
                continue
            for node in ast.walk(_tree(path)):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                for target in _imported(node, job):
                    owner, _, rest = target.partition(".")
                    if owner in jobs and owner != job and rest.split(".")[0] in {"pages", "api"}:
                        found.append(f"{job}/{name}:{node.lineno} imports {target}")
    assert found == []


def test_no_import_of_the_apps_own_modules_hides_inside_a_function():
    found = []
    for path in _app_modules():
        for function in ast.walk(_tree(path)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                own = (
                    isinstance(node, ast.ImportFrom)
                    and (node.level > 0 or (node.module or "").startswith(("directory_app", "matching")))
                ) or (
                    isinstance(node, ast.Import)
                    and any(a.name.startswith(("directory_app", "matching")) for a in node.names)
                )
                if own:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_matching_imports_no_web_framework_database_or_network():
    found = []
    for path in sorted((ROOT / "matching").rglob("*.py")):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in NOT_PURE]
    assert found == []
