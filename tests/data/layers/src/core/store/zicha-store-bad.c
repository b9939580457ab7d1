/* fixture: store reaches into a domain folder */
#include "config.h"
#include "zicha-db.h"
#include "zicha-rules.h"
