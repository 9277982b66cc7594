from tenor.cli.main import entry

entry()
