/* zicha-sampling.c — drawing a sample (抽样) and storing it
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction: the frame is read inside it (so the records cannot change between the
 * frame and the sample), split into strata (sorted by key, byte order), each stratum's size
 * fixed (given, or the total shared out by largest remainders), its key items taken whole
 * when asked, the rest drawn from one generator stream that runs through the strata in
 * order (zicha-sampling-draw.c), and the sample, its strata and its items written, the
 * sample and each item with a history entry. Reading, reviewing and deleting samples are in
 * zicha-sampling-store.c.
 */
#define G_LOG_DOMAIN "zicha-sampling"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "zicha-day.h"
#include "zicha-enum.h"
#include "zicha-enums.h"
#include "zicha-error.h"
#include "zicha-sampling-private.h"

static const char *purpose_labels[] = { N_("File review"), N_("Visit to certified organization") };
static const char *method_labels[] = { N_("Simple random"), N_("Weighted by risk score") };
static const char *reason_labels[] = { N_("Key item"), N_("Weighted by risk score"),
                                       /* Translators: why a certificate was sampled */
                                       N_("Random") };

const char *
zicha_sample_purpose_to_string (ZichaSamplePurpose purpose)
{
  return zicha_enum_get_nick (ZICHA_TYPE_SAMPLE_PURPOSE, purpose);
}

gboolean
zicha_sample_purpose_from_string (const char         *str,
                                  ZichaSamplePurpose *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_SAMPLE_PURPOSE, str, FALSE, &value))
    return FALSE;
  *out = (ZichaSamplePurpose) value;
  return TRUE;
}

const char *
zicha_sample_purpose_get_label (ZichaSamplePurpose purpose)
{
  g_return_val_if_fail ((guint) purpose < G_N_ELEMENTS (purpose_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, purpose_labels[purpose]);
}

const char *
zicha_sample_method_to_string (ZichaSampleMethod method)
{
  return zicha_enum_get_nick (ZICHA_TYPE_SAMPLE_METHOD, method);
}

const char *
zicha_sample_method_get_label (ZichaSampleMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (method_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, method_labels[method]);
}

const char *
zicha_sample_stratify_to_string (ZichaSampleStratify stratify)
{
  return zicha_enum_get_nick (ZICHA_TYPE_SAMPLE_STRATIFY, stratify);
}

gboolean
zicha_sample_stratify_from_string (const char          *str,
                                   ZichaSampleStratify *out)
{
  int value;

  if (!zicha_enum_from_nick (ZICHA_TYPE_SAMPLE_STRATIFY, str, FALSE, &value))
    return FALSE;
  *out = (ZichaSampleStratify) value;
  return TRUE;
}

const char *
zicha_sample_reason_to_string (ZichaSampleReason reason)
{
  return zicha_enum_get_nick (ZICHA_TYPE_SAMPLE_REASON, reason);
}

const char *
zicha_sample_reason_get_label (ZichaSampleReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_labels), NULL);
  return g_dgettext (GETTEXT_PACKAGE, reason_labels[reason]);
}

/* The spec, checked ---------------------------------------------------------------------- */

static gboolean
check_spec (const ZichaSampleSpec  *spec,
            char                    valid_on[11],
            GError                **error)
{
  g_return_val_if_fail (zicha_sample_purpose_to_string (spec->purpose) != NULL, FALSE);
  g_return_val_if_fail (zicha_sample_method_to_string (spec->method) != NULL, FALSE);
  g_return_val_if_fail (zicha_sample_stratify_to_string (spec->stratify) != NULL, FALSE);
  g_return_val_if_fail (spec->stratum_sizes != NULL || spec->n_stratum_sizes == 0, FALSE);

  if (spec->has_seed && spec->seed > (guint64) G_MAXINT64)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("The seed must be a whole number from 0 to 9223372036854775807"));
      return FALSE;
    }
  if (spec->n_stratum_sizes > 0 && spec->stratify == ZICHA_SAMPLE_STRATIFY_NONE)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Sizes per stratum need a stratification"));
      return FALSE;
    }
  return _zicha_plans_as_of (spec->valid_on, valid_on, error);
}

