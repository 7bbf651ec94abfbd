"""The kernels `reproduce` executes notebooks on: how each talks to the run (socket files, not TCP
ports, where the system allows), and how many can run at once in this machine's memory (each
kernel's peak estimated from the corpus size)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["KERNEL_MB", "default_notebook_jobs", "kernel_manager", "kernel_memory", "machine_memory"]

#: Longest path of a kernel's socket file that every POSIX system takes (sun_path holds 104 bytes on macOS).
_SOCKET_PATH_LIMIT = 100


def kernel_manager(folder: Path):  # noqa: ANN201 - jupyter_client's AsyncKernelManager, imported here
    """A kernel manager whose kernel talks to this process over local socket files in `folder` (IPC),
    not over TCP ports: the ports of a TCP kernel carry its messages unencrypted, and every kernel says
    so in a warning that each run of `reproduce` printed once per notebook. Where socket files cannot
    be used (Windows; a `folder` path too long for a socket), the kernel uses TCP as before.

    Parameters
    ----------
    folder : an empty folder of this run's for the connection file and the socket files.

    Returns
    -------
    jupyter_client.manager.AsyncKernelManager
        A manager for the `python3` kernel, not started.
    """
    from jupyter_client.manager import AsyncKernelManager

    connection = folder / "kernel.json"
    if os.name != "posix" or len(str(folder / "kernel-ipc-00000")) > _SOCKET_PATH_LIMIT:
        return AsyncKernelManager(kernel_name="python3", connection_file=str(connection))
    return AsyncKernelManager(kernel_name="python3", transport="ipc", connection_file=str(connection))


#: A notebook kernel's peak memory, estimated from the corpus size: MB at any size, and MB more per
#: 1,000 articles. Measured on 100,000 generated articles, one notebook at a time: notebook 02, the
#: largest, peaked at 5,040 MB (01 at 3,730, 04 at 2,190, 00 at 2,120, 03 at 500).
KERNEL_MB = (300, 50)


def kernel_memory(n_articles: int) -> int:
    """Bytes a notebook kernel may need at its peak on a corpus of `n_articles` (`KERNEL_MB`).

    Parameters
    ----------
    n_articles : articles in the build the notebooks read.

    Returns
    -------
    int
    """
    base, per_1000 = KERNEL_MB
    return int((base + per_1000 * n_articles / 1000) * 2**20)


def machine_memory() -> int | None:
    """Bytes of memory this process may use: the machine's physical memory, or a container's lower
    limit (cgroup); None where neither can be read.

    Returns
    -------
    int or None
    """
    try:
        found = [os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")]
    except (AttributeError, ValueError, OSError):
        found = []
    for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(limit).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text.isdigit() and 0 < int(text) < 2**60:  # ("max", or a huge number: no limit)
            found.append(int(text))
    return min(found) if found else None


def default_notebook_jobs(n_articles: int | None = None, memory: int | None = None) -> int:
    """How many notebooks `reproduce` executes at a time by default: two where there are two cores
    or more, else one; and one where two kernels would need more than 80% of the `memory` (bytes)
    on a corpus of `n_articles` (each kernel holds its own copy of the tables it reads:
    `kernel_memory`).

    Parameters
    ----------
    n_articles : articles in the build the notebooks read (None: unknown, decided by cores).
    memory : bytes of memory (`machine_memory`; None: unknown, decided by cores).

    Returns
    -------
    int
    """
    if (os.cpu_count() or 1) < 2:
        return 1
    if n_articles is not None and memory is not None and 2 * kernel_memory(n_articles) > 0.8 * memory:
        return 1
    return 2


