"""Progress read back from an export in either language, put in the saved plan's own terms.

A Japanese export names actions by their Japanese titles and shows the suggested owners in
Japanese; the saved plan compares with its English wording. Each action read is keyed by its id,
and an owner that is the plan's own suggestion in the export's language becomes that suggestion
in the plan's language, so it is not taken for a change.
"""

from __future__ import annotations

from knowledge.schema import LANGS
from tools.assess import Assessment, in_language
from tools.checklist import ChecklistItem
from tools.progress_io import ReadProgress


def in_plan_terms(read: dict[str, ReadProgress], plan: Assessment) -> dict[str, ReadProgress]:
    """`read` keyed by action id where a title in any language names the action."""
    own = {item.id: item for item in plan.checklist}
    worded: list[tuple[dict[str, ChecklistItem], Assessment]] = []
    for lang in LANGS:
        shown = in_language(plan, lang)
        worded.append(({item.title: item for item in shown.checklist}, shown))
    out: dict[str, ReadProgress] = {}
    for key, given in read.items():
        if key in own:
            out[key] = given
            continue
        for titles, _ in worded:
            item = titles.get(key)
            if item is None:
                continue
            owner = own[item.id].owner if given.owner == item.owner else given.owner
            out[item.id] = given.model_copy(update={"owner": owner})
            break
        else:
            out[key] = given  # unknown: the plan service names it in its error
    return out