/* A seed when none is given: the time and the process, mixed. (Not the platform's random
 * numbers: the seed is recorded, and only it decides the draw.) Below 2^31, to be typed. */
static guint64
new_seed (void)
{
  guint64 x = (guint64) g_get_real_time () ^ ((guint64) getpid () << 32);
  ZichaRng rng;

  _zicha_rng_init (&rng, x);
  return (_zicha_rng_next (&rng) >> 33) + 1;
}

/* @list trimmed (and upper-cased with @upper), without empty strings; NULL when none is
 * left. */
static char **
normalise_list (const char * const *list,
                gboolean            upper)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *value = _zicha_plans_norm (list[i]);

      if (value == NULL)
        continue;
      if (upper)
        {
          g_autofree char *up = g_ascii_strup (value, -1);

          g_strv_builder_add (builder, up);
        }
      else
        g_strv_builder_add (builder, value);
      n++;
    }
  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

/* The lists of @spec normalised into @out (which borrows the rest); free the lists with
 * clear_spec_lists (). */
static void
normalise_spec (const ZichaSampleSpec *spec,
                ZichaSampleSpec       *out)
{
  *out = *spec;
  out->schemes = (const char * const *) normalise_list (spec->schemes, TRUE);
  out->lead_auditors = (const char * const *) normalise_list (spec->lead_auditors, FALSE);
  out->years = (const char * const *) normalise_list (spec->years, FALSE);
}

static void
clear_spec_lists (ZichaSampleSpec *spec)
{
  g_strfreev ((char **) spec->schemes);
  g_strfreev ((char **) spec->lead_auditors);
  g_strfreev ((char **) spec->years);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZichaSampleSpec, clear_spec_lists)

gint64
zicha_sampling_count_frame (ZichaDb                *db,
                            const ZichaSampleSpec  *given,
                            GError                **error)
{
  g_auto(ZichaSampleSpec) spec = { 0 };
  g_autoptr(GPtrArray) frame = NULL;
  char valid_on[11];

  g_return_val_if_fail (ZICHA_IS_DB (db), -1);
  g_return_val_if_fail (given != NULL, -1);

  normalise_spec (given, &spec);
  if (!check_spec (&spec, valid_on, error))
    return -1;
  frame = _zicha_sampling_read_frame (db, &spec, valid_on, FALSE, error);
  return frame != NULL ? (gint64) frame->len : -1;
}

/* Strata --------------------------------------------------------------------------------- */

typedef struct
{
  char      *key;          /* NULL when not stratified, "" no lead auditor */
  GPtrArray *entries;      /* ZichaFrameEntry* (borrowed), in cert_no order */
  guint      requested;
  guint      key_items;
  guint      drawn;
} Stratum;

static void
stratum_free (Stratum *stratum)
{
  g_free (stratum->key);
  g_ptr_array_unref (stratum->entries);
  g_free (stratum);
}

static int
compare_strata (gconstpointer a,
                gconstpointer b)
{
  const Stratum *sa = *(const Stratum * const *) a;
  const Stratum *sb = *(const Stratum * const *) b;

  return g_strcmp0 (sa->key, sb->key);
}

static GPtrArray *
make_strata (GPtrArray           *frame,
             ZichaSampleStratify  stratify)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *strata = g_ptr_array_new_with_free_func ((GDestroyNotify) stratum_free);

  for (guint i = 0; i < frame->len; i++)
    {
      ZichaFrameEntry *entry = g_ptr_array_index (frame, i);
      const char *key = "";
      Stratum *stratum;

      if (stratify == ZICHA_SAMPLE_STRATIFY_SCHEME)
        key = entry->scheme;
      else if (stratify == ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR && entry->lead != NULL)
        key = entry->lead;
      stratum = g_hash_table_lookup (by_key, key);
      if (stratum == NULL)
        {
          stratum = g_new0 (Stratum, 1);
          stratum->key = stratify == ZICHA_SAMPLE_STRATIFY_NONE ? NULL : g_strdup (key);
          stratum->entries = g_ptr_array_new ();
          g_hash_table_insert (by_key, (gpointer) key, stratum);
          g_ptr_array_add (strata, stratum);
        }
      g_ptr_array_add (stratum->entries, entry);
    }
  g_ptr_array_sort (strata, compare_strata);
  return strata;
}

