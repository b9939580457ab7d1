/* zicha-cli-plans-private.h — what zicha-cli-plans.c and zicha-cli-sampling.c share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-cli-private.h"

G_BEGIN_DECLS

/* The name changes are recorded under: the user's real name, or the login name when the
 * system knows no real name. */
const char  *zicha_cli_plans_user_name (void);

/* A positive row number; else ZICHA_ERROR_USAGE naming @what (translated, "plan"). */
gboolean     zicha_cli_plans_parse_id  (const char         *what,
                                        const char         *text,
                                        gint64             *out,
                                        GError            **error);

/* The comma-separated values of @text, trimmed, without empty ones; NULL for NULL. */
char       **zicha_cli_plans_split     (const char         *text);

/* Sets a cell of the last row to a whole number. */
void         zicha_cli_plans_set_int   (ZichaTable         *table,
                                        guint               column,
                                        gint64              value);

/* Writes @table to stdout in @format; ZICHA_ERROR_FAILED when writing fails. */
gboolean     zicha_cli_plans_write     (ZichaTable         *table,
                                        ZichaOutputFormat   format,
                                        GError            **error);

G_END_DECLS
