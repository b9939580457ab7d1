/* zicha-test-utils.h — what several test programs need: a private home, zicha-cli as a
 * process, a database read behind Zicha's back
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-core.h"

G_BEGIN_DECLS

typedef struct
{
  int   status;  /* exit status, or -1 when the process did not exit normally */
  char *out;
  char *err;
} ZichaTestResult;

void          zicha_test_result_clear  (ZichaTestResult *res);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZichaTestResult, zicha_test_result_clear)

/* Makes a private temporary folder that serves as HOME and XDG folders of every zicha-cli
 * spawned here; removed by zicha_test_home_remove (). */
const char   *zicha_test_home_init     (const char *name);
void          zicha_test_home_remove   (void);
/* A path inside that folder (newly allocated). */
char         *zicha_test_path          (const char *name);

/* A launcher for $ZICHA_CLI with the private home, in the C locale or in zh_CN. */
GSubprocessLauncher *zicha_test_cli_launcher (gboolean chinese);
/* Runs zicha-cli with the NULL-terminated arguments and waits for it. */
void          zicha_test_run_cli       (ZichaTestResult *res,
                                        gboolean         chinese,
                                        const char      *first,
                                        ...);
void          zicha_test_run_cli_argv  (ZichaTestResult     *res,
                                        GSubprocessLauncher *launcher,
                                        const char * const  *args);
/* Starts zicha-cli in the background, output to /dev/null. */
GSubprocess  *zicha_test_spawn_cli     (const char *first,
                                        ...) G_GNUC_NULL_TERMINATED;
/* Waits for @proc at most @timeout_ms; kills it and returns -1 when it did not end. */
int           zicha_test_wait          (GSubprocess *proc,
                                        guint        timeout_ms);

/* The first column of the first row of @sql on the database @path, read through a plain SQLite
 * connection that only reads, as text; NULL for no row. */
char         *zicha_test_query         (const char *path,
                                        const char *sql);

/* A database in the private folder (made when missing); the test fails when it cannot. */
ZichaDb      *zicha_test_open_db       (const char *name);
/* Imports @folder into @db; the test fails on any error. */
void          zicha_test_import        (ZichaDb    *db,
                                        const char *folder);
/* Runs every rule on @db as of @as_of (YYYY-MM-DD) with @n_threads (0: the default); the
 * test fails on any error. Returns the number of hits found. */
guint         zicha_test_run_rules     (ZichaDb    *db,
                                        const char *as_of,
                                        guint       n_threads);
/* Iterates the default main context until @func returns TRUE or @timeout_ms passed; returns
 * the last answer of @func. */
gboolean      zicha_test_wait_until    (gboolean  (*func) (gpointer data),
                                        gpointer    data,
                                        guint       timeout_ms);

/* Removes @path and everything under it. */
void          zicha_test_remove_tree   (const char *path);

G_END_DECLS
