#!/usr/bin/env python3
"""Sample candidate article pairs for the khabar text-reuse development set.

Independent of khabar (does not import it).  Reads the SaudiNewsNet dev corpus from
``<repo root>/../shared/data/corpus/saudinewsnet_dev.jsonl.gz`` and prints, as TSV on
stdout, the candidate pairs of four strata (high / medium / same_topic / confusable)
with the overlap measures that put them there.  Every random choice uses a fixed seed,
so the output is reproducible.  The printed list holds only corpus ids, outlets, dates
and numbers (no article text).

The labels in reuse_pairs.jsonl were then given by reading both texts of every pair;
this script is not needed at test time.

Usage:  python dev/reuse/sample_pairs.py > /tmp/candidates.tsv
"""
from __future__ import annotations

import collections
import datetime as dt
import gzip
import hashlib
import itertools
import json
import math
import random
import re
import sys
from pathlib import Path

import numpy as np
from datasketch import MinHash

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
SEED = 20150721

# ---- thresholds (also stated in README.md) -------------------------------------------
MAXDF = 40            # 5-gram shingles in more than MAXDF articles count as boilerplate
MIN_TOK, MAX_TOK = 40, 700   # both articles of a pair must have this many tokens
HIGH = 0.8            # content containment (5-gram) of the smaller article >= HIGH
MED_LO = 0.2          # MED_LO <= containment < HIGH  -> medium
CONF_HI = 0.2         # confusable: containment < CONF_HI ...
CONF_RUN = 8          # ... and a shared run of >= CONF_RUN tokens (or boilerplate / template)
TPL_C3 = 0.5          # template pair: 3-gram containment >= TPL_C3 while 5-gram < CONF_HI
TITLE_DF = (2, 15)    # rare title word: in 2..15 titles
TOPIC_COS = 0.25      # same-topic: tf-idf cosine of the texts >= TOPIC_COS
TOPIC_MAX_SHARED5 = 2 # same-topic: at most 2 shared 5-grams (any df)
TOPIC_MAX_C3 = 0.10   # same-topic: 3-gram containment < 0.10
TOPIC_DAYS = 3
QUOTA = {"high": 70, "medium": 60, "same_topic": 50, "confusable": 40}
SAME_OUTLET_MAX = {"high": 8, "medium": 8, "same_topic": 0, "confusable": 12}

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       **{chr(0x660 + i): str(i) for i in range(10)},
                       **{chr(0x6F0 + i): str(i) for i in range(10)}})
_TOK = re.compile("[\u0621-\u064a0-9a-z]+")


def norm_tokens(text: str) -> list[str]:
    """Fold alef forms, alef maqsura, ta marbuta, digits; drop diacritics and tatweel."""
    return _TOK.findall(_DIAC.sub("", text.lower()).translate(_FOLD))


def h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")


def shingles(toks: list[str], n: int) -> np.ndarray:
    grams = [" ".join(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1))]
    return np.unique(np.array([h64(g) for g in grams], dtype=np.uint64))


