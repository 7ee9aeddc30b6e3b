"""Where each vendor's server is known to differ from its vendored spec: the one list.

Cassettes are validated against the specs read strictly (see ``spec_check``): an object
schema that lists its properties accepts no others. Each deviation below is a narrow edit of
one vendor's spec, applied before validation, that admits exactly what the server is known to
do and nothing more: one status of one operation, one method, one body shape, one
header. ``test_spec_conformance`` fails when a deviation is no longer needed by any cassette,
so the list cannot grow stale or broader than the evidence.

Operations: ``add`` sets a value where the spec has none (it fails if the spec already has
one); ``also`` lets a schema accept a second shape (``anyOf`` of the spec's and this one), or
appends to a list (a security requirement). Both are carried out as JSON Patch operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["DEVIATIONS", "Deviation", "Edit"]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the values hold dicts
class Edit:
    """One edit of a spec: ``op`` at the JSON pointer ``path``."""

    op: Literal["add", "also"]
    path: str
    value: Any = None


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the values hold dicts
class Deviation:
    """A known difference between a vendor's server and its vendored spec."""

    vendor: str
    name: str
    what: str
    source: str
    edits: tuple[Edit, ...]


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


_ANY_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}
_FASTAPI_DETAIL: dict[str, Any] = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
}
_LIVEAVATAR = "/paths/~1v1~1sessions~1stop/post/responses"
_LIVEAVATAR_LIST = "/paths/~1v1~1sessions/get/responses"
_OPENHANDS = "/paths/~1api~1conversations~1{conversation_id}~1stop/post/responses"
_OPENHANDS_V1 = "/paths/~1api~1v1~1app-conversations/get/responses"
_OPENHANDS_V1_SEARCH = "/paths/~1api~1v1~1app-conversations~1search/get/responses"
_DIGITALSAMBA = "/paths/~1api~1v1~1sessions~1{session}~1end"
_ELIZAOS = "/paths/~1api~1messaging~1sessions~1{sessionId}/delete"
_ELIZAOS_LIST = "/paths/~1api~1messaging~1sessions/get"
_DIGITALSAMBA_LIST = "/paths/~1api~1v1~1sessions/get"
_ELIZA_ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["success", "error"],
    "properties": {
        "success": {"type": "boolean", "enum": [False]},
        "error": {
            "type": "object",
            "required": ["code"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
    },
}

DEVIATIONS: tuple[Deviation, ...] = (
    # --- LiveAvatar: the spec lists only 200 and 422 ---------------------------------------
    Deviation(
        "liveavatar",
        "rate-limit-429",
        "429 with Retry-After and X-RateLimit-Reset (fixed one-second windows)",
        "docs.liveavatar.com, core-concepts/rate-limits; the body is not documented",
        (
            Edit(
                "add",
                f"{_LIVEAVATAR}/429",
                {
                    "description": "Rate limited",
                    "headers": {
                        "Retry-After": {"required": True, "schema": {"type": "integer"}},
                        "X-RateLimit-Reset": {"required": True, "schema": {"type": "integer"}},
                    },
                    "content": _json(_ANY_OBJECT),
                },
            ),
        ),
    ),
    Deviation(
        "liveavatar",
        "unknown-session-404",
        "404 for a session the vendor does not know, with FastAPI's error body {detail}",
        "not documented: the status and body are assumed (the spec is FastAPI's, see its "
        "HTTPValidationError); re-record against the vendor to replace the assumption",
        (
            Edit(
                "add",
                f"{_LIVEAVATAR}/404",
                {"description": "Not found", "content": _json(_FASTAPI_DETAIL)},
            ),
        ),
    ),
    Deviation(
        "liveavatar",
        "bad-key-401",
        "401 for a refused API key, to a stop or a list, with FastAPI's error body {detail}",
        "not documented: the spec declares X-API-KEY and Bearer security but no 401; the body "
        "is assumed to be FastAPI's",
        (
            Edit(
                "add",
                f"{_LIVEAVATAR}/401",
                {"description": "Unauthorized", "content": _json(_FASTAPI_DETAIL)},
            ),
            Edit(
                "add",
                f"{_LIVEAVATAR_LIST}/401",
                {"description": "Unauthorized", "content": _json(_FASTAPI_DETAIL)},
            ),
        ),
    ),
    # --- Akool -----------------------------------------------------------------------------
    Deviation(
        "akool",
        "close-data",
        "the 200 envelope carries data {session_id, status, closed_at} besides code and msg",
        "docs.akool.com/ai-tools-suite/live-avatar/close-session, the page's Response Example",
        (
            Edit(
                "add",
                "/components/schemas/ApiResponse/properties/data",
                {
                    "type": "object",
                    "properties": {
                        "session_id": {"type": "string"},
                        "status": {"type": "string"},
                        "closed_at": {"type": "integer"},
                    },
                },
            ),
        ),
    ),
    Deviation(
        "akool",
        "list-create-time",
        "each listed session carries create_time, in epoch milliseconds",
        "assumed: docs.akool.com/ai-tools-suite/live-avatar/list-sessions documents no time "
        "field; Akool's other records carry create_time in epoch milliseconds (its avatar "
        "list's example: 1700788730000)",
        (
            Edit(
                "add",
                "/components/schemas/SessionListItem/properties/create_time",
                {"type": "integer", "minimum": 0},
            ),
        ),
    ),
    # --- OpenHands: the spec lists only 200 and 422 ----------------------------------------
    Deviation(
        "openhands",
        "stop-failed-500",
        "500 {status: error, conversation_id, message} when stopping fails",
        "OpenHands/OpenHands, openhands/server/routes/manage_conversations.py (stop_conversation)",
        (
            Edit(
                "add",
                f"{_OPENHANDS}/500",
                {
                    "description": "Stop failed",
                    "content": _json(
                        {
                            "type": "object",
                            "required": ["status", "conversation_id", "message"],
                            "properties": {
                                "status": {"type": "string", "enum": ["error"]},
                                "conversation_id": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    ),
                },
            ),
        ),
    ),
    Deviation(
        "openhands",
        "bad-key-401",
        "401 for a refused X-Session-API-Key",
        "not documented: the spec declares the header but no 401; the body is not documented",
        (
            Edit(
                "add",
                f"{_OPENHANDS}/401",
                {"description": "Unauthorized", "content": _json(_ANY_OBJECT)},
            ),
        ),
    ),
    Deviation(
        "openhands",
        "rate-limit-429",
        "429 with Retry-After and X-RateLimit-* from the cloud",
        "OpenHands Cloud API documentation (rate limits); the body is not documented",
        (
            Edit(
                "add",
                f"{_OPENHANDS}/429",
                {
                    "description": "Rate limited",
                    "headers": {
                        "Retry-After": {"required": True, "schema": {"type": "integer"}},
                        "X-RateLimit-Limit": {"required": True, "schema": {"type": "integer"}},
                        "X-RateLimit-Remaining": {
                            "required": True,
                            "schema": {"type": "integer"},
                        },
                    },
                    "content": _json(_ANY_OBJECT),
                },
            ),
        ),
    ),
    # --- OpenHands V1: the lookup and the search document only 200 and 422 -------------------
    Deviation(
        "openhands_v1",
        "bad-key-401",
        "401 for a refused Bearer key, to the lookup or the search",
        "not documented: the V1 document declares no 401; the body is assumed (FastAPI's detail)",
        (
            Edit(
                "add",
                f"{_OPENHANDS_V1}/401",
                {"description": "Unauthorized", "content": _json(_ANY_OBJECT)},
            ),
            Edit(
                "add",
                f"{_OPENHANDS_V1_SEARCH}/401",
                {"description": "Unauthorized", "content": _json(_ANY_OBJECT)},
            ),
        ),
    ),
    Deviation(
        "openhands_v1",
        "rate-limit-429",
        "429 with Retry-After and X-RateLimit-* on the lookup",
        "OpenHands Cloud rate limits (10 requests a second, 100 a minute per user); body not documented",
        (
            Edit(
                "add",
                f"{_OPENHANDS_V1}/429",
                {
                    "description": "Rate limited",
                    "headers": {
                        "Retry-After": {"required": True, "schema": {"type": "integer"}},
                        "X-RateLimit-Limit": {"required": True, "schema": {"type": "integer"}},
                        "X-RateLimit-Remaining": {
                            "required": True,
                            "schema": {"type": "integer"},
                        },
                    },
                    "content": _json(_ANY_OBJECT),
                },
            ),
        ),
    ),
    # --- Digital Samba ---------------------------------------------------------------------
    Deviation(
        "digitalsamba",
        "post-405",
        "405 to POST from a server that routes only the doc page's GET, with a JSON {message}",
        "docs.digitalsamba.com/reference/rest-api/sessions/end.md (POST or GET, see the GET "
        "correction in specs/PROVENANCE.yaml); "
        "the 405 body is assumed to be the framework's {message}",
        (
            Edit(
                "add",
                f"{_DIGITALSAMBA}/post/responses/405",
                {
                    "description": "Method not allowed",
                    "content": _json({"$ref": "#/components/schemas/ErrorMessage"}),
                },
            ),
        ),
    ),
    Deviation(
        "digitalsamba",
        "bad-key-401",
        "401 for refused credentials, to an end or a list, with the API's error body {message}",
        "not documented for these operations: the spec declares Basic and Bearer security but "
        "lists no 401; the body is assumed to be the API's ErrorMessage",
        (
            Edit(
                "add",
                f"{_DIGITALSAMBA}/post/responses/401",
                {
                    "description": "Unauthorized",
                    "content": _json({"$ref": "#/components/schemas/ErrorMessage"}),
                },
            ),
            Edit(
                "add",
                f"{_DIGITALSAMBA_LIST}/responses/401",
                {
                    "description": "Unauthorized",
                    "content": _json({"$ref": "#/components/schemas/ErrorMessage"}),
                },
            ),
        ),
    ),
    # --- ElizaOS ---------------------------------------------------------------------------
    Deviation(
        "elizaos",
        "deleted-200",
        "200 {success: true, message: 'Session <id> deleted successfully'}, not the spec's "
        "{message: 'Session ended successfully'}",
        "elizaOS/eliza, packages/server/src/api/messaging/sessions.ts",
        (
            Edit(
                "also",
                f"{_ELIZAOS}/responses/200/content/application~1json/schema",
                {
                    "type": "object",
                    "required": ["success", "message"],
                    "properties": {
                        "success": {"type": "boolean", "enum": [True]},
                        "message": {
                            "type": "string",
                            "pattern": "^Session .+ deleted successfully$",
                        },
                    },
                },
            ),
        ),
    ),
    Deviation(
        "elizaos",
        "api-key",
        "X-API-KEY is checked against the server's ELIZA_SERVER_AUTH_TOKEN when that is set, "
        "though the spec lists no security",
        "elizaOS/eliza, packages/server (API key middleware)",
        (
            Edit(
                "add",
                "/components/securitySchemes",
                {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-KEY"}},
            ),
            Edit("also", f"{_ELIZAOS}/security", [{"ApiKeyAuth": []}]),
            Edit("add", f"{_ELIZAOS_LIST}/security", [{"ApiKeyAuth": []}]),
        ),
    ),
    Deviation(
        "elizaos",
        "bad-key-401-text",
        "401 as plain text for a refused X-API-KEY (older servers)",
        "elizaOS/eliza, packages/server (API key middleware): older servers answer 401 as "
        "plain text",
        (
            Edit(
                "add",
                f"{_ELIZAOS}/responses/401",
                {
                    "description": "Unauthorized",
                    "content": {"text/plain": {"schema": {"type": "string", "minLength": 1}}},
                },
            ),
            Edit(
                "add",
                f"{_ELIZAOS_LIST}/responses/401",
                {
                    "description": "Unauthorized",
                    "content": {"text/plain": {"schema": {"type": "string", "minLength": 1}}},
                },
            ),
        ),
    ),
    Deviation(
        "elizaos",
        "rate-limit-429",
        "429 {success: false, error: {code: RATE_LIMIT_EXCEEDED}} with RateLimit-Limit, "
        "-Remaining and -Reset and no Retry-After",
        "elizaOS/eliza, packages/server (rate limiting with the IETF draft headers)",
        (
            Edit(
                "add",
                f"{_ELIZAOS}/responses/429",
                {
                    "description": "Rate limited",
                    "headers": {
                        "RateLimit-Limit": {"required": True, "schema": {"type": "integer"}},
                        "RateLimit-Remaining": {"required": True, "schema": {"type": "integer"}},
                        "RateLimit-Reset": {"required": True, "schema": {"type": "integer"}},
                    },
                    "content": _json(_ELIZA_ERROR),
                },
            ),
        ),
    ),
)
