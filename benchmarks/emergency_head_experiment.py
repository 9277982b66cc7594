"""Stop 43 experiment (not shipped): a logistic head on the safety encoder embedding for an emergency now, beside the rules. Paths as run then."""

import glob
import random
import sys
import tomllib

import numpy as np

sys.path.insert(0, "/work/main/training")
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from safety_data import SHARED, goemotions
from tenor.safety import normalize
from tenor.safety import rules_emergency as r
from tenor.safety.classifier import SafetyClassifier
from tenor.safety.rule import fires

clf = SafetyClassifier(None)


def emb(t):
    return clf.encoder.embed(t, clf.sentences, limit=1)[0]


def rule(t):
    v = normalize.basic(t)
    return any(fires(x, v) for x in r.EMERGENCY + r.EMERGENCY_PET)


def load(p):
    return tomllib.load(open(p, "rb"))["row"]


train = []  # (text, y, group) group: em=emergency look-alike rows, other
for p in ["/work/main/training/data/safety_emergency.toml", "/work/check43/rows.toml"]:
    for x in load(p):
        train.append((x["text"], int(x["kind"] == "harm"), "em"))
for p in glob.glob("/work/main/training/data/safety_*.toml"):
    if "emergency" in p:
        continue
    try:
        rows = load(p)
    except Exception:
        continue
    for x in rows:
        if x.get("half", "dev") == "check":
            continue
        train.append((x["text"], 0, "oth"))
random.seed(0)
ge = [t for _, t in goemotions(SHARED, "train")]
random.shuffle(ge)
for t in ge[:3000]:
    train.append((t, 0, "ge"))
test = [(x["text"], int(x["kind"] == "harm"), x["topic"]) for x in load("/work/check44/rows.toml")]
print(len(train), len(test), flush=True)
X = np.stack([emb(t) for t, _, _ in train])
y = np.array([a for _, a, _ in train])
g = np.array([c for *_, c in train])
Xt = np.stack([emb(t) for t, _, _ in test])
yt = np.array([a for _, a, _ in test])
R = np.array([rule(t) for t, _, _ in train])
Rt = np.array([rule(t) for t, _, _ in test])
np.savez("/work/exp/emb.npz", X=X, y=y, g=g, Xt=Xt, yt=yt, R=R, Rt=Rt)
# CV out-of-fold probs on train
oof = np.zeros(len(y))
for tr, va in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
    m = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(X[tr], y[tr])
    oof[va] = m.predict_proba(X[va])[:, 1]
m = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(X, y)
pt = m.predict_proba(Xt)[:, 1]
em = g == "em"


def rates(pred, yy, mask):
    h = pred[mask & (yy == 1)].mean()
    f = pred[mask & (yy == 0)].mean()
    return h, f


for th in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98):
    for name, p_tr, p_te in (
        ("head", oof >= th, pt >= th),
        ("rule|head", R | (oof >= th), Rt | (pt >= th)),
        ("rule&head", R & (oof >= th), Rt & (pt >= th)),
    ):
        h, f = rates(p_tr, y, em)
        ht, ft = rates(p_te, yt, np.ones(len(yt), bool))
        print(
            f"t={th} {name:10s} cv: harm {h:.3f} lookalike-FA {f:.3f} everyday-FA {p_tr[g != 'em'].mean():.4f} | check44: harm {ht:.3f} FA {ft:.3f}"
        )
print("rule alone check44:", rates(Rt, yt, np.ones(len(yt), bool)))
