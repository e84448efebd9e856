"""The footer at any width: compact and without the palette hint in narrow terminals, and the
app-wide keys left out (last first) when the screen's own keys would otherwise be cut.

Japanese key names take two columns a character, so at 80 columns the full list never fits;
the keys left out are all in F1's help and the command palette.
"""

from __future__ import annotations

import dataclasses

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.binding import ActiveBinding
from textual.widgets import Footer

WIDE = 100  # the app's "-wide" breakpoint (ShirubeApp.HORIZONTAL_BREAKPOINTS)


class AppFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < WIDE
        if self.compact != narrow or self.show_command_palette == narrow:
            self.compact = narrow
            self.show_command_palette = not narrow
            self.call_after_refresh(self.recompose)


PALETTE = 6  # the palette hint docked on the right of a wide footer, less its name ("▏^p  ")


def _width(app: App[object], shown: list[ActiveBinding], gap: int) -> int:
    """Columns the footer's keys take: key, a space, the description, then `gap` spaces."""
    actions: dict[str, int] = {}
    for active in shown:
        binding = active.binding
        text = f"{app.get_key_display(binding)} {binding.description}"
        actions.setdefault(binding.action, cell_len(text) + gap)
    return sum(actions.values())


def fit(
    bindings: dict[str, ActiveBinding], app: App[object], width: int
) -> dict[str, ActiveBinding]:
    """`bindings` with app-wide keys hidden, last first, until the footer fits `width`."""
    narrow = width < WIDE
    fitted = dict(bindings)
    palette = app.COMMAND_PALETTE_BINDING
    hint = fitted.get(palette)  # named in the app's language: 'palette', 'コマンド'
    named = cell_len(hint.binding.description) if hint else 0
    gap, room = (1, width - 2) if narrow else (2, width - 2 - PALETTE - named)
    shown = [k for k, active in fitted.items() if active.binding.show and k != palette]
    app_keys = [key for key in shown if isinstance(fitted[key].node, App)]
    while app_keys and _width(app, [fitted[k] for k in shown], gap) > room:
        key = app_keys.pop()
        active = fitted[key]
        fitted[key] = active._replace(binding=dataclasses.replace(active.binding, show=False))
        shown.remove(key)
    return fitted
