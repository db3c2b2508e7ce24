"""Removing a coding, writing a memo on it, and refusals shown with the CLI's message."""

from __future__ import annotations

from qualcode.tui.app import make_app
from tests.tui.conftest import Notifications, asynctest, codings_of, sentences_of


def _select(app, study, start_text: str) -> None:
    text = app.coding.document.text
    start = text.index(start_text)
    app.coding.transcript.select(start, start + 5)


@asynctest
async def test_x_removes_the_coding_under_the_cursor(study):
    app = make_app(study, coder="Lotte")  # her own coding: no question asked
    async with app.run_test(size=(120, 36)) as pilot:
        _select(app, study, "Wij zijn laagdrempelig")
        await pilot.press("x")
        await pilot.pause()
    assert codings_of(study, code="Laagdrempeligheid") == []
    assert len(codings_of(study)) == 2


@asynctest
async def test_m_writes_a_memo_of_several_lines_on_the_coding(study):
    app = make_app(study, coder="Jan")
    async with app.run_test(size=(120, 36)) as pilot:
        _select(app, study, "Maar het kost")
        await pilot.press("m", *"tijdsdruk", "enter", *"en uitlopen", "ctrl+s")
        await pilot.pause()
    (coding,) = codings_of(study, document="HA01", code="Objectieve belasting")
    assert coding.memo == "tijdsdruk\nen uitlopen"


@asynctest
async def test_a_key_without_a_code_is_reported_and_nothing_is_coded(study):
    app, seen = make_app(study, coder="Jan"), Notifications()
    async with app.run_test(size=(120, 36), message_hook=seen.hook) as pilot:
        await pilot.press("7")
        await pilot.pause()
        messages = seen.messages()
    assert "no code has shortcut key 7" in messages
    assert len(codings_of(study)) == 3


@asynctest
async def test_the_coding_records_the_coder_given_on_the_command_line(study):
    first = sentences_of(study, "HA01")[0]
    app = make_app(study, coder="Prof. Claes")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Prof. Claes" in app.sub_title
    made = [c for c in codings_of(study, code="Laagdrempeligheid") if c.start == first[0]]
    assert [c.coder for c in made] == ["Prof. Claes"]
