# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
"""Contains endpoint functions for accessing the API"""
