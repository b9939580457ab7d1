/* fixture: the CLI includes SQLite and the app */
#include <sqlite3.h>
#include "zicha-window.h"
#include "zicha-rules.h"
