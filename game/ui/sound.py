"""Sound cues (gavel, tally, veto, click) synthesised with numpy at start-up; silent without audio."""

from __future__ import annotations

import numpy as np
import pygame

RATE = 22050


def _envelope(n: int, attack: float, decay: float) -> np.ndarray:
    t = np.arange(n) / RATE
    return np.minimum(1.0, t / max(attack, 1e-4)) * np.exp(-t / decay)


def _tone(
    freq: float, seconds: float, decay: float, harmonics=(1.0,), attack: float = 0.002
) -> np.ndarray:
    n = int(RATE * seconds)
    t = np.arange(n) / RATE
    wave = sum(a * np.sin(2 * np.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
    return wave * _envelope(n, attack, decay)


def waves() -> dict[str, np.ndarray]:
    """Mono float waves in [-1, 1] (deterministic: the noise has a fixed seed)."""
    noise = np.random.default_rng(7).standard_normal(int(RATE * 0.25))
    knock = noise * _envelope(len(noise), 0.001, 0.02)
    gavel = np.concatenate(
        [
            knock[: int(RATE * 0.12)] * 0.8 + _tone(180, 0.12, 0.03)[: int(RATE * 0.12)],
            np.zeros(int(RATE * 0.08)),
            knock[: int(RATE * 0.12)] + _tone(160, 0.12, 0.04)[: int(RATE * 0.12)],
        ]
    )
    return {
        "click": _tone(1400, 0.03, 0.008) * 0.25,
        "tally": _tone(880, 0.06, 0.02, (1.0, 0.3)) * 0.3,
        "gavel": gavel * 0.6,
        "veto": (_tone(110, 0.9, 0.35, (1.0, 0.5, 0.25), attack=0.01) + _tone(104, 0.9, 0.35) * 0.6)
        * 0.35,
        "adopted": (
            _tone(523, 0.35, 0.12) + _tone(659, 0.35, 0.12) * 0.8 + _tone(784, 0.35, 0.15) * 0.6
        )
        * 0.25,
    }


class Sound:
    """Plays named cues at the settings' volume; does nothing where there is no audio device."""

    def __init__(self, volume: float) -> None:
        self.volume = volume
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            freq, _, channels = pygame.mixer.get_init()
            for name, wave in waves().items():
                if freq != RATE:
                    wave = np.interp(
                        np.arange(int(len(wave) * freq / RATE)) * RATE / freq,
                        np.arange(len(wave)),
                        wave,
                    )
                samples = (np.clip(wave, -1, 1) * 32767).astype(np.int16)
                if channels > 1:
                    samples = np.repeat(samples[:, None], channels, axis=1)
                self.sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(samples))
        except pygame.error:
            self.sounds = {}  # no audio device: run silent

    def play(self, name: str) -> None:
        sound = self.sounds.get(name)
        if sound is not None and self.volume > 0:
            sound.set_volume(self.volume)
            sound.play()
