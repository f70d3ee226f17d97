"""``python -m jetpress`` runs the CLI."""

from __future__ import annotations

from jetpress.cli.main import main

if __name__ == "__main__":
    main()
