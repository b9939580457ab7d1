/* zicha-rules-run.c — a run of the risk rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zicha_rules_run: the jobs (one a rule), their order, the worker threads with their own
 * connections that read one snapshot of the records, and the run's record in rule_runs. The
 * hits found are stored by zicha-hit-store.c, the risk scores by zicha-risk-score.c. */
#define G_LOG_DOMAIN "zicha-rules"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "zicha-error.h"
#include "zicha-hits-private.h"
#include "zicha-process.h"
#include "zicha-rules-private.h"

void
zicha_rule_run_result_free (ZichaRuleRunResult *result)
{
  if (result == NULL)
    return;
  g_free (result->as_of);
  g_clear_pointer (&result->stats, g_ptr_array_unref);
  g_free (result);
}

static void
stat_free (ZichaRuleRunStat *stat)
{
  g_free (stat->rule_id);
  g_free (stat);
}

/* Jobs and workers ----------------------------------------------------------------------- */

typedef struct
{
  const ZichaRule  *rule;
  char             *values[ZICHA_RULE_MAX_PARAMS];
  GPtrArray        *hits;         /* ZichaFoundHit*, after it ran */
  gint64            duration_ms;
  gint64            estimate;     /* expected duration, for the order (see schedule) */
  gboolean          uses_team;    /* reads the team data of the run's cache */
  gboolean          started;
  gboolean          done;
} Job;

typedef struct
{
  GMutex        lock;
  GCond         cond;
  Job          *jobs;
  guint         n_jobs;
  guint        *order;            /* job indexes, heavy first */
  guint         next;             /* first in order not handed out yet */
  gboolean      team_claimed;     /* a job that uses the team data was handed out */
  guint         n_done;
  GQueue        finished;         /* Job* finished, not yet reported */
  guint         n_workers_left;
  GError       *error;
  char          as_of[11];
  char          as_of_next[11];
  GCancellable *cancellable;
  const char   *path;
  ZichaRuleCache *cache;
  guint         n_snapshots;      /* workers that began their read transaction (or failed) */
  gint64        generation;       /* of the records, as the run's snapshot has them */
} Shared;

static gboolean
run_job (Shared *shared, sqlite3 *db, Job *job, GError **error)
{
  ZichaRuleContext ctx = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;
  guint i;

  ctx.db = db;
  ctx.rule = job->rule;
  memcpy (ctx.as_of, shared->as_of, sizeof ctx.as_of);
  memcpy (ctx.as_of_next, shared->as_of_next, sizeof ctx.as_of_next);
  for (i = 0; i < ZICHA_RULE_MAX_PARAMS; i++)
    ctx.values[i] = g_strdup (job->values[i]);
  ctx.cancellable = shared->cancellable;
  ctx.cache = shared->cache;
  ctx.hits = g_ptr_array_new_with_free_func ((GDestroyNotify) _zicha_found_hit_free);
  ctx.keys = g_hash_table_new (g_str_hash, g_str_equal);

  ok = job->rule->find (&ctx, error);
  if (ok && g_cancellable_set_error_if_cancelled (shared->cancellable, error))
    ok = FALSE;
  if (ok)
    job->hits = g_steal_pointer (&ctx.hits);
  job->duration_ms = (g_get_monotonic_time () - start) / 1000;
  _zicha_rule_context_clear (&ctx);
  return ok;
}

/* The rules read whole tables: map as much of the file as SQLite allows (2 GB in Debian's
 * build), so that pages are read without a system call and a copy each. */
#define RULES_MMAP_SIZE "2147418112"

static void
prepare_connection (sqlite3 *db, GCancellable *cancellable)
{
  sqlite3_exec (db, "PRAGMA mmap_size = " RULES_MMAP_SIZE, NULL, NULL, NULL);
  zicha_rules_register_functions (db);
  zicha_db_watch_cancellable (db, cancellable, 10000);
}

/* The next job to hand out (with shared->lock held), NULL when none is left: the heaviest
 * left, except that while another thread loads the team data, a job that does not need it
 * goes first rather than one that would wait for the load. */
