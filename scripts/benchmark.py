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

Ours is built twice in each round: first without the caches a build keeps for the next
one (``.cache/kb-paginas``: converted pages, ``.cache/kb-zoeksleutels``: search keys,
``.cache/kb-controles``: each page's findings; removed before the build), then again with the same files from what that build left
there, as a second build, ``make serve`` after a build, or CI with a kept cache would.
Both are reported; the converted templates (``.cache/kb-documenten``) stay between runs.

It builds the projects alternately ``--runs`` times (``python -m mkdocs build -q -d SITE`` with a
fixed ``KB_TODAY``), measuring wall time, CPU time and the peak resident memory of the build
process (``os.wait4`` on the child; a grandchild such as the Pagefind binary counts with its
own peak, not added), and times ``kb check`` (``python -m kb.cli check``) in the ours project,
without the findings kept by the build before it (``.cache/kb-controles``, removed first).
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
from benchmark_serve import Edit, ServeResult, measure_ours, measure_vanilla  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
from kb.model.glossary import load_glossary  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "sources", "includes", "hooks", "overrides")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store")
FIXED_TODAY = "2026-11-28"
# What a build keeps for the next one (.cache/, see kb_mkdocs.page_cache, kb.check.kept): removed before
# each "ours" build, kept for the "ours_warm" build right after it. The converted
# templates (.cache/kb-documenten) stay, as in every earlier run of this benchmark.
BUILD_CACHES = ("kb-paginas", "kb-zoeksleutels", "kb-controles")
CHECK_CACHE = "kb-controles"  # removed before each kb check too: checked from scratch

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