/* Sets each stratum's requested size; the total asked for into @out_requested. */
static gboolean
size_strata (const ZichaSampleSpec  *spec,
             GPtrArray              *strata,
             guint                   frame_size,
             guint                  *out_requested,
             GError                **error)
{
  g_autofree guint *sizes = NULL;
  g_autofree guint *shares = NULL;
  guint total;

  if (spec->n_stratum_sizes > 0)
    {
      *out_requested = 0;
      for (guint j = 0; j < spec->n_stratum_sizes; j++)
        {
          const ZichaStratumSize *given = &spec->stratum_sizes[j];
          guint i;

          for (i = 0; i < strata->len; i++)
            if (g_strcmp0 (((Stratum *) g_ptr_array_index (strata, i))->key,
                           given->stratum != NULL ? given->stratum : "") == 0)
              break;
          if (i == strata->len)
            {
              g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           /* Translators: %s is a scheme code or a person id */
                           _("No certificate of the frame is in the stratum “%s”"),
                           given->stratum != NULL ? given->stratum : "");
              return FALSE;
            }
          ((Stratum *) g_ptr_array_index (strata, i))->requested = given->size;
          *out_requested += given->size;
        }
      return TRUE;
    }

  *out_requested = spec->size > 0 ? spec->size : _zicha_sampling_default_size (frame_size);
  total = MIN (*out_requested, frame_size);
  sizes = g_new0 (guint, strata->len);
  shares = g_new0 (guint, strata->len);
  for (guint i = 0; i < strata->len; i++)
    sizes[i] = ((Stratum *) g_ptr_array_index (strata, i))->entries->len;
  _zicha_sampling_share (sizes, strata->len, total, shares);
  for (guint i = 0; i < strata->len; i++)
    ((Stratum *) g_ptr_array_index (strata, i))->requested = shares[i];
  return TRUE;
}

/* Sizes and previews --------------------------------------------------------------------- */

guint
zicha_sampling_default_size (guint frame_size)
{
  return _zicha_sampling_default_size (frame_size);
}

void
zicha_sampling_share (const guint *frame_sizes,
                      guint        n,
                      guint        total,
                      guint       *out)
{
  guint64 frame = 0;

  g_return_if_fail (frame_sizes != NULL || n == 0);
  g_return_if_fail (out != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    frame += frame_sizes[i];
  _zicha_sampling_share (frame_sizes, n, (guint) MIN ((guint64) total, frame), out);
}

GPtrArray *
zicha_sampling_preview (ZichaDb                *db,
                        const ZichaSampleSpec  *given,
                        guint                  *out_frame_size,
                        GError                **error)
{
  g_auto(ZichaSampleSpec) spec = { 0 };
  g_autoptr(GPtrArray) frame = NULL;
  g_autoptr(GPtrArray) strata = NULL;
  GPtrArray *preview;
  char valid_on[11];
  guint requested = 0;

  g_return_val_if_fail (ZICHA_IS_DB (db), NULL);
  g_return_val_if_fail (given != NULL, NULL);

  normalise_spec (given, &spec);
  if (!check_spec (&spec, valid_on, error)
      || (frame = _zicha_sampling_read_frame (db, &spec, valid_on, spec.key_items,
                                              error)) == NULL)
    return NULL;
  strata = make_strata (frame, spec.stratify);
  if (!size_strata (&spec, strata, frame->len, &requested, error))
    return NULL;

  preview = g_ptr_array_new_with_free_func ((GDestroyNotify) _zicha_sample_stratum_free);
  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *s = g_ptr_array_index (strata, i);
      ZichaSampleStratum *out = g_new0 (ZichaSampleStratum, 1);
      guint rest;

      for (guint j = 0; spec.key_items && j < s->entries->len; j++)
        if (((ZichaFrameEntry *) g_ptr_array_index (s->entries, j))->key)
          out->key_items++;
      out->stratum = g_strdup (s->key);
      out->frame_size = s->entries->len;
      out->requested_size = s->requested;
      rest = s->requested > out->key_items ? s->requested - out->key_items : 0;
      out->drawn_size = out->key_items + MIN (rest, out->frame_size - out->key_items);
      g_ptr_array_add (preview, out);
    }
  if (out_frame_size != NULL)
    *out_frame_size = frame->len;
  return preview;
}

