/* zicha-audit-time.h — IAF MD 5 audit time
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ZICHA_COMPLEXITY_HIGH,
  ZICHA_COMPLEXITY_MEDIUM,
  ZICHA_COMPLEXITY_LOW,
  ZICHA_COMPLEXITY_LIMITED,
} ZichaComplexity;

typedef enum
{
  ZICHA_AUDIT_TIME_INITIAL,          /* stage 1 + stage 2: T */
  ZICHA_AUDIT_TIME_SURVEILLANCE,     /* T/3 */
  ZICHA_AUDIT_TIME_RECERTIFICATION,  /* 2T/3 */
} ZichaAuditTimeKind;

/* Default of the largest total reduction from the table value, in percent. */
#define ZICHA_AUDIT_TIME_MAX_REDUCTION_PCT 30

const char *zicha_audit_time_source            (void);

/* TRUE for QMS, EMS and OHSMS (the schemes with an MD 5 table). */
gboolean    zicha_audit_time_has_table         (const char         *scheme);
/* TRUE for EMS and OHSMS, whose table has complexity columns. */
gboolean    zicha_audit_time_uses_complexity   (const char         *scheme);

/* Parses "high", "medium", "low", "limited" (any case). */
gboolean    zicha_complexity_from_string       (const char         *str,
                                                ZichaComplexity    *out);

/* The table value T of an initial audit, in hundredths of an auditor-day (7 days = 700),
 * or -1 for a scheme without a table. @personnel below 1 counts as the first band; beyond
 * the last band the last band's value applies (DOMAIN.md section 3). For QMS the complexity
 * is ignored; OHSMS "limited" counts as "low". */
gint        zicha_audit_time_table_value       (const char         *scheme,
                                                gint64              personnel,
                                                ZichaComplexity     complexity);

/* The lower and upper personnel bounds of the band that holds @personnel (upper is
 * G_MAXINT64 beyond the last band). FALSE for a scheme without a table. */
gboolean    zicha_audit_time_band              (const char         *scheme,
                                                gint64              personnel,
                                                gint64             *out_low,
                                                gint64             *out_high);

/* Exact comparison, no floating point: TRUE when @days_hundredths is below the minimum
 * of @kind for table value @table_hundredths with at most @max_reduction_pct % reduction:
 *   100 · 3 · days  <  (100 − r) · m · T     with m = 3 (initial), 1 (surveillance), 2 (recert.) */
gboolean    zicha_audit_time_is_short          (gint                table_hundredths,
                                                ZichaAuditTimeKind  kind,
                                                gint64              days_hundredths,
                                                gint                max_reduction_pct);

/* The minimum as a decimal string for people, rounded up to two decimals ("4.9", "1.64"). */
char       *zicha_audit_time_format_minimum    (gint                table_hundredths,
                                                ZichaAuditTimeKind  kind,
                                                gint                max_reduction_pct);

/* Formats hundredths as a short decimal: 700 → "7", 150 → "1.5", 489 → "4.89". */
char       *zicha_format_hundredths            (gint64              hundredths);

G_END_DECLS
