/* zicha-hits.h — hits of the risk rules (风险线索): listing and triage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_HIT_OPEN,
  ZICHA_HIT_CONFIRMED,
  ZICHA_HIT_DISMISSED,
  ZICHA_HIT_RESOLVED,
} ZichaHitStatus;

const char *zicha_hit_status_to_string   (ZichaHitStatus  status);
gboolean    zicha_hit_status_from_string (const char     *str,
                                          ZichaHitStatus *out);
const char *zicha_hit_status_get_label   (ZichaHitStatus  status);

#define ZICHA_TYPE_HIT (zicha_hit_get_type ())

typedef struct
{
  gint64          id;
  char           *rule;            /* rule id */
  char           *area;            /* legal, conduct, practice, capability */
  char           *severity;        /* high, medium, low */
  char           *entity_type;
  char           *entity_key;
  ZichaHitStatus  status;
  char           *message;         /* translated when the hit was found */
  char           *details;         /* JSON object */
  char           *first_found_on;
  char           *last_found_on;
  gint64          last_run;        /* 0 when none */
  char           *triaged_by;
  char           *triaged_at;
  char           *dismiss_reason;
} ZichaHit;

GType     zicha_hit_get_type (void) G_GNUC_CONST;
ZichaHit *zicha_hit_copy     (const ZichaHit *hit);
void      zicha_hit_free     (ZichaHit       *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaHit, zicha_hit_free)

typedef struct
{
  char *record_type;   /* interchange file stem: "certificates", "audits", ... */
  char *record_key;    /* the record's key as in the interchange format */
} ZichaHitRecord;

void zicha_hit_record_free (ZichaHitRecord *record);

/* Filters: NULL / empty fields match everything. @text matches message, entity key and rule
 * id (substring, ASCII case-insensitive). */
typedef struct
{
  const char *rule;
  const char *area;
  const char *severity;
  const char *status;
  const char *entity_type;
  const char *text;
} ZichaHitFilter;

typedef enum
{
  ZICHA_HIT_ORDER_DEFAULT,     /* severity (high first), rule, entity key */
  ZICHA_HIT_ORDER_RULE,
  ZICHA_HIT_ORDER_ENTITY,
  ZICHA_HIT_ORDER_STATUS,
  ZICHA_HIT_ORDER_LAST_FOUND,
  ZICHA_HIT_ORDER_ID,
} ZichaHitOrder;

/* All matching hits (ZichaHit*), in the default order. */
GPtrArray *zicha_hits_query       (ZichaDb               *db,
                                   const ZichaHitFilter  *filter,
                                   GError               **error);
/* One page of them; @descending reverses the order. @out_total (may be NULL) gets the number
 * of matching hits. */
GPtrArray *zicha_hits_query_page  (ZichaDb               *db,
                                   const ZichaHitFilter  *filter,
                                   ZichaHitOrder          order,
                                   gboolean               descending,
                                   guint                  offset,
                                   guint                  limit,
                                   gint64                *out_total,
                                   GError               **error);
gint64     zicha_hits_count       (ZichaDb               *db,
                                   const ZichaHitFilter  *filter,
                                   GError               **error);
/* The ids of the matching hits in @order, as a GArray of gint64, for lists that read the
 * hits themselves page by page (zicha-hit-list.h). A cancelled query is G_IO_ERROR_CANCELLED. */
GArray    *zicha_hits_query_ids   (ZichaDb               *db,
                                   const ZichaHitFilter  *filter,
                                   ZichaHitOrder          order,
                                   gboolean               descending,
                                   GCancellable          *cancellable,
                                   GError               **error);
/* The hits @ids (ZichaHit*), in the order of @ids; NULL elements for ids that are gone. */
GPtrArray *zicha_hits_get_many    (ZichaDb               *db,
                                   const gint64          *ids,
                                   guint                  n_ids,
                                   GError               **error);

/* NULL with ZICHA_ERROR_NOT_FOUND when there is no such hit. */
ZichaHit  *zicha_hits_get         (ZichaDb               *db,
                                   gint64                 hit_id,
                                   GError               **error);
ZichaHit  *zicha_hits_lookup      (ZichaDb               *db,
                                   const char            *rule,
                                   const char            *entity_key,
                                   GError               **error);
/* ZichaHitRecord* the hit concerns. */
GPtrArray *zicha_hits_get_records (ZichaDb               *db,
                                   gint64                 hit_id,
                                   GError               **error);

/* Triage. Dismissing an open (or resolved) hit needs a non-empty reason; it records
 * @user_name and the time, and the change history. Triaging a hit that is already confirmed
 * or dismissed is ZICHA_ERROR_CONFLICT; a missing hit is ZICHA_ERROR_NOT_FOUND. Confirming a
 * hit makes it a problem: that is the problem ledger's (zicha_problems_confirm_hits ()). */
gboolean   zicha_hits_dismiss     (ZichaDb               *db,
                                   gint64                 hit_id,
                                   const char            *reason,
                                   const char            *user_name,
                                   GError               **error);
/* Restores the state before a dismissal (open, or resolved). A confirmed hit is taken back
 * through the problem ledger (zicha_problems_undo_confirm ()): here it is ZICHA_ERROR_USAGE,
 * as is a hit that is not triaged. */
gboolean   zicha_hits_undo_triage (ZichaDb               *db,
                                   gint64                 hit_id,
                                   const char            *user_name,
                                   GError               **error);
/* The same for several hits at once, in one transaction: all of them or, when one of them
 * fails (with its error), none. A hit named twice counts once; none at all is
 * ZICHA_ERROR_USAGE for a dismissal and nothing to do for an undo. */
gboolean   zicha_hits_dismiss_many      (ZichaDb          *db,
                                         const gint64     *hit_ids,
                                         guint             n_hits,
                                         const char       *reason,
                                         const char       *user_name,
                                         GError          **error);
gboolean   zicha_hits_undo_triage_many  (ZichaDb          *db,
                                         const gint64     *hit_ids,
                                         guint             n_hits,
                                         const char       *user_name,
                                         GError          **error);

/* For the problem ledger, inside the caller's transaction (zicha_db_begin () … commit; the
 * caller rolls back on failure): marks the open (or resolved) hit @hit_id confirmed by
 * @user_name, or takes a confirmation back to the status before it (open, or resolved). Each
 * writes the change history (entity "hit") and brings the risk scores up to date when the hit
 * enters or leaves them; neither touches anything but the hit. Confirming a hit that is
 * already confirmed or dismissed is ZICHA_ERROR_CONFLICT, unmarking one that is not confirmed
 * ZICHA_ERROR_USAGE, a missing hit ZICHA_ERROR_NOT_FOUND. */
gboolean   zicha_hits_mark_confirmed   (ZichaDb          *db,
                                        gint64            hit_id,
                                        const char       *user_name,
                                        GError          **error);
gboolean   zicha_hits_unmark_confirmed (ZichaDb          *db,
                                        gint64            hit_id,
                                        const char       *user_name,
                                        GError          **error);

G_END_DECLS
