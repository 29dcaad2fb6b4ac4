/*
 * fuzz_transcript.c - libFuzzer target for `recoup score`: any bytes are
 * parsed as a recorded call (front matter and turns,
 * docs/transcript-format.md); a call that parses is scored with the
 * shipped rubric and its scorecard rendered as text and JSON, as the
 * command does.  Build with -DRECOUP_FUZZ=ON (clang); seed corpus in
 * fuzz/corpus/transcript.
 */
#include "fuzzkit.h"

#include "render.h"
#include "rubric.h"
#include "transcript-parse.h"

static struct rc_rubric *rubric;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	rubric = fuzz_rubric();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_style style = { 0 };
	struct rc_parsed *p;
	char *text = fuzz_text(data, size);

	p = rc_transcript_parse("fuzz.txt", text, size, &err);
	if (p != NULL) {
		struct rc_buf b = RC_BUF_INIT;
		struct rc_scorecard *card = rc_transcript_parse_score(p, rubric);

		rc_render_scorecard(&b, card, p->c.currency, &style);
		rc_render_scorecard_json(&b, card);
		rc_buf_free(&b);
		rc_scorecard_free(card);
		rc_transcript_parse_free(p);
	}
	rc_err_clear(&err);
	free(text);
	return 0;
}
