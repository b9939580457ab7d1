/* zicha-keymap.h — compact maps from text keys to row ids, and sets of row ids
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal. A million-certificate import keeps every org_id, cert_no and audit_id in
 * memory: keys live in one arena, the table holds 16-byte entries and 4-byte slots. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ZichaKeyMap ZichaKeyMap;

ZichaKeyMap *zicha_key_map_new     (gsize         expected);
void         zicha_key_map_free    (ZichaKeyMap  *map);
guint        zicha_key_map_size    (ZichaKeyMap  *map);
/* Gives back the room kept for growth (after a file's keys are all in). */
void         zicha_key_map_trim    (ZichaKeyMap  *map);
/* TRUE and *out_id when @key is in the map. */
gboolean     zicha_key_map_lookup  (ZichaKeyMap  *map,
                                    const char   *key,
                                    gsize         len,
                                    gint64       *out_id);
/* Adds @key or changes its id. */
void         zicha_key_map_set     (ZichaKeyMap  *map,
                                    const char   *key,
                                    gsize         len,
                                    gint64        id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaKeyMap, zicha_key_map_free)

/* A set of non-negative row ids as a bitmap (row ids of SQLite tables are dense). */
typedef struct
{
  guint8 *bits;
  gsize   n_bytes;
} ZichaIdSet;

void         zicha_id_set_clear    (ZichaIdSet   *set);
void         zicha_id_set_add      (ZichaIdSet   *set,
                                    gint64        id);
gboolean     zicha_id_set_contains (const ZichaIdSet *set,
                                    gint64        id);
/* Calls @func for every id in ascending order; stops when it returns FALSE. */
gboolean     zicha_id_set_foreach  (const ZichaIdSet *set,
                                    gboolean    (*func) (gint64 id, gpointer data),
                                    gpointer      data);

G_END_DECLS
