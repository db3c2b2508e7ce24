"""``qualcode open P`` and ``qualcode demo [DIR]``: the commands that start the TUI."""

from __future__ import annotations

import argparse
from typing import Any

from qualcode.cli.output import add_project_argument


def register(subparsers: Any) -> None:
    opener = subparsers.add_parser("open", help="code a project in the terminal app")
    add_project_argument(opener)
    opener.add_argument("--coder", help="who codes in this session (default: QUALCODE_CODER, "
                        "else the name you chose on your first open)")
    opener.set_defaults(run=run_open)

    demo = subparsers.add_parser(
        "demo", help="build the demo project from the sample transcripts (once) and open it"
    )
    demo.add_argument("directory", metavar="DIR", nargs="?",
                      help="where to keep demo.qualcode (default: your user data folder)")
    demo.add_argument("--coder", help="your name as a coder")
    demo.add_argument("--no-open", action="store_true",
                      help="only build the project and print its path")
    demo.set_defaults(run=run_demo)


def run_open(args: argparse.Namespace) -> int:
    from qualcode.cli.startup import imports_done
    from qualcode.tui.app import make_app

    imports_done()
    make_app(args.project, coder=args.coder).run()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from qualcode.demo import build_demo, default_demo_directory

    directory = args.directory or default_demo_directory()
    path = build_demo(directory)
    if args.no_open:
        print(path)
        return 0
    from qualcode.cli.startup import imports_done
    from qualcode.tui.app import make_app

    imports_done()
    make_app(path, coder=args.coder).run()
    return 0
