"""Run policydiff from a checkout without installing: ``python cli.py compare 2019 2020``."""

from policydiff.cli import main

if __name__ == "__main__":
    main()
