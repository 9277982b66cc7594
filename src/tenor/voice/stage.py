"""The speaking stage: each screened reply sentence becomes audio in the turn's tone, as the reply streams."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from tenor.cancel import CancelScope
from tenor.events import Event, ReplySentence, SpeechAudio, TonePlan
from tenor.stage import EventStage, Metrics
from tenor.voice.tts import Speaker


class SpeechStage(EventStage):
    """ReplySentence in, SpeechAudio out (one chunk per phrase)."""

    name = "speak"

    def __init__(self, speaker: Speaker, scope: CancelScope | None = None, metrics: Metrics | None = None) -> None:
        super().__init__(metrics)
        self.speaker = speaker
        self.scope = scope
        self._first: dict[int, bool] = {}

    def accepts(self, event: Event) -> bool:
        return isinstance(event, ReplySentence)

    async def _impl(self, event: Event) -> AsyncIterator[Event]:
        assert isinstance(event, ReplySentence)
        plan = self.last(TonePlan) or TonePlan(turn_id=event.turn_id)
        chunks = iter(self.speaker.speak(event.text, plan, lead=event.index == 0))
        t0 = time.perf_counter()
        while True:
            if self.scope is not None and not self.scope.is_current(event.turn_id):
                return  # barge-in: stop speaking at the next phrase
            pcm = await asyncio.to_thread(next, chunks, None)
            if pcm is None:
                return
            if event.index == 0 and not self._first.get(event.turn_id):
                self._first[event.turn_id] = True
                self.metrics.add(event.turn_id, "first_audio", (time.perf_counter() - t0) * 1000.0)
            yield SpeechAudio(
                turn_id=event.turn_id,
                pcm=pcm.astype("<i2").tobytes(),
                sample_rate_hz=self.speaker.sample_rate_hz,
                sentence_index=event.index,
            )
