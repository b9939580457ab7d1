/* zicha-process.h — which process owns a piece of work, and whether it is still alive
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text naming this process for as long as it lives, and no other: the host name, the boot
 * id, the process id and the process's start time (a process id alone is reused). */
char      *zicha_process_owner       (void);

/* TRUE when the process @owner (from zicha_process_owner (), NULL for none) is known to be gone:
 * it ran on this host and the host rebooted since, or no process with its id and start time
 * runs now. A process of another host is never taken for gone: there is no telling. */
gboolean   zicha_process_owner_gone  (const char *owner);

G_END_DECLS