static Job *
next_job (Shared *shared)
{
  Job *pick = NULL, *first = NULL;
  gboolean team_loading = shared->team_claimed
                          && !_zicha_rule_cache_is_ready (shared->cache, "team");
  guint i;

  for (i = shared->next; i < shared->n_jobs && pick == NULL; i++)
    {
      Job *job = &shared->jobs[shared->order[i]];

      if (job->started)
        continue;
      if (first == NULL)
        first = job;
      if (!team_loading || !job->uses_team)
        pick = job;
    }
  if (pick == NULL)
    pick = first;
  if (pick == NULL)
    return NULL;
  pick->started = TRUE;
  if (pick->uses_team)
    shared->team_claimed = TRUE;
  while (shared->next < shared->n_jobs && shared->jobs[shared->order[shared->next]].started)
    shared->next++;
  return pick;
}

/* Takes jobs until none is left or one failed (its error stored in shared->error). */
static void
work (Shared *shared, sqlite3 *db)
{
  for (;;)
    {
      Job *job;
      GError *local = NULL;
      gboolean ok;

      g_mutex_lock (&shared->lock);
      job = shared->error == NULL ? next_job (shared) : NULL;
      g_mutex_unlock (&shared->lock);
      if (job == NULL)
        break;

      ok = run_job (shared, db, job, &local);

      g_mutex_lock (&shared->lock);
      if (!ok)
        {
          if (shared->error == NULL)
            shared->error = local;
          else
            g_error_free (local);
        }
      else
        {
          job->done = TRUE;
          shared->n_done++;
          g_queue_push_tail (&shared->finished, job);
        }
      g_cond_signal (&shared->cond);
      g_mutex_unlock (&shared->lock);
      if (!ok)
        break;
    }
}

static gpointer
worker_thread (gpointer data)
{
  Shared *shared = data;
  GError *local = NULL;
  g_autoptr(ZichaDb) db = zicha_db_open (shared->path, ZICHA_DB_OPEN_DEFAULT, &local);

  gint64 generation = -1;

  /* The read transaction begins while the run's gate holds the write lock (see
   * begin_snapshot): every thread reads the same snapshot of the records. */
  if (db != NULL
      && (sqlite3_exec (zicha_db_get_handle (db), "BEGIN", NULL, NULL, NULL) != SQLITE_OK
          || (generation = zicha_db_read_records_generation (zicha_db_get_handle (db))) < 0))
    zicha_db_set_error (db, &local, _("Could not read the records for the rules"));
  else if (db != NULL && generation != shared->generation)
    g_set_error (&local, ZICHA_ERROR, ZICHA_ERROR_BUSY,
                 _("The records changed while the rule run started; nothing was stored. "
                   "Run the rules again."));

  g_mutex_lock (&shared->lock);
  shared->n_snapshots++;
  g_cond_broadcast (&shared->cond);
  if (local != NULL)
    {
      if (shared->error == NULL)
        shared->error = local;
      else
        g_error_free (local);
    }
  else
    {
      sqlite3 *handle = zicha_db_get_handle (db);

      g_mutex_unlock (&shared->lock);
      prepare_connection (handle, shared->cancellable);
      work (shared, handle);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      zicha_db_unwatch_cancellable (handle);
      g_mutex_lock (&shared->lock);
    }
  shared->n_workers_left--;
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->lock);
  return NULL;
}

/* Scheduling ----------------------------------------------------------------------------- */

