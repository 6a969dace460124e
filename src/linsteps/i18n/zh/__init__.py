"""Message catalog."""
