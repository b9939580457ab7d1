/* zicha-message-sql.h — stored messages rendered inside SQL (core-internal)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "zicha-db-private.h"

G_BEGIN_DECLS

/* Registers zicha_message (stored) on @handle: the message in the current language
 * (zicha_message_render), so that a search matches what the reader sees. Every connection
 * zicha_db_open () makes has it. */
void  zicha_message_register_sql  (sqlite3  *handle);

G_END_DECLS
