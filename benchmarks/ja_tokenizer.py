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
from pathlib import Path

import bm25s

QUERIES: dict[str, tuple[str, ...]] = {
    "日本のAI法には罰則がありますか": (
        "act_no_penalties",
        "art7_no_penalty",
        "no_ai_specific_fines",
    ),
    "AIを使う会社に課される責務は何": ("art7_duties", "act_company_obligations_elsewhere"),
    "AIシステムを国に登録する必要はある？": ("act_no_registration", "regime_no_registration"),
    "EUみたいにAIを危険度で分類していますか": ("act_no_risk_tiers", "regime_no_risk_tiers"),
    "顔認証の技術は禁止されていますか": ("facial_recognition_not_banned", "biometrics_not_banned"),
    "社員が顧客情報をチャットAIに貼り付けてもいいですか": (
        "example_customer_records_chatbot",
        "personal_data_first_steps",
        "appi_purpose_of_use",
    ),
    "著作物をAIの学習データに使ってよいか": ("art30_4_what", "copyright_act_governs_ai"),
    "RAGで記事を出力するのは著作権的に大丈夫？": ("rag_copyright",),
    "AI戦略本部のトップは誰": ("hq_membership",),
    "府省庁は最高AI責任者を置く必要がありますか": ("ds920_caio", "caio_what"),
    "ガイドラインに従わないと罰金を取られる？": ("aigfb_no_penalty", "art13g_no_penalty"),
    "海外の企業にも日本のルールは及ぶのか": (
        "act_no_overseas_exemption",
        "overseas_operators_in_view",
        "overseas_treat_as_applying",
    ),
    "ディープフェイク専用の法律はある？": ("deepfake_existing_law", "deepfake_not_banned"),
    "AI生成画像に透かしを入れる義務は": ("no_statutory_labelling_duty", "act_no_labelling_duty"),
    "レッドチーミングは法的に必須？": ("red_teaming_not_required", "rt_guide_voluntary"),
    "AIの不正利用で犯罪になったらどの法律で裁かれる": (
        "penal_code_not_act",
        "act_no_criminal_offence",
        "misuse_existing_criminal_law",
    ),
    "人工知能基本計画の四つの柱は": ("plan_four_directions",),
    "AIの定義は生成AIに限定されていますか": ("ai_definition_not_only_generative", "act_defines_ai"),
    "採用でAIが応募者を選別するのは禁止？": (
        "automated_decisions_not_banned",
        "automated_decisions_personal_data",
    ),
    "AIセーフティ・インスティテュートは規制当局ですか": ("aisi_not_regulator",),
}


def regex_words(text: str) -> list[str]:
    """Today's tokenizer for every language: \\w+ runs (a Japanese sentence is one token)."""
    return re.findall(r"\w+", text.lower())


def bigrams(text: str) -> list[str]:
    """Character bigrams: no dictionary at all."""
    chars = [c for c in text.lower() if c.isalnum()]
    return ["".join(p) for p in itertools.pairwise(chars)]


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
    rows = [
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
        started = time.perf_counter()
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"{name}: not installed (pass --{module.removesuffix('py')} DIR)")
            continue
        tokenize = make()
        tokenize("初期化")  # the first call loads the dictionary
        rows.append((name, tokenize, time.perf_counter() - started, path))
    print(f"{len(facts)} Japanese fact texts, {len(QUERIES)} paraphrase queries\n")
    print(
        "| Tokenizer | top-3 accuracy | tokenize all facts | import + dictionary load | installed |"
    )
    print("|---|---|---|---|---|")
    for name, tokenize, load, path in rows:
        started = time.perf_counter()
        for t in texts:
            tokenize(t)
        took = time.perf_counter() - started
        acc = top3(tokenize, ids, texts)
        size = f"{size_mb(path):.0f} MB" if path else "0"
        print(f"| {name} | {acc:.0%} | {took * 1000:.0f} ms | {load:.2f} s | {size} |")


if __name__ == "__main__":
    main()
