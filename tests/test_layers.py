"""The layer rule: game/sim imports only the standard library, numpy and itself."""

import ast
import sys
from pathlib import Path

SIM = Path(__file__).resolve().parents[1] / "game" / "sim"
ALLOWED_THIRD_PARTY = {"numpy"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                yield node.lineno, "game.sim"  # a relative import stays inside the package
            else:
                yield node.lineno, node.module or ""


def test_sim_imports_only_stdlib_numpy_and_itself():
    """game/sim: no pygame, yaml, pydantic, nor any other part of the game."""
    bad = []
    files = sorted(SIM.rglob("*.py"))
    assert files, "game/sim has no modules?"
    for path in files:
        for line, module in _imports(path):
            top = module.split(".")[0]
            if module == "game.sim" or module.startswith("game.sim."):
                continue
            if top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY or top == "__future__":
                continue
            bad.append(f"{path.relative_to(SIM.parent.parent)}:{line}: imports {module}")
    assert not bad, "\n".join(bad)


def test_sim_has_no_global_randomness_or_clock():
    """Every draw comes from rng_for/generator; no time, no global random state."""
    forbidden = (
        "np.random.rand",
        "np.random.seed",
        "np.random.normal",
        "np.random.uniform",
        "np.random.choice",
        "np.random.default_rng()",
        "random.random(",
        "time.time(",
        "datetime.now(",
    )
    bad = []
    for path in sorted(SIM.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in forbidden:
            if needle in text:
                bad.append(f"{path.name}: {needle}")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(
                a.name in ("random", "time") for a in node.names
            ):
                bad.append(f"{path.name}: imports {node.names[0].name}")
    assert not bad, bad
