"""Health checks behind `shirube doctor`: each says OK, WARN or FAIL and what to do when wrong.

Checks never build or change anything: they read the rule base, the index metadata and ask the
configured servers (Chroma, Ollama) with short timeouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import httpx
from pydantic import BaseModel, ConfigDict

from core.config import Settings

if TYPE_CHECKING:
    from knowledge.index.meta import IndexMeta
    from knowledge.loader import RuleBase

Status = Literal["ok", "warn", "fail"]


class Check(BaseModel):
    """One line of the doctor's report."""

    model_config = ConfigDict(frozen=True)

    name: str
    status: Status
    detail: str
    fix: str | None = None
    """What to do, when the status is not ok."""


def _http_timeout(settings: Settings) -> httpx.Timeout:
    # Doctor must answer quickly even when a server hangs: cap the read timeout.
    return httpx.Timeout(min(settings.read_timeout, 5.0), connect=settings.connect_timeout)


def check_rule_base() -> Check:
    from knowledge.loader import RuleBaseError, load_rule_base

    try:
        rule_base = load_rule_base()
    except RuleBaseError as exc:
        first = (str(exc).splitlines() or ["invalid"])[0]
        return Check(
            name="rule base",
            status="fail",
            detail=f"invalid: {first}",
            fix="Run `shirube kb check` and fix the entries it names.",
        )
    return Check(
        name="rule base",
        status="ok",
        detail=f"as of {rule_base.meta.as_of}, corpus hash {rule_base.corpus_hash}",
    )


def check_chroma(settings: Settings) -> Check:
    if not settings.chroma_host:
        return Check(
            name="chroma", status="ok", detail=f"embedded, persisted under {settings.index_dir}"
        )
    where = f"{settings.chroma_host}:{settings.chroma_port}"
    url = f"http://{where}/api/v2/heartbeat"
    try:
        httpx.get(url, timeout=_http_timeout(settings)).raise_for_status()
    except httpx.HTTPError as exc:
        return Check(
            name="chroma",
            status="fail",
            detail=f"server mode, {where} unreachable ({type(exc).__name__})",
            fix=(
                f"Start it (`chroma run --path DIR --host {settings.chroma_host} "
                f"--port {settings.chroma_port}`) or unset CHROMA_HOST for the embedded store."
            ),
        )
    return Check(name="chroma", status="ok", detail=f"server mode, {where} reachable")


def check_index(settings: Settings, chroma_ok: bool) -> Check:
    import chromadb

    from knowledge.index.store import read_meta
    from knowledge.loader import RuleBaseError, load_rule_base

    if settings.chroma_host and chroma_ok:
        # The server, not this client's local record, says which collection is in use: a fresh
        # client reuses the complete collection another client built for this rule base.
        return _check_shared_index(settings)
    meta = read_meta(settings)
    if meta is None:
        return Check(
            name="index",
            status="warn",
            detail=f"not built yet in {settings.index_dir}",
            fix="Run `shirube index` (or just ask: the first question builds it).",
        )
    summary = (
        f"{meta.document_count} documents, corpus hash {meta.corpus_hash}, "
        f"built with chromadb {meta.chromadb_version} (installed {chromadb.__version__})"
    )
    try:
        rule_base = load_rule_base()
    except RuleBaseError:
        return Check(name="index", status="warn", detail=f"{summary}; rule base invalid")
    return _verdict(settings, rule_base, meta, summary, reachable=chroma_ok)


def _verdict(
    settings: Settings, rule_base: RuleBase, meta: IndexMeta, summary: str, *, reachable: bool
) -> Check:
    """Up to date, out of date (and why), or not checkable because the server is away."""
    from knowledge.index.store import _stale_reason, _try_open

    reason = _stale_reason(meta, rule_base.corpus_hash)
    if reason is None and reachable:
        _, reason = _try_open(settings, rule_base)
    if reason is not None:
        return Check(
            name="index",
            status="warn",
            detail=f"{summary}; out of date: {reason}",
            fix="Run `shirube index` (the next question also rebuilds it).",
        )
    if not reachable:
        return Check(name="index", status="warn", detail=f"{summary}; server not reachable")
    return Check(name="index", status="ok", detail=f"{summary}; up to date")


