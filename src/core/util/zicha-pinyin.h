/* zicha-pinyin.h — pinyin order and initials of Chinese names
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pinyin initials for search, lower case: "张三" → "zs", "北京华信" → "bjhx". ASCII letters
 * and digits (and their full-width forms) are kept in lower case; level-1 hanzi of GB2312 give
 * their initial; other characters (including level-2 hanzi) are skipped. */
char   *zicha_pinyin_initials  (const char *text);

/* Sort key for pinyin order, compared with memcmp (personnel.name_key,
 * organizations.name_key). Computed with the zh_CN.UTF-8 collation when the system has that
 * locale, so keys do not depend on the locale the program was started in; otherwise with
 * g_utf8_collate_key under the process's LC_COLLATE. *out_len gets the key's length. */
char   *zicha_pinyin_name_key  (const char *text,
                                gsize      *out_len);

/* TRUE when keys come from zh_CN.UTF-8 (not from the process locale). */
gboolean zicha_pinyin_has_zh_collation (void);

G_END_DECLS
