/* zicha-report-statistics.h — the figures of the report's section 1 (DOMAIN.md 6.1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function computes them, for `zicha-cli statistics` and for the report alike, exactly
 * as DOMAIN.md section 6.1 defines each: the records seen as of a date, three periods (the two
 * full calendar years before the as-of date's year, and that year up to the date). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

/* Certificate statuses, in the order of the interchange format (by_status). */
#define ZICHA_N_CERT_STATUSES 5
extern const char * const zicha_cert_statuses[ZICHA_N_CERT_STATUSES];

typedef struct
{
  char   *scheme;
  gint64  codes;          /* approved_scope rows in force on as of (not distinct codes) */
} ZichaStatScope;

typedef struct
{
  char    period[5];      /* "2025" */
  char    from[11];       /* first day of the period */
  char    to[11];         /* last day: 12-31, or as of for the as-of year */
  gint64  issued;         /* certificates with issued_on in the period */
  gint64  renewed;        /* certificate_events of that kind with on in the period */
  gint64  suspended;
  gint64  withdrawn;
  gint64  cancelled;
  gint64  penalties;      /* penalties with decided_on in the period */
} ZichaStatPeriod;

typedef struct
{
  char   *scheme;
  gint64  lead_auditor;   /* each employed person once per scheme, under their highest grade */
  gint64  auditor;
  gint64  trainee;
  gint64  technical_expert;   /* apart from that */
} ZichaStatSchemePeople;

typedef struct
{
  char             as_of[11];
  ZichaStatPeriod  periods[3];              /* Y-2, Y-1, Y */
  GPtrArray       *scope;                   /* ZichaStatScope*, by scheme in byte order */
  gint64           certificates_total;      /* issued_on ≤ as of */
  gint64           by_status[ZICHA_N_CERT_STATUSES];
  gint64           organizations_certified;
  gint64           employed;
  gint64           full_time;
  gint64           part_time;
  GPtrArray       *by_scheme;               /* ZichaStatSchemePeople*, by scheme in byte order */
} ZichaStatistics;

void              zicha_statistics_free     (ZichaStatistics  *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaStatistics, zicha_statistics_free)

/* The figures as of @as_of (YYYY-MM-DD). ZICHA_ERROR_USAGE when @as_of is no date. */
ZichaStatistics  *zicha_statistics_compute  (ZichaDb          *db,
                                             const char       *as_of,
                                             GError          **error);

/* One JSON object with exactly the keys of DOMAIN.md 6.1 (written with json-glib). */
char             *zicha_statistics_to_json  (const ZichaStatistics *stats);

/* The figures in long form, one row per figure, as DOMAIN.md 6.1 gives the CSV: @func is
 * called with the section (general, scope, certificates, per_period, personnel), the dotted
 * key and the value as text, in the order of the definition. */
void              zicha_statistics_foreach  (const ZichaStatistics *stats,
                                             void (*func) (const char *section,
                                                           const char *key,
                                                           const char *value,
                                                           gpointer    data),
                                             gpointer               data);

G_END_DECLS
