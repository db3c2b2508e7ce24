"""Start-up tuning of the garbage collector applies only when qualcode is the process."""

from __future__ import annotations

import gc

from qualcode.cli import startup


def test_calling_main_from_python_leaves_the_garbage_collector_alone(cli, tmp_path):
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert cli("init", tmp_path / "study.qualcode").code == 0
    assert cli("documents", tmp_path / "study.qualcode").code == 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == (thresholds, frozen)


def test_after_the_imports_the_normal_thresholds_are_back(monkeypatch):
    thresholds = gc.get_threshold()
    monkeypatch.setattr(gc, "freeze", lambda: None)  # keep this test process's garbage collectable
    try:
        startup.begin()
        assert gc.get_threshold()[0] > thresholds[0]
        startup.imports_done()
        assert gc.get_threshold() == thresholds
    finally:
        gc.set_threshold(*thresholds)
