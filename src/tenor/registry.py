"""Backend registration through entry points.

Built-in backends are declared in tenor's own ``pyproject.toml`` under the same entry-point groups a
third-party package would use, so that a plugin is a peer, not a special case. An entry point names a
factory ``(Config) -> backend``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Final

from tenor.config import Config
from tenor.errors import BackendUnavailable, ConfigError

GROUPS: Final[dict[str, str]] = {
    "reply": "tenor.reply",
    "mood_text": "tenor.mood_text",
    "mood_voice": "tenor.mood_voice",
    "screen": "tenor.screen",
    "tone": "tenor.tone",
    "tts": "tenor.tts",
}


def available(kind: str) -> list[str]:
    """Names registered for a kind of backend."""
    return sorted(ep.name for ep in entry_points(group=GROUPS[kind]))


def factory(kind: str, name: str) -> Callable[[Config], Any]:
    """The factory registered under ``name`` for ``kind``."""
    matches = [ep for ep in entry_points(group=GROUPS[kind]) if ep.name == name]
    if not matches:
        names = ", ".join(available(kind)) or "none (is tenor installed with pip?)"
        raise ConfigError(f"no {kind} backend named {name!r} (available: {names})")
    try:
        loaded = matches[0].load()
    except ImportError as err:
        raise BackendUnavailable(f"{kind} backend {name!r} cannot be loaded: {err}") from None
    if not callable(loaded):
        raise BackendUnavailable(f"{kind} backend {name!r} is not callable: {matches[0].value}")
    return loaded  # type: ignore[no-any-return]


def create(kind: str, name: str, config: Config) -> Any:
    """Build the backend registered under ``name``."""
    return factory(kind, name)(config)
