"""The README's set-up commands, CI and the CLI's documentation stay in step."""

from __future__ import annotations

import re

from typer.main import get_command

from conftest import ROOT
from newsclean.cli import app

README = (ROOT / "README.md").read_text("utf-8")


def _setup_commands() -> list[str]:
    first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", README, re.S)
    assert first_block, "README opens with a code block of set-up commands"
    return [line for line in first_block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert "newsclean run seeds/ out/" in commands[0]
    assert "[test" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert _setup_commands()[1] in ci


def test_every_command_and_option_is_documented() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"newsclean {name}" in README, f"README does not document `newsclean {name}`"
        for param in command.params:
            for option in param.opts:
                if option.startswith("--"):
                    assert option in README, f"README does not document {option} of {name}"


def test_every_config_setting_is_documented() -> None:
    from dataclasses import fields

    from newsclean.config import Config

    for field in fields(Config):
        assert f"`{field.name}`" in README, f"README does not document setting {field.name}"


def test_every_cleaning_rule_is_documented() -> None:
    from newsclean.clean import RULES

    for rule in RULES:
        assert f"`{rule.name}`" in README, f"README does not document rule {rule.name}"
