/*
 * test_config.c - the config file (src/config.c): parsing, bad lines with
 * their line numbers, the precedence flag > environment > config >
 * default, and saving (0600 in a 0700 directory, comments kept, the file
 * replaced whole).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "harness.h"

static char dir[] = "/tmp/recoup-config-test-XXXXXX";

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static char *
read_all(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	return buf;
}

static void
test_keys_and_values(void)
{
	struct rc_err err = RC_ERR_INIT;
	char long_name[130];

	RC_CHECK_INT(rc_config_key("trainee"), RC_CONFIG_TRAINEE);
	RC_CHECK_INT(rc_config_key("pass-mark"), RC_CONFIG_PASS_MARK);
	RC_CHECK_INT(rc_config_key("color"), RC_CONFIG_COLOUR);
	RC_CHECK_INT(rc_config_key("size"), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, "Zoë Ng", NULL, &err), 0);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, "", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, "a\tb", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, "esc\033[31m", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_COHORT, "c\302\233", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, "Jos\351", "--trainee", &err), -1);
	memset(long_name, 'a', 101);
	long_name[101] = '\0';
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, long_name, NULL, &err), -1);
	long_name[100] = '\0';
	RC_CHECK_INT(rc_config_check(RC_CONFIG_TRAINEE, long_name, NULL, &err), 0);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_PASS_MARK, "0", NULL, &err), 0);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_PASS_MARK, "100", NULL, &err), 0);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_PASS_MARK, "101", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_PASS_MARK, "-1", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_PASS_MARK, "7x", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_COLOUR, "always", NULL, &err), 0);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_COLOUR, "blue", NULL, &err), -1);
	RC_CHECK_INT(rc_config_check(RC_CONFIG_DB, "", NULL, NULL), -1);
	RC_CHECK_INT((long long)err.n, 10);
	RC_CHECK_STR(err.v[0].msg, "invalid trainee '': empty");
	RC_CHECK_STR(err.v[1].msg, "invalid trainee 'a\tb': a control character");
	RC_CHECK_STR(err.v[4].msg, "invalid --trainee 'Jos\357\277\275': not valid UTF-8");
	RC_CHECK_STR(err.v[5].msg, "invalid trainee '"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "': longer than 100 characters");
	RC_CHECK_STR(err.v[9].msg, "invalid colour 'blue': expected auto, always or never");
	rc_err_clear(&err);
}

static void
test_parse(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_config *c = rc_config_new();
	char path[256];

	snprintf(path, sizeof path, "%s/parse", dir);
	write_file(path,
	    "# a comment\n"
	    "\n"
	    "  trainee =  Ada Lovelace  \n"
	    "cohort=spring\r\n"
	    "just words\n"
	    "size = 3\n"
	    "pass-mark = 200\n"
	    "   # indented comment\n"
	    "colour = never\n"
	    "cohort = autumn");
	RC_CHECK_INT(rc_config_load(c, path, RC_WARNING, &err), 3);
	RC_CHECK_STR(rc_config_get(c, RC_CONFIG_TRAINEE), "Ada Lovelace");
	RC_CHECK_STR(rc_config_get(c, RC_CONFIG_COHORT), "autumn");   /* the last */
	RC_CHECK_STR(rc_config_get(c, RC_CONFIG_COLOUR), "never");
	RC_CHECK(rc_config_get(c, RC_CONFIG_PASS_MARK) == NULL);
	RC_CHECK(rc_config_get(c, RC_CONFIG_DB) == NULL);
	RC_CHECK_INT((long long)err.n, 3);
	if (err.n == 3) {
		char want[512];

		RC_CHECK_INT(err.v[0].severity, RC_WARNING);
		snprintf(want, sizeof want, "%s:5: expected 'key = value', got "
		    "'just words'", path);
		RC_CHECK_STR(err.v[0].msg, want);
		snprintf(want, sizeof want, "%s:6: unknown key 'size' (expected "
		    "trainee, cohort, db, pass-mark or colour)", path);
		RC_CHECK_STR(err.v[1].msg, want);
		snprintf(want, sizeof want, "%s:7: invalid pass-mark '200': expected "
		    "a whole number from 0 to 100", path);
		RC_CHECK_STR(err.v[2].msg, want);
	}
	rc_err_clear(&err);

	/* Strict: the same lines as errors. */
	RC_CHECK_INT(rc_config_load(c, path, RC_ERROR, &err), 3);
	RC_CHECK_INT((long long)err.nerrors, 3);
	rc_err_clear(&err);

	/* A missing file is an empty config. */
	snprintf(path, sizeof path, "%s/none", dir);
	RC_CHECK_INT(rc_config_load(c, path, RC_ERROR, &err), 0);
	RC_CHECK(rc_config_get(c, RC_CONFIG_TRAINEE) == NULL);
	RC_CHECK_INT((long long)err.n, 0);
	rc_config_free(c);
	rc_config_free(NULL);
}

