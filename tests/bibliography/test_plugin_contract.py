"""The contract with mkdocs-bibtex's private caches: the pinned version has them, priming them spares pandoc the
per-page runs, and a plugin that changed them stops the build instead of silently formatting page by page."""

from __future__ import annotations

import re
from importlib.metadata import version
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs_bibtex.citation import CitationBlock

from coursekit.content.load import CourseContent
from coursekit.paths import REPO_ROOT
from coursekit.site import hooks
from coursekit.site.bibtex_cache import PINNED, PluginContractError, plugin_registry, prime_bibtex_plugin


def test_the_pin_is_the_version_the_contract_names() -> None:
    pinned = re.search(r'"mkdocs-bibtex==([^"]+)"', (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pinned is not None
    assert PINNED == f"mkdocs-bibtex {pinned.group(1)}" == f"mkdocs-bibtex {version('mkdocs-bibtex')}"


@pytest.fixture(scope="module")
def bibtex_plugin():  # type: ignore[no-untyped-def]
    """The real plugin, configured as a build configures it (our on_config, then its own)."""
    config = load_config(config_file=str(REPO_ROOT / "mkdocs.yml"))
    hooks.on_config(config)
    plugin = config.plugins["bibtex"]
    plugin.on_config(config)
    return plugin


def test_priming_fills_the_caches_the_plugin_reads(bibtex_plugin, real_content: CourseContent,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    text = "A claim [@risse2000argue, p. 10]."
    prime_bibtex_plugin(bibtex_plugin, real_content, [text])
    registry = plugin_registry(bibtex_plugin)
    block = CitationBlock.from_markdown(text)[0]

    def no_pandoc(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the plugin ran pandoc for a block the caches hold")

    monkeypatch.setattr(registry, "_process_with_pandoc", no_pandoc)
    registry.validate_citation_blocks([block])  # the plugin's own per-page step: served from the caches
    assert registry.reference_text(block.citations[0]) == registry._reference_cache["risse2000argue"]
    assert "[^ref-risse2000argue]" in registry.inline_text(block)


@pytest.mark.parametrize("changed", [
    SimpleNamespace(registry=None),
    SimpleNamespace(registry=SimpleNamespace(_inline_cache={}, _process_with_pandoc=print)),
], ids=["no-registry", "renamed-caches"])
def test_a_changed_plugin_stops_the_build(changed: SimpleNamespace, real_content: CourseContent) -> None:
    with pytest.raises(PluginContractError, match="mkdocs-bibtex changed"):
        prime_bibtex_plugin(changed, real_content, ["[@risse2000argue]"])
