/* zicha-sampling.h — samples of certificates drawn from a plan (抽样)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For file review (档案抽查) or visits to certified organizations (获证组织核验) a plan draws
 * certificates from a frame: those valid on a date (status valid, issued_on ≤ date ≤
 * expires_on), optionally limited to schemes, lead auditors and years of issue. The lead
 * auditor of a certificate is the person with role leader in the team of its latest audit
 * (by start_on, then audit_id) that starts on or before the frame's date; a certificate
 * without one is in the "no lead auditor" stratum ("").
 *
 * Methods: simple random sampling, or sampling weighted by the risk score (weight 1 + score,
 * so that every certificate can be drawn; DOMAIN.md section 5), both without replacement.
 * Optionally stratified by scheme or by lead auditor, with a size per stratum: given stratum
 * by stratum, or a total shared out in proportion to the strata's frame sizes by largest
 * remainders (ties to the stratum whose key sorts first). Key items (重点样本), the
 * certificates with a high-severity hit (open or confirmed) on the certificate, on one of its
 * audits or their team rows, may be taken whole before the rest is drawn: they count towards
 * their stratum's size, and a stratum with more key items than its size has them all.
 * Without a size the total is the square root of the frame size, rounded up.
 *
 * Reproducible: the same seed, frame and data give the same sample on any machine. The
 * frame is ordered by cert_no (not by row ids, which differ between databases); the draws
 * come from Zicha's own xoshiro256** generator seeded through splitmix64, and use integers
 * only (a weighted draw picks a whole number below the total weight of the certificates
 * left): no floating point, no platform's random numbers.
 *
 * Drawing a sample, reviewing an item and deleting a sample are written to the change
 * history (entities "sample" and "sample_item") in their transaction, with @user_name. */
#pragma once

#include <gio/gio.h>

#include "zicha-checklist.h"
#include "zicha-db.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_SAMPLE_FILE_REVIEW,                  /*< nick=file_review >*/
  ZICHA_SAMPLE_FIELD_VISIT,                  /*< nick=field_visit >*/
} ZichaSamplePurpose;

typedef enum
{
  ZICHA_SAMPLE_RANDOM,                       /*< nick=random >*/
  ZICHA_SAMPLE_WEIGHTED,                     /*< nick=weighted >*/
} ZichaSampleMethod;

typedef enum
{
  ZICHA_SAMPLE_STRATIFY_NONE,                /*< nick=none >*/
  ZICHA_SAMPLE_STRATIFY_SCHEME,              /*< nick=scheme >*/
  ZICHA_SAMPLE_STRATIFY_LEAD_AUDITOR,        /*< nick=lead_auditor >*/
} ZichaSampleStratify;

/* Why a certificate was drawn. */
typedef enum
{
  ZICHA_SAMPLE_REASON_KEY_ITEM,              /*< nick=key_item >*/
  ZICHA_SAMPLE_REASON_WEIGHTED,              /*< nick=weighted >*/
  ZICHA_SAMPLE_REASON_RANDOM,                /*< nick=random >*/
} ZichaSampleReason;

/* Nicks ("file_review", …: what the database stores and machine formats print), values by
 * nick exactly (FALSE for anything else) and translated labels of the enumerations above. */
const char *zicha_sample_purpose_to_string    (ZichaSamplePurpose    purpose);
gboolean    zicha_sample_purpose_from_string  (const char           *str,
                                               ZichaSamplePurpose   *out);
const char *zicha_sample_purpose_get_label    (ZichaSamplePurpose    purpose);
const char *zicha_sample_method_to_string     (ZichaSampleMethod     method);
const char *zicha_sample_method_get_label     (ZichaSampleMethod     method);
const char *zicha_sample_stratify_to_string   (ZichaSampleStratify   stratify);
gboolean    zicha_sample_stratify_from_string (const char           *str,
                                               ZichaSampleStratify  *out);
const char *zicha_sample_reason_to_string     (ZichaSampleReason     reason);
const char *zicha_sample_reason_get_label     (ZichaSampleReason     reason);

/* The size wanted of one stratum: @stratum is a scheme code or a lead auditor's person_id,
 * "" for the certificates without a lead auditor. */
typedef struct
{
  const char *stratum;
  guint       size;
} ZichaStratumSize;

