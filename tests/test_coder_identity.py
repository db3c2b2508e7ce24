"""Who is coding: --coder, then QUALCODE_CODER, then the name chosen for the account."""

from __future__ import annotations

import json

import pytest

from qualcode.cli import build_parser
from qualcode.identity import account_name, resolve_coder, save_coder
from tests.tui.conftest import make_study

CHANGING = ["init", "import", "participants", "codebook", "code", "order", "role", "uncode",
            "undo", "redo", "merge", "import-refi", "search", "pseudonymise"]


def coder_of_last_coding(cli, study) -> str:
    (coding,) = json.loads(cli("codings", study, "--code", "Variatie", "--json").out)
    return coding["coder"]


@pytest.fixture
def study(tmp_path):
    return make_study(tmp_path / "study.qualcode")


def code(cli, study, *extra):  # type: ignore[no-untyped-def]
    result = cli("code", study, "--doc", "HA02", "--code", "Variatie", "--span", "0:9", *extra)
    assert result.code == 0, result.err
    return coder_of_last_coding(cli, study)


def test_without_any_choice_the_account_name_codes(cli, study):
    assert resolve_coder().source == "account name"
    assert code(cli, study) == account_name()


def test_the_name_chosen_for_the_account_is_used_not_a_project_setting(cli, study):
    save_coder("Noor")
    assert code(cli, study) == "Noor"


def test_qualcode_coder_overrides_the_chosen_name(cli, study, monkeypatch):
    save_coder("Noor")
    monkeypatch.setenv("QUALCODE_CODER", "Bram")
    assert code(cli, study) == "Bram"


def test_coder_on_the_command_line_overrides_everything(cli, study, monkeypatch):
    save_coder("Noor")
    monkeypatch.setenv("QUALCODE_CODER", "Bram")
    assert code(cli, study, "--coder", "Sara") == "Sara"
    history = json.loads(cli("history", study, "--json").out)
    assert history[0]["coder"] == "Sara"


def test_the_config_lives_in_qualcode_config_dir(user_config):
    save_coder("  Noor   de   Smet ")
    saved = json.loads((user_config / "config.json").read_text(encoding="utf-8"))
    assert saved == {"coder": "Noor de Smet"}


@pytest.mark.parametrize("command", CHANGING)
def test_every_command_that_changes_a_project_accepts_coder(command):
    choices = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    options = {s for action in choices[command]._actions for s in action.option_strings}
    assert "--coder" in options
