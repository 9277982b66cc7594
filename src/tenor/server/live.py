"""One live conversation on a socket: microphone audio in, the turn pipeline, paced reply audio out, barge-in.

Three tasks per session, all on the event loop: the listener (microphone frames to speech and transcript
events), the turn in flight (``Conversation.turn``), and the pacer, which sends reply audio no further ahead
of the person's playback than ``audio_lead_ms``. A barge-in is decided from the listener's per-frame voice
probability, not from its (slower) speech-start event: it cancels the turn through the conversation's cancel
scope with the text the person heard (``playback.PlaybackClock``), marks the turn's audio as flushed before
the next frame can go out, and tells the client to drop what it has buffered. The turn task holds the turn
open until its audio has played, so a reply cut off after the model finished is still stored as interrupted.

Early reply: at the listener's ``TurnGuess`` (the first pause, 400 ms before the end-of-turn silence runs
out) a turn starts on the words decoded there, held by the conversation (nothing sent, stored or remembered).
The end of the turn with the same words and audio lets it out; speech that resumes, different final words, a
typed message or a stopped microphone drop it, and the next turn waits until it has been undone.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Final

from tenor.errors import InputError, StoreError, TenorError
from tenor.events import (
    AudioChunk,
    Event,
    Interrupted,
    MoodEstimate,
    ReplyDone,
    ReplySentence,
    SafetyVerdict,
    SpeechAudio,
    SpeechEnded,
    SpeechResumed,
    SpeechStarted,
    StageError,
    Transcript,
    TurnEnded,
    TurnGuess,
    TurnStarted,
    Utterance,
)
from tenor.listen.vad import EndpointOptions
from tenor.pipeline import Conversation, check_text
from tenor.server import protocol as p
from tenor.server.limits import TurnRate
from tenor.server.options import ListenerFactory, LiveOptions, Services, Transform, Wire
from tenor.server.playback import BargeInDetector, Marks, Playout
from tenor.session import Session

__all__ = ["ListenerFactory", "LiveOptions", "LiveSession", "Services", "Transform", "Wire"]

log = logging.getLogger(__name__)


# Length of one reply audio frame on the wire, in ms: short enough that a flush is prompt, long enough that
# per-frame overhead stays small.
FRAME_MS: Final = 100
# VAD frame length of the listener, in ms.
VAD_FRAME_MS: Final = 32
# Audio the listener keeps after the last voiced frame (listen.vad.EndpointOptions.hangover_ms), in seconds.
HANGOVER_S: Final = EndpointOptions().hangover_ms / 1000.0
# Microphone history kept to map stream time to arrival time, in chunks.
ARRIVALS_KEPT: Final = 4096
# After a turn is cut for length, quiet audio in a row that counts as the person's pause, in seconds.
PAUSE_S: Final = 0.5
# Loudness below which audio counts as quiet there, RMS of full scale (-40 dBFS: above room noise, below speech).
QUIET_RMS: Final = 0.01


@dataclass
class _Draft:
    """A reply started at a pause (``TurnGuess``), held back until the turn's end confirms it."""

    guess: TurnGuess
    # Resolved True to let the turn out, False to drop it as if it never started.
    hold: asyncio.Future[bool]
    task: asyncio.Task[None]
    marks: Marks

    def confirmed_by(self, transcript: Transcript, utterance: Utterance) -> bool:
        """Whether the end of the turn brought the words and the audio this reply was started on."""
        return (self.guess.transcript.text, self.guess.utterance.end_s) == (transcript.text, utterance.end_s)


