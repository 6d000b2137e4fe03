"""`python main.py` runs the game's command line; with no arguments it opens the game."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
