/* zicha-message.h — messages kept so that they can be shown later in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A risk lead's message is made when the rules run, but read later — in the app, the CLI,
 * the report — perhaps in another language than the run's. So what is stored is the message's
 * untranslated format (its msgid) with its arguments, each already formatted by its own
 * conversion; zicha_message_render () translates the format and puts the arguments in, in the
 * order the translation asks for (%2$s). An argument may itself be a translatable label
 * (zicha_message_label ()) or a whole message (zicha_message_end_as_arg ()), translated when
 * rendered too.
 *
 * The stored form is JSON: an array of parts, each {"f":format,"a":[args]}, and an argument
 * is a string, {"t":msgid} or {"m":[parts]}. A stored text that is not such JSON renders as it
 * is (messages stored before this). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ZichaMessage ZichaMessage;

/* A message in several parts, joined with nothing between them. */
ZichaMessage *zicha_message_new          (void);
/* Appends a part: @format is an untranslated msgid (mark it N_()); the arguments are those
 * its conversions take (%s, %d, %u, %ld, %" PRId64 ", %f, %%…). A %s argument made by
 * zicha_message_label () or zicha_message_end_as_arg () is kept as such. */
void          zicha_message_append       (ZichaMessage *self,
                                          const char   *format,
                                          ...);
/* Ends @self (freed) and returns its stored form. */
char         *zicha_message_end          (ZichaMessage *self);
/* Ends @self (freed) and returns it as an argument for a %s of another message's part (free
 * it after that part is appended). */
char         *zicha_message_end_as_arg   (ZichaMessage *self);

/* A message of one part: zicha_message_new, _append, _end. */
char         *zicha_message_printf       (const char   *format,
                                          ...);

/* A translatable label (an untranslated msgid marked N_()) as an argument for a %s: it is
 * translated when the message is rendered. Never freed (labels are few). */
const char   *zicha_message_label        (const char   *msgid);

/* The message of @stored in the current language (a copy of @stored when it is not a stored
 * message). NULL gives "". */
char         *zicha_message_render       (const char   *stored);

G_END_DECLS
