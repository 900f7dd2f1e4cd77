"""The command line on a Japanese Windows console (issue 22): output
redirected to a file or a pipe is cp932 there. Every character cp932 has
is written as it is; one it lacks (𠮷, emoji, an em dash) becomes its
look-alike or "?", and the command's own message and exit code survive —
never a UnicodeEncodeError. Run as a user does: a fresh process with
PYTHONIOENCODING=cp932 (also ``cp932:strict``)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.cli.console import LOOK_ALIKES, use_safe_output

# cp932 has 髙, ① and the wave dash; it has no 𠮷 (U+20BB7), no emoji and
# no em dash (U+2014, whose look-alike ― U+2015 it has).
FOLDER = "髙橋①〜 𠮷田😀—"
SHOWN = "髙橋①～ ?田?―"  # 〜 comes back as cp932's reading of the same code, ～


def run_cli(encoding: str, *argv: str) -> tuple[int, str, str]:
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    env.pop("PYTHONUTF8", None)
    env.pop("COORDINATOR_APP_DB", None)
    done = subprocess.run([sys.executable, "-m", "coordinator_app", *argv], env=env,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    # the bytes are cp932, strictly: nothing was written in another encoding
    return done.returncode, done.stdout.decode("cp932"), done.stderr.decode("cp932")


ENCODINGS = ["cp932", "cp932:strict"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_path_cp932_cannot_write_is_shown_replaced_and_the_command_succeeds(encoding,
                                                                              tmp_path):
    db = tmp_path / FOLDER / "coordinator.db"
    code, out, err = run_cli(encoding, "--db", str(db), "init")
    assert code == 0 and err == "", err
    assert out.startswith("データベース: ") and f"{SHOWN}{os.sep}coordinator.db" in out
    assert db.exists()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_error_naming_such_a_path_is_one_readable_line(encoding, tmp_path):
    db = tmp_path / FOLDER / "coordinator.db"
    code, out, err = run_cli(encoding, "--db", str(db), "export", "tallies",
                             "--fiscal-year", "2025", "--out", str(tmp_path / "t.csv"))
    assert code == 1 and out == ""
    assert err.startswith("エラー: ") and err.count("\n") == 1 and SHOWN in err, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_usage_error_echoing_what_was_typed_is_shown(encoding):
    code, out, err = run_cli(encoding, "export", "①😀")
    assert code == 1 and out == ""  # the contract: every error exits 1 with one line
    assert "'①?'" in err and "選べません" in err and err.count("\n") == 1, err


@settings(max_examples=30, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_written_with_only_the_characters_cp932_lacks_replaced(text):
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp932", errors="strict", newline="\n")
    use_safe_output(stream)
    stream.write(text)
    stream.flush()
    shown = raw.getvalue().decode("cp932")
    assert len(shown) == len(text)
    for ch, got in zip(text, shown):
        try:
            assert got == ch.encode("cp932").decode("cp932")  # shown as it is
        except UnicodeEncodeError:
            assert got in ("?", LOOK_ALIKES.get(ch))


def test_a_stream_that_can_write_everything_is_left_alone():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    use_safe_output(stream)
    assert stream.errors == "strict"


def test_a_program_without_a_console_has_no_streams_to_change(monkeypatch):
    """The windowed Windows program (no console) has sys.stdout = None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    use_safe_output()
