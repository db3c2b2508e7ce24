"""Widget styles kept in ``.tcss`` files beside their modules.

Textual reads ``CSS_PATH`` only for apps and screens; a widget's styles must
be its ``DEFAULT_CSS`` (default rules, which an app or screen can override).
:func:`tcss_beside` lets a widget keep those rules in a ``.tcss`` file next
to its module all the same, read once when the module is imported.
"""

from __future__ import annotations

from pathlib import Path


def tcss_beside(module_file: str, name: str) -> str:
    """The text of the stylesheet ``name`` in the folder of ``module_file``."""
    return Path(module_file).with_name(name).read_text(encoding="utf-8")
