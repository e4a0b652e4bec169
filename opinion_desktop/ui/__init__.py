"""The window: Qt widgets, Qt models over domain objects, worker threads."""
