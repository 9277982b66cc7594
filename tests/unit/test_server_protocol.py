"""The wire protocol's parsing and the playback model behind barge-in truncation."""

from __future__ import annotations

import pytest

from tenor.server import protocol as p
from tenor.server.playback import BargeInDetector, PlaybackClock


def test_client_messages_parse_to_typed_values() -> None:
    assert p.parse_client('{"type": "hello", "version": 1}') == p.Hello(1)
    assert p.parse_client('{"type": "start", "sample_rate_hz": 48000}') == p.Start(48000)
    assert p.parse_client('{"type": "text", "text": "hi"}') == p.Text("hi")
    assert p.parse_client('{"type": "settings", "mood": false}') == p.Settings(mood=False)
    assert p.parse_client('{"type": "settings"}') == p.Settings(mood=None)
    assert p.parse_client('{"type": "forget"}') == p.Forget()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("nope", "bad_json"),
        ("[1]", "bad_json"),
        ('{"kind": "x"}', "bad_message"),
        ('{"type": "fly"}', "unknown_type"),
        ('{"type": "hello", "version": 2}', "version"),
        ('{"type": "start", "sample_rate_hz": true}', "bad_message"),
        ('{"type": "start", "sample_rate_hz": 1000}', "bad_audio"),
        ('{"type": "start", "sample_rate_hz": 16000, "channels": 2}', "bad_audio"),
        ('{"type": "text", "text": 5}', "bad_message"),
        ('{"type": "settings", "mood": "yes"}', "bad_message"),
        ("[" * 100_000, "bad_json"),
    ],
)
def test_bad_client_messages_say_what_is_wrong(raw: str, code: str) -> None:
    with pytest.raises(p.ProtocolError) as info:
        p.parse_client(raw)
    assert info.value.code == code and info.value.message


def test_audio_frames_must_be_raw_pcm16() -> None:
    p.check_audio_frame(b"\x00\x01" * 10)
    for bad in (b"RIFF" + bytes(40), b"OggS" + bytes(40), b"\x00\x01\x02"):
        with pytest.raises(p.ProtocolError):
            p.check_audio_frame(bad)
    assert p.audio_frame(7, b"\x01\x02")[:4] == (7).to_bytes(4, "little")


def test_heard_text_follows_the_playback_clock() -> None:
    clock = PlaybackClock()
    sentences = {0: "One two three four.", 1: "Five six seven eight."}
    for i in range(10):  # two sentences of 1 s each, sent in 0.2 s frames at t=0 (buffered ahead)
        clock.produced(i // 5, 0.2)
        clock.sent(0.2, i // 5, now=0.0)
    assert clock.heard_text(sentences, now=0.0) == ""
    assert clock.heard_text(sentences, now=0.9) == "One two three four."  # the tail pause carries no words
    assert clock.heard_text(sentences, now=1.4) == "One two three four. Five six..."  # 0.4 of 0.75 s voiced
    assert clock.heard_text(sentences, now=5.0) == "One two three four. Five six seven eight."
    assert clock.playing(1.9) and not clock.playing(2.1)


def test_playback_waits_for_late_frames() -> None:
    clock = PlaybackClock()
    clock.produced(0, 1.0)
    clock.sent(0.5, 0, now=0.0)
    clock.sent(0.5, 0, now=2.0)  # an underrun: the second half starts when it arrives
    assert clock.heard_s(2.25) == {0: 0.75}


def test_barge_in_needs_consecutive_voiced_frames() -> None:
    d = BargeInDetector(frames=3)
    # 0.35 is under the threshold (0.4) and breaks the run; 0.45, a soft onset, is over it.
    assert [d.push(x) for x in (0.9, 0.9, 0.1, 0.9, 0.9, 0.35, 0.9, 0.9, 0.45)] == [False] * 8 + [True]
