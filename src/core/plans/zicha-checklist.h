/* zicha-checklist.h — the checklist of a plan (自查事项) and its built-in template
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notice lists what to check under four focus areas (自查重点); split at its semicolons
 * these are 14 points (legal 5, conduct 3, practice 3, capability 3; DOMAIN.md section 1).
 * The built-in template has one item per point: an English msgid whose zh_CN translation is
 * the notice's own wording. A new plan gets the template's items in the language of the
 * moment (zicha_plans_create ()); stored items keep that text and the key of their point
 * ("legal-1"), and users edit, reorder and delete them and add their own.
 *
 * Changes are written to the change history (entity "checklist_item") in their transaction,
 * with @user_name. A missing plan or item is ZICHA_ERROR_NOT_FOUND, a bad value
 * ZICHA_ERROR_USAGE (translated messages). */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

typedef enum
{
  ZICHA_CHECKLIST_TODO,                      /*< nick=todo >*/
  ZICHA_CHECKLIST_IN_PROGRESS,               /*< nick=in_progress >*/
  ZICHA_CHECKLIST_DONE,                      /*< nick=done >*/
} ZichaChecklistStatus;

/* "todo", "in_progress", "done"; from_string: the nick exactly, else FALSE. */
const char *zicha_checklist_status_to_string   (ZichaChecklistStatus   status);
gboolean    zicha_checklist_status_from_string (const char            *str,
                                                ZichaChecklistStatus  *out);
/* Translated: 未开始, 进行中, 已完成. */
const char *zicha_checklist_status_get_label   (ZichaChecklistStatus   status);

/* The conclusion of a check: of a checklist item (any of them) or of the review of a sampled
 * certificate (conforming or nonconforming). NONE is stored as NULL. */
typedef enum
{
  ZICHA_CHECK_NONE,                          /*< nick=none >*/
  ZICHA_CHECK_CONFORMING,                    /*< nick=conforming >*/
  ZICHA_CHECK_NONCONFORMING,                 /*< nick=nonconforming >*/
  ZICHA_CHECK_NOT_APPLICABLE,                /*< nick=not_applicable >*/
} ZichaCheckConclusion;

/* "none", "conforming", "nonconforming", "not_applicable"; from_string: the nick exactly,
 * else FALSE. */
const char *zicha_check_conclusion_to_string   (ZichaCheckConclusion   conclusion);
gboolean    zicha_check_conclusion_from_string (const char            *str,
                                                ZichaCheckConclusion  *out);
/* Translated: 符合, 不符合, 不适用; NONE gives "". */
const char *zicha_check_conclusion_get_label   (ZichaCheckConclusion   conclusion);

/* The template ---------------------------------------------------------------------------- */

typedef struct
{
  const char     *key;     /* "legal-1" … "capability-3": stable, stored in template_key */
  ZichaRuleArea   area;
  const char     *text;    /* N_(): the English msgid; zicha_checklist_template_get_text () */
} ZichaChecklistTemplateItem;

/* The 14 points in the notice's order (by area, then as the notice lists them). */
const ZichaChecklistTemplateItem *zicha_checklist_template_get      (guint       *n_items);
/* The point whose key is @key, or NULL. */
const ZichaChecklistTemplateItem *zicha_checklist_template_lookup   (const char  *key);
/* Its text in the language of the process now (zh_CN: the notice's wording). */
const char *zicha_checklist_template_get_text (const ZichaChecklistTemplateItem *item);

/* Items of a plan ------------------------------------------------------------------------- */

typedef struct
{
  gint64                id;
  gint64                plan;
  guint                 position;          /* 0 … n-1 within the plan */
  ZichaRuleArea         area;
  char                 *text;              /* in the language it was written in */
  char                 *template_key;      /* "legal-1" for built-in items, else NULL */
  char                 *assignee_person_id; /* personnel.person_id, or NULL */
  char                 *assignee;          /* the person's or a free name, or NULL */
  char                 *due_on;            /* YYYY-MM-DD or NULL */
  ZichaChecklistStatus  status;
  ZichaCheckConclusion  conclusion;
  char                 *notes;
} ZichaChecklistItem;

