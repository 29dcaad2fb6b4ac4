/*
 * fuzz_drill.c - libFuzzer target for drill files (scenarios/drills/,
 * drill.h): any bytes give a drill with a name and at least one whole
 * call, or error messages; never a crash or a leak.  Build with
 * -DRECOUP_FUZZ=ON (clang); seed corpus in fuzz/corpus/drill.
 */
#include "fuzzkit.h"

#include "drill.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_drill *d;
	char *text = fuzz_text(data, size);
	size_t i;

	d = rc_drill_parse("fuzz.json", text, size, &err);
	if (d != NULL) {
		if (d->name == NULL || d->name[0] == '\0' || d->ncalls == 0)
			abort();
		for (i = 0; i < d->ncalls; i++)
			if (d->calls[i].scenario[0] == '\0')
				abort();
		if (err.nerrors != 0)
			abort();
	}
	rc_drill_free(d);
	rc_err_clear(&err);
	free(text);
	return 0;
}
