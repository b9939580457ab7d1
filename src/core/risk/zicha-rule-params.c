/* zicha-rule-params.c — parameters of the risk rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing and validating parameter values (integers, decimals, fractions), and reading and
 * storing them in rule_params; a value not stored is the descriptor's default. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-error.h"
#include "zicha-rules-private.h"

/* Values --------------------------------------------------------------------------------- */

static gboolean
parse_uint (const char *s, gint64 *out)
{
  gint64 v = 0;

  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isdigit (*s) || v > G_MAXINT64 / 10 - 10)
        return FALSE;
      v = v * 10 + (*s - '0');
    }
  *out = v;
  return TRUE;
}

/* An exact decimal with at most @scale decimals, scaled by 10^scale. */
static gboolean
parse_decimal (const char *s, gint scale, gint64 *out)
{
  g_autofree char *whole = NULL;
  const char *dot;
  gint64 w, f = 0;
  gint i, nf = 0;

  if (s == NULL)
    return FALSE;
  dot = strchr (s, '.');
  whole = dot != NULL ? g_strndup (s, dot - s) : g_strdup (s);
  if (!parse_uint (whole, &w) || w > G_GINT64_CONSTANT (1000000000000))
    return FALSE;
  if (dot != NULL)
    {
      for (dot++; *dot != '\0'; dot++, nf++)
        {
          if (!g_ascii_isdigit (*dot) || nf >= scale)
            return FALSE;
          f = f * 10 + (*dot - '0');
        }
      if (nf == 0)
        return FALSE;
    }
  for (i = nf; i < scale; i++)
    f *= 10;
  for (i = 0; i < scale; i++)
    w *= 10;
  *out = w + f;
  return TRUE;
}

static gboolean
parse_fraction (const char *s, gint64 *num, gint64 *den)
{
  g_auto(GStrv) parts = NULL;

  if (s == NULL)
    return FALSE;
  parts = g_strsplit (s, "/", -1);
  if (g_strv_length (parts) == 1)
    {
      *den = 1;
      return parse_uint (parts[0], num) && *num <= 1000000;
    }
  return g_strv_length (parts) == 2
         && parse_uint (parts[0], num) && parse_uint (parts[1], den)
         && *num <= 1000000 && *den >= 1 && *den <= 1000000;
}

gint64
_zicha_rule_param_value_int (const ZichaRuleParam *param,
                             const char           *value)
{
  gint64 v = 0;

  if (param->type == ZICHA_RULE_PARAM_DECIMAL)
    parse_decimal (value, param->scale, &v);
  else
    parse_uint (value, &v);
  return v;
}

void
_zicha_rule_param_value_fraction (const char *value,
                                  gint64     *num,
                                  gint64     *den)
{
  *num = 1;
  *den = 1;
  parse_fraction (value, num, den);
}

gboolean
zicha_rule_param_validate (const ZichaRuleParam *param,
                           const char           *value,
                           GError              **error)
{
  gint64 v = 0, num = 0, den = 1;
  gboolean ok = FALSE;

  switch (param->type)
    {
    case ZICHA_RULE_PARAM_INTEGER:
      ok = parse_uint (value, &v) && v >= param->min && v <= param->max;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a whole number from %" PRId64 " to %"
                         PRId64 " for %s"),
                       value != NULL ? value : "", param->min, param->max, param->name);
          return FALSE;
        }
      return TRUE;
    case ZICHA_RULE_PARAM_DECIMAL:
      ok = parse_decimal (value, param->scale, &v) && v >= param->min && v <= param->max;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a number with at most %d decimals in the allowed range "
                         "for %s"),
                       value != NULL ? value : "", param->scale, param->name);
          return FALSE;
        }
      return TRUE;
    case ZICHA_RULE_PARAM_FRACTION:
    default:
      /* p/q between min/100 and max/100 */
      ok = parse_fraction (value, &num, &den)
           && num * 100 >= param->min * den && num * 100 <= param->max * den;
      if (!ok)
        {
          g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                       _("“%s” is not a fraction such as 1/3 in the allowed range for %s"),
                       value != NULL ? value : "", param->name);
          return FALSE;
        }
      return TRUE;
    }
}

/* Stored values -------------------------------------------------------------------------- */

static const ZichaRuleParam *
lookup_param (const char       *rule_id,
              const char       *name,
              const ZichaRule **out_rule,
              GError          **error)
{
  const ZichaRule *rule = zicha_rules_lookup (rule_id);
  const ZichaRuleParam *param;

  if (rule == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unknown rule “%s”"),
                   rule_id != NULL ? rule_id : "");
      return NULL;
    }
  param = zicha_rule_find_param (rule, name);
  if (param == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Rule %s has no parameter “%s”"),
                   rule->id, name != NULL ? name : "");
      return NULL;
    }
  if (out_rule != NULL)
    *out_rule = rule;
  return param;
}

char *
_zicha_rule_stored_param (sqlite3              *db,
                          const ZichaRule      *rule,
                          const ZichaRuleParam *param)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM rule_params WHERE rule = ? AND name = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, rule->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, param->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (value != NULL && !zicha_rule_param_validate (param, value, NULL))
    {
      g_warning ("Ignoring the stored value “%s” of %s.%s", value, rule->id, param->name);
      g_clear_pointer (&value, g_free);
    }
  return value;
}

char *
zicha_rules_get_param (ZichaDb     *db,
                       const char  *rule_id,
                       const char  *name,
                       GError     **error)
{
  const ZichaRule *rule = NULL;
  const ZichaRuleParam *param = lookup_param (rule_id, name, &rule, error);
  char *value;

  if (param == NULL)
    return NULL;
  value = _zicha_rule_stored_param (zicha_db_get_handle (db), rule, param);
  return value != NULL ? value : g_strdup (param->default_value);
}

gboolean
zicha_rules_set_param (ZichaDb     *db,
                       const char  *rule_id,
                       const char  *name,
                       const char  *value,
                       GError     **error)
{
  const ZichaRule *rule = NULL;
  const ZichaRuleParam *param = lookup_param (rule_id, name, &rule, error);
  sqlite3 *handle = zicha_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  gboolean reset;
  int rc;

  if (param == NULL)
    return FALSE;
  if (value != NULL && !zicha_rule_param_validate (param, value, error))
    return FALSE;

  reset = value == NULL || strcmp (value, param->default_value) == 0;
  rc = sqlite3_prepare_v2 (handle,
                           reset ? "DELETE FROM rule_params WHERE rule = ?1 AND name = ?2"
                                 : "INSERT INTO rule_params (rule, name, value)"
                                   " VALUES (?1, ?2, ?3) "
                                   "ON CONFLICT (rule, name) DO UPDATE SET value = excluded.value",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, rule->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, param->name, -1, SQLITE_STATIC);
      if (!reset)
        sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zicha_db_set_error (db, error, _("Could not store the rule parameter"));
      return FALSE;
    }
  return TRUE;
}
