/*
 * config.c - the user's settings file and the precedence of settings.
 * The file is plain `key = value` lines with '#' comment lines and blank
 * lines; it is kept as a list of its lines, so that setting one key keeps
 * the others, the comments and even the lines that were ignored exactly
 * as the user wrote them.  Every value held is valid for its key (a bad
 * one is reported and its line ignored), and every setting is resolved
 * here the same way: flag, environment, config file, default.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "datadir.h"
#include "file.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const key_names[RC_CONFIG_NKEYS] = {
	"trainee", "cohort", "db", "pass-mark", "colour",
};

static const char *const env_names[RC_CONFIG_NKEYS] = {
	"RECOUP_TRAINEE", "RECOUP_COHORT", "RECOUP_DB", NULL, "RECOUP_COLOUR",
};

/* One line of the file: a setting (KEY >= 0, VALUE owned) or anything
 * else kept as TEXT (a comment, a blank line, an ignored line). */
struct line {
	int key;
	char *value;
	char *text;
};

struct rc_config {
	struct line *v;
	size_t n;
};

int
rc_config_key(const char *name)
{
	int k;

	for (k = 0; k < RC_CONFIG_NKEYS; k++)
		if (strcmp(name, key_names[k]) == 0)
			return k;
	/* The US spelling is the same key. */
	if (strcmp(name, "color") == 0)
		return RC_CONFIG_COLOUR;
	return -1;
}

const char *
rc_config_key_name(enum rc_config_key key)
{
	return key_names[key];
}

const char *
rc_config_source_name(enum rc_config_source src)
{
	static const char *const names[] = { "default", "config", "environment",
	    "flag" };

	return names[src];
}

const char *
rc_config_env_name(enum rc_config_key key)
{
	return env_names[key];
}

/* Why NAME cannot be a trainee name or cohort tag, or NULL when it can. */
static const char *
name_problem(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t n = strlen(name), chars = 0, k;
	unsigned long cp;

	if (n == 0)
		return "empty";
	if (!rc_utf8_valid(name))
		return "not valid UTF-8";
	while (n > 0) {
		k = rc_utf8_decode(p, n, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			return "a control character";
		p += k;
		n -= k;
		chars++;
	}
	if (chars > RC_CONFIG_NAME_MAX)
		return "longer than 100 characters";
	return NULL;
}

int
rc_config_check(enum rc_config_key key, const char *value, const char *what,
                struct rc_err *err)
{
	struct rc_buf shown = RC_BUF_INIT;
	const char *why = NULL;
	char *end;
	long v;

	switch (key) {
	case RC_CONFIG_TRAINEE:
	case RC_CONFIG_COHORT:
		why = name_problem(value);
		break;
	case RC_CONFIG_DB:
		if (*value == '\0')
			why = "empty";
		break;
	case RC_CONFIG_PASS_MARK:
		errno = 0;
		v = strtol(value, &end, 10);
		if (*value < '0' || *value > '9' || *end != '\0' || errno != 0 ||
		    v > 100)
			why = "expected a whole number from 0 to 100";
		break;
	case RC_CONFIG_COLOUR:
		if (strcmp(value, "auto") != 0 && strcmp(value, "always") != 0 &&
		    strcmp(value, "never") != 0)
			why = "expected auto, always or never";
		break;
	default:
		why = "unknown key";
		break;
	}
	if (why == NULL)
		return 0;
	if (err == NULL)
		return -1;
	rc_utf8_repair(&shown, value, strlen(value));
	rc_err_add(err, RC_ERROR, "invalid %s '%s': %s", what ? what :
	    key_names[key], rc_buf_str(&shown), why);
	rc_buf_free(&shown);
	return -1;
}

char *
rc_config_path(void)
{
	return rc_datadir_xdg("XDG_CONFIG_HOME", ".config", "config");
}

struct rc_config *
rc_config_new(void)
{
	return rc_xcalloc(1, sizeof(struct rc_config));
}

static void
clear(struct rc_config *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].value);
		free(c->v[i].text);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

void
rc_config_free(struct rc_config *c)
{
	if (c == NULL)
		return;
	clear(c);
	free(c);
}

static void
add_line(struct rc_config *c, int key, const char *value, const char *text)
{
	c->v = rc_xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n].key = key;
	c->v[c->n].value = value ? rc_xstrdup(value) : NULL;
	c->v[c->n].text = text ? rc_xstrdup(text) : NULL;
	c->n++;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Reads one line (LINENO) of file PATH into C; 0, or -1 after adding why
 * it is ignored to ERR. */
static int
parse_line(struct rc_config *c, char *line, const char *path, int lineno,
           enum rc_severity sev, struct rc_err *err)
{
	struct rc_err why = RC_ERR_INIT;
	struct rc_buf shown = RC_BUF_INIT;
	char *raw = rc_xstrdup(line), *s = trim(line), *eq, *key;
	int k;