static void
test_refused(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_config *c = rc_config_new();
	char path[256], link[256], want[600];

	snprintf(path, sizeof path, "%s/real", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	write_file(path, "trainee = Eve\n");
	RC_CHECK_INT(symlink(path, link), 0);
	RC_CHECK_INT(rc_config_load(c, link, RC_WARNING, &err), -1);
	RC_CHECK(rc_config_get(c, RC_CONFIG_TRAINEE) == NULL);
	snprintf(want, sizeof want, "%s: not a regular file (a symbolic link): "
	    "not read", link);
	RC_CHECK_INT((long long)err.nerrors, 1);
	RC_CHECK_STR(err.n ? err.v[0].msg : NULL, want);
	rc_err_clear(&err);
	RC_CHECK_INT(rc_config_load(c, dir, RC_WARNING, &err), -1);
	snprintf(want, sizeof want, "%s: not a regular file (a directory): "
	    "not read", dir);
	RC_CHECK_STR(err.n ? err.v[0].msg : NULL, want);
	rc_err_clear(&err);
	rc_config_free(c);
}

static void
test_precedence(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_config *c = rc_config_new();
	enum rc_config_source src;

	unsetenv("RECOUP_TRAINEE");
	unsetenv("RECOUP_COLOUR");
	unsetenv("NO_COLOR");
	RC_CHECK(rc_config_resolve(c, RC_CONFIG_TRAINEE, NULL, &src, &err) == NULL);
	RC_CHECK_INT(src, RC_SOURCE_DEFAULT);
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_TRAINEE, "conf", &err), 0);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_TRAINEE, NULL, &src, &err), "conf");
	RC_CHECK_INT(src, RC_SOURCE_CONFIG);
	setenv("RECOUP_TRAINEE", "env", 1);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_TRAINEE, NULL, &src, &err), "env");
	RC_CHECK_INT(src, RC_SOURCE_ENV);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_TRAINEE, "flag", &src, &err), "flag");
	RC_CHECK_INT(src, RC_SOURCE_FLAG);
	/* An empty flag or variable is not given. */
	setenv("RECOUP_TRAINEE", "", 1);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_TRAINEE, "", &src, &err), "conf");
	/* A bad variable is passed over with a warning. */
	setenv("RECOUP_TRAINEE", "bad\033name", 1);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_TRAINEE, NULL, &src, &err), "conf");
	RC_CHECK_INT((long long)err.n, 1);
	RC_CHECK_STR(err.n ? err.v[0].msg : NULL,
	    "invalid RECOUP_TRAINEE 'bad\033name': a control character (ignored)");
	RC_CHECK_INT(err.n ? (int)err.v[0].severity : -1, RC_WARNING);
	rc_err_clear(&err);
	unsetenv("RECOUP_TRAINEE");

	/* Colour: RECOUP_COLOUR, then NO_COLOR, then the config. */
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_COLOUR, "always", &err), 0);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_COLOUR, NULL, &src, NULL), "always");
	setenv("NO_COLOR", "1", 1);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_COLOUR, NULL, &src, NULL), "never");
	RC_CHECK_INT(src, RC_SOURCE_ENV);
	setenv("RECOUP_COLOUR", "always", 1);
	RC_CHECK_STR(rc_config_resolve(c, RC_CONFIG_COLOUR, NULL, &src, NULL), "always");
	unsetenv("RECOUP_COLOUR");
	unsetenv("NO_COLOR");
	/* pass-mark has no variable. */
	RC_CHECK(rc_config_env_name(RC_CONFIG_PASS_MARK) == NULL);
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_PASS_MARK, "x", &err), -1);
	rc_err_clear(&err);
	rc_config_free(c);
}

