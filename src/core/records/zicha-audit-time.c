/* zicha-audit-time.c — IAF MD 5 audit time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Source of every number in this file: IAF MD 5:2019 "Determination of Audit Time of
 * Quality, Environmental, and Occupational Health & Safety Management Systems", Issue 4
 * Version 2 (adopted in China as CNAS-CC105), Annex A tables for QMS and EMS; OHSMS uses the
 * high, medium and low columns of the EMS table. Values are hundredths of an auditor-day. */
#define G_LOG_DOMAIN "zicha-audit-time"

#include "config.h"

#include <string.h>

#include "zicha-audit-time.h"
#include "zicha-enum.h"
#include "zicha-enums.h"

typedef struct
{
  gint64 up_to;     /* highest effective personnel of the band */
  gint   qms;       /* QMS */
  gint   ems[4];    /* EMS: high, medium, low, limited */
} Band;

/* IAF MD 5:2019 Annex A (QMS table, EMS table). */
static const Band bands[] = {
  {     5,  150, {  300,  250,  250,  250 } },
  {    10,  200, {  350,  300,  300,  300 } },
  {    15,  250, {  450,  350,  300,  300 } },
  {    25,  300, {  550,  450,  350,  300 } },
  {    45,  400, {  700,  550,  400,  300 } },
  {    65,  500, {  800,  600,  450,  350 } },
  {    85,  600, {  900,  700,  500,  350 } },
  {   125,  700, { 1100,  800,  550,  400 } },
  {   175,  800, { 1200,  900,  600,  450 } },
  {   275,  900, { 1300, 1000,  700,  500 } },
  {   425, 1000, { 1500, 1100,  800,  550 } },
  {   625, 1100, { 1600, 1200,  900,  600 } },
  {   875, 1200, { 1700, 1300, 1000,  650 } },
  {  1175, 1300, { 1900, 1500, 1100,  700 } },
  {  1550, 1400, { 2000, 1600, 1200,  750 } },
  {  2025, 1500, { 2100, 1700, 1200,  800 } },
  {  2675, 1600, { 2300, 1800, 1300,  850 } },
  {  3450, 1700, { 2500, 1900, 1400,  900 } },
  {  4350, 1800, { 2700, 2000, 1500, 1000 } },
  {  5450, 1900, { 2800, 2100, 1600, 1100 } },
  {  6800, 2000, { 3000, 2300, 1700, 1200 } },
  {  8500, 2100, { 3200, 2500, 1900, 1300 } },
  { 10700, 2200, { 3400, 2700, 2000, 1400 } },
};

typedef enum { TABLE_NONE, TABLE_QMS, TABLE_EMS, TABLE_OHSMS } Table;

static Table
table_for_scheme (const char *scheme)
{
  if (scheme == NULL)
    return TABLE_NONE;
  if (g_ascii_strcasecmp (scheme, "QMS") == 0)
    return TABLE_QMS;
  if (g_ascii_strcasecmp (scheme, "EMS") == 0)
    return TABLE_EMS;
  if (g_ascii_strcasecmp (scheme, "OHSMS") == 0)
    return TABLE_OHSMS;
  return TABLE_NONE;
}

static guint
band_index (gint64 personnel)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bands); i++)
    if (personnel <= bands[i].up_to)
      return i;
  return G_N_ELEMENTS (bands) - 1;
}

const char *
zicha_audit_time_source (void)
{
  return "IAF MD 5:2019 Issue 4 Version 2 (CNAS-CC105)";
}

gboolean
zicha_audit_time_has_table (const char *scheme)
{
  return table_for_scheme (scheme) != TABLE_NONE;
}

gboolean
zicha_audit_time_uses_complexity (const char *scheme)
{
  Table t = table_for_scheme (scheme);

  return t == TABLE_EMS || t == TABLE_OHSMS;
}

