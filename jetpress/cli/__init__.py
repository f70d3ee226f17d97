"""jetpress."""
