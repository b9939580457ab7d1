/* zicha-measure-status.c — the states of a measure, the follow-up of a demand to an
 * organization, and the close-out (销号) of a problem
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The transitions of DOMAIN.md section 5 are checked here, before anything is written: open →
 * in_progress → done → verified, and done → in_progress when a verification finds the measure
 * not effective, with a reason; nothing else, and verified only by someone who is not the
 * measure's responsible person. An illegal transition is ZICHA_ERROR_FAILED with a message
 * naming the measure, the state it is in and the state asked for, and why. The problems'
 * states follow by themselves (the view problem_states); a close-out that no longer holds is
 * cleared in the same transaction. */
#define G_LOG_DOMAIN "zicha-rectification"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zicha-error.h"
#include "zicha-rectification-private.h"

/* Why @from → @to is illegal (translated), or NULL when DOMAIN.md allows it with what
 * @transition says. */
static const char *
why_illegal (ZichaMeasureStatus             from,
             ZichaMeasureStatus             to,
             const ZichaMeasureTransition  *transition)
{
  if (from == to)
    return _("it is in that state already");
  if (from == ZICHA_MEASURE_VERIFIED)
    return _("a verified measure stays verified");
  if (to == ZICHA_MEASURE_OPEN)
    return _("a measure never goes back to not started");
  if (from == ZICHA_MEASURE_OPEN && to != ZICHA_MEASURE_IN_PROGRESS)
    return _("it must be in progress first");
  if (from == ZICHA_MEASURE_IN_PROGRESS && to == ZICHA_MEASURE_VERIFIED)
    return _("it must be done first");
  if (from == ZICHA_MEASURE_DONE && to == ZICHA_MEASURE_IN_PROGRESS
      && transition->conclusion != ZICHA_CONCLUSION_NOT_EFFECTIVE)
    return _("only a verification that finds it not effective sends it back to in progress");
  if (to == ZICHA_MEASURE_VERIFIED && transition->conclusion == ZICHA_CONCLUSION_NOT_EFFECTIVE)
    return _("a verification that finds it not effective sends it back to in progress");
  g_assert (zicha_measure_status_can_follow (from, to));
  return NULL;
}

static gboolean
set_illegal (const ZichaMeasure *measure, ZichaMeasureStatus to, const char *why,
             GError **error)
{
  g_autofree char *name = _zicha_rect_measure_name (measure);

  g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
               /* Translators: %1$s names a measure (its number and the start of its text),
                * %2$s and %3$s are states of measures (整改中…), %4$s says why */
               _("The measure %1$s cannot go from “%2$s” to “%3$s”: %4$s"), name,
               zicha_measure_status_get_label (measure->status),
               zicha_measure_status_get_label (to), why);
  return FALSE;
}

/* The verifier of a transition: row id and name (the user when none is given). FALSE with
 * ZICHA_ERROR_FAILED when it is to verify and the verifier is the responsible person. */
