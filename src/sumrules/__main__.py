"""``python -m sumrules``: the command line."""

import sys

from sumrules.cli import main

sys.exit(main())
