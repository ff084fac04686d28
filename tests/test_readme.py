"""The README's commands are what CI runs."""

import re

from conftest import REPO


def readme_command(marker: str) -> str:
    text = (REPO / "README.md").read_text()
    match = re.search(rf"<!-- {marker} -->\s*```bash\n(.+?)\n```", text, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert readme_command("test-command") in ci_lines


def test_run_command_installs_and_ingests_the_samples():
    command = readme_command("run-command")
    assert "pip install ." in command and "news-archive" in command
