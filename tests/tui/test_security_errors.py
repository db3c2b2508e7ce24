"""The TUI shows a database error as the CLI's one line, never as a traceback (issue 10)."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import asynctest, codings_of


@asynctest
async def test_coding_in_a_read_only_project_is_a_one_line_notification(study, monkeypatch):
    """SQLite's own read-only refusal (``query_only`` stands in for a read-only file)."""
    import qualcode.store as store

    original = store._sqlite_pragmas

    def read_only(connection: object, record: object) -> None:
        original(connection, record)
        connection.execute("PRAGMA query_only=1")  # type: ignore[attr-defined]

    before = codings_of(study)
    monkeypatch.setattr(store, "_sqlite_pragmas", read_only)
    app = make_app(study, coder="Jan")
    shown: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        monkeypatch.setattr(app, "show_error", lambda error: shown.append(str(error)))
        await pilot.press("c", *"Variatie")
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
    assert shown and "read-only" in shown[0] and "\n" not in shown[0]
    assert codings_of(study) == before


@asynctest
async def test_an_error_message_with_a_line_break_or_escape_stays_one_line(study):
    from qualcode.errors import QualcodeError
    from tests.tui.conftest import Notifications

    app, seen = make_app(study), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        app.show_error(QualcodeError("code 'Coping\nnew\x1b[31m': not in the codebook"))
        await pilot.pause()
    (shown,) = seen.messages("error")
    assert "\n" not in shown and "\x1b" not in shown and "not in the codebook" in shown
