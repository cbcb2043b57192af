"""Recognizer discovery: every EntityRecognizer subclass defined in the modules of
`piiscore.recognizers.nl` and `piiscore.recognizers.generic` with a `LANGUAGES` tuple is built
once per language it serves, as `Cls(supported_language=lang)`."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from presidio_analyzer import EntityRecognizer

PACKAGES = ("piiscore.recognizers.generic", "piiscore.recognizers.nl")


def recognizer_classes() -> list[type[EntityRecognizer]]:
    found: list[type[EntityRecognizer]] = []
    for pkg_name in PACKAGES:
        pkg = importlib.import_module(pkg_name)
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            if not info.name.endswith("_recognizer"):
                continue
            module = importlib.import_module(f"{pkg_name}.{info.name}")
            for _, obj in inspect.getmembers(module, inspect.isclass):
                if (issubclass(obj, EntityRecognizer) and obj.__module__ == module.__name__
                        and getattr(obj, "LANGUAGES", None)):
                    found.append(obj)
    return found


def build_recognizers(language: str) -> list[EntityRecognizer]:
    return [cls(supported_language=language) for cls in recognizer_classes()
            if language in cls.LANGUAGES]
