"""Retrieval over the rule base: documents, offline embeddings, a Chroma store and hybrid search.

Public entry points: `knowledge.index.search.search` and `knowledge.index.store.ensure_index`.
Nothing heavy is imported here, so `import knowledge.index` stays cheap.
"""
