"""Callbacks from ``ctx.runner`` may arrive after their widget was closed
and deleted: wrap them so they are then dropped."""

from __future__ import annotations

from typing import Any, Callable

import shiboken6


def if_alive(owner, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` is called only while ``owner`` (a QObject) still exists."""

    def call(*args):
        if shiboken6.isValid(owner):
            return fn(*args)
        return None

    return call
