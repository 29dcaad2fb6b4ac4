/*
 * fuzz_scenario.c - libFuzzer target for the scenario loader: any bytes
 * must give a scenario or error messages, never a crash or a leak.  When a
 * scenario loads, a short call is played with lines taken from the input.
 * Build with -DRECOUP_FUZZ=ON (clang); seed corpus in fuzz/corpus/scenario.
 */
#include "fuzzkit.h"

#include "engine.h"
#include "scenario.h"


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	fuzz_warm_up();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s;
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	s = rc_scenario_parse("fuzz.json", text, size, &err);
	if (s != NULL) {
		struct rc_engine *e = rc_engine_new(s, size);

		rc_engine_open(e);
		rc_engine_say(e, "hello, what can you pay? $500 today?");
		rc_engine_say(e, text + size / 2);
		rc_engine_pause(e);
		rc_engine_free(e);
		rc_scenario_free(s);
	}
	rc_err_clear(&err);
	free(text);
	return 0;
}