static int
compare_estimate (gconstpointer a, gconstpointer b, gpointer data)
{
  Job *jobs = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (jobs[ia].estimate != jobs[ib].estimate)
    return jobs[ia].estimate > jobs[ib].estimate ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The rules that read the team data of the run's cache (zicha_rule_team_data). */
static const char * const team_rules[] = {
  "AUDITOR_DOUBLE_BOOKED", "AUDITOR_NOT_QUALIFIED", "TEAM_LACKS_COMPETENCE",
  "AUDITOR_OVERLOADED", "CHECKIN_MISSING", "TRACEABILITY_GAP", "PART_TIME_HEAVY",
};

/* Longest first: each job's expected duration is its rule's duration in the last run that ran
 * it (rule_run_stats), or, for a rule never run, its static cost scaled to the durations of the
 * rules that were (the static costs alone when none was). */
static void
schedule (sqlite3 *db, Shared *shared)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  gint64 sum_ms = 0, sum_cost = 0;
  guint i, j;

  /* a bare column with max () comes from the row of the maximum: the latest run of the rule */
  if (sqlite3_prepare_v2 (db, "SELECT rule, duration_ms, max (run) FROM rule_run_stats"
                              " GROUP BY rule", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const ZichaRule *rule = zicha_rules_lookup (zicha_col_text (stmt, 0));
        gint64 ms = sqlite3_column_int64 (stmt, 1);

        if (rule != NULL && ms >= 0)
          g_hash_table_insert (last, (gpointer) rule->id, GSIZE_TO_POINTER ((gsize) ms + 1));
      }
  sqlite3_finalize (stmt);

  for (i = 0; i < shared->n_jobs; i++)
    {
      Job *job = &shared->jobs[i];
      gpointer ms = g_hash_table_lookup (last, job->rule->id);

      for (j = 0; j < G_N_ELEMENTS (team_rules); j++)
        if (strcmp (job->rule->id, team_rules[j]) == 0)
          job->uses_team = TRUE;
      if (ms != NULL)
        {
          job->estimate = (gint64) GPOINTER_TO_SIZE (ms) - 1;
          sum_ms += job->estimate;
          sum_cost += job->rule->cost;
        }
    }
  for (i = 0; i < shared->n_jobs; i++)
    {
      Job *job = &shared->jobs[i];

      if (!g_hash_table_contains (last, job->rule->id))
        job->estimate = sum_cost > 0 ? job->rule->cost * MAX (sum_ms, 1) / sum_cost
                                     : job->rule->cost;
    }

  shared->order = g_new (guint, shared->n_jobs);
  for (i = 0; i < shared->n_jobs; i++)
    shared->order[i] = i;
  g_qsort_with_data (shared->order, shared->n_jobs, sizeof (guint), compare_estimate,
                     shared->jobs);
}

/* The run's record ----------------------------------------------------------------------- */

static char *
params_json (Job *jobs, guint n_jobs)
{
  ZichaJson *json = zicha_json_begin ();
  guint i, j;

  for (i = 0; i < n_jobs; i++)
    {
      guint n = zicha_rule_get_n_params (jobs[i].rule);
      ZichaJson *inner;
      g_autofree char *raw = NULL;

      if (n == 0)
        continue;
      inner = zicha_json_begin ();
      for (j = 0; j < n; j++)
        zicha_json_add_string (inner, jobs[i].rule->params[j].name, jobs[i].values[j]);
      raw = zicha_json_end (inner);
      zicha_json_add_raw (json, jobs[i].rule->id, raw);
    }
  return zicha_json_end (json);
}

static gboolean
update_run (sqlite3 *db, gint64 run_id, const char *status, const char *finished_at,
            gint64 generation)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "UPDATE rule_runs SET status = ?, finished_at = ?,"
                              " records_generation = coalesce (?, records_generation)"
                              " WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, finished_at, -1, SQLITE_STATIC);
  if (generation >= 0)
    sqlite3_bind_int64 (stmt, 3, generation);
  sqlite3_bind_int64 (stmt, 4, run_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Records a new run as 'running', with this process as its owner, in one transaction that
 * first marks the runs whose process is gone (killed part way) as 'abandoned'. */
static gboolean
start_run (ZichaDb     *db,
           const char  *started_at,
           const char  *as_of,
           const char  *rules_text,
           const char  *params,
           const char  *user_name,
           gint64      *out_run_id,
           GError     **error)
{
  sqlite3 *handle = zicha_db_get_handle (db);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *owner = zicha_process_owner ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  guint i;

  if (!zicha_db_begin (db, NULL))
    goto fail;
  if (sqlite3_prepare_v2 (handle, "SELECT id, owner FROM rule_runs WHERE status = 'running'",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (zicha_process_owner_gone ((const char *) sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (gone, id);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (i = 0; i < gone->len; i++)
    if (!update_run (handle, g_array_index (gone, gint64, i), "abandoned", started_at, -1))
      goto fail;

  if (sqlite3_prepare_v2 (handle,
                          "INSERT INTO rule_runs (started_at, as_of, rules, params, status,"
                          " user_name, owner) VALUES (?, ?, ?, ?, 'running', ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text (stmt, 1, started_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rules_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, params, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, owner, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  *out_run_id = sqlite3_last_insert_rowid (handle);
  if (gone->len > 0)
    g_debug ("marked %u abandoned rule runs", gone->len);
  ok = sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;

fail:
  if (!ok)
    {
      zicha_db_set_error (db, error, _("Could not record the rule run"));
      g_clear_pointer (&stmt, sqlite3_finalize);
      zicha_db_rollback (db);
    }
  return ok;
}

/* The run -------------------------------------------------------------------------------- */

/* Stores what the jobs found (zicha-hit-store.c), inside the caller's transaction. */
static gboolean
merge_found (sqlite3             *db,
             Shared              *shared,
             gint64               run_id,
             const char          *today,
             ZichaRuleRunResult  *result,
             GError             **error)
{
  g_autofree ZichaRuleOutcome *found = g_new (ZichaRuleOutcome, shared->n_jobs);
  guint i;

  for (i = 0; i < shared->n_jobs; i++)
    {
      found[i].rule = shared->jobs[i].rule;
      found[i].hits = shared->jobs[i].hits;
      found[i].duration_ms = shared->jobs[i].duration_ms;
    }
  return _zicha_hit_store_merge (db, found, shared->n_jobs, run_id, today, result, error);
}

/* Makes every connection of the run read one snapshot of the records. SQLite gives each
 * connection the newest commit when its read transaction begins, so a "gate" connection takes
 * the write lock first: while it holds it nobody can commit, the run's connection and then each
 * worker begin their read transactions on the same state, and the gate lets go. Returns the
 * gate (NULL and @error when the write lock cannot be had: an import is running). */
static ZichaDb *
begin_snapshot (ZichaDb  *db,
                Shared   *shared,
                GError  **error)
{
  g_autoptr(ZichaDb) gate = zicha_db_open (zicha_db_get_path (db), ZICHA_DB_OPEN_DEFAULT, error);
  sqlite3 *handle = zicha_db_get_handle (db);

  if (gate == NULL)
    return NULL;
  if (!zicha_db_begin (gate, NULL))
    {
      zicha_db_set_error (gate, error, _("Could not start the rule run"));
      return NULL;
    }
  if (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
      || (shared->generation = zicha_db_read_records_generation (handle)) < 0)
    {
      zicha_db_set_error (db, error, _("Could not read the records for the rules"));
      zicha_db_rollback (gate);
      return NULL;
    }
  return g_steal_pointer (&gate);
}

gboolean
zicha_rules_run (ZichaDb                    *db,
                 const ZichaRuleRunOptions  *options,
                 ZichaRuleProgressFunc       progress,
                 gpointer                    progress_data,
                 GCancellable               *cancellable,
                 ZichaRuleRunResult        **out_result,
                 GError                    **error)
{
  sqlite3 *handle;
  Shared shared = { 0 };
  g_autoptr(ZichaRuleRunResult) result = NULL;
  g_autofree char *params = NULL;
  g_autofree char *rules_text = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  GError *local = NULL;
  char started_at[20], finished_at[20], today[11];
  GDate as_of;
  gint64 start = g_get_monotonic_time ();
  gint64 run_id;
  guint i, j, n_threads;
  const char *path;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZICHA_IS_DB (db), FALSE);

  handle = zicha_db_get_handle (db);

  /* The rules to run, in catalogue order, with their parameters. */
  {
    guint n_rules;
    const ZichaRule *rules = zicha_rules_get_all (&n_rules);
    g_autofree gboolean *selected = g_new0 (gboolean, n_rules);

    for (i = 0; options != NULL && options->rules != NULL && options->rules[i] != NULL; i++)
      {
        const ZichaRule *rule = zicha_rules_lookup (options->rules[i]);

        if (rule == NULL)
          {
            g_set_error (error, ZICHA_ERROR, ZICHA_ERROR_USAGE, _("Unknown rule “%s”"),
                         options->rules[i]);
            return FALSE;
          }
        selected[rule - rules] = TRUE;
      }
    shared.jobs = g_new0 (Job, n_rules);
    for (i = 0; i < n_rules; i++)
      if (options == NULL || options->rules == NULL || selected[i])
        shared.jobs[shared.n_jobs++].rule = &rules[i];
  }

  for (i = 0; i < shared.n_jobs; i++)
    {
      const ZichaRule *rule = shared.jobs[i].rule;
      guint np = zicha_rule_get_n_params (rule);

      for (j = 0; j < np; j++)
        {
          char *value = _zicha_rule_stored_param (handle, rule, &rule->params[j]);

          shared.jobs[i].values[j] = value != NULL ? value
                                                   : g_strdup (rule->params[j].default_value);
        }
    }
  if (options != NULL && options->rules != NULL)
    {
      GString *s = g_string_new (NULL);

      for (i = 0; i < shared.n_jobs; i++)
        g_string_append_printf (s, "%s%s", i > 0 ? "," : "", shared.jobs[i].rule->id);
      rules_text = g_string_free (s, FALSE);
    }
  else
    rules_text = g_strdup ("*");
  params = params_json (shared.jobs, shared.n_jobs);

  /* As of */
  if (options != NULL && g_date_valid (&options->as_of))
    as_of = options->as_of;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  g_snprintf (shared.as_of, sizeof shared.as_of, "%04d-%02d-%02d", g_date_get_year (&as_of),
              g_date_get_month (&as_of), g_date_get_day (&as_of));
  zicha_day_to_string (zicha_day_from_string (shared.as_of) + 1, shared.as_of_next);
  shared.cancellable = cancellable;
  shared.cache = _zicha_rule_cache_new ();

  zicha_now (started_at);
  memcpy (today, started_at, 10);
  today[10] = '\0';

  result = g_new0 (ZichaRuleRunResult, 1);
  result->as_of = g_strdup (shared.as_of);
  result->stats = g_ptr_array_new_with_free_func ((GDestroyNotify) stat_free);

  /* Record the run. */
  if (!start_run (db, started_at, shared.as_of, rules_text, params,
                  options != NULL ? options->user_name : NULL, &run_id, &local))
    goto out;
  result->run_id = run_id;

  /* Schedule: longest first; while one thread loads the team data the team rules share, the
   * other takes rules that do not need it (next_job). */
  schedule (handle, &shared);
  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  g_queue_init (&shared.finished);

  n_threads = options != NULL && options->n_threads > 0 ? options->n_threads : 2;
  path = zicha_db_get_path (db);
  /* (On a network file system the connection keeps its locks: no second one could read.) */
  if (path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0
      || g_str_has_prefix (path, "file::memory:") || zicha_db_get_on_network_fs (db))
    n_threads = 1;
  n_threads = MIN (n_threads, MAX (shared.n_jobs, 1));
  shared.path = path;

  if (progress != NULL)
    progress (0, shared.n_jobs, NULL, progress_data);

  if (n_threads <= 1)
    {
      gint64 mmap_size = 0;
      sqlite3_stmt *pragma = NULL;

      /* the caller's connection gets its own mapping size back afterwards */
      if (sqlite3_prepare_v2 (handle, "PRAGMA mmap_size", -1, &pragma, NULL) == SQLITE_OK
          && sqlite3_step (pragma) == SQLITE_ROW)
        mmap_size = sqlite3_column_int64 (pragma, 0);
      g_clear_pointer (&pragma, sqlite3_finalize);
      /* one connection, one read transaction: one snapshot */
      if (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
          || (shared.generation = zicha_db_read_records_generation (handle)) < 0)
        {
          zicha_db_set_error (db, &local, _("Could not read the records for the rules"));
          zicha_db_rollback (db);
          goto out;
        }
      prepare_connection (handle, cancellable);
      for (i = 0; i < shared.n_jobs && shared.error == NULL; i++)
        {
          Job *job = &shared.jobs[shared.order[i]];
          GError *e = NULL;

          if (!run_job (&shared, handle, job, &e))
            {
              shared.error = e;
              break;
            }
          job->done = TRUE;
          shared.n_done++;
          if (progress != NULL)
            progress (shared.n_done, shared.n_jobs, job->rule->id, progress_data);
        }
      zicha_db_unwatch_cancellable (handle);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA mmap_size = %" PRId64, mmap_size);

        sqlite3_exec (handle, sql, NULL, NULL, NULL);
      }
    }
  else
    {
      g_autoptr(ZichaDb) gate = begin_snapshot (db, &shared, &local);

      if (gate == NULL)
        goto out;
      threads = g_ptr_array_new ();
      shared.n_workers_left = n_threads;
      for (i = 0; i < n_threads; i++)
        g_ptr_array_add (threads, g_thread_new ("zicha-rules", worker_thread, &shared));

      g_mutex_lock (&shared.lock);
      while (shared.n_snapshots < n_threads)
        g_cond_wait (&shared.cond, &shared.lock);
      g_mutex_unlock (&shared.lock);
      /* every worker reads its snapshot now: the gate lets writers in again */
      zicha_db_rollback (gate);
      g_clear_object (&gate);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);

      g_mutex_lock (&shared.lock);
      for (;;)
        {
          Job *job;

          while ((job = g_queue_pop_head (&shared.finished)) != NULL)
            {
              guint done = shared.n_done;

              g_mutex_unlock (&shared.lock);
              if (progress != NULL)
                progress (done, shared.n_jobs, job->rule->id, progress_data);
              g_mutex_lock (&shared.lock);
            }
          if (shared.n_workers_left == 0)
            break;
          g_cond_wait (&shared.cond, &shared.lock);
        }
      g_mutex_unlock (&shared.lock);
      for (i = 0; i < threads->len; i++)
        g_thread_join (g_ptr_array_index (threads, i));
      {
        gint64 busy = 0;

        for (i = 0; i < shared.n_jobs; i++)
          busy += shared.jobs[i].duration_ms;
        g_debug ("%u threads busy %" PRId64 " ms together, done after %" PRId64 " ms",
                 n_threads, busy, (g_get_monotonic_time () - start) / 1000);
      }
      if (shared.error == NULL && shared.n_done < shared.n_jobs)
        g_cancellable_set_error_if_cancelled (cancellable, &shared.error);
    }

  if (shared.error != NULL)
    {
      local = g_steal_pointer (&shared.error);
      goto out;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto out;

  /* The cached data is not needed any more: free it before storing. */
  g_clear_pointer (&shared.cache, _zicha_rule_cache_free);

  /* Store the hits, the stats and the risk scores in one transaction, only if the records
   * are still those the rules read: hits must match the records they were found in. */
  if (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, &local, _("Could not store the hits"));
      goto out;
    }
  if (zicha_db_read_records_generation (handle) != shared.generation)
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (&local, ZICHA_ERROR, ZICHA_ERROR_BUSY,
                   _("The records were changed by an import while the rules ran, so the risk "
                     "leads found were not stored. Run the rules again."));
      goto out;
    }
  g_debug ("rules evaluated after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  if (!merge_found (handle, &shared, run_id, today, result, &local))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  g_debug ("hits stored after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  if (!_zicha_risk_scores_update (handle, &local))
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  g_debug ("risk scores after %" PRId64 " ms", (g_get_monotonic_time () - start) / 1000);
  zicha_now (finished_at);
  if (!update_run (handle, run_id, "finished", finished_at, shared.generation)
      || sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      zicha_db_set_error (db, &local, _("Could not store the hits"));
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }

  for (i = 0; i < shared.n_jobs; i++)
    {
      ZichaRuleRunStat *stat = g_new0 (ZichaRuleRunStat, 1);

      stat->rule_id = g_strdup (shared.jobs[i].rule->id);
      stat->hits = shared.jobs[i].hits->len;
      stat->duration_ms = shared.jobs[i].duration_ms;
      g_ptr_array_add (result->stats, stat);
    }
  ok = TRUE;

out:
  if (!ok && result != NULL && result->run_id > 0)
    {
      zicha_now (finished_at);
      update_run (handle, result->run_id,
                  g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? "cancelled"
                                                                            : "failed",
                  finished_at, -1);
    }
  for (i = 0; i < shared.n_jobs; i++)
    {
      for (j = 0; j < ZICHA_RULE_MAX_PARAMS; j++)
        g_free (shared.jobs[i].values[j]);
      g_clear_pointer (&shared.jobs[i].hits, g_ptr_array_unref);
    }
  g_free (shared.jobs);
  g_free (shared.order);
  _zicha_rule_cache_free (shared.cache);
  if (shared.order != NULL || threads != NULL)
    {
      g_mutex_clear (&shared.lock);
      g_cond_clear (&shared.cond);
    }
  g_queue_clear (&shared.finished);
  if (!ok)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  result->duration_ms = (g_get_monotonic_time () - start) / 1000;
  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);
  return TRUE;
}
