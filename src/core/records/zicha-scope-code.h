/* zicha-scope-code.h — business scope codes (专业代码) and which covers which
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Code A covers code B when A's dot-separated segments are a prefix of B's (DOMAIN.md
 * section 2): "17" covers "17.06.01"; "17.06" does not cover "17.6" or "17.061". */
gboolean  zicha_scope_code_covers          (const char  *a,
                                            const char  *b);

/* Calls @func with each prefix of @code that ends on a segment boundary, shortest first, the
 * whole code last; stops and returns TRUE as soon as @func does. */
gboolean  zicha_scope_code_foreach_prefix  (const char  *code,
                                            gboolean   (*func) (const char *code,
                                                                gsize       len,
                                                                gpointer    data),
                                            gpointer     data);

G_END_DECLS
