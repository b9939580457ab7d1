/* zicha-plans.h — self-inspection plans (自查方案): the plan, its staff, milestones, progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notice asks each body for a self-inspection plan naming a lead department (牵头部门) and
 * staff (工作人员); a plan here also has a period, the schemes and years it covers, a
 * responsible leader (负责领导), a timetable of milestones and a status. Its checklist is in
 * zicha-checklist.h, its samples in zicha-sampling.h.
 *
 * Every function that changes something takes the @user_name of whoever does it and writes
 * the change to the change history (zicha-change-log.h) in the same transaction: entity
 * "plan", "plan_staff" or "plan_milestone", key the row's id, the row before and after as
 * JSON. A missing plan, staff row or milestone is ZICHA_ERROR_NOT_FOUND; a bad value (an
 * empty title, a date that is not YYYY-MM-DD, a period that ends before it starts) is
 * ZICHA_ERROR_USAGE; the messages are translated. */
#pragma once

#include <gio/gio.h>

#include "zicha-db.h"
#include "zicha-rules.h"

G_BEGIN_DECLS

/* The nicks are what the database stores and the machine formats print. */
typedef enum
{
  ZICHA_PLAN_DRAFT,                          /*< nick=draft >*/
  ZICHA_PLAN_IN_PROGRESS,                    /*< nick=in_progress >*/
  ZICHA_PLAN_DONE,                           /*< nick=done >*/
} ZichaPlanStatus;

/* "draft", "in_progress", "done" (the nick); NULL for no such status. */
const char *zicha_plan_status_to_string   (ZichaPlanStatus   status);
/* The status whose nick is @str exactly; FALSE for anything else. */
gboolean    zicha_plan_status_from_string (const char       *str,
                                           ZichaPlanStatus  *out);
/* Translated: 草稿, 进行中, 已完成. */
const char *zicha_plan_status_get_label   (ZichaPlanStatus   status);

typedef struct
{
  gint64           id;
  char            *title;
  char            *period_from;      /* YYYY-MM-DD or NULL */
  char            *period_to;        /* YYYY-MM-DD or NULL */
  char           **schemes;          /* scheme codes ("QMS"), never NULL, maybe empty */
  char           **years;            /* "2018" …, never NULL, maybe empty */
  char            *lead_department;  /* 牵头部门 or NULL */
  char            *leader;           /* 负责领导 or NULL */
  ZichaPlanStatus  status;
  char            *description;
  char            *created_at;       /* YYYY-MM-DD HH:MM:SS, local time */
  char            *created_by;
} ZichaPlan;

/* Frees @plan and its strings (NULL is fine). */
void       zicha_plan_free (ZichaPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaPlan, zicha_plan_free)

/* What a user sets of a plan. Strings NULL or empty (after trimming) are "none", except the
 * title, which must not be empty. @schemes: codes of 2–16 capital letters, digits or '-'
 * (DOMAIN.md section 2); @years: four-digit years; both NULL-terminated or NULL for none,
 * stored sorted without duplicates. */
typedef struct
{
  const char         *title;
  const char         *period_from;
  const char         *period_to;
  const char * const *schemes;
  const char * const *years;
  const char         *lead_department;
  const char         *leader;
  const char         *description;
} ZichaPlanFields;

/* Creates a plan (status draft, created now by @user_name) and its checklist: one item per
 * point of the built-in template (zicha-checklist.h), its text translated into the language
 * of the process now, in the template's order. Returns the new id, 0 on error. */
gint64     zicha_plans_create          (ZichaDb                *db,
                                        const ZichaPlanFields  *fields,
                                        const char             *user_name,
                                        GError                **error);
/* The plan @plan_id; NULL with ZICHA_ERROR_NOT_FOUND when there is none. */
ZichaPlan *zicha_plans_get             (ZichaDb                *db,
                                        gint64                  plan_id,
                                        GError                **error);
/* Every plan (ZichaPlan*), newest first (by id). */
GPtrArray *zicha_plans_list            (ZichaDb                *db,
                                        GError                **error);
/* Replaces every field of @fields (all of them: read the plan, change what changes, pass it
 * all). Status, creation and the lists are not touched. */
gboolean   zicha_plans_update          (ZichaDb                *db,
                                        gint64                  plan_id,
                                        const ZichaPlanFields  *fields,
                                        const char             *user_name,
                                        GError                **error);
/* Any status may follow any other (a plan done may be taken up again). */
gboolean   zicha_plans_set_status      (ZichaDb                *db,
                                        gint64                  plan_id,
                                        ZichaPlanStatus         status,
                                        const char             *user_name,
                                        GError                **error);
/* Deletes the plan with everything of it: staff, milestones, checklist items, samples and
 * their items, each with its own "delete" entry in the history, the plan's last. A problem
 * that refers to one of its checklist or sample items may keep the plan from being deleted
 * (the error of its foreign key), as the problems module decides. */
gboolean   zicha_plans_delete          (ZichaDb                *db,
                                        gint64                  plan_id,
                                        const char             *user_name,
                                        GError                **error);

