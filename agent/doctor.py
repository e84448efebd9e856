"""Health checks behind `shirube doctor`: each says OK, WARN or FAIL and what to do when wrong.

Checks never build or change anything: they read the rule base, the index metadata and ask the
configured servers (Chroma, Ollama) with short timeouts.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

import httpx
from pydantic import BaseModel, ConfigDict

from core.config import Settings
from knowledge.ui_labels import Phrase, phrase

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from knowledge.index.meta import IndexMeta
    from knowledge.loader import RuleBase

Status = Literal["ok", "warn", "fail"]


class Check(BaseModel):
    """One line of the doctor's report, its words labels (ui_labels.yaml `doctor`) written in the
    reader's language when shown."""

    model_config = ConfigDict(frozen=True)

    name: str
    """The check's id (English); its label is `doctor.name_<id>`."""
    status: Status
    said: Phrase
    """What the check found."""
    to_do: Phrase | None = None
    """What to do, when the status is not ok."""

    @property
    def detail(self) -> str:
        return self.said.text("en")

    @property
    def fix(self) -> str | None:
        return self.to_do.text("en") if self.to_do else None

    def shown(self, lang: str) -> dict[str, str | None]:
        """The check as the report shows it: detail and fix in `lang`."""
        fix = self.to_do.text(lang) if self.to_do else None
        return {
            "name": self.name,
            "status": self.status,
            "detail": self.said.text(lang),
            "fix": fix,
        }


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
            said=phrase("doctor.rule_base_invalid", first=first),
            to_do=phrase("doctor.fix_kb_check"),
        )
    return Check(
        name="rule base",
        status="ok",
        said=phrase(
            "doctor.rule_base_ok", as_of=str(rule_base.meta.as_of), hash=rule_base.corpus_hash
        ),
    )


def check_chroma(settings: Settings) -> Check:
    if not settings.chroma_host:
        said = phrase("doctor.chroma_embedded", path=str(settings.index_dir))
        return Check(name="chroma", status="ok", said=said)
    where = f"{settings.chroma_host}:{settings.chroma_port}"
    url = f"http://{where}/api/v2/heartbeat"
    try:
        httpx.get(url, timeout=_http_timeout(settings)).raise_for_status()
    except httpx.HTTPError as exc:
        return Check(
            name="chroma",
            status="fail",
            said=phrase("doctor.chroma_unreachable", where=where, error=_failure(exc)),
            to_do=phrase("doctor.fix_chroma", host=settings.chroma_host, port=settings.chroma_port),
        )
    return Check(name="chroma", status="ok", said=phrase("doctor.chroma_reachable", where=where))


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
            said=phrase("doctor.index_not_built", dir=str(settings.index_dir)),
            to_do=phrase("doctor.fix_index_build"),
        )
    summary = phrase(
        "doctor.index_summary",
        count=meta.document_count,
        hash=meta.corpus_hash,
        built=meta.chromadb_version,
        installed=chromadb.__version__,
    )
    try:
        rule_base = load_rule_base()
    except RuleBaseError:
        said = phrase("doctor.index_rule_base_invalid", summary=summary)
        return Check(name="index", status="warn", said=said)
    return _verdict(settings, rule_base, meta, summary, reachable=chroma_ok)


def _verdict(
    settings: Settings, rule_base: RuleBase, meta: IndexMeta, summary: Phrase, *, reachable: bool
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
            said=phrase("doctor.index_out_of_date", summary=summary, reason=_reason(reason)),
            to_do=phrase("doctor.fix_index_rebuild"),
        )
    if not reachable:
        said = phrase("doctor.index_server_away", summary=summary)
        return Check(name="index", status="warn", said=said)
    return Check(name="index", status="ok", said=phrase("doctor.index_up_to_date", summary=summary))


