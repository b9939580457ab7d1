/* STUB */
#include "config.h"
#include "zicha-cli.h"
int zicha_cli_run (int argc, char **argv) { return 1; }
