"""Listening on real recordings: the Silero VAD and Whisper tiny.en."""

from __future__ import annotations

import asyncio
import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from tenor.audio.io import load_file, to_float
from tenor.errors import BackendUnavailable, InputError
from tenor.listen.ct2_weights import encoder_weights
from tenor.listen.encoder import GRAPH_SHAPES, MIDDLE_BLOCKS
from tenor.listen.files import listen_file
from tenor.listen.stt import SttOptions, WhisperSTT, bundled_model_path, shared_stt
from tests.audio_fixtures import DOGS, KIDS, encode, pcm, speech_only, wav, with_silence
from tests.helpers import tenor

STT = shared_stt()


def test_tenors_encoder_gives_ctranslate2s_final_layer_and_the_same_words() -> None:
    """The listener runs Whisper's encoder itself (to keep the middle layers); its last layer must be what
    CTranslate2's own encoder gives, and CTranslate2's decoder must read the same words from it."""
    audio = to_float(load_file(KIDS)[0])
    window, _ = STT.mel_window(audio)
    ours, middle = STT._encoder(window)
    theirs = np.asarray(STT._model.encode(window), dtype=np.float32)  # int8, as faster-whisper runs it
    assert ours.shape == theirs.shape == (1, 500, 384) and middle.shape == (1, 500, 768)
    cos = (ours * theirs).sum(-1) / np.linalg.norm(ours, axis=-1) / np.linalg.norm(theirs, axis=-1)
    assert float(cos.mean()) > 0.99
    assert not np.allclose(middle[..., :384], ours, atol=0.1)  # a middle layer, not the last one again
    assert STT.decode(audio).text.lower().rstrip(".!") == "kids are talking by the door"


def test_the_graphs_metadata_is_what_the_listener_checks_models_against() -> None:
    assert STT._encoder is not None
    meta = STT._encoder._sess.get_modelmeta().custom_metadata_map
    assert meta == GRAPH_SHAPES and meta["middle_blocks"] == ",".join(map(str, MIDDLE_BLOCKS))


def test_another_whisper_of_the_same_shapes_transcribes_without_voice_states(tmp_path: Path) -> None:
    """A copy of tiny.en with one encoder value changed stands for multilingual tiny or a fine-tune: the
    voice mood model was not trained on its layers, so the listener falls back to CTranslate2's encoder."""
    source = bundled_model_path()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    data = bytearray((source / "model.bin").read_bytes())
    key = b"encoder/conv1/bias\x00"
    at = data.index(key) + len(key) + 1 + 4 + 1 + 4  # rank, one dimension, type id, byte count
    data[at : at + 2] = np.array([0.5], np.float16).tobytes()
    (tmp_path / "model.bin").write_bytes(bytes(data))
    other = WhisperSTT(SttOptions(model_path=str(tmp_path)))
    result = other.decode(to_float(load_file(KIDS)[0]), states=True)
    assert result.text.lower().rstrip(".!") == "kids are talking by the door"
    assert result.encoder_states is None
    with pytest.raises(BackendUnavailable, match=r"tiny\.en"):
        other.encode_states(to_float(load_file(KIDS)[0]))


def test_a_damaged_speech_model_file_is_a_clear_error(tmp_path: Path) -> None:
    good = (bundled_model_path() / "model.bin").read_bytes()
    for name, data in (("cut", good[:5000]), ("junk", b"\x06\x00\x00\x00" + b"\xff" * 64), ("empty", b"")):
        path = tmp_path / f"{name}.bin"
        path.write_bytes(data)
        with pytest.raises(BackendUnavailable, match="cannot read the speech model"):
            encoder_weights(path)


def heard(path: Path) -> str:
    return asyncio.run(listen_file(path, STT)).text


def test_a_recording_is_transcribed_with_word_timings_and_encoder_states() -> None:
    result = asyncio.run(listen_file(KIDS, STT, keep_audio=True))
    assert result.text.lower().rstrip(".") == "kids are talking by the door"
    words = [w for t in result.transcripts for w in t.words]
    assert [w.text.strip(".").lower() for w in words] == "kids are talking by the door".split()
    assert all(a.end_s <= b.start_s + 0.05 for a, b in itertools.pairwise(words))
    assert 0.3 < words[0].start_s < 1.5  # the speech starts about a second into the file
    states = result.utterances[0].encoder_states
    # The middle of the encoder (after blocks 2 and 3, 384 values each), where the voice mood model reads.
    assert states is not None and states.shape[1] == 2 * 384
    seconds = len(result.utterances[0].pcm) / 2 / 16000
    assert abs(states.shape[0] - seconds * 50) <= 2  # 50 states per second of utterance


