# ruff: noqa
"""Names vulture cannot see used (`make test` runs vulture with this file; see [tool.vulture]).

Framework entry points (Textual handlers, Typer commands, pytest hooks) are ignored by pattern in
pyproject.toml; what is listed here is read by something vulture cannot follow. Anything else it
reports is dead: remove it rather than list it.
"""

# Enum members and pydantic fields that YAML, JSON or a checkpoint fill and read by name.
builds_models, uses_in_operations, generative_ai, outside_japan  # UseCaseProfile (questions.yaml)
solo, startup, sme, public_body  # team sizes (plan_rules.yaml)
cabinet_decision, soft_law_guideline, government_internal_guideline, regulator_alert  # kinds
official_interpretation, international_code, technical_guide
art13_element, operating_idea, aigfb_common_principle, act_basic_idea  # principle kinds
basic_plan_principle, basic_plan_direction
govern, build, deploy, operate, compare  # phases, facets
heading_ja  # schema field read from YAML
part_heading  # phrasebook.yaml templates
read_by  # Query, shown by `ask --explain`
baseline_triggers  # chat_intents.yaml, checked by knowledge/check_refs.py
auto  # AnswerLang.auto, a --lang choice
revisit, plan_format, prefilled_from  # interview state (checkpointed)
out_of_scope_message_ja, injection_message_ja, injection_ignored_notice_ja  # scope.yaml, by name
use_model  # QA state keys (LangGraph reads TypedDict keys)
built_at  # index meta, written to JSON
owner_kind  # checklist item field, in JSON output
asked_extra  # interview scenarios (test data)
ARGS  # tests/live shim arguments
_.is_setup  # doctor_storage: set for the report

# Library protocols: called by the library, never by our code.
_.writable  # io.TextIOBase (stdout guard)
_.bind_tools  # LangChain chat models (tests/fakes.py)
_.intra_op_num_threads, _.inter_op_num_threads  # onnxruntime SessionOptions
_.graph_optimization_level, _.log_severity_level
_.model_id, _.default_space, _.supported_spaces  # chromadb EmbeddingFunction
_.border, _.orientation, _.fitToWidth, _.fitToPage  # openpyxl cell and page setup
_.short_help  # click commands: cleared so typer shows the Japanese help (agent/cli/help_lang.py)
secondary_source  # WatchItem field, read by name (text_in in agent/cli/sources.py)
_.search_themes  # textual App: the palette's theme command calls it (tui/app.py)
_._start_no_matches_countdown, _._list_visible, _._no_matches_timer  # textual CommandPalette
_make_rich_text  # typer.rich_utils, replaced while Japanese help prints (agent/cli/help_lang.py)