class LiveSession:
    """One person's live conversation, independent of the transport."""

    def __init__(self, services: Services, wire: Wire) -> None:
        self.services = services
        self.wire = wire
        self.options = services.options
        self.config = services.config
        self.conv = self._conversation(Session.open(services.store))
        self.state: p.State = "idle"
        # True once the wire failed: nothing more is sent.
        self.closed = False
        self._send_lock = asyncio.Lock()
        self._mic: asyncio.Queue[AudioChunk | None] | None = None
        self._mic_rate = 0
        self._mic_task: asyncio.Task[None] | None = None
        self._mic_seconds = 0.0
        self._arrivals: deque[tuple[float, float]] = deque(maxlen=ARRIVALS_KEPT)
        self._warned_not_started = False
        self._turn_task: asyncio.Task[None] | None = None
        # The reply started early at the person's pause, and a dropped one still winding down (the next turn
        # waits for it, so that its undoing of the session's state cannot land in the middle of that turn).
        self._draft: _Draft | None = None
        self._settling: asyncio.Task[None] | None = None
        self._turn_conv: Conversation | None = None
        self._playout: Playout | None = None
        self._audio_ready = asyncio.Event()
        self._pacer = asyncio.create_task(self._pace())
        self._detector = BargeInDetector(max(1, round(self.options.barge_in_ms / VAD_FRAME_MS)))
        self._pending: Transcript | None = None
        self._marks: Marks | None = None
        self._rate = TurnRate(self.options.turns_per_minute)
        # Stream time (s) at which the person's current stretch of speech began; None between utterances.
        self._speech_from: float | None = None
        # A turn was cut for length and the person has not paused yet: what they say until the pause is
        # dropped too, silently (one error per over-long turn, not one per limit's worth of speech).
        self._dropping = False
        # Seconds of quiet audio in a row heard while dropping.
        self._quiet_s = 0.0

    # --- plumbing -------------------------------------------------------------------------------------

    def _conversation(self, session: Session) -> Conversation:
        components = self.services.components
        if not self.config.mood.enabled:
            components = dataclasses.replace(components, mood_text=None)
        # The services' reply backend serves every session; the app closes it when the server stops.
        return Conversation(self.config, components, store=self.services.store, session=session, owns_reply=False)

    async def send(self, message: dict[str, Any]) -> None:
        await self._send(p.dumps(message))

    async def _send(self, data: str | bytes) -> None:
        """One text message or binary audio frame; once the wire has failed, nothing more."""
        if self.closed:
            return
        async with self._send_lock:
            try:
                await (self.wire.send_text(data) if isinstance(data, str) else self.wire.send_bytes(data))
            except Exception:  # the client went away; the session winds down on its own
                log.debug("send failed", exc_info=True)
                self.closed = True

    async def _set_state(self, state: p.State, turn: int | None = None) -> None:
        if state != self.state:
            self.state = state
            await self.send({"type": "state", "state": state, "turn": turn})

    def ready_message(self) -> dict[str, Any]:
        speaker = self.services.components.speaker
        rate = speaker.sample_rate_hz if speaker is not None else None
        return p.ready(self.config, self.options, self.conv.session.name, rate)

    @property
    def busy(self) -> bool:
        """A turn is in flight (or its audio playing): the session is not idle even if the client is quiet."""
        return self._turn_task is not None and not self._turn_task.done()

    async def start(self) -> None:
        await self.send(self.ready_message())
        self.conv.read_ahead()

    async def close(self) -> None:
        await self._stop_mic()  # drops a held reply too
        if self._settling is not None:
            await asyncio.gather(self._settling, return_exceptions=True)
        if self._turn_task is not None and not self._turn_task.done():
            if self._turn_conv is not None:
                self._turn_conv.cancel("disconnected")
            self._turn_task.cancel()
            await asyncio.gather(self._turn_task, return_exceptions=True)
        self._pacer.cancel()
        await asyncio.gather(self._pacer, return_exceptions=True)
        await self.conv.aclose()

    # --- client messages ------------------------------------------------------------------------------

    async def on_text(self, raw: str) -> None:
        size = len(raw) if raw.isascii() else len(raw.encode("utf-8", "surrogatepass"))
        if size > self.options.max_message_bytes:
            await self.send(p.limit_error("too_large", "max_message_bytes", self._too_large(size)))
            return
        try:
            msg = p.parse_client(raw)
            await self._dispatch(msg)
        except p.ProtocolError as err:
            await self.send(p.error(err.code, err.message))
        except InputError as err:
            await self.send(p.error("input", str(err)))

    async def on_bytes(self, data: bytes) -> None:
        if len(data) > self.options.max_message_bytes:
            await self.send(p.limit_error("too_large", "max_message_bytes", self._too_large(len(data))))
            return
        try:
            p.check_audio_frame(data)
        except p.ProtocolError as err:
            await self.send(p.error(err.code, err.message))
            return
        if self._dropping:
            await self._drop_until_pause(data)
            return
        if self._mic is None:
            if not self._warned_not_started:
                self._warned_not_started = True
                await self.send(p.error("not_started", "send a 'start' message with sample_rate_hz before audio"))
            return
        now = time.monotonic()
        self._mic_seconds += len(data) / 2 / self._mic_rate
        self._arrivals.append((self._mic_seconds, now))
        self._mic.put_nowait(AudioChunk(turn_id=0, pcm=data, sample_rate_hz=self._mic_rate))
        limit = self.options.max_turn_audio_s
        if self._speech_from is not None and limit > 0 and self._mic_seconds - self._speech_from > limit:
            await self._cut_long_turn(limit)

    async def _cut_long_turn(self, limit: float) -> None:
        """Drop a spoken turn that went on past the limit: its audio is discarded unheard, listening restarts,
        and speech up to the person's next pause is dropped as well."""
        if self._mic_task is not None:
            self._mic_task.cancel()
            await asyncio.gather(self._mic_task, return_exceptions=True)
            self._mic_task = None
        self._mic = None
        self._speech_from = None
        self._dropping = True
        self._quiet_s = 0.0
        await self.send(
            p.limit_error(
                "too_long",
                "max_turn_audio_s",
                f"that turn went on for more than {limit:g} s of speech; it was dropped unheard. "
                "Pause between turns (the limit is server.max_turn_audio_s)",
            )
        )

    async def _drop_until_pause(self, data: bytes) -> None:
        """Discard microphone audio until a pause (``PAUSE_S`` of quiet), then listen afresh."""
        import numpy as np

        samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
        quiet = not len(samples) or float(np.sqrt(np.mean(samples**2))) < QUIET_RMS
        self._quiet_s = self._quiet_s + len(samples) / self._mic_rate if quiet else 0.0
        if self._quiet_s >= PAUSE_S:
            await self._start_mic(self._mic_rate, announce=False)

    def _too_large(self, size: int) -> str:
        return f"message of {size:,} bytes is over the limit of {self.options.max_message_bytes:,}; it was dropped"

    async def _dispatch(self, msg: p.ClientMessage) -> None:
        if isinstance(msg, p.Hello):
            await self.send(self.ready_message())
        elif isinstance(msg, p.Start):
            await self._start_mic(msg.sample_rate_hz)
        elif isinstance(msg, p.Stop):
            await self._stop_mic()
            await self._set_state("idle")
        elif isinstance(msg, p.Text):
            text = msg.text
            from tenor.pipeline import check_text

            check_text(text, self.config.safety.max_input_chars)  # a clear error now, not a failed turn later
            if await self._rate_limited():
                return
            self._drop_draft()
            await self._barge_in("new message")
            self._begin_turn(text, "text", None, Marks(origin=time.monotonic()))
        elif isinstance(msg, p.Settings):
            if msg.mood is not None and msg.mood != self.config.mood.enabled:
                self._drop_draft()
                self.config = dataclasses.replace(
                    self.config, mood=dataclasses.replace(self.config.mood, enabled=msg.mood)
                )
                self.conv = self._conversation(self.conv.session)
            await self.send({"type": "settings", "mood": self.config.mood.enabled})
        elif isinstance(msg, p.Interrupt):
            await self._barge_in("user stopped the reply")
        elif isinstance(msg, p.Forget):
            await self._forget()

    async def _forget(self) -> None:
        self._drop_draft()
        await self._barge_in("conversation forgotten")
        for task in (self._turn_task, self._settling):
            if task is not None:
                await asyncio.gather(task, return_exceptions=True)
        old = self.conv.session.name
        turns = 0
        if self.services.store is not None:
            turns = max(0, self.services.store.forget(old))
        self.conv = self._conversation(Session.open(self.services.store))
        self.conv.read_ahead()
        await self.send({"type": "forgotten", "turns": turns, "session": self.conv.session.name})

    # --- microphone -----------------------------------------------------------------------------------

    async def _start_mic(self, rate: int, *, announce: bool = True) -> None:
        await self._stop_mic()
        self._mic = asyncio.Queue()
        self._mic_rate = rate
        self._mic_seconds = 0.0
        self._speech_from = None
        self._dropping = False
        self._arrivals.clear()
        self._warned_not_started = False
        self._mic_task = asyncio.create_task(self._listen(self._mic))
        if announce:
            await self.send({"type": "started", "sample_rate_hz": rate})
        if self.state == "idle":
            await self._set_state("listening")

    async def _stop_mic(self) -> None:
        self._dropping = False
        if self._mic is not None:
            self._mic.put_nowait(None)
            self._mic = None
        if self._mic_task is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._mic_task), 30.0)
            if not self._mic_task.done():
                self._mic_task.cancel()
            self._mic_task = None
        # The listener has said all it will: a reply still held for a turn that never ended is dropped.
        self._drop_draft()

    def _on_voice(self, prob: float) -> None:
        """Every VAD frame's speech probability; barge-in is decided here, without waiting for the listener's
        speech-start event."""
        busy = self._turn_task is not None and not self._turn_task.done()
        if not busy:
            self._detector.reset()
            return
        if self._detector.push(prob):
            # Scheduled, not awaited: this runs inside the listener's frame loop.
            asyncio.get_running_loop().create_task(self._barge_in("barge-in"))

    async def _listen(self, queue: asyncio.Queue[AudioChunk | None]) -> None:
        async def chunks() -> AsyncIterator[Event]:
            while (item := await queue.get()) is not None:
                yield item

        try:
            async for ev in self.services.listener(self._on_voice)(chunks()):
                await self._on_listener_event(ev)
        except TenorError as err:
            await self.send(p.error("internal", f"listening stopped: {err}"))
        except Exception as err:  # the session outlives a failed listener; the person is told
            log.warning("listener failed", exc_info=True)
            await self.send(p.error("internal", f"listening stopped: {type(err).__name__}: {err}"))

    def _arrival(self, stream_s: float) -> float:
        """When the microphone audio at ``stream_s`` (seconds into the stream) reached the server."""
        for seconds, t in self._arrivals:
            if seconds >= stream_s:
                return t
        return time.monotonic()

    async def _on_listener_event(self, ev: Event) -> None:
        if isinstance(ev, TurnGuess):
            self._start_draft(ev)
        elif isinstance(ev, SpeechResumed):
            self._drop_draft()
        elif isinstance(ev, SpeechStarted):
            self._speech_from = ev.at_s
            await self.send({"type": "speech", "speaking": True, "at_s": ev.at_s})
            if self._turn_task is not None and not self._turn_task.done():
                await self._barge_in("barge-in")
        elif isinstance(ev, SpeechEnded):
            self._speech_from = None
            now = time.monotonic()
            # speech_end_s includes the listener's hangover; latency counts from the last voiced audio.
            self._marks = Marks(origin=self._arrival(ev.speech_end_s - HANGOVER_S))
            self._marks.mark("endpoint", now)
            await self.send({"type": "speech", "speaking": False, "at_s": ev.at_s, "speech_end_s": ev.speech_end_s})
        elif isinstance(ev, Transcript):
            if ev.final:
                self._pending = ev
            else:
                await self.send({"type": "transcript", "turn": None, "text": ev.text, "final": False})
        elif isinstance(ev, Utterance):
            heard, self._pending = self._pending, None
            marks = self._marks or Marks(origin=time.monotonic())
            self._marks = None
            marks.mark("stt_final")
            draft, self._draft = self._draft, None
            if heard is None or heard.turn_id != ev.turn_id or not heard.text.strip():
                self._drop(draft)
                await self.send({"type": "transcript", "turn": None, "text": "", "final": True})
                return
            if await self._rate_limited():
                self._drop(draft)
                return
            await self._barge_in("new utterance")
            if draft is not None and draft.confirmed_by(heard, ev):
                # The pause did end the turn: the reply already under way is let out.
                draft.marks.origin = marks.origin
                draft.marks.times.update(marks.times)
                self._turn_task = draft.task
                draft.hold.set_result(True)
                return
            self._drop(draft)
            self._begin_turn(heard.text, "voice", (ev, heard), marks)
        elif isinstance(ev, StageError):
            await self.send(p.error("internal", ev.message))

    # --- turns ----------------------------------------------------------------------------------------

    async def _rate_limited(self) -> bool:
        """Count a turn against the per-minute limit; tell the person and return True if it may not start."""
        wait_s = self._rate.try_start()
        if wait_s is None:
            return False
        await self.send(
            p.limit_error(
                "rate_limited",
                "turns_per_minute",
                f"too many turns: at most {self.options.turns_per_minute} a minute; that one was not taken. "
                f"Try again in {max(1, round(wait_s))} s",
            )
        )
        return True

    def _begin_turn(self, text: str, source: str, heard: tuple[Utterance, Transcript] | None, marks: Marks) -> None:
        previous = [t for t in (self._turn_task, self._settling) if t is not None]
        self._turn_task = asyncio.create_task(self._turn(previous, text, source, heard, marks))

    def _start_draft(self, guess: TurnGuess) -> None:
        """Start the reply to what the person said before this pause, held back until the turn ends."""
        self._drop_draft()
        if not self.options.early_reply or self.busy or self._dropping:
            return
        try:
            check_text(guess.transcript.text, self.config.safety.max_input_chars)
        except InputError:
            return  # the final transcript gets the error, if it is still there then
        hold: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        marks = Marks(origin=time.monotonic())
        marks.mark("guess", guess.t)
        heard = (guess.utterance, guess.transcript)
        previous = [t for t in (self._settling,) if t is not None]
        task = asyncio.create_task(self._turn(previous, guess.transcript.text, "voice", heard, marks, hold))
        self._draft = _Draft(guess, hold, task, marks)

    def _drop_draft(self) -> None:
        draft, self._draft = self._draft, None
        self._drop(draft)

    def _drop(self, draft: _Draft | None) -> None:
        if draft is None:
            return
        if not draft.hold.done():
            draft.hold.set_result(False)
        self._settling = draft.task

    async def _turn(
        self,
        previous: list[asyncio.Task[None]],
        text: str,
        source: str,
        heard: tuple[Utterance, Transcript] | None,
        marks: Marks,
        hold: asyncio.Future[bool] | None = None,
    ) -> None:
        if previous:
            await asyncio.gather(*previous, return_exceptions=True)
        conv = self.conv
        self._turn_conv = conv
        playout: Playout | None = None
        utterance, words = (heard[0], heard[1].words) if heard is not None else (None, ())
        try:
            async for ev in conv.turn(text, source, utterance=utterance, words=words, hold=hold):
                if isinstance(ev, TurnStarted):
                    playout = Playout(ev.turn_id, marks)
                    self._playout = playout
                    await self._set_state("thinking", ev.turn_id)
                # Each event's own time: a held turn's events come out together when it is let go.
                elif isinstance(ev, MoodEstimate):
                    marks.mark("mood", ev.t)
                elif isinstance(ev, SafetyVerdict) and ev.stage == "input":
                    marks.mark("screen", ev.t)
                elif isinstance(ev, ReplySentence):
                    marks.mark("first_sentence", ev.t)
                    if playout is not None:
                        playout.sentences[ev.index] = ev.text
                elif isinstance(ev, SpeechAudio):
                    if playout is not None and not playout.flushed:
                        self._queue_audio(playout, ev)
                    continue
                elif isinstance(ev, ReplyDone) and playout is not None:
                    await self.send(p.event_message(ev) or {})
                    playout.closed = True
                    self._audio_ready.set()
                    # Hold the turn open until the person has heard it (or cut it off).
                    await playout.done.wait()
                    continue
                elif isinstance(ev, Interrupted) and playout is not None and playout.heard is not None:
                    await self.send({**(p.event_message(ev) or {}), "heard": playout.heard})
                    continue
                elif isinstance(ev, TurnEnded):
                    await self.send({**(p.event_message(ev) or {}), "marks_ms": marks.to_ms()})
                    conv.read_ahead()
                    continue
                out = p.event_message(ev)
                if out is not None:
                    await self.send(out)
        except InputError as err:
            await self.send(p.error("input", str(err)))
        except StoreError as err:  # a full disk or a read-only store: say so; the session goes on
            log.warning("store failed: %s", err)
            await self.send(p.error("storage", f"the turn could not be saved: {err}"))
        except Exception as err:  # one failed turn must not end the session
            log.warning("turn failed", exc_info=True)
            await self.send(p.error("internal", f"the turn failed: {type(err).__name__}: {err}"))
        finally:
            if playout is not None:
                playout.closed = True
                playout.done.set()
            if self._turn_task is asyncio.current_task():
                await self._set_state("listening" if self._mic is not None else "idle")

    def _queue_audio(self, playout: Playout, ev: SpeechAudio) -> None:
        rate = ev.sample_rate_hz
        step = rate * FRAME_MS // 1000 * 2
        for i in range(0, len(ev.pcm), step):
            piece = ev.pcm[i : i + step]
            seconds = len(piece) / 2 / rate
            playout.frames.append((piece, seconds, ev.sentence_index))
            playout.clock.produced(ev.sentence_index, seconds)
        self._audio_ready.set()

    async def _pace(self) -> None:
        """Sends queued reply audio no further ahead of playback than the lead; marks a turn done when its
        audio has played out."""
        lead_s = self.options.audio_lead_ms / 1000.0
        while True:
            await self._audio_ready.wait()
            playout = self._playout
            if playout is None or playout.flushed or playout.done.is_set():
                self._audio_ready.clear()
                continue
            now = time.monotonic()
            if playout.frames:
                ahead = playout.clock.ahead_s(now)
                if ahead > lead_s:
                    await asyncio.sleep(ahead - lead_s)
                    continue
                pcm, seconds, sentence = playout.frames.popleft()
                if not playout.clock.spans:
                    playout.marks.mark("first_audio", now)
                    await self._set_state("speaking", playout.turn_id)
                playout.clock.sent(seconds, sentence, now)
                await self._send(p.audio_frame(playout.turn_id, pcm))
            elif playout.closed:
                remaining = playout.clock.ahead_s(now)
                if remaining > 0:
                    await asyncio.sleep(min(remaining, 0.05))
                    continue
                playout.done.set()
                self._audio_ready.clear()
            else:
                self._audio_ready.clear()

    async def _barge_in(self, reason: str) -> None:
        """Stop the reply now: no more audio for the turn, the client flushes its buffer, the turn is
        cancelled with the text the person heard."""
        task = self._turn_task
        if task is None or task.done():
            return
        playout = self._playout
        conv = self._turn_conv or self.conv
        now = time.monotonic()
        heard: str | None = None
        if playout is not None and playout.clock.spans:
            heard = playout.clock.heard_text(playout.sentences, now)
        if playout is not None:
            if playout.flushed:
                return
            playout.heard = heard
            playout.flushed = True
            playout.frames.clear()
            playout.done.set()
        conv.cancel(reason, heard=heard)
        tid = playout.turn_id if playout is not None else conv.scope.current
        await self.send({"type": "flush", "turn": tid, "reason": reason})
        await self._set_state("listening" if self._mic is not None else "idle", tid)
