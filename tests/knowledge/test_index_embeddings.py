"""The offline embedding function: real MiniLM vectors, no download, registered with Chroma."""

from __future__ import annotations

import numpy as np
from chromadb.utils.embedding_functions import known_embedding_functions

from knowledge.index.embeddings import DIMENSIONS, MODEL_ID, ShirubeMiniLM, embed, tokenize


def test_vectors_are_unit_length_384d() -> None:
    vectors = np.asarray(ShirubeMiniLM()(["Is the AI Promotion Act binding?", "短い文"]))
    assert vectors.shape == (2, DIMENSIONS) == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_sentences_score_higher_than_unrelated() -> None:
    a, b, c = embed(
        [
            "Can a company be fined under Japan's AI law?",
            "Does the AI Promotion Act impose penalties on businesses?",
            "How long should I boil an egg?",
        ]
    )
    assert float(a @ b) > 0.5
    assert float(a @ b) > float(a @ c) + 0.3


def test_padding_does_not_change_a_vector() -> None:
    short = "Who enforces privacy law?"
    long = "A much longer sentence " * 20
    alone = embed([short])[0]
    batched = embed([long, short])[1]
    assert np.allclose(alone, batched, atol=1e-4)


def test_batches_pad_to_the_longest_input_not_a_fixed_length() -> None:
    batch = tokenize(["one", "two words here"])
    assert batch["input_ids"].shape[1] < 16
    assert tokenize(["word " * 400])["input_ids"].shape[1] == 256  # truncated at the model limit


def test_registered_with_chroma_and_rebuilds_from_config() -> None:
    function = ShirubeMiniLM()
    assert known_embedding_functions[ShirubeMiniLM.name()] is ShirubeMiniLM
    assert function.get_config() == {"model_id": MODEL_ID}
    assert isinstance(ShirubeMiniLM.build_from_config(function.get_config()), ShirubeMiniLM)
    assert function.is_legacy() is False
