"""Build benchmark: this knowledge base against vanilla Material on the same pages.

    python scripts/benchmark.py [--pages 1000] [--runs 3] [--also 5000]

For each size the script makes two projects in a temporary directory with the same pages
(the real site of this repository plus N synthetic pages from ``scripts/synthetic.py``):

* **ours**: a copy of this project (``mkdocs.yml``, ``hooks/``, ``data/``, ``sources/``,
  ``includes/``, ``overrides/`` and ``docs/``, so also the stylesheets and ``.pages`` files);
* **vanilla**: the same ``docs/`` with a minimal ``mkdocs.yml``: theme ``material``,
  ``language: nl``, ``font: false``, feature ``navigation.prune``, plugin ``search``; no
  hooks, no awesome-pages, no Markdown extensions.

Both are git repositories with one commit (as a CI checkout), so git-based dates do their
real work. The real pages are included because the ``.pages`` navigation and the overview
pages refer to them; they are the same in both projects.

It builds both alternately ``--runs`` times (``python -m mkdocs build -q -d SITE`` with a
fixed ``KB_TODAY``), measuring wall time, CPU time and the peak resident memory of the build
process (``os.wait4`` on the child; a grandchild such as the Pagefind binary counts with its
own peak, not added), and times ``kb check`` (``python -m kb.cli check``) in the ours project.
It then prints medians, the ratio ours/vanilla, peak memory, the size of the search index
(``search/search_index.json``; ``pagefind/`` with its number of index chunks and fragments
when present) and of the site. ``--also 5000`` repeats everything at 5,000 pages and prints
the growth ratio. Wall-clock goals from the issue are printed next to the numbers; tests
never assert times.

The project files (and ``src/``, put first on ``PYTHONPATH`` of the builds) are copied once
into a snapshot at the start, so a long run measures one state of the code even if the
working tree changes meanwhile. A build or check that exceeds ``--timeout`` is killed with
its children and reported as a failure (exit status 1). ``--json FILE`` saves the results;
``--report FILE`` prints the report of such a file again.

Run it with the project's interpreter (``.venv/bin/python scripts/benchmark.py``, or
``make benchmark``); the builds use the same interpreter (``--python`` to change it).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
from kb.model.glossary import load_glossary  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "sources", "includes", "hooks", "overrides")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store")
FIXED_TODAY = "2026-11-28"

VANILLA_CONFIG = """\
# Vanilla Material for the benchmark: the same pages, no hooks, no extra plugins.
site_name: Vanilla Material
theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.prune
plugins:
  - search
