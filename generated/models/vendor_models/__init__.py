"""Pydantic models of each vendor's schemas and request bodies, one module per vendor.

Made by datamodel-code-generator from specs/<vendor>.yaml; never edit by hand.
"""
