"""Load, check and render an explainer site's data; no MkDocs import anywhere in this package.

A regular package (not a namespace one) so that modules imported late, after MkDocs has taken the
hooks folder off `sys.path` again, are still found through the package's own path.
"""
