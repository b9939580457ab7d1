/* zicha-keymap.c — compact maps from text keys to row ids, and sets of row ids
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-keymap"

#include "config.h"

#include <string.h>

#include "zicha-keymap.h"

/* 12 bytes (packed): a map of a million-certificate body's 3.3M audits is about 50 MB of
 * these. The hash is not kept: it is made again from the key when the slots grow. */
typedef struct G_GNUC_PACKED
{
  guint32 key_offset;   /* into the arena, NUL-terminated */
  gint64  id;
} Entry;

struct _ZichaKeyMap
{
  char    *arena;
  gsize    arena_len;
  gsize    arena_size;
  Entry   *entries;
  guint    n_entries;
  guint    entries_size;
  guint32 *slots;       /* 0 = empty, else entry index + 1 */
  guint    mask;
};

/* FNV-1a, 32 bits. */
static inline guint32
hash_key (const char *key,
          gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) key[i];
      h *= 16777619u;
    }
  return h;
}

static void
resize_slots (ZichaKeyMap *map,
              guint        n_slots)
{
  g_free (map->slots);
  map->slots = g_new0 (guint32, n_slots);
  map->mask = n_slots - 1;
  for (guint i = 0; i < map->n_entries; i++)
    {
      const char *key = map->arena + map->entries[i].key_offset;
      guint s = hash_key (key, strlen (key)) & map->mask;

      while (map->slots[s] != 0)
        s = (s + 1) & map->mask;
      map->slots[s] = i + 1;
    }
}

ZichaKeyMap *
zicha_key_map_new (gsize expected)
{
  ZichaKeyMap *map = g_new0 (ZichaKeyMap, 1);
  guint n_slots = 64;

  expected = MAX (expected, 16);
  while (n_slots < expected * 2)
    n_slots *= 2;
  map->entries_size = (guint) expected;
  map->entries = g_new (Entry, map->entries_size);
  map->arena_size = expected * 16;
  map->arena = g_malloc (map->arena_size);
  resize_slots (map, n_slots);
  return map;
}

void
zicha_key_map_free (ZichaKeyMap *map)
{
  if (map == NULL)
    return;
  g_free (map->arena);
  g_free (map->entries);
  g_free (map->slots);
  g_free (map);
}

guint
zicha_key_map_size (ZichaKeyMap *map)
{
  return map->n_entries;
}

static guint32 *
find_slot (ZichaKeyMap *map,
           const char  *key,
           gsize        len,
           guint32      hash)
{
  guint s = hash & map->mask;

  for (;;)
    {
      guint32 *slot = &map->slots[s];
      const Entry *e;

      if (*slot == 0)
        return slot;
      e = &map->entries[*slot - 1];
      /* Keys hold no NUL byte: strncmp stops at the stored key's end. */
      if (strncmp (map->arena + e->key_offset, key, len) == 0
          && map->arena[e->key_offset + len] == '\0')
        return slot;
      s = (s + 1) & map->mask;
    }
}

gboolean
zicha_key_map_lookup (ZichaKeyMap *map,
                      const char  *key,
                      gsize        len,
                      gint64      *out_id)
{
  guint32 *slot = find_slot (map, key, len, hash_key (key, len));

  if (*slot == 0)
    return FALSE;
  *out_id = map->entries[*slot - 1].id;
  return TRUE;
}

void
zicha_key_map_set (ZichaKeyMap *map,
                   const char  *key,
                   gsize        len,
                   gint64       id)
{
  guint32 hash = hash_key (key, len);
  guint32 *slot = find_slot (map, key, len, hash);
  Entry *e;

  if (*slot != 0)
    {
      map->entries[*slot - 1].id = id;
      return;
    }
  g_assert (map->arena_len + len + 1 <= G_MAXUINT32);
  while (map->arena_len + len + 1 > map->arena_size)
    {
      map->arena_size = map->arena_size + map->arena_size / 2 + len + 1;
      map->arena = g_realloc (map->arena, map->arena_size);
    }
  if (map->n_entries == map->entries_size)
    {
      map->entries_size += map->entries_size / 2 + 16;
      map->entries = g_renew (Entry, map->entries, map->entries_size);
    }
  e = &map->entries[map->n_entries++];
  e->key_offset = (guint32) map->arena_len;
  e->id = id;
  memcpy (map->arena + map->arena_len, key, len);
  map->arena[map->arena_len + len] = '\0';
  map->arena_len += len + 1;
  *slot = map->n_entries;
  if ((gsize) map->n_entries * 2 > (gsize) map->mask + 1)
    resize_slots (map, (map->mask + 1) * 2);
}

void
zicha_key_map_trim (ZichaKeyMap *map)
{
  map->entries_size = MAX (map->n_entries, 1);
  map->entries = g_renew (Entry, map->entries, map->entries_size);
  map->arena_size = MAX (map->arena_len, 1);
  map->arena = g_realloc (map->arena, map->arena_size);
}

void
zicha_id_set_clear (ZichaIdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  set->n_bytes = 0;
}

void
zicha_id_set_add (ZichaIdSet *set,
                  gint64      id)
{
  gsize byte;

  g_assert (id >= 0);
  byte = (gsize) (id >> 3);
  if (byte >= set->n_bytes)
    {
      gsize n = MAX (set->n_bytes * 2, byte + 4096);

      set->bits = g_realloc (set->bits, n);
      memset (set->bits + set->n_bytes, 0, n - set->n_bytes);
      set->n_bytes = n;
    }
  set->bits[byte] |= (guint8) (1u << (id & 7));
}

gboolean
zicha_id_set_contains (const ZichaIdSet *set,
                       gint64            id)
{
  gsize byte;

  if (id < 0)
    return FALSE;
  byte = (gsize) (id >> 3);
  return byte < set->n_bytes && (set->bits[byte] & (1u << (id & 7))) != 0;
}

gboolean
zicha_id_set_foreach (const ZichaIdSet *set,
                      gboolean        (*func) (gint64 id, gpointer data),
                      gpointer          data)
{
  for (gsize byte = 0; byte < set->n_bytes; byte++)
    {
      if (set->bits[byte] == 0)
        continue;
      for (int bit = 0; bit < 8; bit++)
        if ((set->bits[byte] & (1u << bit)) != 0 && !func ((gint64) (byte * 8 + (gsize) bit), data))
          return FALSE;
    }
  return TRUE;
}
