"""Prints the window's figures at 1280x720: frame times per screen while animating, CPU use while
idle on the turn screen, and the time from process start to the first drawn frame.

    python bench/ui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ui.screenshot import SCREENS  # noqa: E402  (every screen the screenshot command knows)

SIZE = (1280, 720)


def frame_times(name: str, frames: int = 300) -> tuple[float, float]:
    """(p50, p99) milliseconds per frame while the screen animates (votes) or follows the pointer."""
    import pygame

    from game.ui.config import Settings
    from game.ui.screenshot import prepare

    app = prepare(
        name,
        SIZE,
        "coi_2013_2015",
        2013,
        saves_dir=Path(tempfile.mkdtemp()),
        settings=Settings(volume=0.0),
    )
    times = []
    for i in range(frames):
        if name.startswith("vote-") and app.screen.revealed >= len(app.screen.chamber.seats):
            app.screen.elapsed, app.screen.revealed, app.screen.finished_sound = (
                0.0,
                0,
                False,
            )  # replay the roll call
        pos = (100 + (i * 37) % 1000, 100 + (i * 53) % 500)
        event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
        t = time.perf_counter()
        app.frame([event], 1 / 60)
        times.append((time.perf_counter() - t) * 1000)
    pygame.quit()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def idle_cpu(seconds: float = 10.0) -> float:
    """Share of one core used by the real loop showing the turn screen with no input."""
    import pygame

    from game.ui.config import Settings
    from game.ui.screenshot import prepare

    app = prepare(
        "turn",
        SIZE,
        "coi_2013_2015",
        2013,
        saves_dir=Path(tempfile.mkdtemp()),
        settings=Settings(volume=0.0),
    )
    app.start = lambda: None  # keep the turn screen: run() would open the title
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
    pygame.event.clear()
    cpu, wall = time.process_time(), time.perf_counter()
    app.run()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    pygame.quit()
    return cpu / wall


CHILD = """
import os, sys, time
os.environ.setdefault('SDL_VIDEODRIVER', 'dummy'); os.environ.setdefault('SDL_AUDIODRIVER', 'dummy')
os.environ['PYGAME_HIDE_SUPPORT_PROMPT'] = '1'
sys.path.insert(0, %r)
from game.cli import main  # what `python main.py` imports first
from game.ui.app import App
from game.ui.config import Settings
app = App(settings=Settings(volume=0.0), saves_dir=%r, config_folder=%r)
app.start()
app.draw()
print('drawn', flush=True)
"""


def first_frame() -> float:
    """Seconds from spawning `python` to the title screen drawn (median of 5 runs)."""
    folder = tempfile.mkdtemp()
    code = CHILD % (str(ROOT), folder, folder)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert "drawn" in out.stdout, out.stderr
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    print(f"Window figures at {SIZE[0]}x{SIZE[1]} (dummy video driver)")
    for name in SCREENS:
        p50, p99 = frame_times(name)
        target = "   (target: p99 <= 8 ms)" if name == "vote-ga" else ""
        print(f"  {name:11} frame p50 {p50:5.2f} ms   p99 {p99:5.2f} ms{target}")
    print(
        f"  idle CPU on the turn screen over 10 s: {idle_cpu() * 100:.1f} % of a core (target <= 3 %)"
    )
    print(f"  process start to first drawn frame: {first_frame():.2f} s (target <= 0.6 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