"""

# Goals from the issue (printed next to the measurements, never asserted).
GOAL_BUILD_RATIO = 1.15
GOAL_GROWTH = 5.5
GOAL_CHECK_SECONDS = 3.0


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    max_rss: int  # bytes
    returncode: int


@dataclass
class SiteSize:
    site_bytes: int = 0
    site_files: int = 0
    html_pages: int = 0
    lunr_bytes: int | None = None  # search/search_index.json
    lunr_gzip_bytes: int | None = None
    pagefind_bytes: int | None = None
    pagefind_files: int | None = None
    pagefind_index_chunks: int | None = None
    pagefind_fragments: int | None = None


@dataclass
class Result:
    synthetic_pages: int
    total_pages: int
    words: int
    ours: list[Run] = field(default_factory=list)
    vanilla: list[Run] = field(default_factory=list)
    check: list[Run] = field(default_factory=list)
    ours_site: SiteSize = field(default_factory=SiteSize)
    vanilla_site: SiteSize = field(default_factory=SiteSize)
    check_output: str = ""
    failures: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- measuring


def measure(
    command: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float | None = None
) -> Run:
    """Run ``command`` and return its wall time, CPU time and peak RSS (via wait4).

    After ``timeout`` seconds the command and its children (its own process group) are
    killed; the run then has return code -9 and the log says so.
    """
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        done = threading.Event()

        def kill() -> None:
            if not done.is_set():
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: do not leave a build running
            kill()
            raise
        finally:
            done.set()
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: tell Popen
    if timeout and proc.returncode == -signal.SIGKILL and seconds >= timeout:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"\nbenchmark: killed after the timeout of {timeout:.0f} s\n")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss=usage.ru_maxrss * scale,
        returncode=proc.returncode,
    )


def tree_size(path: Path) -> tuple[int, int]:
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file():
            total += item.stat().st_size
            files += 1
    return total, files


def site_size(site: Path) -> SiteSize:
    size = SiteSize()
    if not site.is_dir():
        return size
    size.site_bytes, size.site_files = tree_size(site)
    size.html_pages = sum(1 for _ in site.rglob("*.html"))
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        data = lunr.read_bytes()
        size.lunr_bytes = len(data)
        size.lunr_gzip_bytes = len(gzip.compress(data, compresslevel=6))
    pagefind = next((site / n for n in ("pagefind", "_pagefind") if (site / n).is_dir()), None)
    if pagefind is not None:
        size.pagefind_bytes, size.pagefind_files = tree_size(pagefind)
        size.pagefind_index_chunks = sum(1 for _ in pagefind.rglob("*.pf_index"))
        size.pagefind_fragments = sum(1 for _ in pagefind.rglob("*.pf_fragment"))
    return size


# --------------------------------------------------------------------------- projects


def copy_parts(source: Path, target: Path, parts: tuple[str, ...]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=IGNORE)
        elif src.exists():
            shutil.copy2(src, target / part)


def vanilla_config(snapshot: Path, with_extensions: bool) -> str:
    """The vanilla configuration; optionally with our Markdown extensions (no hooks, no
    plugins), to separate the cost of the content's Markdown features from our machinery."""
    if not with_extensions:
        return VANILLA_CONFIG
    ours = (snapshot / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = ours[ours.index("markdown_extensions:") :]
    # Our hook hands the glossary to `abbr`; without hooks it goes into the configuration.
    glossary, _ = load_glossary(snapshot)
    extensions = extensions.replace(
        "\n  - abbr\n", "\n  - abbr:\n      glossary: " + json.dumps(glossary) + "\n", 1
    )
    return VANILLA_CONFIG + extensions


def make_projects(
    snapshot: Path,
    base: Path,
    pages: int,
    seed: int,
    folder_size: int = synthetic.FOLDER_SIZE,
    vanilla_extensions: bool = False,
) -> tuple[Path, Path, int, int]:
    """Create ``base/ours`` and ``base/vanilla``; returns them, the page count and words."""
    ours, vanilla = base / "ours", base / "vanilla"
    copy_parts(snapshot, ours, PROJECT_PARTS)
    synthetic.generate(pages, ours, seed=seed, folder_size=folder_size)
    vanilla.mkdir()
    shutil.copytree(ours / "docs", vanilla / "docs")
    (vanilla / "mkdocs.yml").write_text(
        vanilla_config(snapshot, vanilla_extensions), encoding="utf-8"
    )
    for root in (ours, vanilla):
        git_commit(root)
    markdown = list((ours / "docs").rglob("*.md"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in markdown)
    return ours, vanilla, len(markdown), words


def git_commit(root: Path) -> bool:
    """Make ``root`` a git repository with one commit, as a checkout in CI is: the
    git-based dates (hook and git-revision-date plugin) then do their real work."""
    if shutil.which("git") is None:
        return False
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "benchmark",
        "GIT_AUTHOR_EMAIL": "benchmark@example.org",
        "GIT_COMMITTER_NAME": "benchmark",
        "GIT_COMMITTER_EMAIL": "benchmark@example.org",
    }
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "commit", "-q", "--no-gpg-sign", "-m", "benchmark"],
    ):
        proc = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            progress(f"warning: {' '.join(command)} failed in {root}: {proc.stderr.strip()}")
            return False
    return True


