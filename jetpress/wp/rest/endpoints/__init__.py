"""WordPress core REST controllers (wp/v2) built on jetpress.wp.rest."""
