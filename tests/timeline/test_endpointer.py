"""End-of-turn detection on scripted speech probabilities (32 ms frames)."""

from __future__ import annotations

from tenor.listen.listener import sounds_unfinished
from tenor.listen.vad import FRAME_MS, Endpointer, EndpointOptions


def run(probs: list[float], ep: Endpointer | None = None) -> list[tuple[str, int]]:
    ep = ep or Endpointer()
    out = []
    for p in probs:
        out += [(e.kind, e.frame) for e in ep.push(p)]
    out += [(e.kind, e.frame) for e in ep.flush()]
    return out


def frames(ms: float) -> int:
    return round(ms / FRAME_MS)


def test_speech_then_silence_is_one_turn() -> None:
    events = run([0.0] * 10 + [0.9] * frames(1500) + [0.0] * frames(1000))
    kinds = [k for k, _ in events]
    assert kinds == ["start", "pause", "end"]
    end_frame = dict(events)["end"]
    # The turn ends after end_silence_ms of silence, not before.
    assert (end_frame - (10 + frames(1500))) * FRAME_MS >= EndpointOptions().end_silence_ms - FRAME_MS


def test_the_pause_comes_before_the_hangover_and_names_the_end_the_turn_will_have() -> None:
    o = EndpointOptions()
    assert o.speculate_after_ms < o.hangover_ms  # the case the listener pads
    ep = Endpointer(o)
    got = []
    for p in [0.0] * 10 + [0.9] * frames(1500) + [0.0] * frames(1000):
        got += ep.push(p)
    pause, end = (next(e for e in got if e.kind == k) for k in ("pause", "end"))
    last_voiced = 10 + frames(1500) - 1
    assert pause.frame - last_voiced == frames(o.speculate_after_ms)
    # The pause's span ends where the turn's does, a few frames after the pause itself.
    assert pause.end_frame == end.end_frame == last_voiced + 1 + frames(o.hangover_ms) > pause.frame + 1


def test_short_bursts_are_not_speech() -> None:
    assert run([0.0] * 5 + [0.9] * 3 + [0.0] * 40 + [0.95] * 2 + [0.0] * 40) == []


def test_pauses_inside_a_sentence_do_not_end_the_turn() -> None:
    pause = [0.0] * frames(450)
    events = run([0.9] * 30 + pause + [0.9] * 30 + pause + [0.9] * 30 + [0.0] * 40)
    kinds = [k for k, _ in events]
    assert kinds.count("end") == 1 and kinds.count("start") == 1
    assert kinds.count("resume") == 2


def test_unfinished_words_lengthen_the_silence_needed() -> None:
    ep = Endpointer()
    for _ in range(30):
        ep.push(0.9)
    ended_at = None
    for i in range(200):
        if i == 10:
            ep.incomplete = True  # the listener's speculative transcript ended in "and ..."
        if any(e.kind == "end" for e in ep.push(0.0)):
            ended_at = i
            break
    assert ended_at is not None
    assert ended_at * FRAME_MS >= EndpointOptions().incomplete_silence_ms - FRAME_MS


def test_hysteresis_keeps_speech_through_soft_frames() -> None:
    # Frames between the two thresholds do not start a pause while speaking.
    events = run([0.9] * 20 + [0.4] * 30 + [0.9] * 5 + [0.0] * 40)
    assert [k for k, _ in events] == ["start", "pause", "end"]


def test_very_long_speech_is_cut_at_max_turn() -> None:
    opts = EndpointOptions(max_turn_s=2.0)
    events = run([0.9] * frames(5000), Endpointer(opts))
    assert [k for k, _ in events].count("end") >= 2


def test_flush_ends_a_turn_in_progress() -> None:
    assert [k for k, _ in run([0.9] * 30)] == ["start", "end"]


def test_unfinished_text() -> None:
    assert sounds_unfinished("I went to the shop and")
    assert sounds_unfinished("So I was thinking, um...")
    assert sounds_unfinished("Well,")
    assert not sounds_unfinished("I went to the shop.")
    assert not sounds_unfinished("Kids are talking by the door.")


def pause_frame(probs: list[float], levels: list[float] | None, o: EndpointOptions | None = None) -> int:
    ep = Endpointer(o)
    for i, p in enumerate(probs):
        if any(e.kind == "pause" for e in ep.push(p, None if levels is None else levels[i])):
            return i
    raise AssertionError("no pause")


def test_a_frame_far_below_the_turns_loudest_is_silence_whatever_silero_says() -> None:
    # Speech at -20 dBFS, then room hiss at -65 dBFS during which Silero's probability decays slowly (0.8).
    speech, tail = frames(1500), frames(300)
    probs = [0.0] * 10 + [0.9] * speech + [0.8] * tail + [0.0] * frames(1000)
    levels = [-65.0] * 10 + [-20.0] * speech + [-65.0] * (tail + frames(1000))
    silero_alone = pause_frame(probs, None)
    with_levels = pause_frame(probs, levels)
    assert silero_alone - with_levels == tail
    assert pause_frame(probs, levels, EndpointOptions(quiet_below_peak_db=0)) == silero_alone


def test_soft_speech_near_the_turns_loudest_stays_speech() -> None:
    # A softer stretch 20 dB down (well within 35 dB of the loudest) is still speech: no early pause.
    speech = frames(1500)
    probs = [0.0] * 10 + [0.9] * speech + [0.0] * frames(1000)
    levels = [-65.0] * 10 + [-20.0] * frames(500) + [-40.0] * (speech - frames(500)) + [-65.0] * frames(1000)
    assert pause_frame(probs, levels) == pause_frame(probs, None)
