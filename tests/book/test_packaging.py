"""Packaging a user can trust (issue 17): a licence and a valid citation file, hash-locked
runtime dependencies free of test tools, one list of direct dependencies, Python 3.11 to
3.13, and no TeX Live for a build without PDF."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import jsonschema
import yaml

from tests.book.conftest import ROOT

#: Test and lint tools, which `make book` must not install.
DEV_ONLY = {"pytest", "ruff", "playwright", "pluggy", "iniconfig", "greenlet"}


def locked(path) -> dict[str, str]:
    """Package -> version of a pip-compile output, each checked to carry hashes."""
    text = path.read_text(encoding="utf-8")
    entries = re.findall(
        r"^([A-Za-z0-9_.\-]+)==(\S+)((?: \\\n\s+--hash=sha256:[0-9a-f]{64})+)", text, re.M
    )
    pins = re.findall(r"^[A-Za-z0-9_.\-]+==", text, re.M)
    assert len(entries) == len(pins), f"{path.name}: a pinned package without a hash"
    return {_norm(name): version for name, version, _ in entries}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_licence_and_citation_file() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence
    assert "seed articles" in licence and "NOT covered" in licence
    schema = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text("utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(citation)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["version"] == project["version"]


def test_runtime_lock_has_every_direct_dependency_with_hashes_and_no_test_tool() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = locked(ROOT / "requirements.txt")
    assert not DEV_ONLY & set(runtime), DEV_ONLY & set(runtime)
    for requirement in project["dependencies"]:
        name, version = requirement.split("==")
        assert runtime.get(_norm(name)) == version, f"{name} is not locked at {version}"
    dev = locked(ROOT / "requirements-dev.txt")
    for requirement in project["optional-dependencies"]["dev"]:
        name, version = requirement.split("==")
        assert dev.get(_norm(name)) == version, f"{name} is not locked at {version}"
    # the dev set adds to the runtime, never moves it
    assert {k: v for k, v in dev.items() if k in runtime} == runtime
    assert "pip" in locked(ROOT / "requirements-pip.txt")


def test_supported_pythons_are_stated_once_and_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text("utf-8"))
    assert workflow["jobs"]["build"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]


def make_dry_run(*args: str) -> str:
    return subprocess.run(
        ["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def test_no_tex_for_a_book_or_bench_without_pdf() -> None:
    assert "system-deps.sh tex" not in make_dry_run("book", "FORMATS=html")
    assert "system-deps.sh tex" not in make_dry_run("bench", "BENCH_FORMATS=html")
    assert "system-deps.sh tex" in make_dry_run("book", "FORMATS=html,pdf")


def test_the_makefile_passes_every_build_option_by_the_same_name() -> None:
    text = make_dry_run(
        "book", "FORMATS=html", "FOCUS_COUNTRIES=UZ,CN", "MIN_MENTIONS=2", "STRICT=1"
    )
    for option in ("--formats", "--focus-countries", "--min-mentions", "--strict", "--seeds"):
        assert option in text, option
    help_text = subprocess.run(
        [sys.executable, "-m", "analysis.build", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for variable in ("SEEDS", "BUILD_DIR", "FORMATS", "FOCUS_COUNTRIES", "MIN_MENTIONS"):
        assert variable in help_text
