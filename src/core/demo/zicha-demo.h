/* zicha-demo.h — a demo data set of a fictional certification body, with planted anomalies
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-records.h"

G_BEGIN_DECLS

#define ZICHA_DEMO_DEFAULT_CERTIFICATES 5000
/* Below this the planted anomalies (at least 3 hits of every rule) don't fit. */
#define ZICHA_DEMO_MIN_CERTIFICATES     200
#define ZICHA_DEMO_MAX_CERTIFICATES     10000000

/* The 27 rules of DOMAIN.md section 4, in the order of the catalogue. */
#define ZICHA_DEMO_N_RULES 27

typedef struct
{
  guint   certificates;   /* number of certificates, planted ones included */
  guint64 seed;           /* same seed and same today ⇒ byte-identical output */
  GDate   today;          /* every record is dated relative to it; hits are as of it */
} ZichaDemoOptions;

/* What a run produced; all counts are exact. */
typedef struct
{
  guint64 rows[ZICHA_N_RECORD_KINDS];      /* data rows written per file (headers excluded) */
  guint64 hits[ZICHA_DEMO_N_RULES];        /* manifest rows per rule */
  guint64 planted[ZICHA_DEMO_N_RULES];     /* planted units per rule (a unit can make 2 hits) */
  guint64 unplanned_hits;                  /* hits nobody planted: a generator defect, 0 */
  guint64 missed_plants;                   /* planted units without their hit: a defect, 0 */
  guint64 organizations;
  guint64 hired;                           /* auditors added to keep teams clean */
} ZichaDemoStats;

/* Called now and then from the generating thread with the share done (0 … 1). */
typedef void (*ZichaDemoProgressFunc) (double   fraction,
                                       gpointer user_data);

/* Defaults: ZICHA_DEMO_DEFAULT_CERTIFICATES certificates, seed 1, today (local time). */
void        zicha_demo_options_init  (ZichaDemoOptions      *opts);

/* The rule id of index @rule (< ZICHA_DEMO_N_RULES), "SCOPE_NOT_APPROVED" … */
const char *zicha_demo_rule_id       (guint                  rule);

/* Writes an interchange folder (INTERCHANGE.md, all 15 files) into @out_dir (created when
 * missing; existing files of the same names are replaced) and, when @expected_path is not
 * NULL, the manifest of the hits the planted anomalies must produce as of opts->today: a CSV
 * file with header rule,entity_type,entity_key (keys as DOMAIN.md section 4). Rows are
 * streamed; memory stays bounded by the number of personnel. */
gboolean    zicha_demo_generate      (const ZichaDemoOptions *opts,
                                      const char             *out_dir,
                                      const char             *expected_path,
                                      ZichaDemoProgressFunc   progress,
                                      gpointer                user_data,
                                      GCancellable           *cancellable,
                                      GError                **error);

/* Same, and fills @stats when not NULL. */
gboolean    zicha_demo_generate_full (const ZichaDemoOptions *opts,
                                      const char             *out_dir,
                                      const char             *expected_path,
                                      ZichaDemoProgressFunc   progress,
                                      gpointer                user_data,
                                      ZichaDemoStats         *stats,
                                      GCancellable           *cancellable,
                                      GError                **error);

G_END_DECLS
