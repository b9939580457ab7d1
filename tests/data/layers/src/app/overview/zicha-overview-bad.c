/* fixture: a page includes another page and a private header of core */
#include "zicha-overview-page.h"
#include "zicha-records-page.h"
#include "zicha-db-private.h"
#include "zicha-core.h"
