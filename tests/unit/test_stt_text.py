from __future__ import annotations

from tenor.evals.stt import normalise
from tenor.listen.stt import unloop


def test_unloop_keeps_as_many_repeats_as_the_audio_had_time_for() -> None:
    looped = "dogs are sitting by the door " * 14 + "dogs are"
    assert unloop(looped, 3.6) == "dogs are sitting by the door dogs are sitting by the door"
    assert unloop(looped, 1.0) == "dogs are sitting by the door"


def test_unloop_leaves_ordinary_text_alone() -> None:
    text = "I went to the shop and then I went home and then I slept for a while"
    assert unloop(text, 5.0) == text
    assert unloop("yes yes yes", 0.5) == "yes yes yes"


def test_wer_normalisation() -> None:
    assert normalise("Kids are talking by the door!") == "kids are talking by the door"
    assert normalise("It\u2019s  'fine', isn't it?") == "it's fine isn't it"
    assert normalise("at 10 or ten, 42 and 105 1,000") == "at ten or ten forty two and one hundred five 1000"
