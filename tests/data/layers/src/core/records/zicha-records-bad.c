/* fixture: records uses import, and the top-level umbrella */
#include "zicha-import.h"
#include "zicha-core.h"
#include <sqlite3.h>
