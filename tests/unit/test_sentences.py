from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tenor.reply.sentences import MAX_SENTENCE_CHARS, SentenceSplitter, split


def test_splits_on_end_punctuation() -> None:
    assert split("I'm sorry to hear that. Losing a job is hard! Do you want to talk?") == [
        "I'm sorry to hear that.",
        "Losing a job is hard!",
        "Do you want to talk?",
    ]
    assert split("Hello!! Are you ok?! Yes... I think so.") == ["Hello!!", "Are you ok?!", "Yes...", "I think so."]


def test_keeps_abbreviations_initials_and_list_markers_together() -> None:
    assert split("Dr. Smith met J. R. Tolkien at 3.5 p.m. today. Then they left.") == [
        "Dr. Smith met J. R. Tolkien at 3.5 p.m. today.",
        "Then they left.",
    ]
    assert split("1. Breathe slowly. 2. Call a friend.") == ["1. Breathe slowly.", "2. Call a friend."]
    assert split("e.g. this one. And that.") == ["e.g. this one.", "And that."]


def test_numbers_end_sentences() -> None:
    assert split("Call 988. It is free.") == ["Call 988.", "It is free."]
    assert split("It costs 10. Then we go.") == ["It costs 10.", "Then we go."]


def test_releases_a_sentence_as_soon_as_the_next_begins() -> None:
    s = SentenceSplitter()
    assert s.feed("That sounds hard.") == []  # the end is not certain until the next sentence starts
    assert s.feed(" I") == ["That sounds hard."]
    assert s.feed("'m here.") == []
    assert s.flush() == ["I'm here."]
    assert s.flush() == []


def test_paragraph_break_ends_a_sentence_without_punctuation() -> None:
    assert split("First thought\n\nsecond thought") == ["First thought", "second thought"]


def test_run_on_text_is_cut_at_a_phrase_break() -> None:
    text = ", ".join(["and then we walked a bit further"] * 30)
    parts = split(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in parts)
    assert " ".join(parts) == text


@given(st.text(alphabet="abc .!?\nXYZ1", max_size=300), st.integers(min_value=1, max_value=7))
def test_streaming_in_any_chunks_loses_nothing(text: str, chunk: int) -> None:
    s = SentenceSplitter()
    streamed: list[str] = []
    for i in range(0, len(text), chunk):
        streamed += s.feed(text[i : i + chunk])
    streamed += s.flush()
    assert all(p.strip() == p and p for p in streamed)
    assert "".join(streamed).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
