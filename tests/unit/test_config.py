from __future__ import annotations

from pathlib import Path

import pytest

from tenor.config import Config, SafetyConfig, known_keys, load_config, notices
from tenor.errors import ConfigError


def test_defaults_are_embedded_and_mood_on() -> None:
    c = load_config(env={})
    assert c == Config()
    assert c.reply.backend == "embedded" and c.mood.enabled and c.safety.locale == "US"


def test_precedence_file_then_env_then_flags(tmp_path: Path) -> None:
    f = tmp_path / "t.toml"
    f.write_text('[reply]\nbackend = "openai"\nmax_tokens = 50\nmodel = "from-file"\n[mood]\nenabled = false\n')
    env = {"TENOR_REPLY_MODEL": "from-env", "TENOR_REPLY_MAX_TOKENS": "70"}
    c = load_config(str(f), env=env, flags={"reply.max_tokens": 90, "reply.base_url": None})
    assert c.reply.backend == "openai"  # file
    assert c.reply.model == "from-env"  # env beats file
    assert c.reply.max_tokens == 90  # flag beats env
    assert c.mood.enabled is False
    assert c.reply.base_url == Config().reply.base_url  # a flag left as None changes nothing


def test_local_tenor_toml_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tenor.toml").write_text('[safety]\nlocale = "GB"\n')
    assert load_config(env={}).safety.locale == "GB"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[reply]\nbakend = 'x'\n", "unknown config key 'reply.bakend'"),
        ("[nope]\nx = 1\n", "unknown config key 'nope.x'"),
        ("[reply]\nmax_tokens = 'many'\n", "expected int"),
        ("[mood]\nenabled = 3\n", "expected bool"),
        ("[reply\n", "not valid TOML"),
        ("top = 1\n", "settings live in [sections]"),
    ],
)
def test_bad_file_gives_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(text)
    with pytest.raises(ConfigError, match=None) as info:
        load_config(str(f), env={})
    assert needle in str(info.value)
    assert "\n" not in str(info.value)


def test_unknown_env_and_flag_keys_are_errors() -> None:
    with pytest.raises(ConfigError, match="TENOR_REPLY_BAKEND"):
        load_config(env={"TENOR_REPLY_BAKEND": "x"})
    with pytest.raises(ConfigError, match="TENOR_WHATEVER"):
        load_config(env={"TENOR_WHATEVER": "x"})
    with pytest.raises(ConfigError, match=r"unknown config key 'reply\.nope'"):
        load_config(env={}, flags={"reply.nope": "1"})
    with pytest.raises(ConfigError, match="expected true or false"):
        load_config(env={"TENOR_MOOD_ENABLED": "maybe"})


def test_env_strings_are_typed() -> None:
    c = load_config(env={"TENOR_MOOD_ENABLED": "off", "TENOR_REPLY_TEMPERATURE": "0.5", "TENOR_HOME": "/x"})
    assert c.mood.enabled is False and c.reply.temperature == 0.5


def test_missing_or_directory_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(str(tmp_path / "none.toml"), env={})
    with pytest.raises(ConfigError, match="directory"):
        load_config(str(tmp_path), env={})


def test_known_keys_cover_every_section() -> None:
    keys = known_keys()
    assert "reply.backend" in keys and "store.path" in keys and "safety.max_input_chars" in keys
    assert len(keys) == len(set(keys))


def test_store_path_uses_tenor_home() -> None:
    assert Config().store_path({"TENOR_HOME": "/data/t"}) == Path("/data/t/tenor.db")
    assert Config().store_path({"XDG_DATA_HOME": "/xdg"}) == Path("/xdg/tenor/tenor.db")


def test_the_input_limit_cannot_exceed_what_the_screens_read_in_full() -> None:
    # Past 20,000 characters the screens read a message's head and tail only: its middle would reach the model.
    assert load_config(flags={"safety.max_input_chars": 20_000}).safety.max_input_chars == 20_000
    for bad in (20_001, 0):
        with pytest.raises(ConfigError, match="max_input_chars"):
            load_config(flags={"safety.max_input_chars": bad})
        with pytest.raises(ConfigError, match="max_input_chars"):
            SafetyConfig(max_input_chars=bad)


def test_a_port_outside_the_range_is_a_config_error() -> None:
    # It failed inside uvicorn with a traceback, after the server said where it was serving.
    with pytest.raises(ConfigError, match=r"server\.port"):
        load_config(None, flags={"server.port": "99999"})
    assert load_config(None, flags={"server.port": "0"}).server.port == 0


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("reply.connect_timeout_s", "nan"),
        ("reply.read_timeout_s", "-5"),
        ("reply.max_sentences", "-1"),
        ("reply.max_sentences", "0"),
        ("voice.entrainment", "inf"),
        ("server.turns_per_minute", "-1"),
        ("reply.nice", "20"),
        ("server.max_message_bytes", "1024"),
    ],
)
def test_numbers_outside_their_range_are_config_errors(key: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"{key} in command-line flags: .* is outside"):
        load_config(env={}, flags={key: value})


def test_a_range_is_told_in_plain_numbers() -> None:
    with pytest.raises(ConfigError, match="is outside -1 to 4,294,967,295"):
        load_config(env={}, flags={"reply.seed": "4294967296"})


def test_every_range_holds_its_default_and_names_a_real_key() -> None:
    from tenor.config import _LIMITS

    defaults = Config()
    for key, (low, high) in _LIMITS.items():
        section, name = key.split(".")
        assert low <= getattr(getattr(defaults, section), name) <= high, key


def test_a_locale_without_its_own_lines_is_noticed() -> None:
    assert not notices(load_config(env={}, flags={"safety.locale": "en-GB"}))
    assert not notices(load_config(env={}, flags={"safety.locale": "uk"}))
    [notice] = notices(load_config(env={}, flags={"safety.locale": "Germny"}))
    assert "'Germny'" in notice and "findahelpline.com" in notice


def test_a_reply_that_leaves_no_room_for_the_prompt_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"together exceed reply.context_tokens \(2,048\)"):
        load_config(env={}, flags={"reply.max_tokens": "5000"})
    # Order does not matter: a larger context set by another flag makes room.
    config = load_config(env={}, flags={"reply.max_tokens": "5000", "reply.context_tokens": "8192"})
    assert config.reply.max_tokens == 5000
