# Generated from specs/{akool,digitalsamba,elizaos,liveavatar,openhands,openhands_v1}.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate`.
"""Pydantic models of each vendor's schemas and request bodies, one module per vendor.

Made by datamodel-code-generator from specs/<vendor>.yaml; never edit by hand.
"""
