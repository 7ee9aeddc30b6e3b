# Generated from specs/akool.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- akool`.
"""Contains methods for accessing the API"""