static gboolean
resolve_verifier (ZichaDb                       *db,
                  const ZichaMeasure            *measure,
                  const ZichaMeasureTransition  *transition,
                  ZichaMeasureStatus             to,
                  const char                    *user_name,
                  gint64                        *out_person,
                  char                         **out_name,
                  GError                       **error)
{
  g_autofree char *key = _zicha_rect_norm (transition->verifier_person_id);
  g_autofree char *given = _zicha_rect_norm (transition->verifier);
  const char *name = given;
  gboolean same;

  if (key == NULL && given == NULL)
    name = user_name;
  if (!_zicha_rect_resolve_person (db, key, name, out_person, out_name, error))
    return FALSE;
  if (*out_name == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A verification needs the name of the verifier"));
      return FALSE;
    }
  same = (key != NULL && g_strcmp0 (key, measure->responsible_person_id) == 0)
         || (measure->responsible != NULL && strcmp (*out_name, measure->responsible) == 0);
  if (to == ZICHA_MEASURE_VERIFIED && same)
    {
      g_autofree char *measure_name = _zicha_rect_measure_name (measure);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s names a measure, %2$s is a person's name */
                   _("The measure %1$s cannot be verified by %2$s, its responsible person: "
                     "another person must verify it"), measure_name, *out_name);
      g_clear_pointer (out_name, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
zicha_measures_set_status (ZichaDb                       *db,
                           gint64                         measure_id,
                           ZichaMeasureStatus             to,
                           const ZichaMeasureTransition  *transition,
                           const char                    *user_name,
                           GError                       **error)
{
  const ZichaMeasureTransition none = { 0 };
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *note = NULL, *reason = NULL, *verifier = NULL, *before = NULL;
  const char *why;
  gint64 verifier_person = 0;
  char day[11];
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (transition == NULL)
    transition = &none;
  if (zicha_measure_status_to_string (to) == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Unknown state of a measure: use open, in_progress, done or "
                             "verified"));
      return FALSE;
    }
  note = _zicha_rect_norm (transition->note);
  reason = _zicha_rect_norm (transition->reason);
  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_live (measure, error);
  why = ok ? why_illegal (measure->status, to, transition) : NULL;
  if (why != NULL)
    ok = set_illegal (measure, to, why, error);
  if (ok && measure->status == ZICHA_MEASURE_DONE && to == ZICHA_MEASURE_IN_PROGRESS
      && reason == NULL)
    {
      g_autofree char *name = _zicha_rect_measure_name (measure);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("A reason is needed to send the measure %s back to in progress"), name);
      ok = FALSE;
    }
  ok = ok && _zicha_rect_date_or_today (db, to == ZICHA_MEASURE_DONE
                                            ? _("The completion date")
                                            : _("The date of the verification"),
                                        transition->on, day, error);
  if (ok && measure->status == ZICHA_MEASURE_DONE)
    ok = resolve_verifier (db, measure, transition, to, user_name, &verifier_person, &verifier,
                           error);
  if (ok)
    before = zicha_change_log_row_json (db, "measures", measure_id);
  if (ok && measure->status == ZICHA_MEASURE_OPEN)
    ok = _zicha_rect_exec (db, error, "UPDATE measures SET status = 'in_progress' WHERE id = ?",
                           "i", measure_id) >= 0;
  else if (ok && to == ZICHA_MEASURE_DONE)
    ok = _zicha_rect_exec (db, error,
                           "UPDATE measures SET status = 'done', done_on = ?, done_note = ?"
                           " WHERE id = ?", "ssi", day, note, measure_id) >= 0;
  else if (ok && to == ZICHA_MEASURE_VERIFIED)
    ok = _zicha_rect_exec (db, error,
                           "UPDATE measures SET status = 'verified', verifier_person = ?,"
                           " verifier = ?, verified_on = ?, conclusion = 'effective',"
                           " verification_note = ? WHERE id = ?", "nsssi", verifier_person,
                           verifier, day, note, measure_id) >= 0;
  else if (ok)
    /* done → in progress: not effective; its completion goes (the history keeps it) */
    ok = _zicha_rect_exec (db, error,
                           "UPDATE measures SET status = 'in_progress', verifier_person = ?,"
                           " verifier = ?, verified_on = ?, conclusion = 'not_effective',"
                           " verification_note = ?, return_reason = ?, done_on = NULL,"
                           " done_note = NULL WHERE id = ?", "nssssi", verifier_person,
                           verifier, day, note, reason, measure_id) >= 0;
  ok = ok && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                                  ZICHA_CHANGE_UPDATE, before, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

/* The follow-up of a demand to an organization ---------------------------------------------- */

gboolean
zicha_measures_set_follow_up (ZichaDb          *db,
                              gint64            measure_id,
                              const char       *text,
                              const char       *on,
                              ZichaConclusion   conclusion,
                              const char       *questions,
                              const char       *user_name,
                              GError          **error)
{
  g_autoptr(ZichaMeasure) measure = NULL;
  g_autofree char *follow_up = _zicha_rect_norm (text);
  g_autofree char *asked = _zicha_rect_norm (questions);
  g_autofree char *before = NULL;
  gboolean reopen = conclusion == ZICHA_CONCLUSION_NOT_EFFECTIVE;
  char day[11];
  gboolean ok;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (follow_up == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("Say how the response was followed up (e.g. a special audit)"));
      return FALSE;
    }
  if (conclusion != ZICHA_CONCLUSION_EFFECTIVE && !reopen)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A follow-up concludes effective or not effective"));
      return FALSE;
    }
  if (reopen && asked == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A follow-up found not effective needs the follow-up questions"));
      return FALSE;
    }
  if (!_zicha_rect_date_or_today (db, _("The date of the follow-up"), on, day, error))
    return FALSE;
  measure = _zicha_rect_begin_with_measure (db, measure_id, error);
  if (measure == NULL)
    return FALSE;
  ok = _zicha_rect_check_addressed (measure, error);
  if (ok && measure->org_response == NULL)
    {
      g_autofree char *name = _zicha_rect_measure_name (measure);

      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s names a measure: its number and the start of its text */
                   _("The organization has not responded to the measure %s yet"), name);
      ok = FALSE;
    }
  if (ok && reopen && measure->status == ZICHA_MEASURE_VERIFIED)
    ok = set_illegal (measure, ZICHA_MEASURE_IN_PROGRESS, _("a verified measure stays verified"),
                      error);
  before = ok ? zicha_change_log_row_json (db, "measures", measure_id) : NULL;
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE measures SET follow_up = ?, follow_up_on = ?,"
                               " follow_up_conclusion = ?, follow_up_questions = ? WHERE id = ?",
                               "ssssi", follow_up, day, zicha_conclusion_to_string (conclusion),
                               asked, measure_id) >= 0;
  /* not effective: the demand is open again, awaiting a new response */
  if (ok && reopen)
    ok = _zicha_rect_exec (db, error,
                           "UPDATE measures SET org_response = NULL, org_response_on = NULL,"
                           " org_evidence = NULL WHERE id = ?", "i", measure_id) >= 0;
  if (ok && reopen && measure->status == ZICHA_MEASURE_DONE)
    ok = _zicha_rect_exec (db, error,
                           "UPDATE measures SET status = 'in_progress', return_reason = ?,"
                           " done_on = NULL, done_note = NULL WHERE id = ?", "si", asked,
                           measure_id) >= 0;
  ok = ok && _zicha_rect_log_row (db, user_name, "measure", "measures", measure_id,
                                  ZICHA_CHANGE_UPDATE, before, error)
       && _zicha_rect_clear_stale_closeouts (db, user_name, error);
  return _zicha_rect_end (db, ok, error);
}

