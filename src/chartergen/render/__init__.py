"""Pages of the policy site, rendered from the typed charter as Markdown plus assets."""
