"""Loading codebook files from disk: format by suffix, encoding, missing files."""

from pathlib import Path

import pytest

from qualcode.codebook import load_codebook
from qualcode.codebook_files import read_codebook
from qualcode.errors import CodebookError

MINIMAL = "name: Small\ncodes:\n  - name: Belasting\n    key: '1'\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["codes.yaml", "codes.yml", "CODES.YAML"])
def test_yaml_codebooks_load_by_suffix(tmp_path, name):
    spec = load_codebook(write(tmp_path, name, MINIMAL))
    assert spec.name == "Small"
    assert spec.codes[0].name == "Belasting"
    assert spec.source == str(tmp_path / name)


def test_byte_order_mark_is_accepted(tmp_path):
    spec = load_codebook(write(tmp_path, "bom.yaml", "\ufeff" + MINIMAL))
    assert spec.name == "Small"


def test_unknown_suffix_is_refused_naming_the_formats(tmp_path):
    path = write(tmp_path, "codes.json", "{}")
    with pytest.raises(CodebookError) as caught:
        read_codebook(path)
    assert str(caught.value).startswith(str(path))
    assert "'.json'" in str(caught.value) and ".yaml" in str(caught.value)
    assert ".qdc" in str(caught.value)


def test_a_qdc_codebook_without_codes_is_refused_naming_the_file(tmp_path):
    path = write(tmp_path, "codes.qdc", "<CodeBook/>")
    with pytest.raises(CodebookError, match=r"codes\.qdc: does not follow the REFI-QDA"):
        read_codebook(path)


def test_file_that_is_not_utf8_is_refused_naming_file_and_line(tmp_path):
    path = write(tmp_path, "latin1.yaml", "codes:\n  - name: Patiëntgebonden\n".encode("latin-1"))
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    assert str(caught.value).startswith(f"{path}:2: not UTF-8")


def test_missing_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(CodebookError, match="no such file") as caught:
        load_codebook(path)
    assert str(path) in str(caught.value)


def test_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(CodebookError, match="is a directory"):
        load_codebook(folder)


def test_errors_inside_the_file_name_the_path_and_line(tmp_path):
    path = write(tmp_path, "bad.yaml", "codes:\n  - name: A\n    colour: purple-ish\n")
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    assert str(caught.value).startswith(f"{path}:3: code 'A': colour 'purple-ish'")