/* Drawing and storing ------------------------------------------------------------------- */

typedef struct
{
  ZichaDb                *db;
  gint64                  sample;
  guint                   position;
  const char             *user_name;
} Writer;

static gboolean
write_item (Writer                 *w,
            const ZichaFrameEntry  *entry,
            const char             *stratum,
            ZichaSampleReason       reason,
            GError                **error)
{
  sqlite3 *handle = zicha_db_get_handle (w->db);

  if (_zicha_plans_exec (handle,
                         "INSERT INTO sample_items (sample, cert, position, stratum, reason,"
                         " risk_score, hits) VALUES (?, ?, ?, ?, ?, ?, ?)", "iiissii",
                         w->sample, entry->cert, (gint64) w->position, stratum,
                         zicha_sample_reason_to_string (reason), entry->score,
                         (gint64) entry->hits) != 1)
    return FALSE;
  w->position++;
  return _zicha_plans_log (w->db, w->user_name, "sample_item", "sample_items",
                           sqlite3_last_insert_rowid (handle), ZICHA_CHANGE_CREATE, NULL, error);
}

/* Takes the stratum's key items (when asked) and draws the rest of its size. */
static gboolean
draw_stratum (Writer                 *w,
              const ZichaSampleSpec  *spec,
              Stratum                *stratum,
              ZichaRng               *rng,
              GError                **error)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree guint64 *weights = NULL;
  g_autofree guint *drawn = NULL;
  ZichaSampleReason reason;
  guint k;

  for (guint i = 0; i < stratum->entries->len; i++)
    {
      ZichaFrameEntry *entry = g_ptr_array_index (stratum->entries, i);

      if (spec->key_items && entry->key)
        {
          if (!write_item (w, entry, stratum->key, ZICHA_SAMPLE_REASON_KEY_ITEM, error))
            return FALSE;
          stratum->key_items++;
        }
      else
        g_ptr_array_add (rest, entry);
    }

  k = stratum->requested > stratum->key_items ? stratum->requested - stratum->key_items : 0;
  k = MIN (k, rest->len);
  drawn = g_new0 (guint, MAX (k, 1));
  if (spec->method == ZICHA_SAMPLE_WEIGHTED)
    {
      weights = g_new (guint64, MAX (rest->len, 1));
      for (guint i = 0; i < rest->len; i++)
        weights[i] = 1 + (guint64) ((ZichaFrameEntry *) g_ptr_array_index (rest, i))->score;
      reason = ZICHA_SAMPLE_REASON_WEIGHTED;
    }
  else
    reason = ZICHA_SAMPLE_REASON_RANDOM;
  _zicha_sampling_draw_indices (rng, weights, rest->len, k, drawn);
  for (guint j = 0; j < k; j++)
    if (!write_item (w, g_ptr_array_index (rest, drawn[j]), stratum->key, reason, error))
      return FALSE;
  stratum->drawn = stratum->key_items + k;
  return TRUE;
}

