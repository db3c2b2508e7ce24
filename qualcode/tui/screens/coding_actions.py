"""The coding screen's changes to the study: applying a code, uncoding, memos, undo/redo.

Split from :mod:`.coding` so the screen module holds loading, the status line
and moving around, and this one what a key press changes in the project. Each
change goes through the Project (one transaction and one event) before the
transcript and the codebook counts show it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from qualcode.project.values import CodeInfo, CodingInfo, DocumentText
from qualcode.tui.screens.base import QualcodeScreen
from qualcode.tui.screens.dialogs import Choose, Confirm, MemoDialog
from qualcode.tui.screens.picker import CodePicker, Picked
from qualcode.tui.widgets.codebook_panel import CodebookPanel
from qualcode.tui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from qualcode.tui.code_counts import CodeCounts


class CodingActions(QualcodeScreen):
    """The coding actions of :class:`~.coding.CodingScreen`, its base class."""

    document: DocumentText | None
    #: The shown document's coding status (not-started, in-progress, coded, excluded).
    status: str
    codes: list[CodeInfo]
    counts: CodeCounts

    @property
    def transcript(self) -> Transcript:
        return self.query_one(Transcript)

    # -- what the screen does after a change (defined on CodingScreen) --------

    def _update_here(self) -> None:
        raise NotImplementedError

    def reload_codebook(self) -> None:
        raise NotImplementedError

    def recount_saturation(self) -> None:
        raise NotImplementedError

    def refresh_codings(self) -> None:
        raise NotImplementedError

    def reload_all(self) -> None:
        raise NotImplementedError

    # -- applying codes --------------------------------------------------------

    def _category(self) -> tuple[str, ...] | None:
        code = self.query_one(CodebookPanel).highlighted_code
        if code is None:
            return None
        return code.path if code.depth == 0 else code.path[:-1]

    def action_pick_code(self) -> None:
        if self.document is None:
            self.notify("Import a transcript first (p, then i).", severity="warning")
            return
        place = "bottom" if self.transcript.selection_in_upper_half() else "top"
        self.app.push_screen(CodePicker(self.codes, self._category(), place), self._picked)

    def _picked(self, picked: Picked | None) -> None:
        if picked is None:
            return
        if picked.code is not None:
            self.apply_code(picked.code)
            return
        name = picked.new_name
        assert name is not None
        parents = picked.new_parent or ()
        known = {c.path for c in self.codes}
        missing = [parents[:n] for n in range(1, len(parents) + 1) if parents[:n] not in known]
        if not missing:
            self._create_and_apply(parents, name)
            return
        listed = ", ".join(" > ".join(path) for path in missing)

        def answered(yes: bool | None) -> None:
            if yes:
                self._create_and_apply(parents, name, missing)

        self.app.push_screen(Confirm(f"Create the missing {listed} first?"), answered)

    def _create_and_apply(self, parents: tuple[str, ...], name: str,
                          missing: list[tuple[str, ...]] | None = None) -> None:
        """Create the missing parents (each its own change), the code, then apply it."""
        project = self.qualcode.project
        for path in missing or []:
            if self.qualcode.attempt(partial(project.add_code, " > ".join(path[:-1]) or None,
                                             path[-1])) is None:
                self.reload_codebook()
                return
        parent = " > ".join(parents) or None
        if self.qualcode.attempt(lambda: project.add_code(parent, name)) is None:
            self.reload_codebook()
            return
        self.reload_codebook()
        path = (*parents, name.strip())
        created = next((c for c in self.codes if c.path == path), None)
        if created is not None:
            self.apply_code(created)

    def action_apply_key(self, key: str) -> None:
        code = next((c for c in self.codes if c.key == key), None)
        if code is None:
            self.notify(f"no code has shortcut key {key}", severity="warning")
            return
        self.apply_code(code)

    def apply_code(self, code: CodeInfo) -> None:
        if self.document is None:
            return
        start, end = self.transcript.selection
        name = self.document.name
        coding = self.qualcode.attempt(
            lambda: self.qualcode.project.add_coding(name, code.id, start, end)
        )
        if coding is None:
            return
        self.transcript.set_codings([*self.transcript.codings, coding])
        self.counts.add(coding)
        if self.status == "not-started":
            self.status = "in-progress"  # the first coding did this in the same change
        self._update_here()
        self.call_after_refresh(self._show_counts)
        self.recount_saturation()

    def _show_counts(self) -> None:
        """Counts follow the repainted text by a frame: the text is what the coder watches."""
        self.query_one(CodebookPanel).show(self.codes, self.counts.as_mapping(self.codes))

    def _coding_under_cursor(self, verb: str, then: Callable[[CodingInfo], None]) -> None:
        codings = self.transcript.codings_at_selection()
        if not codings:
            self.notify("no coding here", severity="warning")
            return
        if len(codings) == 1:
            then(codings[0])
            return
        labels = [f"{' > '.join(c.code_path)}  ({c.coder}) “{c.text[:40]}”" for c in codings]

        def chosen(index: int | None) -> None:
            if index is not None:
                then(codings[index])

        self.app.push_screen(Choose(f"Which coding to {verb}?", labels), chosen)

    def action_remove_coding(self) -> None:
        def remove(coding: CodingInfo) -> None:
            me = self.qualcode.project.coder
            if coding.coder != me:
                def answered(yes: bool | None) -> None:
                    if yes:
                        really_remove(coding)

                self.app.push_screen(Confirm(
                    f"This coding of {' > '.join(coding.code_path)} is {coding.coder}'s, "
                    f"not yours ({me}). Remove {coding.coder}'s coding?"), answered)
                return
            really_remove(coding)

        def really_remove(coding: CodingInfo) -> None:
            if self.qualcode.attempt(lambda: self.qualcode.project.remove_coding(coding.id)) \
                    is not None:
                self.counts.remove(coding)
                self.transcript.set_codings([c for c in self.transcript.codings
                                             if c.id != coding.id])
                self.query_one(CodebookPanel).show(self.codes, self.counts.as_mapping(self.codes))
                self._update_here()
                self.recount_saturation()

        self._coding_under_cursor("remove", remove)

    def action_memo(self) -> None:
        def ask(coding: CodingInfo) -> None:
            def save(text: str | None) -> None:
                if text is None or text.strip() == coding.memo.strip():
                    return
                if self.qualcode.attempt(
                    lambda: self.qualcode.project.set_memo("coding", coding.id, text)
                ) is not None:
                    self.refresh_codings()

            self.app.push_screen(
                MemoDialog(f"Memo on this coding of {coding.code_path[-1]}:", coding.memo), save)

        self._coding_under_cursor("write a memo on", ask)

    def after_history_step(self) -> None:
        if self.document is not None:
            self.status = next((d.status for d in self.qualcode.project.documents()
                                if d.name == self.document.name), self.status)
        self.reload_all()
