"""Every registered vendor is complete: its enum value, spec, provenance, generator
configuration, generated client, fake with documented answers, cassettes and description.

The registry (``sessionend.providers.ADAPTERS``) is the one list of vendors; these tests fail,
naming the vendor, when something a vendor needs elsewhere in the repository is missing.
"""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path

import pytest
import yaml
from sessionend import Provider
from sessionend._session_id import check_session_id
from sessionend.providers import ADAPTERS, Adapter, Credential, Option
from sessionend.testing.vendors import FAKES

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
CASSETTES = ROOT / "tests" / "contract" / "cassettes"
DESCRIPTION = (
    "title",
    "default_base_url",
    "base_url_variable",
    "credentials",
    "generated_package",
    "example_session_id",
)
"""The attributes that describe a vendor, which every adapter must declare."""

VENDORS = [pytest.param(adapter, id=provider.value) for provider, adapter in ADAPTERS.items()]


def test_the_provider_enum_is_the_registry() -> None:
    assert [provider.value for provider in Provider] == [p.value for p in ADAPTERS]
    for provider, adapter in ADAPTERS.items():
        assert adapter.provider is provider


@pytest.mark.parametrize("adapter", VENDORS)
def test_the_vendor_has_a_vendored_spec_with_provenance(adapter: type[Adapter]) -> None:
    provenance = yaml.safe_load((SPECS / "PROVENANCE.yaml").read_text(encoding="utf-8"))
    for name in adapter.spec_names():
        assert (SPECS / f"{name}.yaml").is_file()
        assert provenance["vendors"].get(name, {}).get("spec") == f"{name}.yaml"


@pytest.mark.parametrize("adapter", VENDORS)
def test_the_vendor_has_a_generated_client_per_spec(adapter: type[Adapter]) -> None:
    packages = []
    for name in adapter.spec_names():
        config = SPECS / "generator" / f"{name}.yaml"
        assert config.is_file()
        package_name = yaml.safe_load(config.read_text(encoding="utf-8"))["package_name_override"]
        package = importlib.import_module(package_name)
        assert package.__file__ is not None
        assert Path(package.__file__).resolve().parent == ROOT / "generated" / name / package_name
        packages.append(package_name)
    assert adapter.generated_package in packages


def test_every_vendored_spec_belongs_to_one_vendor() -> None:
    claimed = Counter(name for adapter in ADAPTERS.values() for name in adapter.spec_names())
    vendored = {path.stem for path in SPECS.glob("*.yaml") if path.name != "PROVENANCE.yaml"}
    assert set(claimed) == vendored
    assert [name for name, count in claimed.items() if count > 1] == []


@pytest.mark.parametrize("adapter", VENDORS)
def test_every_option_is_declared_with_its_default_among_its_choices(
    adapter: type[Adapter],
) -> None:
    for option in adapter.options:
        assert isinstance(option, Option)
        assert option.default in option.choices
        assert adapter.variables()[option.name] == option.variable


@pytest.mark.parametrize("adapter", VENDORS)
def test_the_vendor_has_a_fake_with_documented_answers_and_cassettes(
    adapter: type[Adapter],
) -> None:
    fake = FAKES.get(adapter.provider)
    assert fake is not None and fake.provider is adapter.provider
    assert {"success", "not_found"} <= set(fake.answers)
    assert sorted((CASSETTES / adapter.provider.value).glob("*.yaml"))


@pytest.mark.parametrize("adapter", VENDORS)
def test_the_adapter_declares_its_description(adapter: type[Adapter]) -> None:
    for attribute in DESCRIPTION:
        assert getattr(adapter, attribute, None), f"{adapter.__name__} lacks {attribute}"
    assert all(isinstance(credential, Credential) for credential in adapter.credentials)
    assert adapter.default_base_url.startswith(("https://", "http://"))


@pytest.mark.parametrize("adapter", VENDORS)
def test_the_example_session_id_passes_the_vendors_own_check(adapter: type[Adapter]) -> None:
    check_session_id(adapter.example_session_id, adapter.provider.value)
    adapter().check_session_id(adapter.example_session_id)


def test_no_two_vendors_share_an_environment_variable() -> None:
    variables = Counter(
        variable for adapter in ADAPTERS.values() for variable in adapter.variables().values()
    )
    assert [variable for variable, count in variables.items() if count > 1] == []
