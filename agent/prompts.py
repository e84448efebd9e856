"""The Q&A prompts, loaded from prompts/*.md (first line `version: N`), plus the canary."""

from __future__ import annotations

import re
import secrets
from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict

# Characters of the system prompt, compared without case, spacing or punctuation, that an answer
# may not repeat: a model can drop the canary and still recite its rules.
LEAK_CHARS = 60
_NOT_WORD = re.compile(r"[\W_]+")


class Prompt(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: str
    text: str


@cache
def load(name: str) -> Prompt:
    """Read prompts/<name>.md; the first line must be `version: N`."""
    raw = (files("prompts") / f"{name}.md").read_text(encoding="utf-8")
    first, _, body = raw.partition("\n")
    key, _, version = first.partition(":")
    if key.strip() != "version" or not version.strip():
        raise ValueError(f"prompts/{name}.md: the first line must be 'version: N'")
    return Prompt(name=name, version=version.strip(), text=body.strip())


@cache
def canary() -> str:
    """A random marker in the system prompt; any output containing it is replaced."""
    return f"SHIRUBE-CANARY-{secrets.token_hex(8)}"


def phrase_prompt() -> str:
    """The answer engine's only model prompt, with this process's canary."""
    return load("phrase").text.replace("{canary}", canary())


def understand_prompt() -> str:
    """The prompt for the model's structured reading of a question (agent/answer/propose.py)."""
    return load("understand").text.replace("{canary}", canary())


def _plain(text: str) -> str:
    """Lower case, every run of spaces and punctuation one space: how a recital is compared."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


@cache
def _stretches(name: str) -> frozenset[str]:
    plain = _plain(load(name).text.replace("{canary}", " "))
    return frozenset(plain[i : i + LEAK_CHARS] for i in range(len(plain) - LEAK_CHARS + 1))


def repeats_prompt(text: str, name: str = "phrase") -> bool:
    """Does `text` hold the canary, or LEAK_CHARS or more of a prompt word for word?"""
    if canary() in text:
        return True
    plain = _plain(text)
    stretches = _stretches(name)
    return any(plain[i : i + LEAK_CHARS] in stretches for i in range(len(plain)))
