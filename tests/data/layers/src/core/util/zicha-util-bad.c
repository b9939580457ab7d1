/* fixture: util knows nothing of Zicha; core never uses the app */
#include "zicha-db.h"
#include "zicha-window.h"
