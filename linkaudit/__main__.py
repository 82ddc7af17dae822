"""`python -m linkaudit` runs the command line."""

from linkaudit.cli import main

main()