/* How to draw. Zero-initialise, then set what differs from the defaults. */
typedef struct
{
  ZichaSamplePurpose       purpose;
  ZichaSampleMethod        method;
  gboolean                 has_seed;       /* FALSE: a new seed is made and recorded */
  guint64                  seed;           /* 0 … G_MAXINT64 */
  const char              *valid_on;       /* the frame's date, YYYY-MM-DD; NULL: today */
  const char * const      *schemes;        /* NULL or empty: every scheme */
  const char * const      *lead_auditors;  /* person_ids; NULL or empty: anyone and no one */
  const char * const      *years;          /* years of issue "2024"; NULL or empty: all */
  ZichaSampleStratify      stratify;
  /* The total size; 0: ceil (sqrt (frame size)). Larger than the frame: the whole frame.
   * Stratified, it is shared out unless @stratum_sizes is given. */
  guint                    size;
  /* Stratified only: the size of each stratum named (strata not named get 0, key items
   * apart); a name that is no stratum of the frame is ZICHA_ERROR_USAGE. */
  const ZichaStratumSize  *stratum_sizes;
  guint                    n_stratum_sizes;
  gboolean                 key_items;      /* take every key item first */
} ZichaSampleSpec;

/* One stratum of a drawn sample. */
typedef struct
{
  char  *stratum;         /* NULL when not stratified; "" no lead auditor */
  guint  frame_size;
  guint  requested_size;  /* its share of the size (or the size asked for it) */
  guint  key_items;       /* key items taken whole (key_items on) */
  guint  drawn_size;      /* certificates in the sample, key items included */
} ZichaSampleStratum;

typedef struct
{
  gint64               id;
  gint64               plan;
  ZichaSamplePurpose   purpose;
  ZichaSampleMethod    method;
  guint64              seed;
  char                *valid_on;
  char               **schemes;         /* never NULL; empty: no limit */
  char               **lead_auditors;   /* never NULL; empty: no limit */
  char               **years;           /* never NULL; empty: no limit */
  ZichaSampleStratify  stratify;
  gboolean             key_items;
  guint                frame_size;
  guint                requested_size;  /* the total asked for (or the default) */
  guint                drawn_size;
  GPtrArray           *strata;          /* ZichaSampleStratum*, by stratum key */
  char                *created_at;
  char                *created_by;
} ZichaSample;

/* Frees @sample, its lists and strata (NULL is fine). */
void zicha_sample_free (ZichaSample *sample);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaSample, zicha_sample_free)

/* A drawn certificate and its review. */
typedef struct
{
  gint64                id;
  gint64                sample;
  guint                 position;       /* 0 … n-1: key items first, then in drawing order */
  gint64                cert;           /* certificates.id */
  char                 *cert_no;
  char                 *scheme;
  char                 *org_name;
  char                 *stratum;        /* as ZichaSampleStratum */
  ZichaSampleReason     reason;
  gint64                risk_score;     /* when drawn */
  guint                 hits;           /* open and confirmed hits behind that score, then */
  char                 *assignee_person_id;
  char                 *assignee;
  char                 *checked_on;     /* YYYY-MM-DD or NULL */
  ZichaCheckConclusion  conclusion;     /* NONE, CONFORMING or NONCONFORMING */
  char                 *notes;
} ZichaSampleItem;

/* Frees @item (NULL is fine). */
void zicha_sample_item_free (ZichaSampleItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaSampleItem, zicha_sample_item_free)

/* The number of certificates in the frame of @spec (its date, schemes, lead auditors and
 * years), for a front that proposes a size; -1 on error. */
gint64       zicha_sampling_count_frame  (ZichaDb                *db,
                                          const ZichaSampleSpec  *spec,
                                          GError                **error);
/* Draws a sample for the plan @plan_id as @spec says and stores it with its items. Returns
 * the new sample's id, 0 on error. An empty frame is ZICHA_ERROR_NOT_FOUND. */
gint64       zicha_sampling_draw         (ZichaDb                *db,
                                          gint64                  plan_id,
                                          const ZichaSampleSpec  *spec,
                                          const char             *user_name,
                                          GError                **error);
/* NULL with ZICHA_ERROR_NOT_FOUND when there is no sample @sample_id. */
ZichaSample *zicha_sampling_get          (ZichaDb                *db,
                                          gint64                  sample_id,
                                          GError                **error);
/* The plan's samples (ZichaSample*), oldest first. */
GPtrArray   *zicha_sampling_list         (ZichaDb                *db,
                                          gint64                  plan_id,
                                          GError                **error);
