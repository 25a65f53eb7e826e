"""One module per subcommand, each exposing a click command named `command`."""