def _reason(english: str) -> Phrase | str:
    """The index's reason for being out of date, which it writes in English, as the label
    (`index_reason`) it was made from; text no label made stays as it is."""
    from knowledge.ui_labels import Phrase, reading, technical

    found = reading(english, "index_reason")
    if found is None or "error" not in found.values:
        return found or english
    detail = technical(str(found.values["error"]))  # the library's words, where a label says them
    return Phrase(key=found.key, values={**found.values, "error": detail})


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
        said = phrase("doctor.shared_rule_base_invalid", where=where)
        return Check(name="index", status="warn", said=said)
    name = shared_name(rule_base.corpus_hash)
    meta = shared_meta(client(settings, ""), name)
    if meta is None:
        return Check(
            name="index",
            status="warn",
            said=phrase("doctor.shared_not_built", where=where, name=name),
            to_do=phrase("doctor.fix_index_build"),
        )
    summary = phrase(
        "doctor.shared_summary",
        count=meta.document_count,
        name=name,
        where=where,
        built=meta.chromadb_version,
        installed=chromadb.__version__,
    )
    return _verdict(settings, rule_base, meta, summary, reachable=True)


def _failure(exc: BaseException) -> Phrase:
    """Why the server could not be asked, as a kind in the reader's words (the exception's own
    text is English)."""
    if isinstance(exc, httpx.TimeoutException):
        return phrase("doctor.failed_timeout")
    if isinstance(exc, httpx.HTTPStatusError):
        return phrase("doctor.failed_http", code=exc.response.status_code)
    if isinstance(exc, httpx.TransportError):
        return phrase("doctor.failed_connect")
    return phrase("doctor.failed_reply")


def check_ollama(settings: Settings) -> list[Check]:
    """Reachability, model pulled, tool support: three lines (later ones skipped when moot)."""
    import ollama

    url = settings.ollama_url
    if settings.offline:
        return [Check(name="ollama", status="ok", said=phrase("doctor.ollama_offline_set"))]
    model = settings.model
    try:
        response = httpx.get(f"{url}/api/version", timeout=_http_timeout(settings))
        response.raise_for_status()
        version = str(response.json().get("version", "?"))
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        return [
            Check(
                name="ollama",
                status="warn",
                said=phrase("doctor.ollama_down", url=url, error=_failure(exc)),
                to_do=phrase("doctor.fix_ollama_start"),
            )
        ]
    said = phrase("doctor.ollama_ok", version=version, url=url)
    checks = [Check(name="ollama", status="ok", said=said)]
    client = ollama.Client(host=url, timeout=_http_timeout(settings))
    try:
        shown = client.show(settings.model)
    except ollama.ResponseError as exc:
        pulled = exc.status_code != 404
        log.info("Ollama answered %s: %s", exc.status_code, exc.error)  # its words: English
        said = (
            phrase("doctor.model_error", model=model, code=exc.status_code)
            if pulled
            else phrase("doctor.model_not_pulled", model=model, url=url)
        )
        to_do = phrase("doctor.fix_model_pull", model=model)
        checks.append(Check(name="model", status="warn", said=said, to_do=to_do))
        return checks
    except (httpx.HTTPError, ValueError) as exc:
        checks.append(
            Check(
                name="model",
                status="warn",
                said=phrase("doctor.model_unknown", model=model, error=_failure(exc)),
                to_do=phrase("doctor.fix_ollama_log"),
            )
        )
        return checks
    checks.append(Check(name="model", status="ok", said=phrase("doctor.model_ok", model=model)))
    caps = shown.capabilities
    if caps is None:
        checks.append(
            Check(
                name="tools",
                status="warn",
                said=phrase("doctor.tools_unknown"),
                to_do=phrase("doctor.fix_ollama_upgrade"),
            )
        )
    elif "tools" in caps:
        checks.append(Check(name="tools", status="ok", said=phrase("doctor.tools_ok", model=model)))
    else:
        checks.append(
            Check(
                name="tools",
                status="warn",
                said=phrase("doctor.tools_none", model=model),
                to_do=phrase("doctor.fix_tool_model"),
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
