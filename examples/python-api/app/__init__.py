"""A small JSON API: an inventory of items, kept in memory."""
