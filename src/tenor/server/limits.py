"""Per-session and per-client limits: turns per minute, open sessions per client address.

Exceeding a limit is answered with one ``error`` message naming the limit and what to do; the session (or,
for too many sessions, the other sessions) goes on. Nothing here closes sockets in a loop: a refused extra
session is told once and closed once, with close code 1013 ("try again later").
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

# Window of the turn rate limit, in seconds.
RATE_WINDOW_S: Final = 60.0
# WebSocket close code for a session refused for load ("try again later", RFC 6455 registry).
CLOSE_TRY_LATER: Final = 1013
# WebSocket close code for a session closed because it was idle (normal closure: nothing went wrong).
CLOSE_IDLE: Final = 1000


@dataclass
class TurnRate:
    """A sliding-window count of turns started in the last minute."""

    # Most turns per window; 0 means no limit.
    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _starts: deque[float] = field(default_factory=deque)

    def try_start(self) -> float | None:
        """Count a turn and return None if it may start; else the seconds until one may."""
        if self.per_minute <= 0:
            return None
        now = self.clock()
        while self._starts and now - self._starts[0] >= RATE_WINDOW_S:
            self._starts.popleft()
        if len(self._starts) >= self.per_minute:
            return RATE_WINDOW_S - (now - self._starts[0])
        self._starts.append(now)
        return None


@dataclass
class ClientSessions:
    """Open sessions per client address (the same process serves every client, so one dict is the truth)."""

    # Most open sessions per address; 0 means no limit.
    per_client: int
    _open: dict[str, int] = field(default_factory=dict)

    def acquire(self, client: str) -> bool:
        """Count a new session for ``client``; False (and nothing counted) if it already has the most."""
        n = self._open.get(client, 0)
        if self.per_client > 0 and n >= self.per_client:
            return False
        self._open[client] = n + 1
        return True

    def release(self, client: str) -> None:
        n = self._open.get(client, 0) - 1
        if n > 0:
            self._open[client] = n
        else:
            self._open.pop(client, None)

    def count(self, client: str) -> int:
        return self._open.get(client, 0)
