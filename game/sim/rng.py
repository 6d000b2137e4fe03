"""Random generators derived from the game's seed: one per (seed, turn, step, stream)."""

from __future__ import annotations

import hashlib
import threading
import weakref

import numpy as np


def _pcg_state(seed: int, turn: int, step: int, stream: str, extra: int) -> dict:
    """The PCG64 state for one moment of one game: a hash of everything that identifies it.

    A hash (not Python's hash(), which PYTHONHASHSEED salts) gives the same state on every
    machine; streams are named so that adding draws to one never shifts another.
    """
    key = f"{seed}/{turn}/{step}/{stream}/{extra}".encode()
    digest = hashlib.blake2b(key, digest_size=32).digest()
    return {
        "bit_generator": "PCG64",
        "state": {
            "state": int.from_bytes(digest[:16], "little"),
            "inc": int.from_bytes(digest[16:], "little") | 1,
        },
        "has_uint32": 0,
        "uinteger": 0,
    }


def generator(seed: int, turn: int, step: int, stream: str, extra: int = 0) -> np.random.Generator:
    """A fresh generator keyed by everything that identifies one moment of one game."""
    bits = np.random.PCG64(0)
    bits.state = _pcg_state(seed, turn, step, stream, extra)
    return np.random.Generator(bits)


def rng_for(state, stream: str, extra: int = 0) -> np.random.Generator:
    """The generator for `stream` at this state's moment (turn and number of actions taken)."""
    return generator(state.seed, state.turn, state.step, stream, extra)


# Building a bit generator costs ~20 us, setting its state ~2 us, and every simulated action
# that votes or draws needs one: working states borrow pooled bit generators instead. Each
# thread has its own pool; an entry lent to a working state that is still alive is never lent
# to another (a fresh one is built instead), so no two users ever share a stream.
_POOL = threading.local()


def borrowed(owner, seed: int, turn: int, step: int, stream: str) -> np.random.Generator:
    """The same draws as `generator(...)`, on a pooled bit generator lent to `owner`."""
    pool = getattr(_POOL, "entries", None)
    if pool is None:
        pool = _POOL.entries = {}
    entry = pool.get(stream)
    if entry is not None and entry[1]() not in (None, owner):
        return generator(seed, turn, step, stream)  # still in use by someone alive
    bits = entry[0] if entry is not None else np.random.PCG64(0)
    bits.state = _pcg_state(seed, turn, step, stream, 0)
    pool[stream] = (bits, weakref.ref(owner))
    return np.random.Generator(bits)
