"""core.light_settings gives what core.config.Settings gives, for any environment (issue 17).

`sessions list` resolves its settings without pydantic-settings; a difference here would be a
list of another data directory's sessions, or a bad variable passing unnoticed.
"""

from __future__ import annotations

import os
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from core.config import Settings, get_settings
from core.errors import UsageError
from core.light_settings import FIELDS, LightSettings, light_settings

NAMES = [
    *(f"SHIRUBE_{field.upper()}" for field in sorted(FIELDS)),
    "OLLAMA_HOST",
    "CHROMA_HOST",
    "CHROMA_PORT",
    "SHIRUBE_UNKNOWN",
    "HOME",
]
VALUES = [
    "",
    " ",
    "ja",
    "en",
    "auto",
    "EN",
    "fr",
    "/tmp/shirube-light",
    "~/shirube-light",
    "1",
    "TRUE",
    "Yes",
    "maybe",
    "2.5",
    "-1",
    "qwen2.5:7b",
    "postgresql://u:p@db.example:5432/plans",
    "http://127.0.0.1:11434",
    "localhost:99999",
    "http://host:0",
    "ftp://host",
]


# The variables the light path reads or vouches for, drawn more often than the rest.
LIGHT = ["SHIRUBE_HOME", "SHIRUBE_LANG", "SHIRUBE_OFFLINE", "SHIRUBE_DATABASE_URL", "OLLAMA_HOST"]
LIGHT += ["SHIRUBE_OLLAMA_HOST", "SHIRUBE_MODEL"]


def _case(name: str, style: int) -> str:
    return (name, name.lower(), name.title())[style]


environments = st.dictionaries(
    st.builds(_case, st.sampled_from(LIGHT * 6 + NAMES), st.integers(0, 2)),
    st.sampled_from(VALUES),
    max_size=4,
)


def _outcome(resolve: object) -> tuple[str, ...]:
    try:
        got = resolve()  # type: ignore[operator]
    except UsageError as exc:
        return ("error", str(exc))
    paths = (str(got.data_dir), str(got.sessions_db))
    return ("ok", *paths, str(got.database_url), got.lang, str(got.connect_timeout))


@settings(max_examples=400, deadline=None)
@given(environments)
def test_light_settings_equal_the_full_settings_in_any_environment(env: dict[str, str]) -> None:
    with mock.patch.dict(os.environ, env, clear=True):
        assert _outcome(light_settings) == _outcome(get_settings)


def test_a_plain_environment_needs_no_pydantic_settings() -> None:
    env = {"SHIRUBE_HOME": "/tmp/x", "SHIRUBE_LANG": "ja", "OLLAMA_HOST": "http://h:1"}
    env |= {"SHIRUBE_OFFLINE": "1", "SHIRUBE_MODEL": "m", "PATH": "/bin"}
    with mock.patch.dict(os.environ, env, clear=True):
        got = light_settings()
    assert isinstance(got, LightSettings)
    assert (got.lang, str(got.sessions_db)) == ("ja", "/tmp/x/sessions.sqlite")


def test_anything_it_cannot_vouch_for_goes_to_the_full_settings() -> None:
    with mock.patch.dict(os.environ, {"SHIRUBE_CONNECT_TIMEOUT": "5"}, clear=True):
        assert isinstance(light_settings(), Settings)


def test_its_field_list_is_the_settings_model() -> None:
    assert frozenset(Settings.model_fields) == FIELDS
