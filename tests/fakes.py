"""The one thing tests fake: the chat model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from pydantic import Field


class FakeToolChatModel(GenericFakeChatModel):
    """A scripted chat model that accepts bind_tools, so graphs can bind tools to it."""

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> FakeToolChatModel:
        return self


def fake_model(replies: Iterable[AIMessage | str]) -> FakeToolChatModel:
    messages = [r if isinstance(r, AIMessage) else AIMessage(content=r) for r in replies]
    return FakeToolChatModel(messages=iter(messages))


class ScriptedChatModel(GenericFakeChatModel):
    """A scripted chat model that keeps the messages of every call (what the model was shown)."""

    calls: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.calls.append(list(messages))
        return super()._generate(messages, *args, **kwargs)


def scripted(*replies: str) -> ScriptedChatModel:
    return ScriptedChatModel(messages=iter([AIMessage(content=r) for r in replies]))
