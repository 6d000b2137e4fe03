"""The seed of each run of a batch: the same whatever the number of worker processes."""

from __future__ import annotations

import numpy as np


def run_seed(base_seed: int, index: int) -> int:
    """The seed of the index-th run: independent of how runs are split among workers."""
    return int(
        np.random.SeedSequence([base_seed & 0xFFFFFFFF, index]).generate_state(1, np.uint64)[0] >> 1
    )
