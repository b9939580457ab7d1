/* zicha-cli-sampling.c — zicha-cli sample and samples: certificates drawn for a plan (抽样)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sample turns its options into a ZichaSampleSpec and calls zicha_sampling_draw (); the
 * drawing, its reproducibility and what is recorded are core's (zicha-sampling.h). It prints
 * the certificates drawn in every format (position, cert_no, reason, …), and for people a
 * line with the sample's number, sizes and seed. samples lists a plan's samples. */
#define G_LOG_DOMAIN "zicha-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zicha-cli-commands.h"
#include "zicha-cli-plans-private.h"
#include "zicha-plans.h"
#include "zicha-sampling.h"

static gboolean
parse_plan_option (const char  *text,
                   gint64      *out,
                   GError     **error)
{
  if (text == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Give the plan's number with --plan"));
      return FALSE;
    }
  return zicha_cli_plans_parse_id (_("plan"), text, out, error);
}

/* @text with '-' as '_', lower case: "file-review" is file_review. */
static char *
nick_of (const char *text)
{
  char *nick = g_ascii_strdown (text, -1);

  g_strdelimit (nick, "-", '_');
  return nick;
}

static gboolean
parse_spec_options (const char        *purpose,
                    const char        *stratify,
                    const char        *size,
                    const char        *seed,
                    ZichaSampleSpec   *spec,
                    GError           **error)
{
  if (purpose != NULL)
    {
      g_autofree char *nick = nick_of (purpose);

      if (!zicha_sample_purpose_from_string (nick, &spec->purpose))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown purpose “%s”: use file-review or field-visit"), purpose);
          return FALSE;
        }
    }
  if (stratify != NULL)
    {
      g_autofree char *nick = nick_of (stratify);

      if (!zicha_sample_stratify_from_string (nick, &spec->stratify))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed; keep the English words */
                       _("Unknown stratification “%s”: use scheme or lead-auditor"), stratify);
          return FALSE;
        }
    }
  if (size != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (size, 10, 1, G_MAXUINT32, &value, NULL))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed */
                       _("The size must be a whole number of 1 or more, not “%s”"), size);
          return FALSE;
        }
      spec->size = (guint) value;
    }
  if (seed != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXINT64, &spec->seed, NULL))
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       /* Translators: %s is what the user typed */
                       _("The seed must be a whole number from 0 to 9223372036854775807, "
                         "not “%s”"), seed);
          return FALSE;
        }
      spec->has_seed = TRUE;
    }
  return TRUE;
}

