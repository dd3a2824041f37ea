from chartergen.cli import main

main()
