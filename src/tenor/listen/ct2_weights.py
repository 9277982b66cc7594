"""Read tensors from a CTranslate2 model file (``model.bin``), for running Whisper's encoder on onnxruntime.

CTranslate2 has no reader in its Python API; the format is its own ``ModelSpec._serialize``: a version, the
spec's name and revision, then each variable as a name, its shape, a type id and its raw bytes, then aliases.
Only the encoder's tensors are kept (about 16 MB for tiny.en in float16).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Final

import numpy as np
from numpy.typing import NDArray

from tenor.errors import BackendUnavailable

# CTranslate2's DataType enum order (ctranslate2/specs/model_spec.py, _dtype_to_type_id).
_TYPES: Final = (np.float32, np.int8, np.int16, np.int32, np.float16)
# Binary versions this reader has been checked against (CTranslate2 4.x writes 6).
_VERSIONS: Final = frozenset({5, 6})


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple[int, ...]:
        size = struct.calcsize(fmt)
        if self.at + size > len(self.data):
            raise ValueError("the file ends early")
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += size
        return values

    def string(self) -> str:
        (n,) = self.take("<H")
        raw = self.data[self.at : self.at + n]
        self.at += n
        return raw[:-1].decode("utf-8")


def encoder_weights(path: Path) -> tuple[dict[str, NDArray[np.generic]], int]:
    """The encoder's tensors of a CTranslate2 Whisper model file, by CTranslate2 name, and its head count."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BackendUnavailable(f"cannot read the speech model {path}: {err}") from None
    r = _Reader(data)
    try:
        (version,) = r.take("<I")
        if version not in _VERSIONS:
            raise ValueError(f"binary version {version}")
        spec = r.string()
        if spec != "WhisperSpec":
            raise ValueError(f"a {spec}, not a Whisper model")
        r.take("<I")  # spec revision
        (count,) = r.take("<I")
        out: dict[str, NDArray[np.generic]] = {}
        for _ in range(count):
            name = r.string()
            (rank,) = r.take("<B")
            shape = r.take(f"<{rank}I")
            type_id, nbytes = r.take("<BI")
            if r.at + nbytes > len(data):
                raise ValueError("the file ends early")
            if name.startswith("encoder/"):
                if type_id >= len(_TYPES):  # bfloat16 (5) has no numpy type
                    raise ValueError(f"{name} has a data type (id {type_id}) this reader does not take")
                dtype = np.dtype(_TYPES[type_id])
                count_ = int(np.prod(shape, dtype=np.int64))
                if count_ * dtype.itemsize != nbytes:
                    raise ValueError(f"{name}: {nbytes} bytes for shape {shape}")
                out[name] = np.frombuffer(data, dtype=dtype, count=count_, offset=r.at).reshape(shape).copy()
            r.at += nbytes
    except (ValueError, IndexError, struct.error, UnicodeDecodeError) as err:
        raise BackendUnavailable(f"cannot read the speech model {path}: {err}") from None
    heads = out.pop("encoder/num_heads", None)
    conv1, conv2 = out.get("encoder/conv1/weight"), out.get("encoder/conv2/bias")
    if heads is None or heads.ndim != 0 or conv1 is None or conv1.ndim != 3 or conv2 is None or conv2.ndim != 1:
        # Also an encoder CTranslate2 stored partly as aliases of other tensors: not read here.
        raise BackendUnavailable(f"no Whisper encoder this reader can take in {path}")
    return out, int(heads)


def encoder_blocks(weights: dict[str, NDArray[np.generic]]) -> int:
    """How many transformer blocks the encoder has (``encoder/layer_0/...`` to ``encoder/layer_{n-1}/...``)."""
    return sum(1 for name in weights if name.startswith("encoder/layer_") and name.endswith("/ffn/linear_0/bias"))
