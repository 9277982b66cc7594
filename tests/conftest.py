"""Test tiers by folder: tests/unit -> unit, tests/timeline -> timeline, tests/models -> models, tests/e2e -> e2e.
Select with -m (for example ``pytest -m "unit or timeline"`` for the fast tiers)."""

from __future__ import annotations

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


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own config or writes to their data folder."""
    monkeypatch.setenv("TENOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for var in list(__import__("os").environ):
        if var.startswith("TENOR_") and var not in ("TENOR_HOME",):
            monkeypatch.delenv(var)
    monkeypatch.chdir(tmp_path)
