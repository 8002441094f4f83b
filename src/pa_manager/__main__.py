"""`python -m pa_manager` runs the same entry point as the `pa-manager` command."""

import sys

from pa_manager.cli import main

sys.exit(main())
