/*
 * config.h - the user's settings file ($XDG_CONFIG_HOME/recoup/config) and
 * the one precedence every setting follows: a command-line flag, then the
 * environment, then the config file, then the built-in default.  Library
 * code: nothing here prints; problems go into a struct rc_err.
 */
#ifndef RC_CONFIG_H
#define RC_CONFIG_H

#include "err.h"

/* The keys a config file may set. */
enum rc_config_key {
	RC_CONFIG_TRAINEE, RC_CONFIG_COHORT, RC_CONFIG_DB, RC_CONFIG_PASS_MARK,
	RC_CONFIG_COLOUR,
	RC_CONFIG_NKEYS
};

/* Where an effective value came from, weakest first. */
enum rc_config_source {
	RC_SOURCE_DEFAULT, RC_SOURCE_CONFIG, RC_SOURCE_ENV, RC_SOURCE_FLAG
};

/* The longest trainee name or cohort tag, in characters. */
#define RC_CONFIG_NAME_MAX 100
/* The pass mark the report shows when nothing else says (the rubric's
 * default). */
#define RC_CONFIG_DEFAULT_PASS_MARK 70

struct rc_config;

/* The key called NAME ("trainee", "pass-mark"), or -1. */
int rc_config_key(const char *name);
/* The name of KEY, e.g. "pass-mark". */
const char *rc_config_key_name(enum rc_config_key key);
/* "flag", "environment", "config" or "default". */
const char *rc_config_source_name(enum rc_config_source src);

/* 0 when VALUE may be KEY's value, else adds "invalid KEY 'VALUE': why"
 * to ERR (may be NULL; WHAT names the key in the message, e.g. "--trainee" or
 * "trainee"; NULL: the key's name) and returns -1.  Names (trainee,
 * cohort): non-empty, valid UTF-8, no control characters, at most
 * RC_CONFIG_NAME_MAX characters; db: non-empty; pass-mark: a whole number
 * 0..100; colour: auto, always or never. */
int rc_config_check(enum rc_config_key key, const char *value,
                    const char *what, struct rc_err *err);

/* The config file's path: $XDG_CONFIG_HOME/recoup/config when
 * XDG_CONFIG_HOME is an absolute path, else $HOME/.config/recoup/config;
 * NULL without either.  The caller frees it. */
char *rc_config_path(void);

/* An empty config, to be loaded or set; free with rc_config_free()
 * (rc_config_free(NULL) does nothing). */
struct rc_config *rc_config_new(void);
void rc_config_free(struct rc_config *c);

/* Reads file PATH into C: `key = value` lines, blank lines and lines
 * starting with '#' (after blanks).  A missing file is an empty config
 * (returns 0).  Each unknown key, bad value or malformed line is added to
 * ERR as "PATH:LINE: why" with severity SEV, and the line is ignored (it is
 * kept as it was when C is saved).  A symbolic link, or a file that is not
 * a regular file or cannot be read, is refused: an error in ERR (whatever
 * SEV), C left empty, and -1.  Returns the number of bad lines, or -1. */
int rc_config_load(struct rc_config *c, const char *path,
                   enum rc_severity sev, struct rc_err *err);

/* KEY's value in C, or NULL when it is not set.  Valid until C changes. */
const char *rc_config_get(const struct rc_config *c, enum rc_config_key key);
/* Sets KEY to VALUE (checked with rc_config_check(): -1 with ERR filled
 * when it is wrong), replacing the line that set it, else adding one at
 * the end.  VALUE NULL unsets KEY (removes its lines). */
int rc_config_set(struct rc_config *c, enum rc_config_key key,
                  const char *value, struct rc_err *err);

/* Writes C to PATH: its lines in their order, comments and ignored lines
 * as they were.  The missing directories above PATH are made with mode
 * 0700 and the file replaced atomically (file.h) with mode 0600.  0, or
 * -1 with ERR filled. */
int rc_config_save(const struct rc_config *c, const char *path,
                   struct rc_err *err);

/* The environment variable that sets KEY, or NULL (pass-mark has none).
 * Colour also follows NO_COLOR (non-empty: never) after RECOUP_COLOUR. */
const char *rc_config_env_name(enum rc_config_key key);

/* KEY's effective value: FLAG (may be NULL), else the environment, else
 * C's value (C may be NULL), else NULL (the caller's default); *SRC (may
 * be NULL) says which.  An environment value that fails rc_config_check()
 * is passed over with a warning in ERR (may be NULL).  The result points
 * into FLAG, the environment or C. */
const char *rc_config_resolve(const struct rc_config *c,
                              enum rc_config_key key, const char *flag,
                              enum rc_config_source *src, struct rc_err *err);

#endif
