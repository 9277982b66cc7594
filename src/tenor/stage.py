"""The Stage protocol and the wrapper that gives every stage timing and error handling once.

A stage is an async iterator transform: it consumes the turn's event stream and yields it on, adding its
own events. Events a stage does not handle pass through untouched and in order, so stages compose by plain
function application (``pipeline.compose``). A concrete stage subclasses ``EventStage`` and implements
``accepts`` and ``_impl``; the public ``__call__`` adds pass-through, per-turn memory of earlier events,
timing (time spent inside the stage, not time its consumers spend) and conversion of errors into
``StageError`` events so that one failing stage never tears down the conversation.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Protocol, TypeVar, runtime_checkable

from tenor.errors import TenorError
from tenor.events import Event, StageError, TurnStarted

log = logging.getLogger(__name__)

E = TypeVar("E", bound=Event)


@runtime_checkable
class Stage(Protocol):
    """Anything that maps an event stream to an event stream."""

    name: str

    def __call__(self, events: AsyncIterator[Event]) -> AsyncIterator[Event]: ...


class Metrics:
    """Milliseconds spent per stage per turn, shared by the stages of one pipeline."""

    def __init__(self) -> None:
        self._ms: dict[int, dict[str, float]] = defaultdict(dict)

    def add(self, turn_id: int, stage: str, ms: float) -> None:
        row = self._ms[turn_id]
        row[stage] = row.get(stage, 0.0) + ms

    def pop(self, turn_id: int) -> dict[str, float]:
        return {k: round(v, 2) for k, v in self._ms.pop(turn_id, {}).items()}


class EventStage(ABC):
    """Base for stages that react to some events and pass the rest through."""

    # Name used in timings and error events.
    name: str = "stage"

    def __init__(self, metrics: Metrics | None = None) -> None:
        self.metrics = metrics if metrics is not None else Metrics()
        self._seen: dict[type[Event], Event] = {}

    @abstractmethod
    def accepts(self, event: Event) -> bool:
        """True for the events this stage acts on."""

    @abstractmethod
    def _impl(self, event: Event) -> AsyncIterator[Event]:
        """Events this stage adds in response to ``event`` (which has already been passed on)."""

    def last(self, kind: type[E]) -> E | None:
        """The latest event of ``kind`` seen in the current turn, if any."""
        ev = self._seen.get(kind)
        return ev if isinstance(ev, kind) else None

    async def __call__(self, events: AsyncIterator[Event]) -> AsyncIterator[Event]:
        async for event in events:
            if isinstance(event, TurnStarted):
                self._seen.clear()
            self._seen[type(event)] = event
            yield event
            if not self.accepts(event):
                continue
            async for out in self._run(event):
                self._seen[type(out)] = out
                yield out

    async def _run(self, event: Event) -> AsyncIterator[Event]:
        gen = self._impl(event)
        busy_s = 0.0
        try:
            while True:
                t0 = time.perf_counter()
                try:
                    out = await gen.__anext__()
                except StopAsyncIteration:
                    busy_s += time.perf_counter() - t0
                    break
                busy_s += time.perf_counter() - t0
                yield out
        except TenorError as err:
            yield StageError(turn_id=event.turn_id, stage=self.name, message=str(err))
        except Exception as err:
            log.debug("stage %s failed", self.name, exc_info=True)
            message = f"internal error in {self.name}: {type(err).__name__}: {err}"
            yield StageError(turn_id=event.turn_id, stage=self.name, message=message)
        finally:
            aclose = getattr(gen, "aclose", None)
            if aclose is not None:
                await aclose()
            self.metrics.add(event.turn_id, self.name, busy_s * 1000.0)
