# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
"""Contains endpoint functions for accessing the API"""
