"""``python -m qualcode.cli`` runs the command line (as the ``qualcode`` script does)."""

import sys

from qualcode.cli import main

sys.exit(main())
