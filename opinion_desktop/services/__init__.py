"""What the program does: import, extraction, comparison, bundles. No Qt; progress by callbacks."""
