"""End live sessions at five vendors through one interface."""

__all__: list[str] = []