@pytest.mark.parametrize(
    ("rate", "channels", "codec", "fmt", "suffix"),
    [
        (8000, 1, "pcm_s16le", "wav", "wav"),
        (48000, 2, "pcm_s16le", "wav", "wav"),
        (44100, 2, "libmp3lame", "mp3", "mp3"),
        (48000, 1, "libopus", "ogg", "ogg"),
        (22050, 1, "flac", "flac", "flac"),
    ],
)
def test_any_format_rate_and_channel_count(
    tmp_path: Path, rate: int, channels: int, codec: str, fmt: str, suffix: str
) -> None:
    path = encode(tmp_path / f"x.{suffix}", pcm(), rate, channels, codec, fmt)
    assert heard(path).lower().rstrip(".") == "kids are talking by the door"


def test_silence_and_noise_alone_yield_no_text(tmp_path: Path) -> None:
    assert heard(wav(tmp_path / "silence.wav", np.zeros(16000 * 5, dtype=np.int16))) == ""
    rng = np.random.default_rng(0)
    hiss = (rng.normal(0, 300, 16000 * 5)).astype(np.int16)
    assert heard(wav(tmp_path / "hiss.wav", hiss)) == ""
    # A loud burst of noise (a door, a clap) passes the energy check but is not words.
    burst = with_silence(
        1.0, rng.normal(0, 6000, 16000).astype(np.int16), 1.0, rng.normal(0, 8000, 8000).astype(np.int16), 1.5
    )
    assert heard(wav(tmp_path / "burst.wav", burst)) == ""
    # Whisper alone, without the gate, is known to write something for pure silence; the listener must not.
    direct = STT.decode(to_float(np.zeros(16000 * 3, dtype=np.int16)))
    assert direct.text == ""


def test_a_pause_inside_a_sentence_keeps_one_turn_and_silence_splits_turns(tmp_path: Path) -> None:
    clip, other = speech_only(pcm(KIDS)), speech_only(pcm(DOGS))
    one = asyncio.run(listen_file(wav(tmp_path / "pause.wav", with_silence(0.5, clip, 0.4, other, 1.0)), STT))
    assert len(one.transcripts) == 1
    two = asyncio.run(listen_file(wav(tmp_path / "two.wav", with_silence(0.5, clip, 2.0, other, 1.0)), STT))
    assert len(two.transcripts) == 2
    assert "dogs" in two.transcripts[1].text.lower()


def test_bad_files_get_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.mp3"
    garbage.write_bytes(np.random.default_rng(0).integers(0, 255, 5000, dtype=np.uint8).tobytes())
    for path, needle in [
        (empty, "empty"),
        (garbage, "not a readable audio file"),
        (tmp_path, "directory"),
        (tmp_path / "missing.wav", "not found"),
    ]:
        with pytest.raises(InputError, match=needle):
            load_file(path)


def test_a_truncated_file_gives_what_was_readable(tmp_path: Path) -> None:
    full = encode(tmp_path / "full.mp3", with_silence(pcm(KIDS), 0.5, pcm(DOGS)), 44100, 1, "libmp3lame", "mp3")
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    result = asyncio.run(listen_file(cut, STT))
    assert "kids" in result.text.lower()


def test_transcribe_and_talk_commands(tmp_path: Path) -> None:
    r = tenor(["transcribe", str(KIDS), "--json"])
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout)
    assert data["text"].lower().startswith("kids are talking") and data["utterances"][0]["words"]
    for bad in (tmp_path, tmp_path / "none.wav"):
        r = tenor(["transcribe", str(bad)])
        assert r.returncode == 2 and b"Traceback" not in r.stderr and r.stderr.startswith(b"tenor: error:")
    r = tenor(["talk", "--in", str(KIDS), "--json", "--no-store"])
    assert r.returncode == 0, r.stderr.decode()
    turn = json.loads(r.stdout)
    assert turn["transcript"].lower().startswith("kids are talking")
    assert turn["mood"] and turn["safety"]["action"] == "allow" and turn["tone"]["name"] and turn["reply"]
    silence = wav(tmp_path / "s.wav", np.zeros(16000 * 2, dtype=np.int16))
    r = tenor(["talk", "--in", str(silence), "--no-store"])
    assert r.returncode == 2 and b"no speech heard" in r.stderr


