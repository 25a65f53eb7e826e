"""`python -m tests.golden --update`: run the golden commands and rewrite tests/golden/outputs/.

Without `--update` it only reports which outputs differ from the stored parts (exit 1).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tests.golden import commands, parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    ap.add_argument("--update", action="store_true", help="rewrite the stored parts")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        produced = commands.produce(Path(tmp))
        changed = 0
        if args.update:
            shutil.rmtree(parts.OUTPUTS, ignore_errors=True)
        for name, path in produced.items():
            now = parts.normalise(path)
            if args.update:
                parts.write(name, now)
                print(f"written: {parts.OUTPUTS / name} ({len(now)} parts)")
                continue
            found = parts.differences(parts.read(name), now) if (parts.OUTPUTS / name).is_dir() \
                else ["not stored yet"]
            changed += bool(found)
            print(f"{name}: {'differs' if found else 'unchanged'}")
            for message in found:
                print("  " + message.replace("\n", "\n  "))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