def longest_run(a: list[str], b: list[str]) -> int:
    """Length in tokens of the longest common contiguous token run."""
    pos = collections.defaultdict(list)
    for j in range(len(b) - 2):
        pos[tuple(b[j:j + 3])].append(j)
    best = 0
    for i in range(len(a) - 2):
        for j in pos.get(tuple(a[i:i + 3]), ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue          # not the start of a run
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def day(r) -> dt.date:
    return dt.date.fromisoformat(r["date_extracted"][:10])


def main() -> None:
    rng = random.Random(SEED)
    R = [json.loads(l) for l in gzip.open(CORPUS, "rt", encoding="utf-8")]
    N = len(R)
    T = [norm_tokens(r["text"]) for r in R]
    S5 = [shingles(t, 5) for t in T]
    S3 = [shingles(t, 3) for t in T]
    print(f"# corpus {CORPUS.name}: {N} articles", file=sys.stderr)

    # ---- document frequency of 5-grams; pairs sharing rare (df<=MAXDF) 5-grams ----------
    H = np.concatenate(S5)
    D = np.concatenate([np.full(len(s), i, dtype=np.int64) for i, s in enumerate(S5)])
    order = np.argsort(H, kind="stable")
    H, D = H[order], D[order]
    uniq, start, cnt = np.unique(H, return_index=True, return_counts=True)
    common = uniq[cnt > MAXDF]
    S5c = [np.setdiff1d(s, common, assume_unique=True) for s in S5]   # content shingles
    keys = []
    for g in range(2, MAXDF + 1):
        idx = start[cnt == g]
        if not len(idx):
            continue
        M = D[idx[:, None] + np.arange(g)[None, :]]
        for a, b in itertools.combinations(range(g), 2):
            keys.append(np.minimum(M[:, a], M[:, b]) * N + np.maximum(M[:, a], M[:, b]))
    pk, pc = np.unique(np.concatenate(keys), return_counts=True)
    pairs = {}
    for k, c in zip(pk.tolist(), pc.tolist()):
        if c < 3:
            continue
        i, j = divmod(k, N)
        a, b = S5c[i], S5c[j]
        if not len(a) or not len(b):
            continue
        inter = c                        # shared content 5-grams
        pairs[(i, j)] = {"shared5": inter, "c5": inter / min(len(a), len(b)),
                         "j5": inter / (len(a) + len(b) - inter)}

    def ok_len(i, j):
        return all(MIN_TOK <= len(T[x]) <= MAX_TOK for x in (i, j))

    def c3(i, j):
        return len(np.intersect1d(S3[i], S3[j], assume_unique=True)) / max(1, min(len(S3[i]), len(S3[j])))

    # story clusters (union-find over pairs with c5 >= 0.5) to spread the sample
    parent = list(range(N))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for (i, j), m in pairs.items():
        if m["c5"] >= 0.5:
            parent[find(i)] = find(j)

    pools = collections.defaultdict(list)
    for (i, j), m in pairs.items():
        if not ok_len(i, j):
            continue
        if m["c5"] >= HIGH:
            pools["high"].append((i, j))
        elif m["c5"] >= MED_LO:
            pools["medium"].append((i, j))
        elif m["c5"] < CONF_HI:
            pools["confusable_run"].append((i, j))

    # boilerplate-only pairs: share >= 8 common (df>MAXDF) 5-grams, few content 5-grams
    post = collections.defaultdict(list)
    for h, s, c in zip(uniq.tolist(), start.tolist(), cnt.tolist()):
        if MAXDF < c <= 2000:
            post[h] = D[s:s + c].tolist()
    common_docs = sorted({d for v in post.values() for d in v})
    cset = [set() for _ in range(N)]
    for h, docs in post.items():
        for d in docs:
            cset[d].add(h)
    rng2 = random.Random(SEED + 1)
    for _ in range(40000):
        i, j = sorted(rng2.sample(common_docs, 2))
        if i == j or not ok_len(i, j):
            continue
        if len(cset[i] & cset[j]) >= 8 and pairs.get((i, j), {"c5": 0})["c5"] < 0.05:
            pools["confusable_boiler"].append((i, j))

    # same-topic: rare title words shared, close dates, no shared running text
    tt = [set(w for w in norm_tokens(r["title"]) if len(w) >= 3) for r in R]
    tdf = collections.Counter(w for s in tt for w in s)
    rare = [set(w for w in s if TITLE_DF[0] <= tdf[w] <= TITLE_DF[1]) for s in tt]
    inv = collections.defaultdict(list)
    for i, s in enumerate(rare):
        for w in s:
            inv[w].append(i)
    cand = collections.Counter()
    for w, docs in inv.items():
        for i, j in itertools.combinations(sorted(docs), 2):
            cand[(i, j)] += 1
    wdf = collections.Counter(w for t in T for w in set(t))

    def tfidf(t):
        c = collections.Counter(t)
        v = {w: (1 + math.log(n)) * math.log(N / wdf[w]) for w, n in c.items()}
        z = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / z for w, x in v.items()}
    vec = {}

    def cos(i, j):
        for x in (i, j):
            if x not in vec:
                vec[x] = tfidf(T[x])
        a, b = vec[i], vec[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())
    for (i, j), n in sorted(cand.items()):
        if n < 2 or R[i]["outlet"] == R[j]["outlet"] or not ok_len(i, j):
            continue
        if abs((day(R[i]) - day(R[j])).days) > TOPIC_DAYS:
            continue
        shared5 = len(np.intersect1d(S5[i], S5[j], assume_unique=True))
        if shared5 > TOPIC_MAX_SHARED5 or c3(i, j) >= TOPIC_MAX_C3:
            continue
        if cos(i, j) >= TOPIC_COS:
            pools["same_topic"].append((i, j))

    # ---- stratified, outlet-pair-balanced draw ------------------------------------------
    used = collections.Counter()
    chosen = []

    def draw(stratum, pool, quota, same_max, check=None, per_cluster=1):
        pool = sorted(set(pool))
        rng.shuffle(pool)
        by_op = collections.defaultdict(list)
        for i, j in pool:
            by_op[tuple(sorted((R[i]["outlet"], R[j]["outlet"])))].append((i, j))
        ops = sorted(by_op)
        rng.shuffle(ops)
        got, same, clusters, in_stratum = [], 0, collections.Counter(), set()
        while len(got) < quota and any(by_op[o] for o in ops):
            for o in ops:
                if len(got) >= quota:
                    break
                while by_op[o]:
                    i, j = by_op[o].pop()
                    if o[0] == o[1] and same >= same_max:
                        by_op[o].clear()
                        break
                    if i in in_stratum or j in in_stratum or used[i] >= 2 or used[j] >= 2:
                        continue
                    cl = find(i)
                    if clusters[cl] >= per_cluster:
                        continue
                    info = check(i, j) if check else {}
                    if info is None:
                        continue
                    got.append((i, j, info))
                    same += o[0] == o[1]
                    clusters[cl] += 1
                    in_stratum |= {i, j}
                    used[i] += 1
                    used[j] += 1
                    break
        for i, j, info in got:
            chosen.append((stratum, i, j, info))
        return got

    def run_check(lo):
        def f(i, j):
            run = longest_run(T[i], T[j])
            return {"run": run} if run >= lo else None
        return f

    draw("high", pools["high"], QUOTA["high"], SAME_OUTLET_MAX["high"], per_cluster=2)
    draw("medium", pools["medium"], QUOTA["medium"], SAME_OUTLET_MAX["medium"],
         check=run_check(CONF_RUN), per_cluster=2)
    draw("same_topic", pools["same_topic"], QUOTA["same_topic"], 0, per_cluster=50)
    # confusable = shared-run pairs, boilerplate-only pairs and template pairs
    tpl = [(i, j) for (i, j) in pools["confusable_run"]
           if pairs[(i, j)]["c5"] < 0.1 and c3(i, j) >= TPL_C3]
    nq = QUOTA["confusable"]
    draw("confusable", tpl, nq // 4, 4, per_cluster=50)
    draw("confusable", pools["confusable_boiler"], nq // 4, 6, per_cluster=50)
    have = sum(1 for s, *_ in chosen if s == "confusable")
    draw("confusable", [p for p in pools["confusable_run"] if pairs[p]["c5"] >= 0.02],
         nq - have, 4, check=run_check(12), per_cluster=50)

    # ---- print ---------------------------------------------------------------------------
    def mh(i):
        m = MinHash(num_perm=128, seed=1)
        for x in S5[i].tolist():
            m.update(x.to_bytes(8, "little"))
        return m
    print("stratum\ta\tb\toutlet_a\toutlet_b\tdate_a\tdate_b\ttok_a\ttok_b\t"
          "c5_content\tj5_minhash\tc3\tshared_common5\tlongest_run")
    for s, i, j, info in chosen:
        m = pairs.get((i, j), {"c5": 0.0})
        run = info.get("run", longest_run(T[i], T[j]))
        print(f"{s}\t{R[i]['id']}\t{R[j]['id']}\t{R[i]['outlet']}\t{R[j]['outlet']}\t"
              f"{R[i]['date_extracted'][:16]}\t{R[j]['date_extracted'][:16]}\t{len(T[i])}\t{len(T[j])}\t"
              f"{m['c5']:.3f}\t{mh(i).jaccard(mh(j)):.3f}\t{c3(i, j):.3f}\t"
              f"{len(cset[i] & cset[j])}\t{run}")
    cnts = collections.Counter(s for s, *_ in chosen)
    print(f"# pools: " + ", ".join(f"{k}={len(v)}" for k, v in sorted(pools.items())), file=sys.stderr)
    print(f"# chosen: {dict(cnts)}", file=sys.stderr)


if __name__ == "__main__":
    main()