def test_eval_stt_groups_by_columns(tmp_path: Path) -> None:
    csv_path = tmp_path / "d.csv"
    csv_path.write_text(
        f"path,transcript,who\n{KIDS},Kids are talking by the door,m\n{DOGS},Dogs are sitting by the door,f\n"
    )
    r = tenor(["eval", "stt", "--data", str(csv_path), "--json"])
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout)
    assert out["files"] == 2 and out["wer"] <= 0.2 and set(out["by"]["who"]) == {"m", "f"}
    # A file that cannot be read is left out of the figures and named, not scored as words all missed.
    (tmp_path / "broken.wav").write_bytes(b"RIFF not really audio")
    with csv_path.open("a") as f:
        f.write("broken.wav,Kids are talking by the door,m\n")
    r = tenor(["eval", "stt", "--data", str(csv_path), "--json"])
    again = json.loads(r.stdout)
    assert again["files"] == 2 and again["unreadable"] == 1 and again["wer"] == out["wer"]
    assert "broken.wav" in again["errors"][0]
    csv_path.write_text("path,transcript\nbroken.wav,Kids are talking by the door\n")
    r = tenor(["eval", "stt", "--data", str(csv_path), "--json"])
    assert r.returncode == 2 and b"none of the 1 files could be read" in r.stderr


def test_screamed_speech_that_silero_misses_is_still_heard() -> None:
    # Silero v6 gives this frightened shout at most 0.24 speech probability; the energy check catches it.
    scream = KIDS.parent.parent / "Actor_06" / "03-01-06-02-01-01-06.flac"
    assert "talking by the door" in heard(scream).lower()


def test_barge_in_hears_silero_alone_the_endpointer_also_the_energy_assist() -> None:
    from tenor.listen.vad import FRAME_SAMPLES, SileroVad

    def frames(path: Path) -> list[tuple[float, float]]:
        vad = SileroVad()
        x = np.concatenate([np.zeros(16000, np.int16), pcm(path)])
        out = []
        for i in range(0, len(x) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
            combined = vad(x[i : i + FRAME_SAMPLES])
            out.append((combined, vad.last_speech))
        return out

    # The frightened shout Silero misses: the endpointer still hears it (assist), barge-in does not.
    scream = frames(KIDS.parent.parent / "Actor_06" / "03-01-06-02-01-01-06.flac")
    assert max(c for c, _ in scream) >= 0.55 and max(s for _, s in scream) < 0.5
    # Ordinary speech reaches barge-in's threshold on Silero's own judgement.
    assert max(s for _, s in frames(KIDS)) >= 0.5


def test_a_turn_heard_well_above_the_room_pauses_when_its_sound_stops() -> None:
    # A happy sentence (actor 3), cut where its sound stops, then quiet room hiss: Silero's probability
    # decays slowly, the turn's own level drops at once (quiet_below_peak_db).
    from tenor.listen.vad import FRAME_SAMPLES, Endpointer, EndpointOptions, SileroVad, frame_level_db

    speech = speech_only(pcm(KIDS.parent.parent / "Actor_03" / "03-01-03-01-02-01-03.flac"))
    hiss = (np.random.default_rng(3).standard_normal(24000) * 30).astype(np.int16)
    x = np.concatenate([hiss[:8000], speech, hiss[8000:]])

    def events(quiet_db: float) -> list[tuple[str, int]]:
        vad, ep = SileroVad(), Endpointer(EndpointOptions(quiet_below_peak_db=quiet_db))
        out = []
        for i in range(0, len(x) - FRAME_SAMPLES + 1, FRAME_SAMPLES):
            frame = x[i : i + FRAME_SAMPLES]
            out += [(e.kind, e.frame) for e in ep.push(vad(frame), frame_level_db(frame))]
        return out

    silero_alone, with_level = events(0.0), events(35.0)
    assert [k for k, _ in with_level] == [k for k, _ in silero_alone] == ["start", "pause", "end"]
    # At least two frames (64 ms) sooner.
    assert dict(silero_alone)["pause"] - dict(with_level)["pause"] >= 2
