"""The items, in memory: enough state for a demo, safe across the server's threads."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    quantity: int

    def to_json(self) -> dict:
        return asdict(self)


class ValidationError(ValueError):
    pass


class Store:
    def __init__(self, items: list[tuple[str, int]] | None = None) -> None:
        self._lock = threading.Lock()
        self._items: dict[int, Item] = {}
        self._next_id = 1
        for name, quantity in items or []:
            self.add({"name": name, "quantity": quantity})

    def all(self) -> list[Item]:
        with self._lock:
            return list(self._items.values())

    def get(self, item_id: int) -> Item | None:
        with self._lock:
            return self._items.get(item_id)

    def add(self, data: object) -> Item:
        name, quantity = self._validate(data)
        with self._lock:
            item = Item(self._next_id, name, quantity)
            self._items[item.id] = item
            self._next_id += 1
            return item

    def delete(self, item_id: int) -> bool:
        with self._lock:
            return self._items.pop(item_id, None) is not None

    @staticmethod
    def _validate(data: object) -> tuple[str, int]:
        if not isinstance(data, dict):
            raise ValidationError("the body must be a JSON object")
        name = data.get("name")
        quantity = data.get("quantity", 0)
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            raise ValidationError("name: a non-empty string of at most 200 characters")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
            raise ValidationError("quantity: an integer >= 0")
        return name.strip(), quantity
