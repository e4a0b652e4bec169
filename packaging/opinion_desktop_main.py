"""Entry point of the frozen program (PyInstaller): the same ``main`` as the installed script.

``multiprocessing.freeze_support()`` comes first: the import worker pool starts its children with
``forkserver`` (or ``spawn``), and in a frozen program those children are this same executable
started again with special arguments; freeze_support runs their work and exits before any of the
program's own start-up happens.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from opinion_desktop.app import main

    sys.exit(main())