static void
test_save(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_config *c = rc_config_new();
	char path[320], sub[256], cmd[700];
	struct stat sb;

	/* A new file in new directories: 0700 and 0600, a header comment. */
	snprintf(sub, sizeof sub, "%s/x/recoup", dir);
	snprintf(path, sizeof path, "%s/config", sub);
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_TRAINEE, "Ada", &err), 0);
	RC_CHECK_INT(rc_config_save(c, path, &err), 0);
	RC_CHECK_INT(stat(sub, &sb), 0);
	RC_CHECK_INT(sb.st_mode & 0777, 0700);
	RC_CHECK_INT(stat(path, &sb), 0);
	RC_CHECK_INT(sb.st_mode & 0777, 0600);
	RC_CHECK_STR(read_all(path), "# recoup settings (see 'recoup config "
	    "--help'): key = value\ntrainee = Ada\n");

	/* Set, unset and save keep comments, order and ignored lines. */
	write_file(path, "# mine\ntrainee = Ada\n\nwhat is this\ncohort = a\n"
	    "trainee = Bob\n");
	RC_CHECK_INT(rc_config_load(c, path, RC_WARNING, &err), 1);
	rc_err_clear(&err);
	RC_CHECK_STR(rc_config_get(c, RC_CONFIG_TRAINEE), "Bob");
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_TRAINEE, "Cy", &err), 0);
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_DB, "/tmp/x.db", &err), 0);
	RC_CHECK_INT(rc_config_set(c, RC_CONFIG_COHORT, NULL, &err), 0);
	RC_CHECK_INT(rc_config_save(c, path, &err), 0);
	RC_CHECK_STR(read_all(path), "# mine\ntrainee = Cy\n\nwhat is this\n"
	    "db = /tmp/x.db\n");
	/* Atomic: nothing left beside it, the same content read back. */
	snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", sub);
	RC_CHECK_INT(system(cmd), 0);
	RC_CHECK_INT(rc_config_load(c, path, RC_WARNING, &err), 1);
	RC_CHECK_STR(rc_config_get(c, RC_CONFIG_TRAINEE), "Cy");
	rc_err_clear(&err);

	/* A save that cannot be written leaves the old file alone. */
	if (geteuid() != 0) {
		RC_CHECK_INT(chmod(sub, 0500), 0);
		RC_CHECK_INT(rc_config_set(c, RC_CONFIG_TRAINEE, "Dee", &err), 0);
		RC_CHECK_INT(rc_config_save(c, path, &err), -1);
		RC_CHECK(err.n == 1);
		rc_err_clear(&err);
		chmod(sub, 0700);
		RC_CHECK_INT(rc_config_load(c, path, RC_WARNING, &err), 1);
		RC_CHECK_STR(rc_config_get(c, RC_CONFIG_TRAINEE), "Cy");
		rc_err_clear(&err);
	}
	rc_config_free(c);
}

static void
test_path(void)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	setenv("HOME", "/home/u", 1);
	p = rc_config_path();
	RC_CHECK_STR(p, "/x/cfg/recoup/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = rc_config_path();
	RC_CHECK_STR(p, "/home/u/.config/recoup/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	RC_CHECK(rc_config_path() == NULL);
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(dir) == NULL)
		return 1;
	test_keys_and_values();
	test_parse();
	test_refused();
	test_precedence();
	test_save();
	test_path();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return RC_TEST_DONE();
}
