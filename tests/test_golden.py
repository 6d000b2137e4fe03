"""Golden images of the title, turn and General Assembly vote screens (pinned versions, a tolerance)."""

import tempfile
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.ui.config import Settings
from game.ui.screenshot import prepare

GOLDEN = Path(__file__).resolve().parent / "golden"
SHOTS = ("title", "turn", "vote-ga")
# A pixel differs when a channel moves by more than this; an image matches when at most this
# share of pixels differ (anti-aliasing and font hinting vary a little between builds).
CHANNEL_TOLERANCE = 40
PIXEL_SHARE = 0.01


def shoot(name: str, out: Path) -> None:
    app = prepare(
        name,
        (1280, 720),
        "coi_2013_2015",
        2013,
        saves_dir=Path(tempfile.mkdtemp()),
        settings=Settings(volume=0.0),
    )
    pygame.image.save(app.window, str(out))


@pytest.mark.parametrize("name", SHOTS)
def test_screen_matches_its_golden_image(name, tmp_path):
    golden = GOLDEN / f"{name}.png"
    assert golden.exists(), "run: python tests/golden/update.py"
    out = tmp_path / f"{name}.png"
    shoot(name, out)
    a = pygame.surfarray.array3d(pygame.image.load(str(golden))).astype(int)
    b = pygame.surfarray.array3d(pygame.image.load(str(out))).astype(int)
    assert a.shape == b.shape
    differ = (np.abs(a - b).max(axis=2) > CHANNEL_TOLERANCE).mean()
    assert differ <= PIXEL_SHARE, f"{differ:.2%} of pixels differ from {golden.name} (see {out})"