def run_size(args: argparse.Namespace, pages: int, workdir: Path, snapshot: Path) -> Result:
    base = workdir / f"pages-{pages}"
    progress(f"[{pages}] generating {pages} synthetic pages in {base} ...")
    ours, vanilla, total, words = make_projects(
        snapshot, base, pages, args.seed, args.folder_size, args.vanilla_markdown_extensions
    )
    result = Result(synthetic_pages=pages, total_pages=total, words=words)
    # The kb package comes from the snapshot too, so every size measures the same code
    # even when the working tree changes during a long run.
    python_path = [str(snapshot / "src"), os.environ.get("PYTHONPATH", "")]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in python_path if p),
        "KB_TODAY": args.today,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    env.pop("KB_SITE_URL", None)
    logs = base / "logs"
    logs.mkdir()

    def build(name: str, root: Path, index: int) -> None:
        command = [args.python, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")]
        log = logs / f"{name}-build-{index}.log"
        run = measure(command, root, env, log, args.timeout)
        getattr(result, name).append(run)
        progress(
            f"[{pages}] build {name:<7} run {index + 1}: {run.seconds:6.2f} s, "
            f"peak {run.max_rss / 2**20:5.0f} MB, exit {run.returncode}"
        )
        if run.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            result.failures.append(
                f"{name} build {index + 1} failed (exit {run.returncode}):\n{tail}"
            )

    for index in range(args.runs):
        order = [("ours", ours), ("vanilla", vanilla)]
        if index % 2:
            order.reverse()  # alternate which one goes first
        for name, root in order:
            build(name, root, index)
        log = logs / f"check-{index}.log"
        run = measure([args.python, "-m", "kb.cli", "check"], ours, env, log, args.timeout)
        result.check.append(run)
        result.check_output = log.read_text(encoding="utf-8", errors="replace").strip()
        progress(
            f"[{pages}] kb check       run {index + 1}: {run.seconds:6.2f} s, exit {run.returncode}"
        )
        if run.returncode != 0 and index == 0:
            result.failures.append(
                f"kb check failed (exit {run.returncode}):\n" + result.check_output[-3000:]
            )
    result.ours_site = site_size(ours / "site")
    result.vanilla_site = site_size(vanilla / "site")
    return result


# --------------------------------------------------------------------------- report


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(runs: list[Run], attr: str = "seconds") -> float:
    values = [getattr(r, attr) for r in runs if r.returncode == 0] or [
        getattr(r, attr) for r in runs
    ]
    return statistics.median(values) if values else float("nan")


def mb(value: int | None) -> str:
    return "–" if value is None else f"{value / 2**20:.1f} MB"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def revision() -> str:
    """The commit of this repository, and whether the working tree had changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown (no git)"
    if not head:
        return "unknown (not a git checkout)"
    return f"commit {head}" + (" with uncommitted changes" if dirty else "")


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 2**20:.1f} GB RAM"
    except OSError:
        pass
    versions = []
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-awesome-pages-plugin", "pagefind"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{dist} {metadata.version(dist)}")
    return (
        f"{cpus} CPUs (nproc), {platform.system()} {platform.machine()}{memory}, "
        f"Python {platform.python_version()}; " + ", ".join(versions)
    )


def _row(label: str, ours: str = "", vanilla: str = "", ratio: str = "") -> str:
    return f"| {label:<33} | {ours:>24} | {vanilla:>24} | {ratio:>12} |"


def report(result: Result, runs: int) -> list[str]:
    o, v = median(result.ours), median(result.vanilla)
    ratio = o / v if v else float("nan")
    oc, vc = median(result.ours, "cpu_seconds"), median(result.vanilla, "cpu_seconds")
    check = median(result.check)
    os_, vs = result.ours_site, result.vanilla_site

    def runs_of(items: list[Run]) -> str:
        return ", ".join(f"{r.seconds:.1f}" for r in items)

    def peak(items: list[Run]) -> str:
        return mb(max((r.max_rss for r in items), default=None))

    lines = [
        f"## {result.synthetic_pages} synthetic pages "
        f"({result.total_pages} pages in total with the real site, {result.words:,} words), "
        f"{runs} run{'s' if runs != 1 else ''} each, alternating",
        "",
        _row("", "ours", "vanilla", "ours/vanilla"),
        f"|{'-' * 35}|{'-' * 25}:|{'-' * 25}:|{'-' * 13}:|",
        _row("build time, median", f"{o:.2f} s", f"{v:.2f} s", f"{ratio:.2f}×"),
        _row("build runs (s)", runs_of(result.ours), runs_of(result.vanilla)),
        _row(
            "CPU time (user+sys), median",
            f"{oc:.2f} s",
            f"{vc:.2f} s",
            f"{oc / vc:.2f}×" if vc else "",
        ),
        _row("peak memory (max RSS over runs)", peak(result.ours), peak(result.vanilla)),
        _row("search/search_index.json", mb(os_.lunr_bytes), mb(vs.lunr_bytes)),
        _row("  same, gzip-compressed", mb(os_.lunr_gzip_bytes), mb(vs.lunr_gzip_bytes)),
        _row("pagefind/ total", mb(os_.pagefind_bytes), mb(vs.pagefind_bytes)),
        _row(
            "pagefind index chunks / fragments",
            _pair(os_.pagefind_index_chunks, os_.pagefind_fragments),
            _pair(vs.pagefind_index_chunks, vs.pagefind_fragments),
        ),
        _row(
            "site size (files)",
            f"{mb(os_.site_bytes)} ({os_.site_files})",
            f"{mb(vs.site_bytes)} ({vs.site_files})",
        ),
        _row("kb check, median", f"{check:.2f} s"),
        "",
        f"- kb check runs (s): {runs_of(result.check)}; peak memory {peak(result.check)}; "
        f"output: {result.check_output.splitlines()[-1] if result.check_output else '(none)'}",
        f"- goal build ≤ {GOAL_BUILD_RATIO}× vanilla: {ratio:.2f}× → "
        f"{verdict(ratio <= GOAL_BUILD_RATIO)}",
    ]
    if result.synthetic_pages == 1000:
        lines.append(
            f"- goal kb check ≤ {GOAL_CHECK_SECONDS:.0f} s at 1,000 pages: {check:.2f} s → "
            f"{verdict(check <= GOAL_CHECK_SECONDS)}"
        )
    for failure in result.failures:
        lines += ["", "FAILURE: " + failure]
    return lines


def _pair(a: int | None, b: int | None) -> str:
    return "–" if a is None else f"{a} / {b}"


def growth(small: Result, large: Result) -> list[str]:
    factor = large.synthetic_pages / small.synthetic_pages
    rows = [
        ("build ours", median(small.ours), median(large.ours)),
        ("build vanilla", median(small.vanilla), median(large.vanilla)),
        ("CPU ours", median(small.ours, "cpu_seconds"), median(large.ours, "cpu_seconds")),
        ("CPU vanilla", median(small.vanilla, "cpu_seconds"), median(large.vanilla, "cpu_seconds")),
        ("kb check", median(small.check), median(large.check)),
    ]
    lines = [
        f"## Growth {large.synthetic_pages}/{small.synthetic_pages} pages (×{factor:g} pages)",
        "",
        f"| {'':<14} | {str(small.synthetic_pages) + ' pages':>12} | {str(large.synthetic_pages) + ' pages':>12} | {'growth':>8} |",
        f"|{'-' * 16}|{'-' * 13}:|{'-' * 13}:|{'-' * 9}:|",
    ]
    for name, a, b in rows:
        lines.append(f"| {name:<14} | {a:>10.2f} s | {b:>10.2f} s | {b / a:>7.2f}× |")
    peak_small = max((r.max_rss for r in small.ours), default=0)
    peak_large = max((r.max_rss for r in large.ours), default=0)
    lines.append(
        f"| {'peak mem ours':<14} | {mb(peak_small):>12} | {mb(peak_large):>12} | "
        f"{peak_large / peak_small if peak_small else 0:>7.2f}× |"
    )
    ours_growth = median(large.ours) / median(small.ours)
    goal = GOAL_GROWTH * factor / 5  # the issue: 5,000 pages ≤ 5.5× the 1,000-page time
    lines += [
        "",
        f"- goal growth of ours ≤ {goal:.2f}× (5.5× per 5× pages): {ours_growth:.2f}× → "
        f"{verdict(ours_growth <= goal)}",
    ]
    return lines


def render(header: list[str], results: list[Result], runs: int) -> str:
    out = ["# Build benchmark: ours vs vanilla Material (+ navigation.prune)", "", *header, ""]
    for result in results:
        out += report(result, runs) + [""]
    for large in results[1:]:
        out += growth(results[0], large) + [""]
    return "\n".join(out).rstrip()


def result_from_dict(data: dict) -> Result:
    result = Result(
        **{
            k: v
            for k, v in data.items()
            if k in ("synthetic_pages", "total_pages", "words", "check_output", "failures")
        }
    )
    for name in ("ours", "vanilla", "check"):
        setattr(result, name, [Run(**run) for run in data[name]])
    result.ours_site = SiteSize(**data["ours_site"])
    result.vanilla_site = SiteSize(**data["vanilla_site"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="synthetic pages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each project (default 3)")
    parser.add_argument(
        "--also",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="repeat at N pages and print the growth ratio (repeatable)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic pages")
    parser.add_argument(
        "--folder-size",
        type=int,
        default=synthetic.FOLDER_SIZE,
        help=f"synthetic pages per subfolder (default {synthetic.FOLDER_SIZE}; 0 = flat sections)",
    )
    parser.add_argument("--today", default=FIXED_TODAY, help=f"KB_TODAY (default {FIXED_TODAY})")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter for the builds (default: this one)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to create the projects (default: a new temporary directory)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800,
        help="seconds after which a build or check is killed and reported (default 1800)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="JSON",
        help="print the report of an earlier run from its --json file (builds nothing)",
    )
    parser.add_argument(
        "--vanilla-markdown-extensions",
        action="store_true",
        help="give vanilla Material our Markdown extensions too (no hooks, no plugins)",
    )
    args = parser.parse_args(argv)
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        results = [result_from_dict(r) for r in saved["results"]]
        print(render(saved["header"], results, saved["runs"]))
        return 0

    python = sys.executable
    if Path(python).absolute().is_relative_to(Path.cwd()):
        python = os.path.relpath(python)
    command = shlex.join([python, *sys.argv] if argv is None else [python, sys.argv[0], *argv])
    code = revision()  # the state that is copied into the snapshot below
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kb-benchmark-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    try:
        snapshot = workdir / "snapshot"
        copy_parts(REPO, snapshot, (*PROJECT_PARTS, "src"))
        for pages in [args.pages, *args.also]:
            results.append(run_size(args, pages, workdir, snapshot))
    finally:
        if args.keep:
            progress(f"projects kept in {workdir}")
        elif args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    header = [
        f"- command: `{command}`",
        f"- code: {code}",
        f"- machine: {machine()}",
        f"- builds: `{Path(args.python).name} -m mkdocs build -q -d SITE` in each project, "
        f"KB_TODAY={args.today}; kb check: `{Path(args.python).name} -m kb.cli check` in ours",
        f"- pages: the real site (docs/) plus N synthetic pages (scripts/synthetic.py, "
        f"seed {args.seed}, {args.folder_size or 'all'} per subfolder); "
        "each project is a git repository with one commit",
    ]
    if args.vanilla_markdown_extensions:
        header.append("- vanilla has the same Markdown extensions as ours (no hooks, no plugins)")
    print(render(header, results, args.runs))
    if args.json:
        saved = {"header": header, "runs": args.runs, "results": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    failed = any(r.failures for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
