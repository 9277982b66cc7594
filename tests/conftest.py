"""Test tiers by folder: tests/unit -> unit, tests/timeline -> timeline, tests/models -> models, tests/e2e -> e2e.
Select with -m (for example ``pytest -m "unit or timeline"`` for the fast tiers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

TIERS = ("unit", "timeline", "models", "e2e", "browser")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if parts and parts[0] in TIERS:
            item.add_marker(getattr(pytest.mark, parts[0]))


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache for the whole run: the bundled model is converted once, not once per test. Set for the whole
    session, so that module-scoped fixtures (which run before the per-test environment) use it too."""
    import os

    path = tmp_path_factory.mktemp("cache")
    old = os.environ.get("TENOR_CACHE")
    os.environ["TENOR_CACHE"] = str(path)
    yield path
    if old is None:
        os.environ.pop("TENOR_CACHE", None)
    else:
        os.environ["TENOR_CACHE"] = old


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> None:
    """No test reads the developer's own config or writes to their data folder or cache."""
    for var in list(__import__("os").environ):
        if var.startswith("TENOR_"):
            monkeypatch.delenv(var)
    monkeypatch.setenv("TENOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TENOR_CACHE", str(_session_cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.chdir(tmp_path)
