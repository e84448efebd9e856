"""Which Japanese tokenizer the lexical index uses: top-3 accuracy on Japanese paraphrases, speed,
load time and install size (issue 18). Run: python -m benchmarks.ja_tokenizer [--sudachi DIR]
[--janome DIR] (DIRs: `pip install --target DIR ...`, so neither has to be installed here).

The documents are the Japanese texts of the facts; each query is a paraphrase a user might type,
worded apart from the fact, with the ids of the facts that answer it.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import bm25s
import yaml
from pydantic import TypeAdapter

QUERIES_FILE = Path(__file__).with_name("ja_queries.yaml")
QUERIES: dict[str, list[str]] = TypeAdapter(dict[str, list[str]]).validate_python(
    yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
)


def regex_words(text: str) -> list[str]:
    """Today's tokenizer for every language: \\w+ runs (a Japanese sentence is one token)."""
    return re.findall(r"\w+", text.lower())


def bigrams(text: str) -> list[str]:
    """Character bigrams: no dictionary at all."""
    chars = [c for c in text.lower() if c.isalnum()]
    return ["".join(p) for p in itertools.pairwise(chars)]


T = TypeVar("T")

_CONTENT = ("名詞", "動詞", "形容詞", "形状詞")


def janome_tokenizer() -> Callable[[str], list[str]]:
    from janome.tokenizer import Tokenizer

    tok = Tokenizer()

    def run(text: str) -> list[str]:
        out = []
        for t in tok.tokenize(text.lower()):
            if t.part_of_speech.split(",")[0] in _CONTENT:
                out.append(t.base_form if t.base_form != "*" else t.surface)
        return out

    return run


def sudachi_tokenizer(mode: str = "C") -> Callable[[str], list[str]]:
    from sudachipy import Dictionary, SplitMode

    tok = Dictionary(dict="core").tokenizer()
    split = getattr(SplitMode, mode)

    def run(text: str) -> list[str]:
        return [
            m.normalized_form()
            for m in tok.tokenize(text.lower(), split)
            if m.part_of_speech()[0] in _CONTENT
        ]

    return run


def shipped_tokenizer() -> Callable[[str], list[str]]:
    """What knowledge/index/lexical.py uses: SudachiPy mode A, content words, a few stop words."""
    from knowledge.index.lexical import tokenize

    return tokenize


def top3(tokenize: Callable[[str], list[str]], ids: list[str], texts: list[str]) -> float:
    bm = bm25s.BM25()
    bm.index([tokenize(t) or ["_"] for t in texts], show_progress=False)
    hits = 0
    for query, good in QUERIES.items():
        tokens = [t for t in tokenize(query) if t in bm.vocab_dict]
        if not tokens:
            continue
        scores = bm.get_scores(tokens)
        best = sorted(range(len(ids)), key=lambda i: -scores[i])[:3]
        hits += any(ids[i] in good for i in best)
    return hits / len(QUERIES)


def timed(run: Callable[[], T]) -> tuple[T, float]:
    """What `run` returns, and how many seconds it took."""
    started = time.perf_counter()
    out = run()
    return out, time.perf_counter() - started


def _loaded(
    module: str, make: Callable[[], Callable[[str], list[str]]]
) -> Callable[[str], list[str]]:
    """Import the tokenizer's package and load its dictionary (the first call loads it)."""
    importlib.import_module(module)
    tokenize = make()
    tokenize("初期化")
    return tokenize


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--janome", type=Path)
    parser.add_argument("--sudachi", type=Path)
    args = parser.parse_args()
    from knowledge.loader import load_rule_base

    facts = [f for f in load_rule_base().facts.values() if f.text_ja]
    ids, texts = [f.id for f in facts], [str(f.text_ja) for f in facts]
    rows: list[tuple[str, Callable[[str], list[str]], float, Path | None]] = [
        ("\\w+ runs (today)", regex_words, 0.0, None),
        ("character bigrams", bigrams, 0.0, None),
    ]
    for name, path, make, module in (
        ("Janome 0.5", args.janome, janome_tokenizer, "janome"),
        ("SudachiPy + sudachidict_core, mode C", args.sudachi, sudachi_tokenizer, "sudachipy"),
        ("SudachiPy, mode A as shipped (lexical.py)", args.sudachi, shipped_tokenizer, "sudachipy"),
    ):
        if path is not None:
            sys.path.insert(0, str(path))
        try:
            tokenize, load = timed(partial(_loaded, module, make))
        except ImportError:
            print(f"{name}: not installed (pass --{module.removesuffix('py')} DIR)")
            continue
        rows.append((name, tokenize, load, path))
    print(f"{len(facts)} Japanese fact texts, {len(QUERIES)} paraphrase queries\n")
    print(
        "| Tokenizer | top-3 accuracy | tokenize all facts | import + dictionary load | installed |"
    )
    print("|---|---|---|---|---|")
    for name, tokenize, load, path in rows:
        _, took = timed(partial(list, map(tokenize, texts)))
        acc = top3(tokenize, ids, texts)
        size = f"{size_mb(path):.0f} MB" if path else "0"
        print(f"| {name} | {acc:.0%} | {took * 1000:.0f} ms | {load:.2f} s | {size} |")


if __name__ == "__main__":
    main()
