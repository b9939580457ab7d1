/* zicha-similar.h — 举一反三: a problem extended to the records that share a key with it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notice asks that lessons be extended to similar cases. From a problem, Zicha lists the
 * records that share a key with it, one group per key: the same rule's other risk leads, the
 * same auditor's other team rows, the same certified organization's other certificates and
 * audits, the other certificates with one of its certificates' scope codes, and the other
 * audits its audits' team leader led in the same calendar year. The user then raises linked
 * problems for the records chosen — one problem per record — or records that the search was
 * made and found no similar problem (已排查，无同类问题); either way the search is kept as
 * evidence (problem_extensions) for the report. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"

G_BEGIN_DECLS

/* What the records of a group share with the problem; the nicks are what the database keeps
 * and the machine formats print. */
typedef enum
{
  ZICHA_SIMILAR_RULE,          /* key: the rule id */
  ZICHA_SIMILAR_AUDITOR,       /* key: person_id */
  ZICHA_SIMILAR_ORGANIZATION,  /* key: org_id */
  ZICHA_SIMILAR_SCOPE_CODE,    /*< nick=scope_code >*/   /* key: scheme/code */
  ZICHA_SIMILAR_LEADER_YEAR,   /*< nick=leader_year >*/  /* key: person_id/YYYY */
} ZichaSimilarKind;

/* What came of a search. */
typedef enum
{
  ZICHA_EXTENSION_RAISED,                              /* linked problems were raised */
  ZICHA_EXTENSION_NONE_FOUND, /*< nick=none_found >*/  /* 已排查，无同类问题 */
} ZichaExtensionOutcome;

const char *zicha_similar_kind_to_string       (ZichaSimilarKind       kind);
gboolean    zicha_similar_kind_from_string     (const char            *str,
                                                ZichaSimilarKind      *out);
/* Translated: "同一风险规则", "同一审核员"… */
const char *zicha_similar_kind_get_label       (ZichaSimilarKind       kind);
const char *zicha_extension_outcome_to_string  (ZichaExtensionOutcome  outcome);
/* Translated: "已提出关联问题", "已排查，无同类问题". */
const char *zicha_extension_outcome_get_label  (ZichaExtensionOutcome  outcome);

/* A record of a group: a record kind of zicha_record_kind_get_id () and its key, or for the
 * same rule's leads the type "hit", the lead's entity key and its id in @hit. @label says
 * what it is in a few untranslated words of data (a lead's message, a certificate's scheme
 * and scope codes, an audit's type and start). */
typedef struct
{
  char   *record_type;
  char   *record_key;
  gint64  hit;
  char   *label;
} ZichaSimilarRecord;

void zicha_similar_record_free (ZichaSimilarRecord *record);

/* One key the problem has, and the other records that share it: @records
 * (ZichaSimilarRecord*) by record type and key, none of them the problem's own (an empty
 * group says the search found nothing). @label names the key for people (a rule's title, a
 * person's or organization's name, "QMS 17.06", "姓名 2024"). */
typedef struct
{
  ZichaSimilarKind  kind;
  char             *key;
  char             *label;
  GPtrArray        *records;
} ZichaSimilarGroup;

void zicha_similar_group_free (ZichaSimilarGroup *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaSimilarGroup, zicha_similar_group_free)

/* Every key of problem @problem_id with its group (ZichaSimilarGroup*), by kind (in the
 * order of ZichaSimilarKind) and key. The problem's keys: its rule and its leads' rules; the
 * people of its personnel records, of its team rows and of the teams of its audits; the
 * organizations of its organization records, certificates and audits; the scheme/code pairs
 * of its certificates; the team leaders of its audits with each audit's year. NULL with
 * ZICHA_ERROR_NOT_FOUND when there is no such problem. */
GPtrArray         *zicha_similar_find          (ZichaDb                   *db,
                                                gint64                     problem_id,
                                                GError                   **error);
/* The one group of @kind and @key; ZICHA_ERROR_NOT_FOUND when the problem has no such key. */
ZichaSimilarGroup *zicha_similar_find_group    (ZichaDb                   *db,
                                                gint64                     problem_id,
                                                ZichaSimilarKind           kind,
                                                const char                *key,
                                                GError                   **error);
/* The group as JSON, as the evidence keeps it: {"kind","key","label","count","records":
 * [{"record_type","record_key","hit","label"}]}. */
char              *zicha_similar_group_to_json (const ZichaSimilarGroup   *group);

/* Raises linked problems for @chosen (records of the group @kind/@key, given by their type
 * and key), one problem per record, in one transaction: source extension, extended_from the
 * problem, its area, severity, title, rule and clause, a description saying where it comes
 * from, found by @user_name today, and the record — for a lead of the same rule, the lead
 * itself, which is thereby confirmed, with its records. The search is kept with outcome
 * "raised" and the problems raised. A record that is not in the group is ZICHA_ERROR_USAGE,
 * a lead already confirmed or dismissed ZICHA_ERROR_CONFLICT, none at all ZICHA_ERROR_USAGE.
 * @out_problem_ids (may be NULL) gets a GArray of the new problems' ids, in the order of
 * @chosen; @out_extension_id (may be NULL) the search's id. */
gboolean           zicha_similar_raise         (ZichaDb                   *db,
                                                gint64                     problem_id,
                                                ZichaSimilarKind           kind,
                                                const char                *key,
                                                const ZichaSimilarRecord  *chosen,
                                                guint                      n_chosen,
                                                const char                *user_name,
                                                GArray                   **out_problem_ids,
                                                gint64                    *out_extension_id,
                                                GError                   **error);
/* Records that the group @kind/@key was checked and holds no similar problem (已排查，无同类
 * 问题), keeping the group as found now as evidence. */
gboolean           zicha_similar_record_none_found (ZichaDb               *db,
                                                    gint64                 problem_id,
                                                    ZichaSimilarKind       kind,
                                                    const char            *key,
                                                    const char            *user_name,
                                                    gint64                *out_extension_id,
                                                    GError               **error);

/* A search kept as evidence. @result is the JSON of the group as found
 * (zicha_similar_group_to_json ()), with "raised": [{"problem","number","record_type",
 * "record_key"}] when problems were raised. */
typedef struct
{
  gint64                 id;
  gint64                 problem;
  ZichaSimilarKind       kind;
  char                  *key;
  char                  *result;
  ZichaExtensionOutcome  outcome;
  char                  *created_at;
  char                  *created_by;
} ZichaProblemExtension;

void       zicha_problem_extension_free  (ZichaProblemExtension *extension);

/* The searches kept for problem @problem_id (ZichaProblemExtension*), oldest first. */
GPtrArray *zicha_similar_list_extensions (ZichaDb               *db,
                                          gint64                 problem_id,
                                          GError               **error);

G_END_DECLS
