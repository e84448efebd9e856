"""The language the CLI writes an error in: the command's --lang, else SHIRUBE_LANG, else the
command line's own words (a Japanese question: Japanese), else English.

A LabelledError is written from its label in that language; another UsageError whose English
text one of ui_labels' `errors` made (raised where no label is passed) is read back through it.
"""

from __future__ import annotations

import os

from core.errors import UsageError


def error_lang(argv: list[str]) -> str:
    """'ja' when the command line asks for Japanese (--lang ja), SHIRUBE_LANG=ja does, or,
    neither setting English, an argument is written in Japanese (`ask --bogus "AI推進法とは？"`)."""
    given = None
    for number, arg in enumerate(argv):
        if arg == "--lang" and number + 1 < len(argv):
            given = argv[number + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
    # Not get_settings(): the error being written may be a bad setting. A --lang that names no
    # language (auto, or the mistyped value the error is about) leaves it to SHIRUBE_LANG.
    if given is not None and given.strip().lower() in ("en", "ja"):
        return given.strip().lower()
    setting = os.environ.get("SHIRUBE_LANG", "").strip().lower()
    if setting in ("en", "ja"):
        return setting
    # Kana or kanji in an argument: a Japanese reader typed it (as agent.answer.lang reads a
    # question); the ideographic space counts too: a question of only that was typed on a
    # Japanese keyboard. (Imported here: `sessions list` starts without its patterns.)
    from knowledge.index.japanese import JAPANESE

    return "ja" if any(JAPANESE.search(arg) or "\u3000" in arg for arg in argv) else "en"


def error_words(exc: UsageError, argv: list[str]) -> tuple[str, str]:
    """('Error:', the message) in the command's language."""
    from knowledge.ui_labels import error_in, ui_text

    lang = error_lang(argv)
    return ui_text("cli.error", lang), error_in(exc, lang)
