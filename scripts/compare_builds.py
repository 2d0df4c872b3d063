"""Build two revisions of the repository and compare the sites byte for byte.

    python scripts/compare_builds.py REV_A [REV_B] [--content-of-a]   (REV_B: the working tree)

Each revision is exported with ``git archive`` into a temporary folder and built with this
environment's MkDocs (``--strict``, ``KB_TODAY`` fixed, that revision's own ``src/`` on
``PYTHONPATH``, the git dates of the revision). Prints the files that differ and exits 1
if any do. Used to show that a restructuring changes nothing a reader sees;
``--content-of-a`` builds B with A's content (``docs/``, ``data/``, ``includes/``,
``sources/``), so only the code differs between the two builds.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = ("docs", "data", "includes", "sources")


def export(revision: str | None, target: Path) -> Path:
    target.mkdir(parents=True)
    if revision is None:
        files = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=REPO, capture_output=True, text=True, check=True,
        ).stdout.split("\n")  # fmt: skip
        for name in filter(None, files):
            source = REPO / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:
        archive = subprocess.run(
            ["git", "archive", revision], cwd=REPO, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    # The git history gives the pages' dates: the same history for both.
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    return target


def build(root: Path, today: str) -> Path:
    site = root / "site"
    env = {**os.environ, "KB_TODAY": today, "PYTHONPATH": str(root / "src"),
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}  # fmt: skip
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    proc = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"De bouw van {root.name} faalde:\n{proc.stdout}{proc.stderr}")
    return site


def differences(a: Path, b: Path) -> list[str]:
    out: list[str] = []

    def walk(compare: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"alleen in A: {prefix}{n}" for n in compare.left_only)
        out.extend(f"alleen in B: {prefix}{n}" for n in compare.right_only)
        for name in compare.common_files:
            if not filecmp.cmp(Path(compare.left) / name, Path(compare.right) / name, False):
                out.append(f"verschilt: {prefix}{name}")
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="eerste revisie (bv. een commit)")
    parser.add_argument("b", nargs="?", help="tweede revisie (standaard: de werkmap)")
    parser.add_argument("--today", default="2026-11-29")
    parser.add_argument("--content-of-a", action="store_true", help="B met de inhoud van A")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-vergelijk-") as tmp:
        root_a = export(args.a, Path(tmp) / "a")
        root_b = export(args.b, Path(tmp) / "b")
        if args.content_of_a:
            for folder in CONTENT:
                shutil.rmtree(root_b / folder, ignore_errors=True)
                if (root_a / folder).exists():
                    shutil.copytree(root_a / folder, root_b / folder)
        site_a = build(root_a, args.today)
        site_b = build(root_b, args.today)
        found = differences(site_a, site_b)
    print("\n".join(found) if found else "De twee sites zijn byte voor byte gelijk.")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
