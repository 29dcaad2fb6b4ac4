/*
 * fuzz_rubric.c - libFuzzer target for the rubric (scoring/rubric.json):
 * any bytes are written as rubric.json in a private directory and loaded
 * as `recoup score --rubric DIR` loads it (with the shipped lexicon); a
 * rubric that loads scores a short recorded call and renders its
 * scorecard.  Build with -DRECOUP_FUZZ=ON (clang); seed corpus in
 * fuzz/corpus/rubric.
 */
#include "fuzzkit.h"

#include "render.h"
#include "rubric.h"
#include "transcript-parse.h"

static const char call[] =
    "---\n"
    "debtor: Atelier Brun\n"
    "creditor: Lumen Supplies\n"
    "balance: 2450.00\n"
    "invoices: LS-301 1450 2026-07-01, LS-322 1000 2026-07-15\n"
    "---\n"
    "Collector: Good morning, this is Sam from Lumen Supplies. Am I "
    "speaking with the owner?\n"
    "Debtor: Yes, speaking.\n"
    "Collector: I'm calling about invoices LS-301 and LS-322, $2,450 in "
    "all. Could you pay $1,000 today and the rest on the 15th?\n"
    "Debtor: I can't do that, we're short. Maybe $500 now.\n"
    "Collector: I understand. $500 today and $650 a month for three "
    "months, is that workable?\n"
    "Debtor: Okay, agreed.\n"
    "Collector: So $500 today, then $650 monthly. I'll send it in writing.\n";

static char *dir;

static void
drop_dir(void)
{
	free(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	dir = fuzz_write("rubric.json", "", 0);
	*strrchr(dir, '/') = '\0';
	atexit(drop_dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_rubric *r;

	free(fuzz_write("rubric.json", data, size));
	r = rc_rubric_load(dir, &err);
	if (r != NULL) {
		struct rc_style style = { 0 };
		struct rc_buf b = RC_BUF_INIT;
		struct rc_parsed *p;
		struct rc_scorecard *card;

		p = rc_transcript_parse("call.txt", call, sizeof call - 1, &err);
		if (p == NULL)
			abort();
		card = rc_transcript_parse_score(p, r);
		rc_render_scorecard(&b, card, p->c.currency, &style);
		rc_render_scorecard_json(&b, card);
		rc_buf_free(&b);
		rc_scorecard_free(card);
		rc_transcript_parse_free(p);
		rc_rubric_free(r);
	}
	rc_err_clear(&err);
	return 0;
}
