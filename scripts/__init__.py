"""Maintenance scripts: vendoring specs, generating and checking the clients."""