/* Close-out (销号) -------------------------------------------------------------------------- */

/* The first responsible person of the problem's measures that @user_name is (by name or
 * person id), newly allocated; NULL when none. *out_failed on error. */
static char *
responsible_match (ZichaDb *db, gint64 problem_id, const char *user_name, gboolean *out_failed,
                   GError **error)
{
  sqlite3_stmt *stmt;
  char *match = NULL;
  int rc;

  *out_failed = FALSE;
  stmt = _zicha_rect_prepare (db, error,
                              "SELECT m.responsible FROM measure_problems AS mp"
                              " JOIN measures AS m ON m.id = mp.measure"
                              " LEFT JOIN personnel AS rp ON rp.id = m.responsible_person"
                              " WHERE mp.problem = ?1 AND m.deleted_at IS NULL"
                              " AND (m.responsible = ?2 OR rp.person_id = ?2) LIMIT 1", "is",
                              problem_id, user_name);
  if (stmt == NULL)
    {
      *out_failed = TRUE;
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    match = g_strdup (user_name);
  else if (rc != SQLITE_DONE)
    *out_failed = !_zicha_rect_read_error (db, error);
  sqlite3_finalize (stmt);
  return match;
}

gboolean
zicha_rectification_close_out (ZichaDb     *db,
                               gint64       problem_id,
                               const char  *on,
                               const char  *note,
                               const char  *user_name,
                               GError     **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *user = _zicha_rect_norm (user_name);
  g_autofree char *text = _zicha_rect_norm (note);
  g_autofree char *match = NULL;
  g_autofree char *before = NULL;
  gboolean failed = FALSE;
  char day[11];
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (user == NULL)
    {
      g_set_error_literal (error, ZICHA_ERROR, ZICHA_ERROR_USAGE,
                           _("A close-out needs the name of who closes the problem out"));
      return FALSE;
    }
  if (!_zicha_rect_date_or_today (db, _("The date of the close-out"), on, day, error)
      || !_zicha_rect_begin (db, error))
    return FALSE;
  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    return _zicha_rect_end (db, FALSE, error);
  if (problem->state != ZICHA_PROBLEM_AWAITING_CLOSEOUT)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a problem's number, %2$s its state (整改中…) */
                   _("The problem %1$s cannot be closed out: it is “%2$s”, and only a problem "
                     "awaiting close-out (all its measures verified) can be"), problem->number,
                   zicha_problem_state_get_label (problem->state));
      ok = FALSE;
    }
  match = ok ? responsible_match (db, problem_id, user, &failed, error) : NULL;
  if (failed)
    ok = FALSE;
  else if (match != NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %1$s is a problem's number, %2$s a person's name */
                   _("The problem %1$s cannot be closed out by %2$s, who is responsible for "
                     "one of its measures: another person must close it out"),
                   problem->number, match);
      ok = FALSE;
    }
  before = ok ? zicha_change_log_row_json (db, "problems", problem_id) : NULL;
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE problems SET closed_at = ?, closed_by = ?,"
                               " closeout_note = ? WHERE id = ?", "sssi", day, user, text,
                               problem_id) >= 0
       && _zicha_rect_log_row (db, user_name, "problem", "problems", problem_id,
                               ZICHA_CHANGE_UPDATE, before, error);
  return _zicha_rect_end (db, ok, error);
}

gboolean
zicha_rectification_undo_close_out (ZichaDb     *db,
                                    gint64       problem_id,
                                    const char  *user_name,
                                    GError     **error)
{
  g_autoptr(ZichaProblem) problem = NULL;
  g_autofree char *before = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  if (!_zicha_rect_begin (db, error))
    return FALSE;
  problem = zicha_problems_get (db, problem_id, error);
  if (problem == NULL)
    return _zicha_rect_end (db, FALSE, error);
  if (problem->closed_at == NULL)
    {
      g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_FAILED,
                   /* Translators: %s is a problem's number (ZC-2026-001) */
                   _("The problem %s is not closed out"), problem->number);
      ok = FALSE;
    }
  before = ok ? zicha_change_log_row_json (db, "problems", problem_id) : NULL;
  ok = ok && _zicha_rect_exec (db, error,
                               "UPDATE problems SET closed_at = NULL, closed_by = NULL,"
                               " closeout_note = NULL WHERE id = ?", "i", problem_id) >= 0
       && _zicha_rect_log_row (db, user_name, "problem", "problems", problem_id,
                               ZICHA_CHANGE_UPDATE, before, error);
  return _zicha_rect_end (db, ok, error);
}
