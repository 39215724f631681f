"""Output files are written whole, with the permissions a plain write gives, and errors name them."""

from __future__ import annotations

import os
import stat

import pytest

from newsbrief.output.files import write_atomically


def test_a_new_file_gets_0666_less_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "brief.md", "text")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o644
    assert (tmp_path / "brief.md").read_text() == "text"


def test_an_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


def test_an_error_names_the_file_not_its_temporary_twin(tmp_path):
    with pytest.raises(OSError) as caught:
        write_atomically(tmp_path / "missing" / "brief.md", "text")
    assert caught.value.filename == str(tmp_path / "missing" / "brief.md")
    assert list(tmp_path.iterdir()) == []
