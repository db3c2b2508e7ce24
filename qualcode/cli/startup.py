"""The garbage collector during start-up: a tenth of a second of every command.

A command imports SQLAlchemy (and Textual, xlsxwriter, ...): hundreds of
thousands of objects that live until the process ends. With the default
thresholds the collector walks them again and again while they are being
imported, and once more at exit. So when qualcode *is* the process (the
``qualcode`` script, ``python -m qualcode``), it starts with a high
threshold, and once the heavy imports are done :func:`imports_done` moves
everything that exists into the permanent generation (``gc.freeze``) and
restores the normal thresholds for the command's own work. Measured with
bench/bench_coldstart.py: about 0.1-0.2 s of CPU per command.

``main(argv)`` called from other Python code (the tests) leaves the
collector alone: freezing there would keep that program's garbage forever.
"""

from __future__ import annotations

import gc

_NORMAL = gc.get_threshold()
_active = False


def begin() -> None:
    global _active
    _active = True
    gc.set_threshold(100_000, 50, 50)


def imports_done() -> None:
    global _active
    if _active:
        _active = False
        gc.freeze()
        gc.set_threshold(*_NORMAL)
