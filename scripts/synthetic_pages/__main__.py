"""``python -m synthetic_pages N OUTDIR`` (from scripts/), the same as scripts/synthetic.py."""

import sys

from synthetic_pages.cli import main

sys.exit(main())
