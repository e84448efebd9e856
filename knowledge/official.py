"""The official checklists as data: the 7C worksheet sheets and rows, role items, 7A, AISI.

Official reference ids (`ChecklistAction.official_refs`), one syntax for every list:

  common:<code>           a row of sheet 共通の指針 (Part 2 C), e.g. "common:2)①", "common:9)"
  gov:<code>              a row of sheet ガバナンス (an appendix 2A action target), e.g. "gov:3-4-2"
  dev:<stage>:<code>      a row of sheet AI開発者; stage data | build | after | other
  prov:<stage>:<code>     a row of sheet AI提供者; stage impl | after | other
  user:<stage>:<code>     a row of sheet AI利用者; stage use | other
  HCOC-<①..⑫>            a Hiroshima item (checklist 7B, and the row of the Hiroshima sheet)
  D-2) i. / P-4) ii. / U-7) i.   a role item of Parts 3-5 (resolves to its role-sheet rows)
  7A-<1..9>               a question of checklist 7A (for all actors)
  AISI-<1..10>            an AISI evaluation perspective

Role-sheet codes repeat across lifecycle stages, hence the stage in the id.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, Problem, RuleBaseError, validate_entries
from knowledge.schema import ChecklistAction, Citation, Condition, Id

OFFICIAL_DIR = DATA_DIR / "official"
BUSINESS_ROLES: tuple[str, ...] = ("developer", "provider", "business_user")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sheet(_Strict):
    """One sheet of the official worksheet (appendix 7C)."""

    id: Id
    name: str = Field(max_length=31, description="Sheet tab name (spreadsheet limit: 31).")
    title_ja: str
    title_en: str
    role: Id | None = Field(default=None, description="The role whose sheet this is.")
    advanced_only: bool = False
    citation: Citation


class Row(_Strict):
    """One row of a worksheet sheet; `id` is its official reference id."""

    id: str
    stage: str | None = None
    group_ja: str
    group_en: str
    code: str
    name_ja: str
    name_en: str
    location: str = Field(description="Where the item sits in the guideline (official column).")
    roles: list[Id] = Field(default_factory=lambda: list(BUSINESS_ROLES))
    na_reason: str | None = Field(
        default=None, description="Why the row does not apply to a role not in `roles`."
    )
    related: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reason_when_limited(self) -> Row:
        if set(self.roles) != set(BUSINESS_ROLES) and not self.na_reason:
            raise ValueError("a row limited to some roles needs na_reason")
        return self

    @property
    def sheet_id(self) -> str:
        return self.id.split(":", 1)[0] if ":" in self.id else "hiroshima"

    @property
    def item(self) -> str:
        return f"{self.name_ja}\n({self.name_en})"


class RoleItem(_Strict):
    """A role item of Parts 3-5 (D-/P-/U-) and the worksheet rows it is worked on."""

    id: str
    role: Id
    name_ja: str
    name_en: str
    rows: list[str] = Field(min_length=1)
    location: str


class Question7A(_Strict):
    id: str = Field(pattern=r"^7A-[1-9]$")
    gloss: str
    gloss_ja: str = Field(description="The gloss in Japanese (Shirube's words, not the official).")
    principles: list[str]


class Perspective(_Strict):
    id: str = Field(pattern=r"^AISI-(10|[1-9])$")
    name_ja: str
    name_en: str


class Relation(_Strict):
    """A note for the 'relations with other actors' column, when the profile implies one."""

    id: Id
    roles_all: list[Id] = Field(default_factory=list, description="Every one of these is held.")
    roles_none: list[Id] = Field(default_factory=list, description="None of these is held.")
    when: Condition | None = Field(default=None, description="A core.conditions condition.")
    rows: list[str] = Field(min_length=1)
    text: str


class Official(BaseModel):
    """Everything in knowledge/data/official/, indexed by id."""

    model_config = ConfigDict(frozen=True)

    sheets: dict[str, Sheet]
    rows: dict[str, Row]
    role_items: dict[str, RoleItem]
    questions_7a: dict[str, Question7A]
    perspectives: dict[str, Perspective]
    relations: list[Relation]

    def sheet_rows(self, sheet_id: str) -> list[Row]:
        """The rows of one sheet in the official order."""
        return [row for row in self.rows.values() if row.sheet_id == sheet_id]

    def ref_exists(self, ref: str) -> bool:
        return any(
            ref in table
            for table in (self.rows, self.role_items, self.questions_7a, self.perspectives)
        )

    def rows_for_ref(self, ref: str) -> list[str]:
        """The worksheet rows a ref stands for (a row itself, or a role item's rows)."""
        if ref in self.rows:
            return [ref]
        if ref in self.role_items:
            return list(self.role_items[ref].rows)
        return []

    def label(self, ref: str, lang: str = "en") -> str:
        """A short human label for any ref id, in `lang` (ui_labels `official`)."""
        from knowledge.ui_labels import ui_text

        ja = lang == "ja"
        if ref in self.rows:
            row = self.rows[ref]
            if row.sheet_id == "hiroshima":  # the official item names are whole sentences
                name = row.name_ja if ja else row.name_en
                return ui_text("official.hiroshima", lang, code=row.code, name=name)
            return f"{self.sheets[row.sheet_id].name} {row.code} {row.name_ja}"
        if ref in self.role_items:
            return ui_text("official.role_item", lang, name=self.role_items[ref].name_ja)
        if ref in self.questions_7a:
            question = self.questions_7a[ref]
            gloss = question.gloss_ja if ja else question.gloss
            return ui_text("official.checklist_7a", lang, gloss=gloss)
        if ref in self.perspectives:
            return ui_text("official.aisi", lang, name=self.perspectives[ref].name_ja)
        return ref


ROW_FILES = ("common", "gov", "dev", "prov", "user", "hiroshima")


def _collect(path: Path, model: type[BaseModel], problems: list[Problem]) -> list:
    if not path.exists():
        problems.append(Problem(str(path.relative_to(DATA_DIR.parent.parent)), "-", "", "missing"))
        return []
    entries, found = validate_entries(path, model)
    problems.extend(found)
    return entries


def _index(file: str, entries: list, problems: list[Problem]) -> dict:
    out: dict = {}
    for entry in entries:
        if entry.id in out:
            problems.append(Problem(file, entry.id, "id", "duplicate id"))
        out[entry.id] = entry
    return out


def validate_official(data_dir: Path = OFFICIAL_DIR) -> tuple[Official | None, list[Problem]]:
    """Load the official data and return it with every problem found (cross-references too)."""
    problems: list[Problem] = []
    file = "knowledge/data/official"
    sheets = _index(file, _collect(data_dir / "sheets.yaml", Sheet, problems), problems)
    rows: list[Row] = []
    for name in ROW_FILES:
        found = _collect(data_dir / f"rows_{name}.yaml", Row, problems)
        problems += [
            Problem(f"{file}/rows_{name}.yaml", row.id, "id", f"must belong to sheet '{name}'")
            for row in found
            if row.sheet_id != name
        ]
        rows += found
    official = Official(
        sheets=sheets,
        rows=_index(file, rows, problems),
        role_items=_index(
            file, _collect(data_dir / "role_items.yaml", RoleItem, problems), problems
        ),
        questions_7a=_index(
            file, _collect(data_dir / "checklist_7a.yaml", Question7A, problems), problems
        ),
        perspectives=_index(
            file, _collect(data_dir / "aisi_perspectives.yaml", Perspective, problems), problems
        ),
        relations=_collect(data_dir / "relations.yaml", Relation, problems),
    )
    for item in official.role_items.values():
        problems += [
            Problem(f"{file}/role_items.yaml", item.id, "rows", f"unknown row '{ref}'")
            for ref in item.rows
            if ref not in official.rows
        ]
    for rel in official.relations:
        problems += [
            Problem(f"{file}/relations.yaml", rel.id, "rows", f"unknown row '{ref}'")
            for ref in rel.rows
            if ref not in official.rows
        ]
    return (None if problems else official), problems


@derived
def load_official() -> Official:
    """The packaged official checklists, validated once per process."""
    official, problems = validate_official()
    if official is None:
        raise RuleBaseError(problems)
    return official


def coverage_map(actions: Iterable[ChecklistAction], official: Official) -> dict[str, list[str]]:
    """Row ref -> ids of the actions that cover it, in action order."""
    covered: dict[str, list[str]] = {}
    others: dict[str, list[str]] = {}
    for row in official.rows.values():
        if row.stage == "other":
            others.setdefault(f"common:{row.code}", []).append(row.id)
    for action in actions:
        rows: list[str] = []
        for ref in action.official_refs:
            rows += official.rows_for_ref(ref) + others.get(ref, [])
        for row_id in dict.fromkeys(rows):
            covered.setdefault(row_id, []).append(action.id)
    return covered