/* sample ---------------------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_sample (ZichaCli  *cli,
                      int        argc,
                      char     **argv,
                      GError   **error)
{
  g_autofree char *format_str = NULL, *plan_str = NULL, *size_str = NULL, *seed_str = NULL;
  g_autofree char *stratify_str = NULL, *purpose_str = NULL, *valid_on = NULL;
  g_autofree char *schemes_str = NULL, *years_str = NULL, *leads_str = NULL;
  g_autofree char *demo_today = NULL;
  g_auto(GStrv) schemes = NULL;
  g_auto(GStrv) years = NULL;
  g_auto(GStrv) leads = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(ZichaSample) sample = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ZichaTable) table = NULL;
  gboolean weighted = FALSE, key_items = FALSE;
  ZichaSampleSpec spec = { 0 };
  ZichaOutputFormat format;
  guint id, position, cert_no, scheme, org, stratum, reason, score, hits;
  gint64 plan, sample_id;
  GDate date;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_str, N_("The plan the sample is for"),
      N_("ID") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_str,
      N_("How many certificates to draw (default: the square root of the frame, rounded up)"),
      N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_str,
      N_("The seed of the draw (default: a new one, recorded)"), N_("S") },
    { "risk-weighted", 0, 0, G_OPTION_ARG_NONE, &weighted,
      N_("Weigh each certificate by 1 + its risk score"), NULL },
    { "stratify", 0, 0, G_OPTION_ARG_STRING, &stratify_str,
      N_("Draw per stratum: scheme or lead-auditor"), N_("BY") },
    { "key-items", 0, 0, G_OPTION_ARG_NONE, &key_items,
      N_("Take every certificate with a high-severity open or confirmed hit first"), NULL },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose_str,
      N_("file-review (the default) or field-visit"), N_("PURPOSE") },
    { "valid-on", 0, 0, G_OPTION_ARG_STRING, &valid_on,
      N_("Draw from the certificates valid on this day"), N_("YYYY-MM-DD") },
    { "schemes", 0, 0, G_OPTION_ARG_STRING, &schemes_str,
      N_("Only certificates of these schemes, separated by commas"), N_("QMS,EMS") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years_str,
      N_("Only certificates issued in these years, separated by commas"), N_("YEAR,…") },
    { "lead-auditors", 0, 0, G_OPTION_ARG_STRING, &leads_str,
      N_("Only certificates whose lead auditor is one of these person ids"), N_("ID,…") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !parse_plan_option (plan_str, &plan, error)
      || !parse_spec_options (purpose_str, stratify_str, size_str, seed_str, &spec, error)
      || (valid_on != NULL && !zicha_cli_parse_date ("--valid-on", valid_on, &date, error)))
    return FALSE;

  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  /* a demo body is dated relative to its own day (as check does) */
  if (valid_on == NULL && (demo_today = zicha_db_get_setting (db, "demo-today")) != NULL
      && zicha_cli_parse_date ("demo-today", demo_today, &date, NULL))
    valid_on = g_strdup (demo_today);

  schemes = zicha_cli_plans_split (schemes_str);
  years = zicha_cli_plans_split (years_str);
  leads = zicha_cli_plans_split (leads_str);
  spec.method = weighted ? ZICHA_SAMPLE_WEIGHTED : ZICHA_SAMPLE_RANDOM;
  spec.key_items = key_items;
  spec.valid_on = valid_on;
  spec.schemes = (const char * const *) schemes;
  spec.years = (const char * const *) years;
  spec.lead_auditors = (const char * const *) leads;
  sample_id = zicha_sampling_draw (db, plan, &spec, zicha_cli_plans_user_name (), error);
  if (sample_id == 0
      || (sample = zicha_sampling_get (db, sample_id, error)) == NULL
      || (items = zicha_sampling_list_items (db, sample_id, error)) == NULL)
    return FALSE;

  table = zicha_table_new ();
  id = zicha_table_add_column (table, "id", _("No."), ZICHA_COLUMN_NUMBER);
  position = zicha_table_add_column (table, "position", _("Order"), ZICHA_COLUMN_NUMBER);
  cert_no = zicha_table_add_column (table, "cert_no", _("Certificate number"),
                                    ZICHA_COLUMN_TEXT);
  scheme = zicha_table_add_column (table, "scheme", _("Scheme"), ZICHA_COLUMN_TEXT);
  org = zicha_table_add_column (table, "organization", _("Certified organization"),
                                ZICHA_COLUMN_TEXT);
  stratum = zicha_table_add_column (table, "stratum", _("Stratum"), ZICHA_COLUMN_TEXT);
  reason = zicha_table_add_column (table, "reason", _("Why drawn"), ZICHA_COLUMN_TEXT);
  score = zicha_table_add_column (table, "risk_score", _("Risk score"), ZICHA_COLUMN_NUMBER);
  hits = zicha_table_add_column (table, "hits", _("Hits"), ZICHA_COLUMN_NUMBER);
  for (guint i = 0; i < items->len; i++)
    {
      const ZichaSampleItem *item = g_ptr_array_index (items, i);

      zicha_table_add_row (table);
      zicha_cli_plans_set_int (table, id, item->id);
      zicha_cli_plans_set_int (table, position, (gint64) item->position + 1);
      zicha_table_set (table, cert_no, item->cert_no);
      zicha_table_set (table, scheme, item->scheme);
      zicha_table_set (table, org, item->org_name);
      if (item->stratum != NULL && *item->stratum == '\0')
        zicha_table_set_display (table, stratum, "", _("no lead auditor"));
      else
        zicha_table_set (table, stratum, item->stratum);
      zicha_table_set_display (table, reason, zicha_sample_reason_to_string (item->reason),
                               zicha_sample_reason_get_label (item->reason));
      zicha_cli_plans_set_int (table, score, item->risk_score);
      zicha_cli_plans_set_int (table, hits, item->hits);
    }
  if (!zicha_cli_plans_write (table, format, error))
    return FALSE;
  if (format == ZICHA_OUTPUT_TABLE)
    zicha_cli_print (/* Translators: %1$lld is the sample's number, %2$u and %3$u numbers of
                      * certificates, %4$s a date, %5$llu the seed */
                     _("Sample %1$lld: %2$u of %3$u certificates valid on %4$s drawn, "
                       "seed %5$llu\n"),
                     (long long) sample->id, sample->drawn_size, sample->frame_size,
                     sample->valid_on, (unsigned long long) sample->seed);
  return TRUE;
}

