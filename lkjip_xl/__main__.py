from lkjip_xl.cli import entry

entry()