static gboolean
write_strata (Writer     *w,
              GPtrArray  *strata)
{
  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *s = g_ptr_array_index (strata, i);

      if (_zicha_plans_exec (zicha_db_get_handle (w->db),
                             "INSERT INTO sample_strata (sample, position, stratum, frame_size,"
                             " requested_size, key_items, drawn_size)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", "iisiiii", w->sample, (gint64) i,
                             s->key, (gint64) s->entries->len, (gint64) s->requested,
                             (gint64) s->key_items, (gint64) s->drawn) != 1)
        return FALSE;
    }
  return TRUE;
}

gint64
zicha_sampling_draw (ZichaDb                *db,
                     gint64                  plan_id,
                     const ZichaSampleSpec  *given,
                     const char             *user_name,
                     GError                **error)
{
  g_auto(ZichaSampleSpec) normalised = { 0 };
  const ZichaSampleSpec *spec = &normalised;
  g_autoptr(GPtrArray) frame = NULL;
  g_autoptr(GPtrArray) strata = NULL;
  g_autofree char *schemes = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *years = NULL;
  Writer w = { db, 0, 0, user_name };
  sqlite3 *handle;
  char valid_on[11], now[20];
  guint64 seed;
  guint requested = 0, drawn = 0;
  ZichaRng rng;

  g_return_val_if_fail (ZICHA_IS_DB (db), 0);
  g_return_val_if_fail (given != NULL, 0);

  normalise_spec (given, &normalised);
  if (!check_spec (spec, valid_on, error) || !_zicha_plans_begin (db, error))
    return 0;
  handle = zicha_db_get_handle (db);
  if (!_zicha_plans_check_plan (db, plan_id, error)
      || (frame = _zicha_sampling_read_frame (db, spec, valid_on, TRUE, error)) == NULL)
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  if (frame->len == 0)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_NOT_FOUND,
                   /* Translators: %s is a date */
                   _("No certificate valid on %s is in the frame: there is nothing to draw"),
                   valid_on);
      _zicha_plans_fail (db, error);
      return 0;
    }
  strata = make_strata (frame, spec->stratify);
  if (!size_strata (spec, strata, frame->len, &requested, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }

  seed = spec->has_seed ? spec->seed : new_seed ();
  schemes = _zicha_plans_join_list (spec->schemes);
  leads = _zicha_plans_join_list (spec->lead_auditors);
  years = _zicha_plans_join_list (spec->years);
  zicha_now (now);
  if (_zicha_plans_exec (handle,
                         "INSERT INTO samples (plan, purpose, method, seed, valid_on,"
                         " frame_schemes, frame_lead_auditors, frame_years, stratify, key_items,"
                         " frame_size, requested_size, drawn_size, created_at, created_by)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                         "ississsssiiiss", plan_id,
                         zicha_sample_purpose_to_string (spec->purpose),
                         zicha_sample_method_to_string (spec->method), (gint64) seed, valid_on,
                         schemes, leads, years, zicha_sample_stratify_to_string (spec->stratify),
                         (gint64) (spec->key_items ? 1 : 0), (gint64) frame->len,
                         (gint64) requested, now,
                         user_name != NULL && *user_name != '\0' ? user_name : "?") != 1)
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  w.sample = sqlite3_last_insert_rowid (handle);

  _zicha_rng_init (&rng, seed);
  for (guint i = 0; i < strata->len; i++)
    {
      Stratum *stratum = g_ptr_array_index (strata, i);

      if (!draw_stratum (&w, spec, stratum, &rng, error))
        {
          _zicha_plans_fail (db, error);
          return 0;
        }
      drawn += stratum->drawn;
    }
  if (!write_strata (&w, strata)
      || _zicha_plans_exec (handle, "UPDATE samples SET drawn_size = ? WHERE id = ?", "ii",
                            (gint64) drawn, w.sample) != 1
      || !_zicha_plans_log (db, user_name, "sample", "samples", w.sample, ZICHA_CHANGE_CREATE,
                            NULL, error)
      || !_zicha_plans_commit (db, error))
    {
      _zicha_plans_fail (db, error);
      return 0;
    }
  return w.sample;
}
