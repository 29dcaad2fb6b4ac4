/*
 * fuzzkit.h - what the libFuzzer targets share: a deterministic
 * environment (the shipped lexicon, no pattern or lexicon cache, the
 * spelling dictionaries of the machine) and one private temporary
 * directory per process for the targets that must hand a file to the
 * code under test, removed at exit.  Nothing is written outside it.
 */
#ifndef RC_FUZZKIT_H
#define RC_FUZZKIT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "engine.h"
#include "lint.h"
#include "rubric.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char fuzz_dir[64];

static inline void
fuzz_rmdir(void)
{
	char cmd[128];

	if (fuzz_dir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir);
}

/* The environment every target runs in; makes the private directory. */
static inline void
fuzz_setup(void)
{
	const char *tmp = getenv("TMPDIR");

	setenv("RECOUP_PATTERN_CACHE", "off", 1);
	setenv("RECOUP_LANG", RECOUP_SOURCE_SCENARIOS "/lang", 1);
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/recoup-fuzz.XXXXXX",
	    tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	if (mkdtemp(fuzz_dir) == NULL) {
		perror("fuzz: mkdtemp");
		abort();
	}
	setenv("XDG_CACHE_HOME", fuzz_dir, 1);
	atexit(fuzz_rmdir);
}

/* Writes SIZE bytes of DATA to NAME in the private directory; returns
 * the path (the caller frees it). */
static inline char *
fuzz_write(const char *name, const void *data, size_t size)
{
	struct rc_buf b = RC_BUF_INIT;
	FILE *f;

	rc_buf_printf(&b, "%s/%s", fuzz_dir, name);
	if ((f = fopen(rc_buf_str(&b), "wb")) == NULL ||
	    fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror("fuzz: write");
		abort();
	}
	return rc_buf_detach(&b);
}

/* DATA as a NUL-terminated string (the caller frees it). */
static inline char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

static struct rc_rubric *fuzz_rubric_shipped;

static inline void
fuzz_drop_rubric(void)
{
	rc_rubric_free(fuzz_rubric_shipped);
}

/* The shipped rubric (scoring/), loaded once and freed at exit; a target
 * that cannot load it aborts (the tree is broken, not the input). */
static inline struct rc_rubric *
fuzz_rubric(void)
{
	struct rc_err err = RC_ERR_INIT;

	if (fuzz_rubric_shipped != NULL)
		return fuzz_rubric_shipped;
	if ((fuzz_rubric_shipped = rc_rubric_load(RECOUP_SOURCE_SCORING,
	    &err)) == NULL)
		abort();
	rc_err_clear(&err);
	atexit(fuzz_drop_rubric);
	return fuzz_rubric_shipped;
}

/* Loads and lints a shipped scenario once, before the first input, and
 * says a line no rule takes: what every later input shares (the lexicon,
 * its automaton, the likeness model, the spelling dictionary) is built
 * here, so that no input is charged for it and timed out on a slow,
 * loaded machine. */
static inline void
fuzz_warm_up(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf b = RC_BUF_INIT;
	struct rc_scenario *s;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(RECOUP_SOURCE_SCENARIOS "/forgetful-florist.json", "rb");

	if (f == NULL)
		abort();
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc_buf_add(&b, chunk, n);
	fclose(f);
	s = rc_scenario_parse("forgetful-florist.json", rc_buf_str(&b), b.len, &err);
	if (s == NULL)
		abort();
	rc_lint_check(s, rc_buf_str(&b), b.len, &err);
	{
		struct rc_engine *e = rc_engine_new(s, 1);

		rc_engine_open(e);
		rc_engine_say(e, "purpel monkee dishwashr sideweys");
		rc_engine_free(e);
	}
	rc_scenario_free(s);
	rc_err_clear(&err);
	rc_buf_free(&b);
}

#endif