/* samples --------------------------------------------------------------------------------- */

gboolean
zicha_cli_cmd_samples (ZichaCli  *cli,
                       int        argc,
                       char     **argv,
                       GError   **error)
{
  g_autofree char *format_str = NULL, *plan_str = NULL;
  g_autoptr(ZichaDb) db = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(ZichaTable) table = NULL;
  ZichaOutputFormat format;
  guint id, purpose, method, seed, valid_on, stratify, key_items, frame, requested, drawn;
  guint created_at, created_by;
  gint64 plan;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_str, N_("The plan whose samples to print"),
      N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: table (the default), csv or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!zicha_cli_parse (cli, entries, argc, argv, NULL, error))
    return FALSE;
  if (zicha_cli_help_shown (cli))
    return TRUE;
  if (!zicha_cli_parse_format (format_str, &format, error)
      || !parse_plan_option (plan_str, &plan, error))
    return FALSE;
  db = zicha_cli_open_db (cli, ZICHA_DB_OPEN_READ_ONLY, error);
  if (db == NULL || (samples = zicha_sampling_list (db, plan, error)) == NULL)
    return FALSE;

  table = zicha_table_new ();
  id = zicha_table_add_column (table, "id", _("No."), ZICHA_COLUMN_NUMBER);
  purpose = zicha_table_add_column (table, "purpose", _("Purpose"), ZICHA_COLUMN_TEXT);
  method = zicha_table_add_column (table, "method", _("Method"), ZICHA_COLUMN_TEXT);
  seed = zicha_table_add_column (table, "seed", _("Seed"), ZICHA_COLUMN_NUMBER);
  valid_on = zicha_table_add_column (table, "valid_on", _("Valid on"), ZICHA_COLUMN_TEXT);
  stratify = zicha_table_add_column (table, "stratify", _("Strata"), ZICHA_COLUMN_TEXT);
  key_items = zicha_table_add_column (table, "key_items", _("Key items first"),
                                      ZICHA_COLUMN_TEXT);
  frame = zicha_table_add_column (table, "frame_size", _("Frame"), ZICHA_COLUMN_NUMBER);
  requested = zicha_table_add_column (table, "requested_size", _("Requested"),
                                      ZICHA_COLUMN_NUMBER);
  drawn = zicha_table_add_column (table, "drawn_size", _("Drawn"), ZICHA_COLUMN_NUMBER);
  created_at = zicha_table_add_column (table, "created_at", _("Created"), ZICHA_COLUMN_TEXT);
  created_by = zicha_table_add_column (table, "created_by", _("Created by"), ZICHA_COLUMN_TEXT);
  for (guint i = 0; i < samples->len; i++)
    {
      const ZichaSample *s = g_ptr_array_index (samples, i);
      g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, s->seed);
      const char *stratify_label = s->stratify == ZICHA_SAMPLE_STRATIFY_SCHEME ? _("by scheme")
                                   : s->stratify == ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR
                                   ? _("by lead auditor") : _("not stratified");

      zicha_table_add_row (table);
      zicha_cli_plans_set_int (table, id, s->id);
      zicha_table_set_display (table, purpose, zicha_sample_purpose_to_string (s->purpose),
                               zicha_sample_purpose_get_label (s->purpose));
      zicha_table_set_display (table, method, zicha_sample_method_to_string (s->method),
                               zicha_sample_method_get_label (s->method));
      zicha_table_set (table, seed, seed_text);
      zicha_table_set (table, valid_on, s->valid_on);
      zicha_table_set_display (table, stratify, zicha_sample_stratify_to_string (s->stratify),
                               stratify_label);
      zicha_table_set_display (table, key_items, s->key_items ? "yes" : "no",
                               s->key_items ? _("yes") : _("no"));
      zicha_cli_plans_set_int (table, frame, s->frame_size);
      zicha_cli_plans_set_int (table, requested, s->requested_size);
      zicha_cli_plans_set_int (table, drawn, s->drawn_size);
      zicha_table_set (table, created_at, s->created_at);
      zicha_table_set (table, created_by, s->created_by);
    }
  return zicha_cli_plans_write (table, format, error);
}
