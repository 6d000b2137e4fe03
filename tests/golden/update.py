"""Regenerates the golden images: python tests/golden/update.py (after a deliberate change of look)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.test_golden import GOLDEN, SHOTS, shoot  # noqa: E402

if __name__ == "__main__":
    for name in SHOTS:
        shoot(name, GOLDEN / f"{name}.png")
        print(f"wrote {GOLDEN / name}.png")
