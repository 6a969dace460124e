"""Reading untrusted text: the whitelisting grammar, its parser, the limits on input."""
