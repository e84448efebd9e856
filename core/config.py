"""Settings from the environment (SHIRUBE_*, plus OLLAMA_HOST); read when a command runs."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.light_settings import data_dir_of, split_host

DATABASE_FORM = "postgresql://user:password@host:5432/dbname (or unset it for the local SQLite)"
DAY = 86_400.0  # bounds every duration: past it a timeout overflows the socket layer


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHIRUBE_", extra="ignore")

    home: Path | None = Field(
        default=None, description="Data directory (index, sessions). Default: the user data dir."
    )
    model: str = Field(default="qwen2.5:7b-instruct", description="Ollama model name.")
    ollama_host: str = Field(
        default="http://127.0.0.1:11434",
        validation_alias=AliasChoices("OLLAMA_HOST", "SHIRUBE_OLLAMA_HOST"),
    )
    connect_timeout: float = Field(default=2.0, gt=0, le=DAY, allow_inf_nan=False)
    read_timeout: float = Field(
        default=60.0, gt=0, le=DAY, allow_inf_nan=False, description="Per read, in seconds."
    )
    answer_deadline: float = Field(
        default=90.0,
        gt=0,
        le=DAY,
        allow_inf_nan=False,
        description="Seconds a model may take for one answer, however fast it trickles tokens.",
    )
    max_answer_chars: int = Field(
        default=8000, gt=0, le=10_000_000, description="Longest model reply read, in characters."
    )
    num_ctx: int = Field(
        default=8192,
        ge=2048,
        le=1_048_576,
        description="Context window asked of Ollama; its 4k default cuts longer prompts.",
    )
    opening_max_tokens: int = Field(
        default=256,
        ge=16,
        le=8192,
        description="Most tokens the model may write for its opening (Ollama's num_predict); an "
        "opening cut at this limit is not shown.",
    )
    keep_alive: str = Field(default="5m")
    offline: bool = Field(default=False, description="Never call a model.")
    lang: Literal["auto", "en", "ja"] = Field(
        default="auto", description="Answer language; auto answers in the question's language."
    )
    database_url: str | None = Field(
        default=None,
        description="A shared PostgreSQL for saved plans (postgresql://user:pass@host:5432/db); "
        "unset: the SQLite file in the data dir.",
    )
    user: str | None = Field(
        default=None, description="Who changes a plan, in its history. Default: the OS user."
    )
    chroma_host: str | None = Field(
        default=None, validation_alias=AliasChoices("CHROMA_HOST", "SHIRUBE_CHROMA_HOST")
    )
    chroma_port: int = Field(
        default=8000,
        ge=1,
        le=65535,
        validation_alias=AliasChoices("CHROMA_PORT", "SHIRUBE_CHROMA_PORT"),
    )

    @field_validator("home", mode="before")
    @classmethod
    def _home_not_empty(cls, value: object) -> object:
        # Path("") is the current directory: sessions.sqlite would land wherever the user is.
        if isinstance(value, str) and not value.strip():
            raise ValueError("it is empty; set it to a directory path or unset it")
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url_form(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None  # empty means unset: the embedded SQLite default
        if isinstance(value, str):
            check_database_url(value)
        return value

    @field_validator("ollama_host")
    @classmethod
    def _ollama_host_form(cls, value: str) -> str:
        # Checked here: `import ollama` parses OLLAMA_HOST itself and fails with a traceback.
        split_host(value)
        return value

    @cached_property
    def data_dir(self) -> Path:
        return data_dir_of(self.home)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite"

    @property
    def who(self) -> str:
        """The name a plan's history records for changes made here."""
        if self.user and self.user.strip():
            return self.user.strip()
        import getpass

        try:
            return getpass.getuser()
        except (OSError, KeyError):  # a container user with no passwd entry and no $USER
            return "unknown"

    @property
    def ollama_url(self) -> str:
        scheme, host, port = split_host(self.ollama_host)
        return f"{scheme}://{host}:{port}"


def check_database_url(value: str) -> None:
    """ValueError naming the form unless `value` is a PostgreSQL URL with a host and a database."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018  raises on a port that is not a number
    except ValueError:
        raise ValueError(f"expected {DATABASE_FORM}") from None
    if parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/"):
        raise ValueError(f"expected {DATABASE_FORM}")
    if not parts.hostname and "host=" not in parts.query:
        raise ValueError(f"expected {DATABASE_FORM}")


def redacted_url(value: str) -> str:
    """A database URL with its password replaced, for messages and logs."""
    try:
        parts = urlsplit(value)
        if parts.password is None:
            return value
    except ValueError:
        return "<a URL that cannot be read>"
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def _env_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return f"SHIRUBE_{field.upper()}"


def get_settings() -> Settings:
    """The settings from the environment; a bad value is a usage error naming the variable."""
    from pydantic import ValidationError

    from core.errors import SettingError

    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        name = _env_name(field) if field in Settings.model_fields else field
        given = err.get("input")
        if field == "database_url" and isinstance(given, str):
            given = redacted_url(given)  # never echo a password to the terminal
        raise SettingError(name, repr(given), dict(err)) from None
