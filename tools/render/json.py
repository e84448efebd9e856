"""JSON: the Assessment model dumped as is (the stable, documented output)."""

from __future__ import annotations

import json

from tools.assess import Assessment
from tools.terminal_text import json_text


def render_json(assessment: Assessment) -> str:
    dumped = json.dumps(assessment.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return json_text(dumped) + "\n"