# Goals from the issues (printed next to the measurements, never asserted).
GOAL_BUILD_RATIO = 1.0  # ours against Material with the same extensions and its search
GOAL_GROWTH = 5.5
GOAL_CHECK_SECONDS = 3.0
# Live editing, as a share of vanilla's full build of the same pages: {pages: share}.
GOAL_BODY = {1000: 0.2, 5000: 0.1}
GOAL_STRUCTURAL = {1000: 0.4, 5000: 0.2}
GOAL_SEARCH_SECONDS = {1000: 10.0}


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
    ours: list[Run] = field(default_factory=list)  # without the caches between builds
    ours_warm: list[Run] = field(default_factory=list)  # right after, from those caches
    ours_off: list[Run] = field(default_factory=list)  # KB_CACHE=uit: as CI and the deploy
    vanilla: list[Run] = field(default_factory=list)
    material: list[Run] = field(default_factory=list)  # + our extensions and its search
    check: list[Run] = field(default_factory=list)
    ours_site: SiteSize = field(default_factory=SiteSize)
    vanilla_site: SiteSize = field(default_factory=SiteSize)
    material_site: SiteSize = field(default_factory=SiteSize)
    serve: ServeResult | None = None
    serve_vanilla: list[Edit] = field(default_factory=list)
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
) -> tuple[Path, Path, Path, int, int]:
    """Create ``base/ours``, ``base/vanilla`` and ``base/material`` (vanilla with our
    Markdown extensions); returns them, the page count and words."""
    ours, vanilla, material = base / "ours", base / "vanilla", base / "material"
    copy_parts(snapshot, ours, PROJECT_PARTS)
    synthetic.generate(pages, ours, seed=seed, folder_size=folder_size)
    for other, extensions in ((vanilla, False), (material, True)):
        other.mkdir()
        shutil.copytree(ours / "docs", other / "docs")
        (other / "mkdocs.yml").write_text(vanilla_config(snapshot, extensions), encoding="utf-8")
    for root in (ours, vanilla, material):
        git_commit(root)
    markdown = list((ours / "docs").rglob("*.md"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in markdown)
    return ours, vanilla, material, len(markdown), words


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
    ours, vanilla, material, total, words = make_projects(
        snapshot, base, pages, args.seed, args.folder_size
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

    def build(name: str, root: Path, index: int, extra: dict[str, str] | None = None) -> None:
        command = [args.python, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")]
        log = logs / f"{name}-build-{index}.log"
        run = measure(command, root, {**env, **(extra or {})}, log, args.timeout)
        getattr(result, name).append(run)
        progress(
            f"[{pages}] build {name:<9} run {index + 1}: {run.seconds:6.2f} s, "
            f"peak {run.max_rss / 2**20:5.0f} MB, exit {run.returncode}"
        )
        if run.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            result.failures.append(
                f"{name} build {index + 1} failed (exit {run.returncode}):\n{tail}"
            )

    for index in range(args.runs):
        order = [("ours", ours), ("vanilla", vanilla), ("material", material)]
        order = order[index % 3 :] + order[: index % 3]  # rotate which one goes first
        for name, root in order:
            if name == "ours":  # first without the caches, then from what it left there
                for cache in BUILD_CACHES:
                    shutil.rmtree(root / ".cache" / cache, ignore_errors=True)
                build(name, root, index)
                build("ours_warm", root, index)
                build("ours_off", root, index, {"KB_CACHE": "uit"})  # reads and writes none
            else:
                build(name, root, index)
        log = logs / f"check-{index}.log"
        shutil.rmtree(ours / ".cache" / CHECK_CACHE, ignore_errors=True)  # as in a PR's CI
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
    result.material_site = site_size(material / "site")
    if args.serve_repeats > 0:
        progress(f"[{pages}] serving (make serve's command) and saving edits ...")
        result.serve = measure_ours(
            ours, args.python, env, snapshot / "src" / "kb" / "templates", logs,
            args.serve_repeats, args.serve_session, args.timeout, progress,
        )  # fmt: skip
        result.failures += result.serve.failures
        try:
            result.serve_vanilla = measure_vanilla(
                vanilla, args.python, env, logs, args.serve_repeats, args.timeout, progress
            )
        except RuntimeError as error:
            result.failures.append(f"serve vanilla: {error}")
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


def _row(label: str, *cells: str) -> str:
    cells = tuple(cells) + ("",) * (5 - len(cells))
    return f"| {label:<33} | " + " | ".join(f"{c:>16}" for c in cells) + " |"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else ""


def report(result: Result, runs: int) -> list[str]:
    o, v, m = median(result.ours), median(result.vanilla), median(result.material)
    w, wc = median(result.ours_warm), median(result.ours_warm, "cpu_seconds")
    f, fc = median(result.ours_off), median(result.ours_off, "cpu_seconds")
    oc, vc = median(result.ours, "cpu_seconds"), median(result.vanilla, "cpu_seconds")
    mc = median(result.material, "cpu_seconds")
    check = median(result.check)
    os_, vs, ms = result.ours_site, result.vanilla_site, result.material_site

    def runs_of(items: list[Run]) -> str:
        return ", ".join(f"{r.seconds:.1f}" for r in items)

    def peak(items: list[Run]) -> str:
        return mb(max((r.max_rss for r in items), default=None))

    lines = [
        f"## {result.synthetic_pages} synthetic pages "
        f"({result.total_pages} pages in total with the real site, {result.words:,} words), "
        f"{runs} run{'s' if runs != 1 else ''} each, rotating",
        "",
        _row("", "ours", "vanilla", "Material + ext.", "ours/vanilla", "ours/Mat.+ext."),
        f"|{'-' * 35}|" + f"{'-' * 17}:|" * 5,
        _row(
            "build time, median",
            f"{o:.2f} s",
            f"{v:.2f} s",
            f"{m:.2f} s",
            _ratio(o, v),
            _ratio(o, m),
        ),  # fmt: skip
        _row(
            "build runs (s)",
            runs_of(result.ours),
            runs_of(result.vanilla),
            runs_of(result.material),
        ),  # fmt: skip
        _row(
            "CPU time (user+sys), median",
            f"{oc:.2f} s",
            f"{vc:.2f} s",
            f"{mc:.2f} s",
            _ratio(oc, vc),
            _ratio(oc, mc),
        ),  # fmt: skip
        _row(
            "ours, 2nd build (from .cache/)",
            f"{w:.2f} s",
            "",
            "",
            _ratio(w, v),
            _ratio(w, m),
        ),  # fmt: skip
        _row("  runs (s)", runs_of(result.ours_warm)),
        _row(
            "  CPU time (user+sys), median", f"{wc:.2f} s", "", "", _ratio(wc, vc), _ratio(wc, mc)
        ),
        *(
            [
                _row(
                    "ours, caches off (CI, deploy)",
                    f"{f:.2f} s",
                    "",
                    "",
                    _ratio(f, v),
                    _ratio(f, m),
                ),
                _row("  runs (s)", runs_of(result.ours_off)),
                _row(
                    "  CPU time (user+sys), median",
                    f"{fc:.2f} s",
                    "",
                    "",
                    _ratio(fc, vc),
                    _ratio(fc, mc),
                ),
            ]
            if result.ours_off
            else []
        ),
        _row(
            "peak memory (max RSS over runs)",
            peak(result.ours),
            peak(result.vanilla),
            peak(result.material),
        ),  # fmt: skip
        _row("search/search_index.json", mb(os_.lunr_bytes), mb(vs.lunr_bytes), mb(ms.lunr_bytes)),
        _row(
            "  same, gzip-compressed",
            mb(os_.lunr_gzip_bytes),
            mb(vs.lunr_gzip_bytes),
            mb(ms.lunr_gzip_bytes),
        ),  # fmt: skip
        _row("pagefind/ total", mb(os_.pagefind_bytes), mb(vs.pagefind_bytes)),
        _row(
            "pagefind index chunks / fragments",
            _pair(os_.pagefind_index_chunks, os_.pagefind_fragments),
        ),
        _row(
            "site size (files)",
            f"{mb(os_.site_bytes)} ({os_.site_files})",
            f"{mb(vs.site_bytes)} ({vs.site_files})",
            f"{mb(ms.site_bytes)} ({ms.site_files})",
        ),
        _row("kb check, median", f"{check:.2f} s"),
        "",
        f"- kb check runs (s): {runs_of(result.check)}; peak memory {peak(result.check)}; "
        f"output: {result.check_output.splitlines()[-1] if result.check_output else '(none)'}",
        f"- goal build ≤ Material with the same extensions and its search: without the "
        f"caches {_ratio(o, m)} → {verdict(bool(m) and o / m <= GOAL_BUILD_RATIO)}; from the "
        f"caches of the build before {_ratio(w, m)} → "
        f"{verdict(bool(m) and bool(w) and w / m <= GOAL_BUILD_RATIO)}"
        + (
            f"; with the caches off (CI, deploy) {_ratio(f, m)} → "
            f"{verdict(bool(m) and f / m <= GOAL_BUILD_RATIO)}"
            if result.ours_off
            else ""
        ),
    ]
    if result.synthetic_pages == 1000:
        lines.append(
            f"- goal kb check ≤ {GOAL_CHECK_SECONDS:.0f} s at 1,000 pages: {check:.2f} s → "
            f"{verdict(check <= GOAL_CHECK_SECONDS)}"
        )
    if result.serve is not None:
        lines += ["", *serve_report(result, v)]
    for failure in result.failures:
        lines += ["", "FAILURE: " + failure]
    return lines


def serve_report(result: Result, vanilla_build: float) -> list[str]:
    """Live editing: seconds from a save until the served HTML has every effect."""
    serve = result.serve
    assert serve is not None
    pages = result.synthetic_pages
    lines = [
        f"### Live editing (`make serve`), {pages} synthetic pages",
        "",
        f"First build when the server starts: {serve.start_seconds:.1f} s. Seconds from the "
        "save until the served pages show it (median of the repeats; share of vanilla's "
        f"full build of {vanilla_build:.2f} s):",
        "",
        "| edit | median | runs | how | share of vanilla build | search index after |",
        "|---|---:|---|---|---:|---:|",
    ]
    by_kind: dict[str, list[Edit]] = {}
    for edit in serve.edits:
        if edit.kind != "restore":
            by_kind.setdefault(edit.kind, []).append(edit)
    medians = {}
    for kind, edits in by_kind.items():
        med = statistics.median(e.seconds for e in edits)
        medians[kind] = med
        modes = "/".join(sorted({e.mode for e in edits}))
        searches = [e.search_seconds for e in edits if e.search_seconds is not None]
        after = f"{statistics.median(searches):.1f} s" if searches else "–"
        runs_text = ", ".join(f"{e.seconds:.2f}" for e in edits)
        lines.append(
            f"| {EDIT_LABELS.get(kind, kind)} | {med:.2f} s | {runs_text} | {modes} | "
            f"{med / vanilla_build:.2f}× | {after} |"
        )
    if result.serve_vanilla:
        vanilla = statistics.median(e.seconds for e in result.serve_vanilla)
        lines.append(
            f"| vanilla Material, `mkdocs serve`: body edit | {vanilla:.2f} s | "
            f"{', '.join(f'{e.seconds:.2f}' for e in result.serve_vanilla)} | volledig | "
            f"{vanilla / vanilla_build:.2f}× | – |"
        )
    lines.append("")
    body_goal = GOAL_BODY.get(pages)
    structural_goal = GOAL_STRUCTURAL.get(pages)
    if body_goal and "body" in medians:
        share = medians["body"] / vanilla_build
        lines.append(f"- goal body edit ≤ {body_goal}× vanilla's build: {share:.2f}× → "
                     f"{verdict(share <= body_goal)}")  # fmt: skip
    if structural_goal:
        worst = max((medians[k] for k in STRUCTURAL_KINDS if k in medians), default=0.0)
        share = worst / vanilla_build
        lines.append(
            f"- goal front-matter edit, new, renamed or deleted page ≤ {structural_goal}× "
            f"vanilla's build (slowest of them): {share:.2f}× → {verdict(share <= structural_goal)}"
        )
    search_goal = GOAL_SEARCH_SECONDS.get(pages)
    searches = [e.search_seconds for e in serve.edits if e.search_seconds is not None]
    if searches:
        worst_search = max(searches)
        text = f"- search index after the save: median {statistics.median(searches):.1f} s, " \
            f"at most {worst_search:.1f} s"  # fmt: skip
        if search_goal:
            text += f"; goal ≤ {search_goal:.0f} s → {verdict(worst_search <= search_goal)}"
        lines.append(text)
    if serve.session_edits:
        lines.append(
            f"- a session of {serve.session_edits} body edits: median "
            f"{statistics.median(serve.session_seconds):.2f} s, slowest "
            f"{max(serve.session_seconds):.2f} s; server memory (RSS) after the first edit "
            f"{mb(serve.rss_first)}, after the last {mb(serve.rss_last)} "
            f"({_ratio(serve.rss_last, serve.rss_first)}); peak {mb(serve.rss_peak)}"
        )
    return lines


EDIT_LABELS = {
    "body": "body of one page",
    "title": "title (page, sibling's navigation, role overview)",
    "roles": "roles (both role overviews)",
    "new": "new page (page, navigation, overview)",
    "rename": "renamed page (404 on the old address, navigation)",
    "delete": "deleted page (404, navigation, overview)",
    "recreate": "editor deletes and writes the page again (original title and roles)",
    "data": "data/vocabulary.yml (full build)",
    "pull-100": "100 pages changed at once, as by a git pull",
    "checkout": "`git checkout -- docs` of those 100",
}
STRUCTURAL_KINDS = ("title", "roles", "new", "rename", "delete")


def _pair(a: int | None, b: int | None) -> str:
    return "–" if a is None else f"{a} / {b}"


def growth(small: Result, large: Result) -> list[str]:
    factor = large.synthetic_pages / small.synthetic_pages
    rows = [
        ("build ours", median(small.ours), median(large.ours)),
        ("ours (caches)", median(small.ours_warm), median(large.ours_warm)),
        *(
            [("ours (off)", median(small.ours_off), median(large.ours_off))]
            if small.ours_off and large.ours_off
            else []
        ),
        ("build vanilla", median(small.vanilla), median(large.vanilla)),
        ("build Mat.+ext.", median(small.material), median(large.material)),
        ("CPU ours", median(small.ours, "cpu_seconds"), median(large.ours, "cpu_seconds")),
        ("CPU vanilla", median(small.vanilla, "cpu_seconds"), median(large.vanilla, "cpu_seconds")),
        ("kb check", median(small.check), median(large.check)),
    ]
    lines = [
        f"## Growth {large.synthetic_pages}/{small.synthetic_pages} pages (×{factor:g} pages)",
        "",
        f"| {'':<15} | {str(small.synthetic_pages) + ' pages':>12} | {str(large.synthetic_pages) + ' pages':>12} | {'growth':>8} |",
        f"|{'-' * 17}|{'-' * 13}:|{'-' * 13}:|{'-' * 9}:|",
    ]
    for name, a, b in rows:
        lines.append(f"| {name:<15} | {a:>10.2f} s | {b:>10.2f} s | {b / a:>7.2f}× |")
    peak_small = max((r.max_rss for r in small.ours), default=0)
    peak_large = max((r.max_rss for r in large.ours), default=0)
    lines.append(
        f"| {'peak mem ours':<15} | {mb(peak_small):>12} | {mb(peak_large):>12} | "
        f"{peak_large / peak_small if peak_small else 0:>7.2f}× |"
    )
    ours_growth = median(large.ours) / median(small.ours)
    goal = GOAL_GROWTH * factor / 5  # 5,000 pages ≤ 5.5× the 1,000-page time: linear
    lines += [
        "",
        f"- goal growth of ours ≤ {goal:.2f}× (5.5× per 5× pages): {ours_growth:.2f}× → "
        f"{verdict(ours_growth <= goal)}",
    ]
    return lines


def render(header: list[str], results: list[Result], runs: int) -> str:
    out = ["# Build and serve benchmark: ours vs vanilla Material", "", *header, ""]
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
    for name in ("ours", "ours_warm", "ours_off", "vanilla", "material", "check"):
        setattr(result, name, [Run(**run) for run in data.get(name, [])])
    for name in ("ours_site", "vanilla_site", "material_site"):
        setattr(result, name, SiteSize(**data.get(name, {})))
    serve = data.get("serve")
    if serve:
        edits = [Edit(**e) for e in serve.pop("edits")]
        result.serve = ServeResult(**serve, edits=edits)
    result.serve_vanilla = [Edit(**e) for e in data.get("serve_vanilla", [])]
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
        "--serve-repeats",
        type=int,
        default=3,
        help="rounds of edits while serving (default 3; 0 = no serve measurements)",
    )
    parser.add_argument(
        "--serve-session",
        type=int,
        default=200,
        help="body edits in the memory session while serving (default 200)",
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
    header += [
        "- vanilla: Material with `navigation.prune` and its search plugin, nothing else; "
        "Material + ext.: the same with our Markdown extensions (glossary in `abbr`)",
        "- serve: `python -m mkdocs serve --no-strict --livereload --watch src/kb/templates` "
        "in ours with KB_SITE_URL, as `make serve` runs it; vanilla: `mkdocs serve`",
    ]
    print(render(header, results, args.runs))
    if args.json:
        saved = {"header": header, "runs": args.runs, "results": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    failed = any(r.failures for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
