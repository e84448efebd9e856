"""Turn off third-party telemetry for the whole process, before those libraries load.

onnxruntime's official Linux wheels (1.29+) upload a usage event to
mobile.events.data.microsoft.com about ten seconds after the first session opens; only
ORT_DISABLE_TELEMETRY, read when its environment is created, stops it (its
`disable_telemetry_events()` comes too late for that first event). Shirube promises that
offline use sends nothing anywhere, so every opt-out is forced, not left to the user's shell.
"""

from __future__ import annotations

import os

OPT_OUTS = {
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime (the embedding model)
    "ANONYMIZED_TELEMETRY": "False",  # chromadb (also off in its client settings)
    "HF_HUB_OFFLINE": "1",  # tokenizers/huggingface_hub: the model ships in a package
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",  # the cross-tool convention
    # pydantic plugins (logfire is one) see every validation; none is wanted, and not looking
    # for them skips a scan of every installed package's entry points at the first model.
    "PYDANTIC_DISABLE_PLUGINS": "__all__",
}


def turn_off_telemetry() -> None:
    """Set every opt-out in os.environ; call before onnxruntime, chromadb or tokenizers load."""
    os.environ.update(OPT_OUTS)
