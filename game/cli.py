"""The command line: play, text, validate, schema, simulate (argparse subcommands)."""

from __future__ import annotations

import argparse
import json
import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
from pathlib import Path

from game.paths import DEFAULT_SCENARIO, SCENARIO_DIR


def default_scenario() -> str:
    return DEFAULT_SCENARIO if (SCENARIO_DIR / f"{DEFAULT_SCENARIO}.yaml").is_file() else "tutorial"


def _scenario_or_exit(name: str | None):
    """Load a scenario by name or path; exit 2 listing what exists if there's no such thing."""
    from game.authoring import ScenarioError, available, load_scenario, resolve

    name = name or default_scenario()
    path = resolve(name)
    if path is None:
        names = ", ".join(p.stem for p in available())
        print(
            f"error: no scenario {name!r}. Available: {names}. (Or give the path of a .yaml file.)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    try:
        return load_scenario(path), path
    except ScenarioError as exc:
        print(exc.report(), file=sys.stderr)
        raise SystemExit(1) from None


def _seed(value: int | None) -> int:
    if value is not None:
        return value
    return int.from_bytes(os.urandom(4), "little") % 1_000_000


def cmd_validate(args) -> int:
    from game.authoring import validate_path

    status = 0
    for raw in args.paths:
        path = Path(raw)
        if not path.exists():
            print(f"{raw}: error: no such file", file=sys.stderr)
            return 2
        if path.is_dir():
            print(
                f"{raw}: error: is a directory; give scenario files (e.g. {raw.rstrip('/')}/*.yaml)",
                file=sys.stderr,
            )
            return 2
    for raw in args.paths:
        problems = validate_path(raw)
        if problems:
            status = 1
            for p in problems:
                print(p)
        elif not args.quiet:
            print(f"{raw}: ok")
    if status:
        print(f"\n{sum(1 for _ in args.paths)} file(s) checked; problems found.", file=sys.stderr)
    return status


def cmd_schema(args) -> int:
    from game.authoring.schema import members_schema_text, scenario_schema_text

    text = members_schema_text() if args.members else scenario_schema_text()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_text(args) -> int:
    from game import saves
    from game.console.play import Console
    from game.sim.rules import new_game

    scenario, _ = _scenario_or_exit(args.scenario)
    seed = _seed(args.seed)
    folder = Path(args.saves) if args.saves else saves.default_dir()
    state = new_game(scenario, seed)
    print(f"Critical Engagement - scenario {scenario.id}, seed {seed} (saves in {folder})")
    return Console(scenario, state, folder).run()


def cmd_play(args) -> int:
    from game.ui.app import run

    return run(scenario=args.scenario, seed=args.seed, saves_dir=args.saves)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1280x720") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"{text!r} is out of range (320x240 to 7680x4320)")
    return w, h


def cmd_screenshot(args) -> int:
    from game.ui.screenshot import render

    try:
        out = render(args.screen, args.out, args.size, args.scenario, args.seed, args.turn)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def cmd_simulate(args) -> int:
    from game.analysis.policies import POLICIES
    from game.analysis.report import build
    from game.analysis.runs import run_many

    if args.strategy not in POLICIES:
        print(
            f"error: unknown strategy {args.strategy!r}; choose from {', '.join(POLICIES)}",
            file=sys.stderr,
        )
        return 2
    if args.runs < 1 or args.workers < 1:
        print("error: --runs and --workers must be at least 1", file=sys.stderr)
        return 2
    scenario, path = _scenario_or_exit(args.scenario)
    games, seconds = run_many(scenario, args.strategy, args.runs, args.seed, args.workers, path)
    report = build(scenario, args.strategy, args.runs, args.seed, seconds, games)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(
        f"{scenario.title}: {args.runs} games with strategy '{args.strategy}', seed {args.seed}, "
        f"{seconds:.2f} s ({args.runs / seconds:.0f} games/s)"
    )
    print(
        f"\n{'vote':42} {'held':>5} {'rec.':>5} {'adopt':>6}  {'Yes':>14} {'No':>14} {'Abstain':>14}"
    )
    for v in report["votes"]:
        cells = []
        for key in ("yes", "no", "abstain"):
            s = v[key]
            cells.append(
                f"{s['mean']:5.1f} [{s['p05']:3.0f}-{s['p95']:3.0f}]"
                if s["mean"] is not None
                else f"{'-':>14}"
            )
        print(
            f"{v['id']:42} {v['held']:5.0%} {v['recorded']:5.0%} {v['adopted']:6.0%}  "
            + " ".join(f"{c:>14}" for c in cells)
        )
    print("\nmilestones reached:")
    for mid, share in report["milestones"].items():
        print(f"  {share:6.1%}  {scenario.milestone(mid).name}")
    s = report["score"]
    print(f"\nscore: mean {s['mean']:.1f}, 5-95% {s['p05']:.1f}-{s['p95']:.1f}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="critical-engagement",
        description="Critical Engagement: EU diplomacy at the UN on human rights in North Korea.",
    )
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("play", help="open the game (the default)")
    p.add_argument("--scenario", help="scenario name or path (default: the historical scenario)")
    p.add_argument("--seed", type=int, help="fixes every random draw (same seed, same world)")
    p.add_argument("--saves", help="folder for saves (default: your user data folder)")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("text", help="play in the terminal")
    p.add_argument("--scenario", help="scenario name or path (default: the historical scenario)")
    p.add_argument("--seed", type=int, help="fixes every random draw (same seed, same world)")
    p.add_argument("--saves", help="folder for saves (default: your user data folder)")
    p.set_defaults(func=cmd_text)

    from game.ui.screenshot import SCREENS

    p = sub.add_parser("screenshot", help="render a screen to a PNG, without a display")
    p.add_argument("--screen", required=True, choices=SCREENS)
    p.add_argument("--out", required=True, help="the PNG file to write")
    p.add_argument("--size", type=_size, default=(1280, 720), help="window size, e.g. 1920x1080")
    p.add_argument("--scenario", help="scenario name or path (default: the historical scenario)")
    p.add_argument("--seed", type=int, default=2013)
    p.add_argument(
        "--turn", type=int, help="the turn to show (0-based), for turn, drafting and lobbying"
    )
    p.set_defaults(func=cmd_screenshot)

    p = sub.add_parser("validate", help="check scenario files; exit 0 if all are valid, 1 if not")
    p.add_argument("paths", nargs="+", help="scenario or member-data YAML files")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="write the JSON Schema of scenario files")
    p.add_argument("--out", help="write to this file instead of standard output")
    p.add_argument("--members", action="store_true", help="the schema of member-data files instead")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("simulate", help="play many games headless with a strategy and report")
    p.add_argument(
        "scenario", nargs="?", help="scenario name or path (default: the historical scenario)"
    )
    p.add_argument("--strategy", default="historical", help="passive, random, historical, ...")
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--workers", type=int, default=1, help="worker processes (same results for any number)"
    )
    p.set_defaults(func=cmd_simulate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play"] + (argv or []))
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
