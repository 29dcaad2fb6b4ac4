/*
 * transcript-parse.h - reading a recorded call (docs/transcript-format.md)
 * into a transcript the scorer can judge: optional front matter describing
 * the case file, then one "Collector: ..." / "Debtor: ..." turn per line.
 *
 * Recorded calls carry no simulator events.  The scorer infers the
 * per-line ones (debtor offer, inability, hostility) itself when
 * rc_score_input.inferred is set; rc_transcript_parse_infer() adds what
 * the outcome needs: whether an agreement was reached, on what terms, and
 * how the call ended.
 *
 * Ownership: a struct rc_parsed owns its transcript and every string and
 * array its case points to; rc_transcript_parse_free() frees them all.
 */
#ifndef RC_TRANSCRIPT_PARSE_H
#define RC_TRANSCRIPT_PARSE_H

#include <stddef.h>

#include "err.h"
#include "legal.h"
#include "rubric.h"
#include "score.h"
#include "transcript.h"

struct rc_parsed {
	struct rc_transcript *t;
	int has_case;             /* front matter with at least one key */
	int hung_up;              /* the call ends with "[hangs up]" */
	struct rc_case c;         /* valid when has_case; currency always set */
	int *lines;               /* source line of each turn of T, same index */
	/* Storage behind C (read C, not these). */
	char *debtor, *creditor, *contact, *currency;
	struct rc_case_invoice *invoices;
	char **invoice_ids, **invoice_dues;
	struct rc_policy policy;  /* "policy:" in the front matter */
	struct rc_legal legal;    /* "legal:" and "facts:"; .set 0 without */
};

/* Parses TEXT (LEN bytes; TEXT[LEN] must be NUL) read from NAME.  Returns
 * the call, or NULL after adding every problem found to ERR as
 * "NAME:LINE:COL: what" (columns count characters).  Warnings (e.g. a
 * balance that is not the sum of the unpaid invoices) may be added to ERR
 * while the call is still returned.  Free the result with
 * rc_transcript_parse_free(). */
struct rc_parsed *rc_transcript_parse(const char *name, const char *text,
                                      size_t len, struct rc_err *err);

/* Reads the file PATH and parses it as rc_transcript_parse() does. */
struct rc_parsed *rc_transcript_parse_file(const char *path, struct rc_err *err);

/* Infers from the lines, with RUBRIC's phrase signals, what the simulator
 * would have recorded for the outcome: the agreement (the last debtor line
 * that agrees after a proposal, on the terms of the latest proposal before
 * it: the collector's, else the debtor's own offer; affordable is assumed,
 * the truth being unknown) and how the call ended (hangup after "[hangs
 * up]" or when the last debtor line says so, agreement when one was
 * reached, else trainee).  Calling it again gives the same result.  The
 * lines are read into CACHE (rc_score_read()), so scoring with the same
 * cache reads no line twice; CACHE may be NULL. */
void rc_transcript_parse_infer(struct rc_parsed *p,
                               const struct rc_rubric *rubric,
                               struct rc_score_cache *cache);

/* Infers what P needs (above) and scores it as a recorded call with
 * RUBRIC, against its case when it has one: what `recoup score` does for
 * each file.  The caller frees the scorecard. */
struct rc_scorecard *rc_transcript_parse_score(struct rc_parsed *p,
                                               const struct rc_rubric *rubric);

void rc_transcript_parse_free(struct rc_parsed *p);

#endif
