"""The settings a command that only reads this machine's sessions file needs, without
pydantic-settings (about a seventh of a second of CPU at every start: `shirube sessions list`).

`light_settings()` reads the environment as core.config.Settings does (SHIRUBE_* names in any
case, the last spelling set winning; OLLAMA_HOST before SHIRUBE_OLLAMA_HOST) and gives the same
data directory, sessions file and language. Whenever the environment holds anything it does not
vouch for — a shared database, a timeout, a Chroma server, a value it cannot check — it returns
the full Settings instead, so a bad variable fails with the very same message
(tests/core/test_light_settings.py holds the two to equal results).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, cast
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from core.config import Settings

DEFAULT_OLLAMA_PORT = 11434
HOST_FORM = "http://host:port, e.g. http://127.0.0.1:11434"
LANGS = ("auto", "en", "ja")
# pydantic's words for a boolean (SHIRUBE_OFFLINE), in any case.
_BOOLS = frozenset({"0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes"})
_HOSTS = ("ollama_host", "shirube_ollama_host")  # Settings' alias order: the first set is read
# Settings' fields (tests/core/test_light_settings.py holds this to the model).
FIELDS = frozenset(
    {
        *("home", "model", "ollama_host", "connect_timeout", "read_timeout", "answer_deadline"),
        *("max_answer_chars", "num_ctx", "opening_max_tokens", "keep_alive", "offline", "lang"),
        *("database_url", "user", "chroma_host", "chroma_port"),
    }
)


@dataclass(frozen=True)
class LightSettings:
    """The local-store part of Settings (no shared database, default timeouts)."""

    home: Path | None = None
    lang: Literal["auto", "en", "ja"] = "auto"
    database_url: None = None  # a shared database is Settings' business
    connect_timeout: float = 2.0

    @cached_property
    def data_dir(self) -> Path:
        return data_dir_of(self.home)

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite"


class StoreSettings(Protocol):
    """What opening the sessions store reads: Settings and LightSettings both have it."""

    @property
    def database_url(self) -> str | None: ...
    @property
    def connect_timeout(self) -> float: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def sessions_db(self) -> Path: ...


def data_dir_of(home: Path | None) -> Path:
    """The data directory: SHIRUBE_HOME when set, else the user's data dir for Shirube."""
    if home is not None:
        return home.expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("shirube", appauthor=False)


def light_settings() -> LightSettings | Settings:
    """LightSettings when the environment holds only what it checks, else the full Settings."""
    env = {key.lower(): value for key, value in os.environ.items()}
    host = next((name for name in _HOSTS if name in env), None)  # the one Settings reads
    vouched = all(
        _vouched(key, value) or (key == host and _host_ok(value)) or (key in _HOSTS and key != host)
        for key, value in env.items()
        if _read_by_settings(key)
    )
    if not vouched:
        from core.config import get_settings

        return get_settings()
    home = env.get("shirube_home")
    lang = cast('Literal["auto", "en", "ja"]', env.get("shirube_lang", "auto"))
    return LightSettings(home=Path(home) if home is not None else None, lang=lang)


def _vouched(key: str, value: str) -> bool:
    """Whether Settings surely takes this value (the light path reads home and lang only)."""
    if key in ("shirube_model", "shirube_keep_alive", "shirube_user"):
        return True  # any text
    if key == "shirube_offline":
        return value.lower() in _BOOLS
    if key == "shirube_home":
        return bool(value.strip())  # Settings refuses an empty one
    if key == "shirube_lang":
        return value in LANGS
    if key == "shirube_database_url":
        return not value.strip()  # empty means unset; a shared database is Settings' business
    return False


def _read_by_settings(key: str) -> bool:
    """Whether Settings reads this (lower-cased) variable."""
    from_alias = key in _HOSTS or key in ("chroma_host", "chroma_port")
    return from_alias or (key.startswith("shirube_") and key[8:] in FIELDS)


def _host_ok(value: str) -> bool:
    try:
        split_host(value)
    except ValueError:
        return False
    return True


def split_host(value: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an Ollama host as its client reads it; ValueError names the form."""
    text = value.strip() or "127.0.0.1"  # empty means the default, as in the ollama client
    if "://" not in text:
        text = f"http://{text}"
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a port that is not a number in 0-65535
    except ValueError:
        raise ValueError(f"expected {HOST_FORM}") from None
    hostname = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not hostname or " " in hostname or port == 0:
        raise ValueError(f"expected {HOST_FORM}")
    host = f"[{hostname}]" if ":" in hostname else hostname
    default = 443 if parts.scheme == "https" else DEFAULT_OLLAMA_PORT
    return parts.scheme, host, port or default