/* The sample's items (ZichaSampleItem*) by position. */
GPtrArray   *zicha_sampling_list_items   (ZichaDb                *db,
                                          gint64                  sample_id,
                                          GError                **error);
/* NULL with ZICHA_ERROR_NOT_FOUND when there is no sample item @item_id. */
ZichaSampleItem *zicha_sampling_get_item (ZichaDb                *db,
                                          gint64                  item_id,
                                          GError                **error);

/* The fields zicha_sampling_review_item () sets. */
typedef enum
{
  ZICHA_SAMPLE_ITEM_FIELD_ASSIGNEE   = 1 << 0,
  ZICHA_SAMPLE_ITEM_FIELD_CHECKED_ON = 1 << 1,
  ZICHA_SAMPLE_ITEM_FIELD_CONCLUSION = 1 << 2,
  ZICHA_SAMPLE_ITEM_FIELD_NOTES      = 1 << 3,
} ZichaSampleItemField;

/* New values of a sample item's review; the assignee as in ZichaChecklistChange. */
typedef struct
{
  const char            *assignee_person_id;
  const char            *assignee;
  const char            *checked_on;    /* YYYY-MM-DD or NULL */
  ZichaCheckConclusion   conclusion;    /* NONE, CONFORMING or NONCONFORMING */
  const char            *notes;
} ZichaSampleReview;

/* Sets the @fields of @review on the item; NOT_APPLICABLE is ZICHA_ERROR_USAGE. One
 * "update" entry of the item when something changed. */
gboolean     zicha_sampling_review_item  (ZichaDb                *db,
                                          gint64                  item_id,
                                          const ZichaSampleReview *review,
                                          ZichaSampleItemField    fields,
                                          const char             *user_name,
                                          GError                **error);
/* Sizes and previews ------------------------------------------------------------------------ */

/* The default size of a sample from a frame of @frame_size certificates: the square root,
 * rounded up (ceil (sqrt (n)), in integers). */
guint        zicha_sampling_default_size (guint                   frame_size);
/* Shares @total among @n strata in proportion to their @frame_sizes as a draw does: each gets
 * the whole part of its quota, what is left goes one by one to the largest remainders, ties
 * to the lower index. A @total above the sum of @frame_sizes is that sum. Into @out (@n). */
void         zicha_sampling_share        (const guint            *frame_sizes,
                                          guint                   n,
                                          guint                   total,
                                          guint                  *out);
/* What a draw of @spec would start from, drawing and storing nothing, for a front that
 * proposes sizes: its strata (ZichaSampleStratum*, by stratum key as a draw orders them; one
 * with stratum NULL when not stratified; none for an empty frame), each with its frame size,
 * the size it would be asked for (its share of @spec's size, or of the default size, or the
 * size @spec gives it) as requested_size, its key items (with @spec->key_items, else 0) and
 * the number of certificates the draw would take as drawn_size. The frame's size into
 * @out_frame_size (may be NULL). NULL on error (as zicha_sampling_draw () checks @spec). */
GPtrArray   *zicha_sampling_preview      (ZichaDb                *db,
                                          const ZichaSampleSpec  *spec,
                                          guint                  *out_frame_size,
                                          GError                **error);
/* The same in a worker thread with a connection of its own to the database at @path (read
 * only); @spec is copied. A cancelled preview is G_IO_ERROR_CANCELLED. */
void         zicha_sampling_preview_async  (const char             *path,
                                            const ZichaSampleSpec  *spec,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
GPtrArray   *zicha_sampling_preview_finish (GAsyncResult           *result,
                                            guint                  *out_frame_size,
                                            GError                **error);
/* zicha_sampling_draw () in a worker thread with a connection of its own to the database at
 * @path, so that a front stays responsive while a large frame is read; @spec and @user_name
 * are copied. A draw once started is not cancelled: it stores its sample or nothing. */
void         zicha_sampling_draw_async     (const char             *path,
                                            gint64                  plan_id,
                                            const ZichaSampleSpec  *spec,
                                            const char             *user_name,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
/* The new sample's id, 0 on error. */
gint64       zicha_sampling_draw_finish    (GAsyncResult           *result,
                                            GError                **error);

/* Deletes the sample and its items ("delete" entries of each, the sample's last). */
gboolean     zicha_sampling_delete       (ZichaDb                *db,
                                          gint64                  sample_id,
                                          const char             *user_name,
                                          GError                **error);

G_END_DECLS