gboolean
zicha_complexity_from_string (const char      *str,
                              ZichaComplexity *out)
{
  int value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!zicha_enum_from_nick (ZICHA_TYPE_COMPLEXITY, str, TRUE, &value))
    return FALSE;
  *out = (ZichaComplexity) value;
  return TRUE;
}

gint
zicha_audit_time_table_value (const char      *scheme,
                              gint64           personnel,
                              ZichaComplexity  complexity)
{
  Table t = table_for_scheme (scheme);
  const Band *band;

  if (t == TABLE_NONE)
    return -1;

  band = &bands[band_index (personnel)];
  if (t == TABLE_QMS)
    return band->qms;

  if (complexity > ZICHA_COMPLEXITY_LIMITED)
    complexity = ZICHA_COMPLEXITY_MEDIUM;
  /* DOMAIN.md section 3: OHSMS has no "limited" column; it counts as "low". */
  if (t == TABLE_OHSMS && complexity == ZICHA_COMPLEXITY_LIMITED)
    complexity = ZICHA_COMPLEXITY_LOW;
  return band->ems[complexity];
}

gboolean
zicha_audit_time_band (const char *scheme,
                       gint64      personnel,
                       gint64     *out_low,
                       gint64     *out_high)
{
  guint i;

  if (table_for_scheme (scheme) == TABLE_NONE)
    return FALSE;

  i = band_index (personnel);
  if (personnel > bands[i].up_to)
    {
      /* beyond the last band */
      if (out_low != NULL)
        *out_low = bands[i].up_to + 1;
      if (out_high != NULL)
        *out_high = G_MAXINT64;
      return TRUE;
    }
  if (out_low != NULL)
    *out_low = i == 0 ? 1 : bands[i - 1].up_to + 1;
  if (out_high != NULL)
    *out_high = bands[i].up_to;
  return TRUE;
}

static gint
kind_multiplier (ZichaAuditTimeKind kind)
{
  switch (kind)
    {
    case ZICHA_AUDIT_TIME_SURVEILLANCE:
      return 1;
    case ZICHA_AUDIT_TIME_RECERTIFICATION:
      return 2;
    case ZICHA_AUDIT_TIME_INITIAL:
    default:
      return 3;
    }
}

gboolean
zicha_audit_time_is_short (gint               table_hundredths,
                           ZichaAuditTimeKind kind,
                           gint64             days_hundredths,
                           gint               max_reduction_pct)
{
  gint64 lhs, rhs;

  g_return_val_if_fail (max_reduction_pct >= 0 && max_reduction_pct <= 100, FALSE);

  if (table_hundredths < 0)
    return FALSE;
  /* 300 · days must not overflow: the right side is below 100 · 3 · G_MAXINT */
  if (days_hundredths > G_MAXINT64 / 300)
    return FALSE;
  if (days_hundredths < G_MININT64 / 300)
    return TRUE;

  /* days < (100 - r)/100 · m/3 · T  ⇔  300 · days < (100 - r) · m · T */
  lhs = 300 * days_hundredths;
  rhs = (gint64) (100 - max_reduction_pct) * kind_multiplier (kind) * table_hundredths;
  return lhs < rhs;
}

char *
zicha_format_hundredths (gint64 hundredths)
{
  gint64 whole = hundredths / 100;
  gint64 frac = ABS (hundredths % 100);
  const char *sign = (hundredths < 0 && whole == 0) ? "-" : "";

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, whole);
  if (frac % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, sign, whole, frac / 10);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, sign, whole, frac);
}

char *
zicha_audit_time_format_minimum (gint               table_hundredths,
                                 ZichaAuditTimeKind kind,
                                 gint               max_reduction_pct)
{
  /* minimum in hundredths = (100 - r) · m · T / 300, rounded up */
  gint64 num = (gint64) (100 - max_reduction_pct) * kind_multiplier (kind) * table_hundredths;
  gint64 min = (num + 299) / 300;

  return zicha_format_hundredths (min);
}
