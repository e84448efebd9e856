"""Settings from the environment (SHIRUBE_*, plus OLLAMA_HOST); read when a command runs."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    connect_timeout: float = Field(default=2.0, gt=0)
    read_timeout: float = Field(default=60.0, gt=0)
    keep_alive: str = Field(default="5m")
    offline: bool = Field(default=False, description="Never call a model.")
    chroma_host: str | None = Field(
        default=None, validation_alias=AliasChoices("CHROMA_HOST", "SHIRUBE_CHROMA_HOST")
    )
    chroma_port: int = Field(
        default=8000, validation_alias=AliasChoices("CHROMA_PORT", "SHIRUBE_CHROMA_PORT")
    )

    @cached_property
    def data_dir(self) -> Path:
        if self.home is not None:
            return self.home.expanduser().resolve()
        from platformdirs import user_data_path

        return user_data_path("shirube", appauthor=False)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite"

    @property
    def ollama_url(self) -> str:
        host = self.ollama_host.strip()
        if "://" not in host:
            host = f"http://{host}"
        if host.count(":") < 2:  # no port given: Ollama's default
            host = f"{host}:11434"
        return host.rstrip("/")


def _env_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return f"SHIRUBE_{field.upper()}"


def get_settings() -> Settings:
    """The settings from the environment; a bad value is a usage error naming the variable."""
    from pydantic import ValidationError

    from agent.errors import UsageError

    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        name = _env_name(field) if field in Settings.model_fields else field
        raise UsageError(
            f"environment variable {name}={err.get('input')!r} is invalid: {err['msg']}. "
            f"Fix it or unset it."
        ) from None
