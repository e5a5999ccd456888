"""`python -m coursekit ...` is the `course` command."""

import sys

from coursekit.cli.main import main

sys.exit(main())
