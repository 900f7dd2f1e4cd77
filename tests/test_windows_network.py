"""A database on a network location is refused (issue 22): UNC paths, on
Windows drive letters mapped to a share (``GetDriveTypeW`` says
DRIVE_REMOTE) and folders that are links to a share, on Linux nfs/cifs/smb
mounts. The system is asked through ``storage.platform``; here its answers
are replaced, and the last tests ask the real system (the Windows runner
then asks the real GetDriveTypeW)."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.services import session
from coordinator_app.storage import platform as system
from coordinator_app.storage.instance_lock import network_share_reason
from tests.test_shell_services import MOUNTS

DRIVE_FIXED = 3


class FakeWindowsDrives:
    """Drive letters with their GetDriveTypeW type (fixed unless mapped),
    and folders that are links somewhere else."""

    def __init__(self, monkeypatch) -> None:
        self.remote: set[str] = {"Z"}
        self.links: dict[str, str] = {}
        self.asked: list[str] = []
        monkeypatch.setattr(system, "on_windows", lambda: True)
        monkeypatch.setattr(system, "drive_type", self.drive_type)
        monkeypatch.setattr(system, "real_path", self.real_path)

    def drive_type(self, root: str) -> int:
        self.asked.append(root)
        assert len(root) == 3 and root.endswith(":\\"), root  # "Z:\": the API wants a root
        return system.DRIVE_REMOTE if root[0].upper() in self.remote else DRIVE_FIXED

    def real_path(self, path: str) -> str:
        for link, target in self.links.items():
            if path.startswith(link):
                return target + path[len(link):]
        return path


@pytest.fixture
def windows(monkeypatch) -> FakeWindowsDrives:
    return FakeWindowsDrives(monkeypatch)


def test_a_mapped_network_drive_is_refused_saying_which_and_what_to_do(windows):
    reason = network_share_reason(r"Z:\支部\coordinator.db")
    assert reason.startswith(
        "ネットワーク上の場所（Z: はネットワークドライブです）にはデータベースを置けません")
    assert "このパソコンのフォルダー" in reason and "PostgreSQL" in reason
    assert windows.asked == ["Z:\\"]
    assert network_share_reason("z:/支部/coordinator.db")  # written with slashes, lower case
    assert network_share_reason(r"\\?\Z:\支部\coordinator.db")  # the long form of the same


def test_a_local_drive_is_not_refused(windows):
    local = r"C:\Users\山田 太郎\AppData\Local\coordinator-app\coordinator.db"
    assert network_share_reason(local) is None
    assert network_share_reason("\\\\?\\" + local) is None  # long form: local, not a share
    assert windows.asked == ["C:\\", "C:\\"]


@pytest.mark.parametrize("path, share", [
    (r"\\nas01\共有\支部\coordinator.db", r"\\nas01\共有"),
    ("//nas01/share/coordinator.db", "//nas01/share"),
    (r"\\?\UNC\nas01\share\coordinator.db", r"\\nas01\share"),
    (r"\\192.168.1.20\支部 データ\c.db", r"\\192.168.1.20\支部 データ"),
])
def test_unc_paths_are_refused_naming_the_share(windows, path, share):
    assert f"（{share} はネットワーク上の共有フォルダーです）" in network_share_reason(path)
    assert windows.asked == []  # no drive to ask about


def test_a_folder_that_is_a_link_to_a_share_is_refused(windows):
    windows.links[r"C:\支部データ"] = r"\\?\UNC\nas01\share"
    assert r"\\nas01\share" in network_share_reason(r"C:\支部データ\coordinator.db")
    assert network_share_reason(r"C:\支部\coordinator.db") is None


@settings(max_examples=30, deadline=None)
@given(letter=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), remote=st.booleans(),
       folder=st.text(st.characters(blacklist_characters='\\/:*?"<>|\x00',
                                    blacklist_categories=("Cs", "Cc")), max_size=12),
       lower=st.booleans())
def test_a_drive_is_refused_exactly_when_windows_says_it_is_remote(letter, remote, folder,
                                                                   lower):
    with pytest.MonkeyPatch.context() as mp:
        windows = FakeWindowsDrives(mp)
        windows.remote = {letter} if remote else set()
        drive = letter.lower() if lower else letter
        reason = network_share_reason(f"{drive}:\\{folder}\\coordinator.db")
        assert (reason is not None) == remote
        if remote:
            assert f"{letter}: はネットワークドライブです" in reason


def test_the_start_up_policy_refuses_a_mapped_drive(windows):
    """What the desktop app and every command call (services.session)."""
    with pytest.raises(session.Refused) as err:
        session.check_location(PureWindowsPath(r"Z:\支部\coordinator.db"))
    assert "Z: はネットワークドライブです" in str(err.value)
    session.check_location(PureWindowsPath(r"D:\支部\coordinator.db"))


def test_linux_network_mounts_are_still_refused(monkeypatch):
    monkeypatch.setattr(system, "on_windows", lambda: False)
    monkeypatch.setattr(system, "mounts_text", lambda: MOUNTS)
    monkeypatch.setattr(system, "real_path", lambda path: path)
    reason = network_share_reason("/mnt/smb/c.db")
    assert "（/mnt/smb は cifs のネットワークドライブです）" in reason
    assert "/mnt/nfs は nfs4" in network_share_reason("/mnt/nfs/支部/c.db")
    assert network_share_reason("/home/山田 太郎/c.db") is None


# --- the real system ---------------------------------------------------------------------

def test_this_computers_own_folders_are_not_refused(tmp_path):
    """Asks the real system: /proc/mounts here, GetDriveTypeW on Windows."""
    folder = tmp_path / "山田 太郎"
    folder.mkdir()
    assert network_share_reason(folder / "coordinator.db") is None
    if sys.platform == "win32":
        system_drive = os.environ.get("SystemDrive", "C:")
        assert system.drive_type(system_drive + "\\") != system.DRIVE_REMOTE
        assert network_share_reason(Path(system_drive + "\\") / "coordinator.db") is None
