"""Transitional alias of ``jetpress.php`` (PHP value semantics moved below the WordPress layer).

Removed once no module imports it (LEAD_TODO: in-flight work of the connection and site-data
helpers); new code imports ``jetpress.php``.
"""

from __future__ import annotations

from jetpress.php import *  # noqa: F403
from jetpress.php import __all__ as __all__
