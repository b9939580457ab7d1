/* fixture: a widget includes a page */
#include "zicha-overview-page.h"
