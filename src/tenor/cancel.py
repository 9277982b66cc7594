"""One explicit cancel scope per conversation: a turn id (generation counter) and a token per turn.

Barge-in and user cancels do not reorder queues or race priorities: they bump the scope's generation. The
token of every older turn reads as cancelled from then on, backends stop at their next step (a llama.cpp
token, an HTTP chunk), and events carrying an old turn id are dropped by whoever consumes them.
"""

from __future__ import annotations

import threading


class CancelToken:
    """Cancellation flag of one turn, safe to read from worker threads."""

    def __init__(self, scope: CancelScope, turn_id: int) -> None:
        self._scope = scope
        self.turn_id = turn_id

    @property
    def cancelled(self) -> bool:
        return not self._scope.is_current(self.turn_id)


class CancelScope:
    """Hands out turn ids; cancelling makes every earlier turn stale."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._cancelled_upto = 0
        self.reason = ""

    def new_turn(self) -> CancelToken:
        with self._lock:
            self._generation += 1
            return CancelToken(self, self._generation)

    def cancel(self, reason: str = "cancelled") -> int:
        """Cancel the turn in flight (and all before it); returns the id of the last cancelled turn."""
        with self._lock:
            self._cancelled_upto = self._generation
            self.reason = reason
            return self._generation

    def is_current(self, turn_id: int) -> bool:
        with self._lock:
            return turn_id == self._generation and turn_id > self._cancelled_upto

    @property
    def current(self) -> int:
        return self._generation


def never_cancelled() -> CancelToken:
    """A token for one-off calls outside a conversation."""
    return CancelScope().new_turn()
