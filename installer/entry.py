"""The frozen app's entry point: the same as the `pa-manager` console script."""

from __future__ import annotations

import sys

from pa_manager.cli import main

if __name__ == "__main__":
    sys.exit(main())
