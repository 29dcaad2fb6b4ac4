/*
 * detect-core.c - detectors for practices 1 to 10: the conduct of the call
 * (negotiating throughout, the reminder, accurate figures, research,
 * courtesy, calm, respect, realism, a clear message, a minimum).  Each
 * detector reads the lines' signals and events and cites the turns that
 * decided its result.
 */
#include <string.h>

#include "score.h"

static int
collector(const struct rc_line *l)
{
	return l->turn->speaker == RC_SPEAKER_COLLECTOR;
}

/* 5: identifies self and company, courteous, no insults or profanity. */
static void
polite_professional(const struct rc_detect *d, struct rc_result *r)
{
	size_t i;
	int identified = 0, courteous = 0, abusive = 0, lines = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		lines++;
		if (RC_HAS(l, RC_SIG_PROFANITY) || RC_HAS(l, RC_SIG_INSULT)) {
			abusive++;
			rc_result_cite(r, l->turn);
		}
	}
	if (abusive) {
		rc_result_set(r, RC_MISSED, "insulting or profane language");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		if (RC_HAS(l, RC_SIG_IDENTIFY) && !identified) {
			identified = 1;
			rc_result_cite(r, l->turn);
		}
		if (RC_HAS(l, RC_SIG_COURTESY) && !courteous) {
			courteous = 1;
			rc_result_cite(r, l->turn);
		}
	}
	if (lines == 0)
		rc_result_set(r, RC_NA, "the collector said nothing");
	else if (identified && courteous)
		rc_result_set(r, RC_MET, "identified and courteous throughout");
	else if (identified || courteous)
		rc_result_set(r, RC_PARTIAL, identified ? "identified, but no courtesy" :
		    "courteous, but never said who they are");
	else
		rc_result_set(r, RC_MISSED, "never identified and no courtesy");
}

/* 6: no shouting, no hostile or sarcastic replies; judged hardest right
 * after the debtor provokes. */
static void
remain_calm(const struct rc_detect *d, struct rc_result *r)
{
	size_t i;
	int provoked = 0, lost = 0, after_provocation = 0, held = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (l->turn->speaker == RC_SPEAKER_DEBTOR) {
			if (l->hostility)
				provoked = 1;
			continue;
		}
		if (!collector(l))
			continue;
		if (l->shout || RC_HAS(l, RC_SIG_SARCASM) || RC_HAS(l, RC_SIG_INSULT) ||
		    RC_HAS(l, RC_SIG_PROFANITY) || RC_HAS(l, RC_SIG_THREAT)) {
			lost++;
			after_provocation += provoked;
			rc_result_cite(r, l->turn);
		} else if (provoked) {
			held++;
			if (held == 1 && r->nev == 0)
				rc_result_cite(r, l->turn);
		}
		provoked = 0;
	}
	if (lost == 0)
		rc_result_set(r, RC_MET, held ? "stayed calm when provoked" :
		    "calm throughout");
	else
		rc_result_set(r, RC_MISSED, after_provocation ?
		    "lost composure right after a provocation" :
		    "shouted, threatened or answered with hostility");
}

const struct rc_detector rc_detectors_core[] = {
	{ "polite-professional", polite_professional },
	{ "remain-calm", remain_calm },
	{ NULL, NULL },
};
