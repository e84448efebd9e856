"""A Chroma server that does not answer (CHROMA_HOST) is said in the reader's language (issue
18): the fix in Japanese, the English unchanged for the English reader and the logs."""

from __future__ import annotations

import re

import pytest

from core.config import Settings
from knowledge.index.meta import ChromaUnreachable, client
from knowledge.ui_labels import error_in


def test_an_unreachable_chroma_server_is_said_in_japanese() -> None:
    settings = Settings(chroma_host="127.0.0.1", chroma_port=1)
    with pytest.raises(ChromaUnreachable) as raised:
        client(settings, "")
    said = error_in(raised.value, "ja")
    assert "127.0.0.1:1" in said and "CHROMA_HOST" in said, said
    assert re.search(r"[\u3040-\u30ff]", said) and "Start the server" not in said, said
    assert str(raised.value).startswith("no Chroma server answered at 127.0.0.1:1")