/* The name of the person of the body whose person_id is @person_id (personnel), newly
 * allocated; NULL with ZICHA_ERROR_NOT_FOUND when there is none. For fronts that take
 * either a person or a free name. */
char      *zicha_plans_lookup_person   (ZichaDb                *db,
                                        const char             *person_id,
                                        GError                **error);

/* Staff (工作人员) ---------------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  plan;
  guint   position;      /* 0 … n-1 within the plan */
  char   *person_id;     /* personnel.person_id, NULL for a free name (or a person gone) */
  char   *name;          /* the person's name when added, or the free name */
  char   *duty;          /* NULL when none */
} ZichaPlanStaff;

/* Frees @staff (NULL is fine). */
void       zicha_plan_staff_free (ZichaPlanStaff *staff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaPlanStaff, zicha_plan_staff_free)

/* Adds a person at the end of the plan's staff: one of the body (@person_id, its name from
 * personnel; ZICHA_ERROR_NOT_FOUND when there is no such person) or, with @person_id NULL, a
 * free @name. Returns the new row's id, 0 on error. */
gint64     zicha_plans_add_staff       (ZichaDb                *db,
                                        gint64                  plan_id,
                                        const char             *person_id,
                                        const char             *name,
                                        const char             *duty,
                                        const char             *user_name,
                                        GError                **error);
/* The plan's staff (ZichaPlanStaff*) in their order. */
GPtrArray *zicha_plans_list_staff      (ZichaDb                *db,
                                        gint64                  plan_id,
                                        GError                **error);
/* Moves the staff row to @position (clamped to the last), the rows between shifting by one;
 * the history has one "update" entry, of the row moved. */
gboolean   zicha_plans_move_staff      (ZichaDb                *db,
                                        gint64                  staff_id,
                                        guint                   position,
                                        const char             *user_name,
                                        GError                **error);
/* Removes the row; the rows after it move up. */
gboolean   zicha_plans_remove_staff    (ZichaDb                *db,
                                        gint64                  staff_id,
                                        const char             *user_name,
                                        GError                **error);

/* Milestones ------------------------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  gint64  plan;
  guint   position;      /* 0 … n-1 within the plan */
  char   *title;
  char   *due_on;        /* YYYY-MM-DD or NULL */
  char   *done_on;       /* YYYY-MM-DD or NULL while not done */
} ZichaPlanMilestone;

/* Frees @milestone (NULL is fine). */
void       zicha_plan_milestone_free (ZichaPlanMilestone *milestone);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZichaPlanMilestone, zicha_plan_milestone_free)

/* Adds a milestone at the end of the plan's timetable. Returns its id, 0 on error. */
gint64     zicha_plans_add_milestone    (ZichaDb               *db,
                                         gint64                 plan_id,
                                         const char            *title,
                                         const char            *due_on,
                                         const char            *user_name,
                                         GError               **error);
/* Sets the title (not empty), due date and done date (NULL: not done) of a milestone. */
gboolean   zicha_plans_update_milestone (ZichaDb               *db,
                                         gint64                 milestone_id,
                                         const char            *title,
                                         const char            *due_on,
                                         const char            *done_on,
                                         const char            *user_name,
                                         GError               **error);
/* The plan's milestones (ZichaPlanMilestone*) in their order. */
GPtrArray *zicha_plans_list_milestones  (ZichaDb               *db,
                                         gint64                 plan_id,
                                         GError               **error);
/* As zicha_plans_move_staff (). */
gboolean   zicha_plans_move_milestone   (ZichaDb               *db,
                                         gint64                 milestone_id,
                                         guint                  position,
                                         const char            *user_name,
                                         GError               **error);
/* Removes the milestone; the ones after it move up. */
gboolean   zicha_plans_remove_milestone (ZichaDb               *db,
                                         gint64                 milestone_id,
                                         const char            *user_name,
                                         GError               **error);

/* Progress --------------------------------------------------------------------------------- */

#define ZICHA_PLAN_N_AREAS 4

typedef struct
{
  guint done;          /* checklist items of status done */
  guint total;         /* all checklist items */
  guint area_done[ZICHA_PLAN_N_AREAS];    /* the same per area, by ZichaRuleArea */
  guint area_total[ZICHA_PLAN_N_AREAS];
  guint overdue;       /* checklist items overdue (zicha_checklist_list_overdue ()) */
  guint milestones_done;
  guint milestones_total;
  guint milestones_overdue;   /* due before as of and not done */
} ZichaPlanProgress;

/* The progress of the plan's checklist and timetable as of @as_of (YYYY-MM-DD; NULL for
 * today): an item is overdue when its due date is before @as_of and its status is not done;
 * a milestone when its due date is before @as_of and it has no done date. */
gboolean   zicha_plans_get_progress     (ZichaDb               *db,
                                         gint64                 plan_id,
                                         const char            *as_of,
                                         ZichaPlanProgress     *out,
                                         GError               **error);

G_END_DECLS