	if (*s == '\0' || *s == '#') {
		add_line(c, -1, NULL, raw);
		free(raw);
		return 0;
	}
	if ((eq = strchr(s, '=')) == NULL) {
		rc_utf8_repair(&shown, s, strlen(s));
		rc_err_add(err, sev, "%s:%d: expected 'key = value', got '%s'", path,
		    lineno, rc_buf_str(&shown));
		goto bad;
	}
	*eq = '\0';
	key = trim(s);
	if ((k = rc_config_key(key)) < 0) {
		rc_utf8_repair(&shown, key, strlen(key));
		rc_err_add(err, sev, "%s:%d: unknown key '%s' (expected trainee, "
		    "cohort, db, pass-mark or colour)", path, lineno,
		    rc_buf_str(&shown));
		goto bad;
	}
	if (rc_config_check(k, trim(eq + 1), NULL, &why) != 0) {
		rc_err_add(err, sev, "%s:%d: %s", path, lineno, why.v[0].msg);
		rc_err_clear(&why);
		goto bad;
	}
	add_line(c, k, trim(eq + 1), NULL);
	free(raw);
	return 0;
bad:
	rc_buf_free(&shown);
	add_line(c, -1, NULL, raw);
	free(raw);
	return -1;
}

int
rc_config_load(struct rc_config *c, const char *path, enum rc_severity sev,
               struct rc_err *err)
{
	struct stat sb;
	char *text, *line, *next;
	size_t len;
	int lineno = 0, bad = 0;

	clear(c);
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		rc_err_add(err, RC_ERROR, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	/* Like the database: a link planted in its place is not followed. */
	if (!S_ISREG(sb.st_mode)) {
		rc_err_add(err, RC_ERROR, "%s: not a regular file (a %s): not read",
		    path, rc_file_kind((unsigned)sb.st_mode));
		return -1;
	}
	if ((text = rc_file_read(path, &len, err)) == NULL)
		return -1;
	if (memchr(text, '\0', len) != NULL) {
		rc_err_add(err, RC_ERROR, "%s: NUL byte in a config file (is it a "
		    "text file?): not read", path);
		free(text);
		return -1;
	}
	for (line = text; *line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (parse_line(c, line, path, ++lineno, sev, err) != 0)
			bad++;
	}
	free(text);
	return bad;
}

const char *
rc_config_get(const struct rc_config *c, enum rc_config_key key)
{
	const char *v = NULL;
	size_t i;

	/* The last line that sets KEY wins, as in a shell profile. */
	for (i = 0; c && i < c->n; i++)
		if (c->v[i].key == (int)key)
			v = c->v[i].value;
	return v;
}

int
rc_config_set(struct rc_config *c, enum rc_config_key key, const char *value,
              struct rc_err *err)
{
	size_t i, j, at = c->n;

	if (value != NULL && rc_config_check(key, value, NULL, err) != 0)
		return -1;
	for (i = j = 0; i < c->n; i++) {
		if (c->v[i].key == (int)key) {
			if (value != NULL && at == c->n) {
				free(c->v[i].value);
				c->v[i].value = rc_xstrdup(value);
				at = j;
				c->v[j++] = c->v[i];
			} else {
				free(c->v[i].value);
				free(c->v[i].text);
			}
			continue;
		}
		c->v[j++] = c->v[i];
	}
	c->n = j;
	if (value != NULL && at >= c->n) {
		if (c->n == 0)
			add_line(c, -1, NULL, "# recoup settings (see 'recoup config "
			    "--help'): key = value");
		add_line(c, key, value, NULL);
	}
	return 0;
}

/* Makes the missing directories above PATH, mode 0700. */
static int
make_parents(const char *path, struct rc_err *err)
{
	char *p = rc_xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc_err_add(err, RC_ERROR, "cannot make directory '%s': %s", p,
			    strerror(errno));
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

int
rc_config_save(const struct rc_config *c, const char *path, struct rc_err *err)
{
	struct rc_buf b = RC_BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].key >= 0)
			rc_buf_printf(&b, "%s = %s\n", key_names[c->v[i].key],
			    c->v[i].value);
		else
			rc_buf_printf(&b, "%s\n", c->v[i].text);
	}
	if (make_parents(path, err) != 0) {
		rc_buf_free(&b);
		return -1;
	}
	rc = rc_file_replace(path, rc_buf_str(&b), b.len, 0600, NULL, err);
	rc_buf_free(&b);
	return rc;
}

const char *
rc_config_resolve(const struct rc_config *c, enum rc_config_key key,
                  const char *flag, enum rc_config_source *src,
                  struct rc_err *err)
{
	struct rc_err why = RC_ERR_INIT;
	enum rc_config_source dummy;
	const char *env = env_names[key] ? getenv(env_names[key]) : NULL;
	const char *v;

	if (src == NULL)
		src = &dummy;
	*src = RC_SOURCE_FLAG;
	if (flag != NULL && *flag)
		return flag;
	*src = RC_SOURCE_ENV;
	if (env != NULL && *env) {
		if (rc_config_check(key, env, env_names[key], &why) == 0)
			return env;
		if (err != NULL)
			rc_err_add(err, RC_WARNING, "%s (ignored)", why.v[0].msg);
		rc_err_clear(&why);
	}
	/* https://no-color.org: any non-empty value turns colour off. */
	if (key == RC_CONFIG_COLOUR && (env = getenv("NO_COLOR")) != NULL && *env)
		return "never";
	*src = RC_SOURCE_CONFIG;
	if ((v = rc_config_get(c, key)) != NULL)
		return v;
	*src = RC_SOURCE_DEFAULT;
	return NULL;
}
