/* zicha-pinyin.c — pinyin order and initials of Chinese names
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Initials: the 3,755 level-1 hanzi of GB 2312 (rows 16–55, codes 0xB0A1–0xD7F9) are ordered
 * by pinyin, so the first code of each initial letter bounds a range. A table from code point
 * to initial is built once by converting every level-1 code to UTF-8. */
#define G_LOG_DOMAIN "zicha-pinyin"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zicha-pinyin.h"

/* First GB 2312 code of each initial (no i, u, v: no syllable starts with them). */
static const struct
{
  guint16 first;
  char    initial;
} gb2312_initials[] = {
  { 0xB0A1, 'a' }, { 0xB0C5, 'b' }, { 0xB2C1, 'c' }, { 0xB4EE, 'd' }, { 0xB6EA, 'e' },
  { 0xB7A2, 'f' }, { 0xB8C1, 'g' }, { 0xB9FE, 'h' }, { 0xBBF7, 'j' }, { 0xBFA6, 'k' },
  { 0xC0AC, 'l' }, { 0xC2E8, 'm' }, { 0xC4C3, 'n' }, { 0xC5B6, 'o' }, { 0xC5BE, 'p' },
  { 0xC6DA, 'q' }, { 0xC8BB, 'r' }, { 0xC8F6, 's' }, { 0xCBFA, 't' }, { 0xCDDA, 'w' },
  { 0xCEF4, 'x' }, { 0xD1B9, 'y' }, { 0xD4D1, 'z' },
};
#define GB2312_LEVEL1_LAST 0xD7F9

static GHashTable *initials_table;  /* gunichar → initial */

static char
initial_of_gb2312 (guint code)
{
  char initial = 0;

  for (guint i = 0; i < G_N_ELEMENTS (gb2312_initials); i++)
    if (code >= gb2312_initials[i].first)
      initial = gb2312_initials[i].initial;
  return initial;
}

static GHashTable *
get_initials_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *table = g_hash_table_new (NULL, NULL);
      GIConv conv = g_iconv_open ("UTF-8", "GB2312");

      if (conv != (GIConv) -1)
        {
          for (guint code = 0xB0A1; code <= GB2312_LEVEL1_LAST; code++)
            {
              char in[2] = { (char) (code >> 8), (char) (code & 0xFF) };
              char out[8] = { 0 };
              char *inp = in, *outp = out;
              gsize in_left = 2, out_left = sizeof out - 1;

              if ((code & 0xFF) < 0xA1 || (code & 0xFF) > 0xFE)
                continue;
              if (g_iconv (conv, &inp, &in_left, &outp, &out_left) == (gsize) -1)
                continue;
              g_hash_table_insert (table, GUINT_TO_POINTER (g_utf8_get_char (out)),
                                   GINT_TO_POINTER ((int) initial_of_gb2312 (code)));
            }
          g_iconv_close (conv);
        }
      else
        g_warning ("No GB2312 converter: pinyin initials of Chinese names are left out");
      initials_table = table;
      g_once_init_leave (&initialized, 1);
    }
  return initials_table;
}

char *
zicha_pinyin_initials (const char *text)
{
  GHashTable *table = get_initials_table ();
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gpointer initial;

      /* Full-width ASCII forms (U+FF01..U+FF5E) count as their ASCII letters and digits. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      if (c < 0x80)
        {
          if (g_ascii_isalnum ((char) c))
            g_string_append_c (out, g_ascii_tolower ((char) c));
        }
      else if ((initial = g_hash_table_lookup (table, GUINT_TO_POINTER (c))) != NULL)
        g_string_append_c (out, (char) GPOINTER_TO_INT (initial));
    }
  return g_string_free (out, FALSE);
}

static locale_t
get_zh_locale (void)
{
  static gsize initialized = 0;
  static locale_t zh;

  if (g_once_init_enter (&initialized))
    {
      zh = newlocale (LC_COLLATE_MASK, "zh_CN.UTF-8", (locale_t) 0);
      g_once_init_leave (&initialized, 1);
    }
  return zh;
}

gboolean
zicha_pinyin_has_zh_collation (void)
{
  return get_zh_locale () != (locale_t) 0;
}

/* Whether NFKC leaves @text as it is, for the common case of a name of ASCII and CJK unified
 * ideographs only (neither has a compatibility decomposition or combines); anything else
 * (full-width forms, kana, accents) is normalized. */
static gboolean
is_nfkc_invariant (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (!((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

char *
zicha_pinyin_name_key (const char *text,
                       gsize      *out_len)
{
  locale_t zh = get_zh_locale ();
  g_autofree char *norm = NULL;
  char *key;
  gsize len;

  g_return_val_if_fail (text != NULL && out_len != NULL, NULL);

  if (zh == (locale_t) 0)
    {
      key = g_utf8_collate_key (text, -1);
      *out_len = strlen (key);
      return key;
    }
  if (!is_nfkc_invariant (text))
    {
      norm = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
      if (norm != NULL)
        text = norm;
    }
  /* One pass for most names: strxfrm into a buffer on the stack, a second one only when it
   * is too small (the transformation is what costs). */
  {
    char buffer[512];

    len = strxfrm_l (buffer, text, sizeof buffer, zh);
    if (len < sizeof buffer)
      {
        *out_len = len;
        return g_memdup2 (buffer, len + 1);
      }
  }
  key = g_malloc (len + 1);
  strxfrm_l (key, text, len + 1, zh);
  *out_len = len;
  return key;
}
