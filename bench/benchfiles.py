"""File helpers shared by the bench scripts (standard library only)."""

import os
import subprocess


def in_git_repo(path):
    """Whether `path` (or the nearest existing folder above it) is inside a git repository:
    generated projects and outputs must never land in one."""
    probe = path
    while not os.path.isdir(probe):
        probe = os.path.dirname(probe)
    r = subprocess.run(["git", "-C", probe, "rev-parse", "--git-dir"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def write(path, text):
    """Writes UTF-8 text with Unix line ends, making the folders on the way."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
