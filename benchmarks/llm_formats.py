"""The bundled language model in the formats llama.cpp could read it as: speed and perplexity side by side.

SmolLM2-135M ships as Q4_1. llama.cpp's batched x86 kernels (llamafile's tinyBLAS, the repacked Q4_0 path)
cover Q8_0 and Q4_0 but not Q4_1, so a prompt in Q4_1 is read a row at a time. Each format is made from the
shipped file by llama.cpp's own quantiser (what ``reply.bundled_q8`` does for Q8_0) and measured in the same
run: prompt reading and generation in tokens per second (best of three, two threads), and perplexity on the
first 400 EmpatheticDialogues *dev* situations (everyday first-person text; no test data). Prints figures,
asserts nothing.

    python benchmarks/llm_formats.py [--formats q4_1,q8_0,q4_0] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import tempfile
import time
from pathlib import Path
from typing import Any

from tenor.reply.llama import bundled_model_path, perplexity, quantize

ED_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "empatheticdialogues_situations" / "dev.csv"
PROMPT = "The quick brown fox jumps over the lazy dog. " * 12


def convert(fmt: str, folder: Path) -> Path:
    if fmt == "q4_1":
        return bundled_model_path()
    out = folder / f"model.{fmt}.gguf"
    if not quantize(bundled_model_path(), out, fmt):
        raise SystemExit(f"llama.cpp could not convert the model to {fmt}")
    return out


def speed(path: Path) -> tuple[float, float]:
    from llama_cpp import Llama

    llm = Llama(model_path=str(path), n_ctx=1024, n_threads=2, verbose=False)
    try:
        toks = llm.tokenize(PROMPT.encode())
        prompt_s = gen_s = math.inf
        for _ in range(3):
            llm.reset()
            t0 = time.perf_counter()
            llm.eval(toks)
            prompt_s = min(prompt_s, time.perf_counter() - t0)
            t0 = time.perf_counter()
            for i in range(40):
                llm.eval([toks[i % 10]])
            gen_s = min(gen_s, time.perf_counter() - t0)
        return len(toks) / prompt_s, 40 / gen_s
    finally:
        llm.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--formats", default="q4_1,q8_0,q4_0", help="comma-separated: q4_1 (as shipped), q8_0, q4_0, ...")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    with ED_DEV.open(encoding="utf-8") as fh:
        texts = [row["content"] for row, _ in zip(csv.DictReader(fh), range(400), strict=False)]
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = convert(fmt.strip().lower(), Path(tmp))
            prompt_tps, gen_tps = speed(path)
            ppl, tokens = perplexity(path, texts)
            rows[fmt] = {
                "size_mb": round(path.stat().st_size / 1e6, 1),
                "prompt_tokens_per_s": round(prompt_tps, 1),
                "generate_tokens_per_s": round(gen_tps, 1),
                "perplexity_ed_dev": round(ppl, 3),
                "tokens": tokens,
            }
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'format':8}{'MB':>8}{'prompt tok/s':>14}{'gen tok/s':>11}{'perplexity':>12}")
        for fmt, r in rows.items():
            print(
                f"{fmt:8}{r['size_mb']:>8}{r['prompt_tokens_per_s']:>14}{r['generate_tokens_per_s']:>11}"
                f"{r['perplexity_ed_dev']:>12}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