def _check_shared_index(settings: Settings) -> Check:
    """Server mode: is this rule-base version's shared collection on the server and whole?"""
    import chromadb

    from knowledge.index.meta import client
    from knowledge.index.shared import shared_meta, shared_name
    from knowledge.loader import RuleBaseError, load_rule_base

    where = f"{settings.chroma_host}:{settings.chroma_port}"
    try:
        rule_base = load_rule_base()
    except RuleBaseError:
        return Check(name="index", status="warn", detail=f"server {where}; rule base invalid")
    name = shared_name(rule_base.corpus_hash)
    meta = shared_meta(client(settings, ""), name)
    if meta is None:
        return Check(
            name="index",
            status="warn",
            detail=f"not built yet on the Chroma server {where} (no complete collection {name})",
            fix="Run `shirube index` (or just ask: the first question builds it).",
        )
    summary = (
        f"{meta.document_count} documents in {name} on {where}, "
        f"built with chromadb {meta.chromadb_version} (installed {chromadb.__version__})"
    )
    return _verdict(settings, rule_base, meta, summary, reachable=True)


def check_ollama(settings: Settings) -> list[Check]:
    """Reachability, model pulled, tool support: three lines (later ones skipped when moot)."""
    import ollama

    url = settings.ollama_url
    if settings.offline:
        return [Check(name="ollama", status="ok", detail="offline mode set: no model is called")]
    offline_note = "answers come from the rule base only (offline mode)"
    try:
        response = httpx.get(f"{url}/api/version", timeout=_http_timeout(settings))
        response.raise_for_status()
        version = str(response.json().get("version", "?"))
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        return [
            Check(
                name="ollama",
                status="warn",
                detail=f"no Ollama server at {url} ({type(exc).__name__}); {offline_note}",
                fix="Start Ollama (`ollama serve`) or point OLLAMA_HOST at your team's server.",
            )
        ]
    checks = [Check(name="ollama", status="ok", detail=f"Ollama {version} at {url}")]
    client = ollama.Client(host=url, timeout=_http_timeout(settings))
    try:
        shown = client.show(settings.model)
    except ollama.ResponseError as exc:
        pulled = exc.status_code != 404
        detail = (
            f"'{settings.model}' answered {exc.status_code}: {exc.error}"
            if pulled
            else f"'{settings.model}' is not pulled on {url}"
        )
        checks.append(
            Check(
                name="model",
                status="warn",
                detail=f"{detail}; {offline_note}",
                fix=f"Run `ollama pull {settings.model}` or set SHIRUBE_MODEL to a pulled model.",
            )
        )
        return checks
    except (httpx.HTTPError, ValueError) as exc:
        checks.append(
            Check(
                name="model",
                status="warn",
                detail=f"could not ask about '{settings.model}' ({type(exc).__name__})",
                fix="Check the Ollama server's log.",
            )
        )
        return checks
    checks.append(Check(name="model", status="ok", detail=f"'{settings.model}' is pulled"))
    caps = shown.capabilities
    if caps is None:
        checks.append(
            Check(
                name="tools",
                status="warn",
                detail="the server does not report capabilities; tool support is tried per call",
                fix="Upgrade Ollama to a version that reports model capabilities.",
            )
        )
    elif "tools" in caps:
        checks.append(Check(name="tools", status="ok", detail=f"'{settings.model}' calls tools"))
    else:
        checks.append(
            Check(
                name="tools",
                status="warn",
                detail=f"'{settings.model}' does not support tools; {offline_note}",
                fix="Choose a tool-capable model, e.g. SHIRUBE_MODEL=qwen2.5:7b-instruct.",
            )
        )
    return checks


def run_checks(settings: Settings) -> list[Check]:
    """All checks in report order."""
    from agent.doctor_storage import (
        check_data_dir,
        check_database,
        check_index_files,
        check_sessions_db,
    )

    checks = [check_rule_base(), check_data_dir(settings), check_sessions_db(settings)]
    database = check_database(settings)  # only with SHIRUBE_DATABASE_URL: a team's PostgreSQL
    checks += [database] if database else []
    chroma = check_chroma(settings)
    checks.append(chroma)
    checks.append(check_index(settings, chroma_ok=chroma.status == "ok"))
    checks.extend(check_index_files(settings))
    checks.extend(check_ollama(settings))
    return checks
