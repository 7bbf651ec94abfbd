"""Exclusive locks on files, on POSIX (`fcntl.flock`) and Windows (`msvcrt.locking`): held until
released or the descriptor is closed, and released by the system if the process dies."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock(fd: int, *, wait: bool) -> None:
    """Lock the open file `fd` exclusively (on Windows, its first byte).

    Parameters
    ----------
    fd : an open file descriptor.
    wait : wait while another process holds the lock (on Windows, up to ten minutes); if False,
        raise at once.

    Returns
    -------
    Nothing; raises OSError when the lock is held elsewhere and `wait` is False (or the wait ends).
    """
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        if not wait:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return
        for attempt in range(60):  # (each call retries for 10 s, then raises: ten minutes in all)
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                if attempt == 59:
                    raise
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)


def unlock(fd: int) -> None:
    """Release `lock` on the open file `fd`.

    Parameters
    ----------
    fd : a descriptor this process locked.

    Returns
    -------
    None
    """
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """The block holds an exclusive lock on the file `path` (created if missing), waiting for it.

    Parameters
    ----------
    path : the lock file.

    Returns
    -------
    A context manager.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        lock(fd, wait=True)
        try:
            yield
        finally:
            unlock(fd)
    finally:
        os.close(fd)
