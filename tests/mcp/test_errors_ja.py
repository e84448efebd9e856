"""Bad tool arguments told in Japanese when the request is Japanese (issue 18): `lang: "ja"`, a
Japanese question or a profile whose name or description is Japanese; English otherwise (the
English wording is pinned in tests/mcp/test_errors.py). The API's own errors likewise."""

from __future__ import annotations

import re

import pytest

from agent import api
from agent.mcp.server import ShirubeServer
from core.errors import UsageError
from tests.mcp.conftest import call, text_of

ENGLISH = re.compile(r"Invalid input|is missing|has the invalid value|Allowed|Did you mean|must be")


@pytest.mark.parametrize(
    ("tool", "arguments", "says"),
    [
        (
            "ask",
            {"question": "日本にAI法はありますか？", "lang": "fr"},
            '「lang」の値 "fr" は使えません',
        ),
        ("ask", {"question": "x" * 2001, "lang": "ja"}, "「question」の値"),
        ("ask", {"question": "日本のAI法" * 500}, "2000 文字以内にしてください"),
        ("ask", {"lang": "ja"}, "「question」がありません。指定してください"),
        (
            "changes",
            {"since": "先週"},
            'YYYY-MM-DD 形式の日付で指定してください（受け取った値："先週"）',
        ),
        (
            "assess",
            {"profile": {"name": "採用面接の評価", "personal_data": "sensitiv"}},
            "項目「personal_data」の値 'sensitiv' は使えません",
        ),
        (
            "assess",
            {"profile": {"description": "社内チャットボット", "colour": "red"}},
            "項目 'colour' はありません",
        ),
    ],
)
def test_a_japanese_request_hears_its_errors_in_japanese(
    server: ShirubeServer, tool: str, arguments: dict, says: str
) -> None:
    result = call(server, tool, arguments)
    assert result.is_error
    message = text_of(result)
    assert says in message, message
    assert f"{tool} への入力が正しくありません" in message
    assert not ENGLISH.search(message), message


def test_an_english_request_keeps_english(server: ShirubeServer) -> None:
    message = text_of(call(server, "ask", {"question": "Is there an AI Act?", "lang": "fr"}))
    assert "Invalid input to ask:" in message and "は使えません" not in message


def test_the_api_says_a_bad_lang_in_the_questions_language() -> None:
    with pytest.raises(UsageError) as raised:
        api.ask("日本にAI法はありますか？", lang="fr")  # type: ignore[arg-type]
    assert "lang には" in str(raised.value)
    with pytest.raises(UsageError) as english:
        api.ask("Is there an AI Act?", lang="fr")  # type: ignore[arg-type]
    assert str(english.value) == "lang must be 'en' or 'ja' (or left out), not 'fr'."


def test_the_api_says_a_bad_profile_in_the_profiles_language() -> None:
    with pytest.raises(UsageError) as raised:
        api.assess({"name": "社内チャットボット", "personal_data": "sensitiv"})
    assert "項目「personal_data」の値 'sensitiv' は使えません" in str(raised.value)
    with pytest.raises(UsageError) as english:
        api.assess({"name": "Support bot", "personal_data": "sensitiv"})
    assert "field 'personal_data' has the invalid value 'sensitiv'" in str(english.value)


def test_a_japanese_request_is_shown_a_japanese_example(server: ShirubeServer) -> None:
    message = text_of(call(server, "ask", {"lang": "ja"}))
    assert '例：{"question": "AI推進法に罰則はありますか？"}' in message, message
    assert "Does Japan's AI Act" not in message
    english = text_of(call(server, "ask", {}))
    assert """e.g. {"question": "Does Japan's AI Act have penalties?"}""" in english


def test_an_unknown_japanese_entity_is_said_in_japanese(server: ShirubeServer) -> None:
    message = text_of(call(server, "lookup_facts", {"entity": "魔法省"}))
    assert "「魔法省」という名前の対象はルールベースにありません" in message, message
    assert "no entity named" not in message and "e.g." not in message
    assert re.search(r"'\w+'（[^）]*[\u3040-\u30ff\u4e00-\u9fff]", message), message  # 名前は日本語


def test_the_api_says_a_bad_facet_in_the_entitys_language() -> None:
    with pytest.raises(UsageError) as raised:
        api.lookup_facts("AI推進法", "罰則")
    assert "観点「罰則」はありません" in str(raised.value) and "penalty" in str(raised.value)
    with pytest.raises(UsageError) as english:
        api.lookup_facts("AI Act", "penalties")
    assert str(english.value).startswith("unknown facet 'penalties'. Allowed: what,")


def test_a_file_error_is_said_in_the_requests_language(
    server: ShirubeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unusable data dir (strerror is English) in the request's words (ui_labels os_errors)."""
    import errno

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/data/index")

    monkeypatch.setattr(api, "ask", refused)
    message = text_of(call(server, "ask", {"question": "AI推進法に罰則はありますか？"}))
    assert "アクセス権がありません" in message and "/data/index" in message, message
    assert "Permission denied" not in message and "Check that" not in message
    english = text_of(call(server, "ask", {"question": "Does the AI Act have penalties?"}))
    assert "permission denied" in english.lower() and "Check that the path" in english


def test_a_busy_index_build_is_said_in_the_questions_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from knowledge.index import store
    from knowledge.index.lock import IndexBusyError

    def busy(*_args: object, **_kwargs: object) -> None:
        raise IndexBusyError("errors.index_busy", path="/data/index", seconds="120")

    monkeypatch.setattr(store, "ensure_index", busy)
    with pytest.raises(UsageError) as raised:
        api.ask("AI推進法に罰則はありますか？")
    assert "検索インデックスを作成中" in str(raised.value), raised.value
    with pytest.raises(UsageError) as english:
        api.ask("Does the AI Act have penalties?")
    assert "Another Shirube process is building" in str(english.value)
