"""Random generators derived from the game's seed: one per (seed, turn, step, stream)."""

from __future__ import annotations

import zlib

import numpy as np

# Streams are named so that adding draws to one never shifts another; crc32 is stable
# across processes (unlike hash(), which PYTHONHASHSEED salts).
_STREAM_KEYS: dict[str, int] = {}


def stream_key(stream: str) -> int:
    key = _STREAM_KEYS.get(stream)
    if key is None:
        key = zlib.crc32(stream.encode("utf-8"))
        _STREAM_KEYS[stream] = key
    return key


def generator(seed: int, turn: int, step: int, stream: str, extra: int = 0) -> np.random.Generator:
    """A generator keyed by everything that identifies one moment of one game."""
    entropy = [seed & 0xFFFFFFFF, (seed >> 32) & 0xFFFFFFFF, turn, step, stream_key(stream), extra]
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy)))


def rng_for(state, stream: str, extra: int = 0) -> np.random.Generator:
    """The generator for `stream` at this state's moment (turn and number of actions taken)."""
    return generator(state.seed, state.turn, state.step, stream, extra)