/* A deep copy; and freeing (NULL is fine). */
ZichaChecklistItem *zicha_checklist_item_copy (const ZichaChecklistItem *item);
void                zicha_checklist_item_free (ZichaChecklistItem       *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaChecklistItem, zicha_checklist_item_free)

/* The fields zicha_checklist_update () sets; the others are left as they are. */
typedef enum
{
  ZICHA_CHECKLIST_FIELD_AREA       = 1 << 0,
  ZICHA_CHECKLIST_FIELD_TEXT       = 1 << 1,
  ZICHA_CHECKLIST_FIELD_ASSIGNEE   = 1 << 2,
  ZICHA_CHECKLIST_FIELD_DUE_ON     = 1 << 3,
  ZICHA_CHECKLIST_FIELD_STATUS     = 1 << 4,
  ZICHA_CHECKLIST_FIELD_CONCLUSION = 1 << 5,
  ZICHA_CHECKLIST_FIELD_NOTES      = 1 << 6,
} ZichaChecklistField;

/* New values of an item. The assignee is a person of the body (@assignee_person_id; their
 * name from personnel, ZICHA_ERROR_NOT_FOUND when there is none) or a free name
 * (@assignee, with @assignee_person_id NULL); both NULL (or empty) clears it. Empty strings
 * are NULL, except the text, which must not be empty. */
typedef struct
{
  ZichaRuleArea         area;
  const char           *text;
  const char           *assignee_person_id;
  const char           *assignee;
  const char           *due_on;
  ZichaChecklistStatus  status;
  ZichaCheckConclusion  conclusion;
  const char           *notes;
} ZichaChecklistChange;

/* The items of the plan (ZichaChecklistItem*) in their order. */
GPtrArray          *zicha_checklist_list         (ZichaDb                     *db,
                                                  gint64                       plan_id,
                                                  GError                     **error);
/* NULL with ZICHA_ERROR_NOT_FOUND when there is no item @item_id. */
ZichaChecklistItem *zicha_checklist_get          (ZichaDb                     *db,
                                                  gint64                       item_id,
                                                  GError                     **error);
/* Adds a user's own item (no template key, status todo) of @area with @text at @position
 * (-1 or past the end: at the end; the items from there move down). Returns its id, 0 on
 * error. */
gint64              zicha_checklist_add          (ZichaDb                     *db,
                                                  gint64                       plan_id,
                                                  ZichaRuleArea                area,
                                                  const char                  *text,
                                                  gint                         position,
                                                  const char                  *user_name,
                                                  GError                     **error);
/* Sets the @fields of @change on the item; built-in items may be edited too (they keep
 * their template key). One "update" entry when something changed. */
gboolean            zicha_checklist_update       (ZichaDb                     *db,
                                                  gint64                       item_id,
                                                  const ZichaChecklistChange  *change,
                                                  ZichaChecklistField          fields,
                                                  const char                  *user_name,
                                                  GError                     **error);
/* Moves the item to @position within its plan (clamped to the last), the items between
 * shifting by one: a drag drops it at a position, keyboard up/down is position ∓ 1. One
 * "update" entry, of the item moved (its position before and after). */
gboolean            zicha_checklist_move         (ZichaDb                     *db,
                                                  gint64                       item_id,
                                                  guint                        position,
                                                  const char                  *user_name,
                                                  GError                     **error);
/* Deletes the item (built-in or not); the items after it move up. */
gboolean            zicha_checklist_delete       (ZichaDb                     *db,
                                                  gint64                       item_id,
                                                  const char                  *user_name,
                                                  GError                     **error);
/* The plan's items (ZichaChecklistItem*) whose due date is before @as_of (YYYY-MM-DD, NULL
 * for today) and whose status is not done, by due date then position. */
GPtrArray          *zicha_checklist_list_overdue (ZichaDb                     *db,
                                                  gint64                       plan_id,
                                                  const char                  *as_of,
                                                  GError                     **error);

G_END_DECLS
