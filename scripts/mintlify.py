"""Convert a Mintlify API page (its internal ``paths/request/response`` form) to OpenAPI 3.1.

Mintlify renders each operation of an API reference from a per-page document that is not
OpenAPI: one ``paths`` mapping holding ``path``, ``method``, ``request`` and ``response``,
each schema given as a ``schemaArray`` of alternatives, each property wrapped in a
one-element ``allOf``, and shared schemas marked with ``refIdentifier`` instead of ``$ref``.
This module turns such a page back into a one-operation OpenAPI 3.1 document.

What the page does not carry (``info``, the operationId) cannot be recovered from it;
``info`` is filled from the page heading and the vendoring record supplies the rest as
corrections, each with its reason.
"""

from __future__ import annotations

from typing import Any

__all__ = ["is_mintlify_page", "to_openapi"]

_PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
_REF_PREFIX = "#/components/schemas/"


def is_mintlify_page(document: Any) -> bool:
    """Tell whether a parsed YAML document is in Mintlify's per-page form."""
    if not isinstance(document, dict) or "openapi" in document:
        return False
    paths = document.get("paths")
    return isinstance(paths, dict) and {"path", "method"} <= paths.keys()


def to_openapi(
    document: dict[str, Any], *, title: str, description: str | None = None
) -> dict[str, Any]:
    """Build an OpenAPI 3.1 document from a Mintlify page.

    Args:
        document: The parsed Mintlify page document.
        title: Summary of the operation (the page heading).
        description: Description of the operation (the page lead), if any.

    Returns:
        An OpenAPI 3.1 document with one path and one operation.
    """
    page = document["paths"]
    components: dict[str, Any] = {}
    operation: dict[str, Any] = {"summary": title}
    if description:
        operation["description"] = description
    request = page.get("request") or {}
    parameters = _parameters(request.get("parameters") or {}, components)
    if parameters:
        operation["parameters"] = parameters
    body = _request_body(request.get("body") or {}, components)
    if body:
        operation["requestBody"] = body
    operation["responses"] = {
        str(status): _response(content, components)
        for status, content in (page.get("response") or {}).items()
    }
    schemes: dict[str, Any] = {}
    if "security" in request:
        operation["security"] = _security(request["security"], schemes)
    if page.get("deprecated"):
        operation["deprecated"] = True

    result: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "unversioned"},
    }
    if page.get("servers"):
        result["servers"] = page["servers"]
    result["paths"] = {page["path"]: {str(page["method"]).lower(): operation}}
    if components or schemes:
        result["components"] = {}
    if components:
        result["components"]["schemas"] = dict(sorted(components.items()))
    if schemes:
        result["components"]["securitySchemes"] = schemes
    return result


def _parameters(by_location: dict[str, Any], components: dict[str, Any]) -> list[dict[str, Any]]:
    parameters = []
    for location in _PARAMETER_LOCATIONS:
        for name, spec in (by_location.get(location) or {}).items():
            alternatives = [dict(item) for item in spec.get("schema") or [{}]]
            # Mintlify hoists parameter-level keys into the first alternative.
            first = alternatives[0]
            required = bool(first.pop("required", False)) or location == "path"
            described = first.pop("description", None)
            parameter: dict[str, Any] = {"name": name, "in": location, "required": required}
            if described:
                parameter["description"] = described
            parameter["schema"] = _one_of(alternatives, components)
            parameters.append(parameter)
    return parameters


def _request_body(body: dict[str, Any], components: dict[str, Any]) -> dict[str, Any] | None:
    content = {
        media_type: {"schema": _one_of(spec.get("schemaArray") or [{}], components)}
        for media_type, spec in body.items()
    }
    return {"content": content} if content else None


def _response(by_media_type: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    description = ""
    content: dict[str, Any] = {}
    for media_type, spec in by_media_type.items():
        description = spec.get("description") or description
        media: dict[str, Any] = {"schema": _one_of(spec.get("schemaArray") or [{}], components)}
        examples = spec.get("examples")
        if examples:
            media["examples"] = examples
        content[media_type] = media
    response: dict[str, Any] = {"description": description}
    if content:
        response["content"] = content
    return response


def _one_of(alternatives: list[Any], components: dict[str, Any]) -> dict[str, Any]:
    schemas = [_schema(item, components) for item in alternatives]
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


def _schema(node: Any, components: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_schema(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    node = dict(node)
    reference = node.pop("refIdentifier", None)
    all_of = node.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and len(node) == 1:
        # Mintlify wraps every property in a one-element allOf; it means the element.
        return _schema(all_of[0], components)
    converted = {key: _schema(value, components) for key, value in node.items()}
    if isinstance(reference, str) and reference.startswith(_REF_PREFIX):
        name = reference.removeprefix(_REF_PREFIX)
        components[name] = converted
        return {"$ref": reference}
    return converted


def _security(requirements: list[Any], schemes: dict[str, Any]) -> list[dict[str, list[str]]]:
    """Turn Mintlify's security options into requirements, filling ``schemes``.

    An empty list means the operation needs no credentials, as in OpenAPI.
    """
    result: list[dict[str, list[str]]] = []
    for option in requirements:
        requirement: dict[str, list[str]] = {}
        for location, names in (option.get("parameters") or {}).items():
            for name, spec in (names or {}).items():
                scheme_name = f"{option.get('title') or name}"
                if spec.get("type") == "http":
                    schemes[scheme_name] = {"type": "http", "scheme": spec.get("scheme", "bearer")}
                else:
                    schemes[scheme_name] = {"type": "apiKey", "in": location, "name": name}
                requirement[scheme_name] = []
        result.append(requirement)
    return result
