"""Property-based fuzzing of the CLI's inputs: whatever a user or a file throws at `shirube`.

The property for every input: exit 0, 1 or 2; never a traceback; never a control character
on stdout or stderr (so no escape sequence from the input is echoed to the terminal).
Runs in-process (a subprocess costs ~1 s); examples are derandomized so `make test` is
repeatable and bounded. Set SHIRUBE_FUZZ_EXAMPLES for a longer run.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.profile import UseCaseProfile
from tests.faults.cli_runner import CliResult, run_cli

EXAMPLES = int(os.environ.get("SHIRUBE_FUZZ_EXAMPLES", "0"))
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# What attackers and careless users actually type: markup, escape sequences, NUL, paths.
NASTY = [
    "[/]",
    "[bold]",
    "[/bold]",
    "[link=javascript:alert(1)]x[/link]",
    "Acme [beta]",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x1b[8mhidden\x1b[0m",
    "\x9b31m",
    "\x07",
    "\x00",
    "\r",
    "\\",
    "# APPI does not apply",
    "<script>alert(1)</script>",
    "%s%n{0}",
    "../../etc/passwd",
    "日本語の質問",
    "\u202eevil",
    "A" * 5000,
    "",
    " ",
    "-h",
    "--",
]


def _fuzz(examples: int) -> settings:
    return settings(
        max_examples=EXAMPLES or examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@st.composite
def hostile(draw: st.DrawFn, *, nul: bool = True) -> str:
    """Nasty fragments joined with arbitrary unicode (surrogates excluded: no file holds them)."""
    chars = st.characters(exclude_categories=("Cs",), exclude_characters="" if nul else "\x00")
    nasty = [n for n in NASTY if nul or "\x00" not in n]
    parts = draw(
        st.lists(st.one_of(st.sampled_from(nasty), st.text(chars, max_size=12)), max_size=4)
    )
    return "".join(parts)


def check(result: CliResult) -> None:
    """The property every run must hold."""
    shown = result.out + result.err
    assert result.code in (0, 1, 2), (result.code, shown[-2000:])
    assert "Traceback" not in shown, shown[-2000:]
    found = sorted(set(CONTROL.findall(shown.replace("\n", "").replace("\t", ""))))
    assert not found, f"control characters {found!r} echoed: {shown[-500:]!r}"


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Cwd, stdin and data dir of the fuzzed runs: nothing escapes tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SHIRUBE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    yield tmp_path


def _safe_name(text: str) -> str:
    # A file name inside the sandbox: no separators, so it cannot point outside tmp_path.
    name = text.replace("/", "_")[:200]
    return name if name not in ("", ".", "..") else "x"


_FIELDS = list(UseCaseProfile.model_fields)
_VALUES = st.one_of(
    hostile(),
    st.booleans(),
    st.integers(),
    st.none(),
    st.lists(hostile(), max_size=3),
    st.dictionaries(hostile(), hostile(), max_size=2),
)


@_fuzz(30)
@given(
    data=st.dictionaries(st.one_of(st.sampled_from(_FIELDS), hostile()), _VALUES, max_size=6),
    fmt=st.sampled_from(["text", "markdown", "json"]),
    as_json=st.booleans(),
)
def test_fuzzed_profiles(
    sandbox: Path, data: dict[object, object], fmt: str, as_json: bool
) -> None:
    path = sandbox / ("profile.json" if as_json else "profile.yaml")
    try:
        text = json.dumps(data) if as_json else yaml.safe_dump(data, allow_unicode=True)
    except (TypeError, ValueError):
        return
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check(run_cli("assess", str(path), "--format", fmt))


@_fuzz(20)
@given(content=st.one_of(hostile(), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_fuzzed_profile_and_answers_file_contents(sandbox: Path, content: str) -> None:
    for name, args in (("p.yaml", ("assess",)), ("a.yaml", ("interview", "--answers"))):
        path = sandbox / name
        path.write_bytes(content.encode("utf-8", errors="surrogateescape"))
        check(run_cli(*args, str(path)))


@_fuzz(20)
@given(
    answers=st.dictionaries(
        st.one_of(st.sampled_from(["name", "description", "organisation", "sectors"]), hostile()),
        _VALUES,
        max_size=4,
    )
)
def test_fuzzed_answers_files(sandbox: Path, answers: dict[object, object]) -> None:
    path = sandbox / "answers.json"
    try:
        path.write_text(json.dumps(answers), encoding="utf-8")
    except (TypeError, ValueError):
        return
    check(run_cli("interview", "--answers", str(path), "-o", str(sandbox / "plan.md")))


@_fuzz(25)
@given(question=hostile(), fmt=st.sampled_from(["text", "markdown", "json"]))
def test_fuzzed_questions(index_home: Path, question: str, fmt: str) -> None:
    check(run_cli("ask", "--offline", "--format", fmt, question))


@_fuzz(35)
@given(value=hostile(), which=st.integers(min_value=0, max_value=6))
def test_fuzzed_option_values_and_session_ids(
    sandbox: Path, index_home: Path, monkeypatch: pytest.MonkeyPatch, value: str, which: int
) -> None:
    profile = sandbox / "profile.json"
    profile.write_text(json.dumps({"name": "Fuzz", "organisation": "company"}), encoding="utf-8")
    target = str(sandbox / _safe_name(value))
    runs = [
        ("assess", str(profile), "--format", value),
        ("assess", str(profile), "-o", target),
        ("assess", target),
        ("sessions", "show", value),
        ("interview", "--resume", value, "--offline"),
        ("interview", "--offline", "--format", value),
        ("chat", "--offline", "--thread", value),
    ]
    with monkeypatch.context() as env:
        if runs[which][0] == "chat":
            env.setenv("SHIRUBE_HOME", str(index_home))  # chat needs the index: reuse the built one
        check(run_cli(*runs[which]))


@_fuzz(20)
@given(
    name=st.sampled_from(
        ["SHIRUBE_MODEL", "OLLAMA_HOST", "SHIRUBE_READ_TIMEOUT", "SHIRUBE_CONNECT_TIMEOUT"]
    ),
    value=hostile(nul=False),
)
def test_fuzzed_environment_values(
    index_home: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    # Offline commands only: a fuzzed OLLAMA_HOST must never be contacted.
    with monkeypatch.context() as env:
        env.setenv(name, value)
        check(run_cli("ask", "--offline", "Is the AI Promotion Act binding?"))
        check(run_cli("sessions", "list"))
