"""Property tests of the config loader: any file text and any TENOR_* environment give a ``Config`` or a
``ConfigError`` that says what is wrong, never another exception. ``benchmarks/fuzz.py`` runs 10,000."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenor.config import Config, known_keys, load_config
from tenor.errors import ConfigError

KEYS = known_keys()
scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
)


def _toml_value(v: object) -> str:
    import json
    import math

    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    return json.dumps(v)


@st.composite
def toml_files(draw: st.DrawFn) -> str:
    """Structured files of known and unknown keys with values of any type, or any text at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=300))
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        key = draw(st.sampled_from(KEYS) | st.text("abcxyz_.", min_size=1, max_size=12))
        section, _, name = key.partition(".")
        lines.append(f"[{section}]" if section else "[x]")
        lines.append(f"{name or 'k'} = {_toml_value(draw(scalars))}")
    return "\n".join(lines)


envs = st.dictionaries(
    st.sampled_from([f"TENOR_{k.replace('.', '_').upper()}" for k in KEYS])
    | st.text("ABCZ_", max_size=10).map(lambda s: "TENOR_" + s),
    st.text(max_size=20).filter(lambda s: "\x00" not in s),
    max_size=4,
)


def check_config(text: str, env: dict[str, str], folder: Path) -> None:
    path = folder / "tenor.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        config = load_config(str(path), env={**env, "TENOR_HOME": str(folder)})
    except ConfigError as err:
        assert str(err)
        return
    assert isinstance(config, Config)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(toml_files(), envs)
def test_any_config_file_and_environment_load_or_raise_a_config_error(text: str, env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check_config(text, env, Path(tmp))
