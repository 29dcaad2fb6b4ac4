/*
 * session.c - the in-call command layer between a line source and the
 * engine.  Commands never reach the engine as speech; the ones that matter
 * for scoring (/case, /research, /floor, /note, /pause) are recorded in the
 * transcript as actions.  Warnings the engine raises are shown as they
 * come, once each.
 */
#include "session.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "score.h"
#include "utf8.h"
#include "xmalloc.h"

const char *const rc_session_commands[] = {
	"/help", "/case", "/research", "/floor", "/note", "/pause", "/hint",
	"/why", "/end", NULL,
};

static const char *const command_help[] = {
	"/help              this list",
	"/case              the case file: debtor, invoices, balance, policy, history",
	"/research          research notes on the debtor (use them as leverage)",
	"/floor AMOUNT      privately set your minimum: the least in total",
	"/floor AMOUNT now  ... or the least paid today (also /floor now AMOUNT)",
	"/note TEXT         write to the call notes",
	"/pause             take a moment before answering",
	"/hint              a coaching hint for this moment (practice mode)",
	"/why               which rule answered your last line, and how it was read",
	"/why full          the same with every rule tried (practice mode)",
	"/end               hang up and see how the call went (Ctrl-D too)",
	NULL,
};

struct rc_session {
	const struct rc_scenario *s;
	struct rc_engine *e;
	struct rc_session_opts o;
	size_t shown;             /* transcript turns already shown */
	size_t warned;            /* engine warnings already shown */
	size_t reported;          /* turns already passed to on_turn */
	int finished;
	struct rc_case_invoice *invoices;
	struct rc_case kase;
	struct rc_score_input input;  /* case, truth, overrides of the scenario */
	enum rc_status *last;     /* practice statuses after the previous line */
	int calm_noted;           /* "stayed calm when provoked" was noted */
	int policy_noted;         /* an agreement outside policy was noted */
	uint64_t comply_noted;    /* compliance rules whose breach was noted,
	                             bit (1 << the rule's index) */
	struct rc_scorecard *card;
	struct rc_score_cache *cache; /* lines already read, for live scoring */
	struct rc_clock clock;    /* the call's start (opts' clock) */
};

struct rc_session *
rc_session_new(const struct rc_scenario *s, uint64_t seed,
               const struct rc_session_opts *opts)
{
	struct rc_session *ss = rc_xcalloc(1, sizeof *ss);
	size_t i;

	ss->s = s;
	ss->e = rc_engine_new(s, seed);
	ss->o = *opts;
	rc_engine_tracing(ss->e, !opts->no_trace);
	ss->cache = rc_score_cache_new();
	ss->invoices = rc_xcalloc(s->ninvoices + 1, sizeof *ss->invoices);
	rc_score_input_scenario(&ss->input, &ss->kase, ss->invoices, s);
	ss->input.cache = ss->cache;
	if (opts->clock != NULL) {
		ss->clock = *opts->clock;
		ss->input.clock = &ss->clock;
	}
	ss->o.clock = NULL;
	if (opts->rubric) {
		ss->last = rc_xcalloc(opts->rubric->npractices + 1, sizeof *ss->last);
		for (i = 0; i < opts->rubric->npractices; i++)
			ss->last[i] = RC_NA;
	}
	return ss;
}

struct rc_scorecard *
rc_session_score_now(const struct rc_session *ss)
{
	struct rc_score_input in = ss->input;

	if (ss->o.rubric == NULL)
		return NULL;
	in.t = rc_engine_transcript(ss->e);
	in.has_mood = 1;
	in.mood = rc_engine_var(ss->e, "mood");
	return rc_score(ss->o.rubric, &in);
}

const struct rc_scorecard *
rc_session_scorecard(const struct rc_session *ss)
{
	return ss->card;
}

void
rc_session_free(struct rc_session *ss)
{
	if (ss == NULL)
		return;
	rc_engine_free(ss->e);
	rc_scorecard_free(ss->card);
	rc_score_cache_free(ss->cache);
	free(ss->invoices);
	free(ss->last);
	free(ss);
}

struct rc_engine *
rc_session_engine(struct rc_session *ss)
{
	return ss->e;
}

/* Passes the turns added since last time to the on_turn hook. */
static void
report(struct rc_session *ss)
{
	const struct rc_transcript *t = rc_engine_transcript(ss->e);

	for (; ss->reported < t->n; ss->reported++)
		if (ss->o.on_turn != NULL)
			ss->o.on_turn(ss->o.on_turn_ctx, &t->turns[ss->reported]);
}

/* Shows the debtor turns added since last time (and the trainee's own when
 * echoing), then any new warnings. */
static void
flush(struct rc_session *ss, struct rc_buf *out)
{
	const struct rc_transcript *t = rc_engine_transcript(ss->e);
	struct rc_err *w = rc_engine_warnings(ss->e);

	for (; ss->shown < t->n; ss->shown++) {
		const struct rc_turn *u = &t->turns[ss->shown];

		if (u->speaker == RC_SPEAKER_DEBTOR ||
		    (ss->o.echo && u->speaker == RC_SPEAKER_COLLECTOR))
			rc_render_turn(out, ss->s, u, &ss->o.style);
	}
	for (; ss->warned < w->n; ss->warned++)
		rc_buf_printf(out, "recoup: warning: %s\n", w->v[ss->warned].msg);
	report(ss);
}

void
rc_session_start(struct rc_session *ss, struct rc_buf *out)
{
	rc_render_header(out, ss->s, rc_engine_seed(ss->e), ss->o.trainee,
	    &ss->o.style);
	rc_engine_open(ss->e);
	flush(ss, out);
}

/* The collector turn just said: the last collector turn in the call. */
static int
last_collector_turn(const struct rc_transcript *t)
{
	size_t i = t->n;

	while (i > 0 && t->turns[i - 1].speaker != RC_SPEAKER_COLLECTOR)
		i--;
	return i > 0 ? t->turns[i - 1].number : 0;
}

static int
cites(const struct rc_result *r, int turn)
{
	size_t i;

	for (i = 0; i < r->nev; i++)
		if (r->ev[i].turn == turn)
			return 1;
	return 0;
}

/* Practice mode: a short note when the line just said met a practice for
 * the first time, or failed one by what it said. */
static void
live_notes(struct rc_session *ss, struct rc_buf *out)
{
	struct rc_scorecard *c = rc_session_score_now(ss);
	const struct rc_coaching *co;
	int turn;
	size_t i;

	if (c == NULL)
		return;
	co = &ss->o.rubric->coaching;
	turn = last_collector_turn(rc_engine_transcript(ss->e));
	for (i = 0; i < c->npractices; i++) {
		const struct rc_result *r = &c->practices[i];

		/* Only what this very line did: a practice met for the first
		 * time, or a fault committed now.  Practices not done yet are
		 * "missed" until the end of the call; that is no news. */
		/* What is judged over the whole call (1, 5-7) is no news
		 * while it lasts; keeping calm right after a provocation is. */
		if (rc_coaching_has(co->conduct, co->nconduct, r->def->number)) {
			if (r->status == RC_MET && (r->flags & RC_RESULT_HELD_CALM) &&
			    cites(r, turn) && !ss->calm_noted) {
				ss->calm_noted = 1;
				rc_buf_printf(out, "  (note: %s — met: %s)\n", r->def->title,
				    r->note);
			}
		} else if (r->status == RC_MET && ss->last[i] != RC_MET &&
		    cites(r, turn))
			rc_buf_printf(out, "  (note: %s — met)\n", r->def->title);
		else if (r->status == RC_MISSED && ss->last[i] != RC_MISSED &&
		    rc_coaching_has(co->faults, co->nfaults, r->def->number) &&
		    cites(r, turn))
			rc_buf_printf(out, "  (note: %s — missed%s%s)\n", r->def->title,
			    r->note ? ": " : "", r->note ? r->note : "");
		ss->last[i] = r->status;
	}
	/* A compliance breach by the line just said: once per rule, with
	 * the section it breaks. */
	for (i = 0; i < c->ncompliance && i < 64; i++) {
		const struct rc_comply_result *r = &c->compliance[i];

		if (r->status != RC_COMPLY_BREACHED || r->turn != turn ||
		    (ss->comply_noted >> i & 1u))
			continue;
		ss->comply_noted |= (uint64_t)1 << i;
		rc_buf_printf(out, "  (note: compliance%s — %s: %s)\n",
		    r->rule->critical ? ", critical" : "", r->note ? r->note :
		    r->rule->title, r->rule->section);
	}
	/* Terms agreed outside the creditor's policy: said once, at once. */
	if (c->outcome.nbreaches > 0 && !ss->policy_noted) {
		ss->policy_noted = 1;
		rc_buf_puts(out, "  (note: outside the creditor's policy — ");
		for (i = 0; i < (size_t)c->outcome.nbreaches; i++)
			rc_buf_printf(out, "%s%s", i ? "; " : "",
			    c->outcome.breaches[i].text);
		rc_buf_puts(out, ")\n");
	}
	rc_scorecard_free(c);
}

/* Practice mode: the tip of the practice that matters most now and is
 * not met yet.  The order follows a call: remind, get the facts right, find
 * the reason, let them propose, bargain patiently, close well.  Closing
 * practices wait for a deal; "every call is a negotiation" is judged on
 * the whole call, so it comes last. */
static void
hint(struct rc_session *ss, struct rc_buf *out)
{
	struct rc_scorecard *c = rc_session_score_now(ss);
	const struct rc_coaching *co;
	const struct rc_transcript *t = rc_engine_transcript(ss->e);
	size_t i, k;

	if (c == NULL) {
		rc_buf_puts(out, "(No hints: the rubric is not loaded.)\n");
		return;
	}
	co = &ss->o.rubric->coaching;
	for (k = 0; k < co->nhint; k++) {
		const struct rc_result *r = NULL;
		int closing;

		for (i = 0; i < c->npractices; i++)
			if (c->practices[i].def->number == co->hint_order[k])
				r = &c->practices[i];
		if (r == NULL || r->status == RC_MET || r->status == RC_NA)
			continue;
		/* A step done once begun (the reminder, given late) is not
		 * advised again: the hint is for what is still to do. */
		if (r->status == RC_PARTIAL &&
		    rc_coaching_has(co->once, co->nonce, r->def->number))
			continue;
		/* Closing practices wait for a deal; the rest wait for none,
		 * except those that matter at any time. */
		closing = rc_coaching_has(co->after_deal, co->nafter_deal,
		    r->def->number);
		if (closing ? !t->has_agreement : t->has_agreement &&
		    !rc_coaching_has(co->any_time, co->nany_time, r->def->number))
			continue;
		rc_buf_printf(out, "(Hint: %s. %s)\n", r->def->title, r->def->tip);
		rc_scorecard_free(c);
		return;
	}
	rc_buf_puts(out, "(Hint: you are on track. Keep the call moving toward a "
	    "concrete next step.)\n");
	rc_scorecard_free(c);
}

static const char *
skip_space(const char *p)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	return p;
}

#define FLOOR_USAGE "usage: /floor AMOUNT (the least in total, e.g. /floor " \
	"2500) or /floor AMOUNT now (the least paid today, e.g. /floor 800 now)"

/* 1 when W starts with a minus sign (ASCII, U+2212 or a dash), after a
 * currency sign if any: "-50", "$-50", "−50". */
static int
negative(const char *w)
{
	static const char *const signs[] = { "$", "€", "£", NULL };
	size_t k;

	for (k = 0; signs[k]; k++)
		if (strncmp(w, signs[k], strlen(signs[k])) == 0) {
			w += strlen(signs[k]);
			break;
		}
	return w[0] == '-' || strncmp(w, "−", 3) == 0 ||
	    strncmp(w, "–", 3) == 0;
}

/* One word of /floor's argument: an amount ("2500", "2500.50", "$2,500",
 * "2.5k") into *V (1), a kind ("now"/"today": *NOW = 1, "total": *NOW =
 * 0) (2), or neither (0).  A negative amount is -1.  The amount must be
 * the whole word: "50x", "2,50", "0x10", "1e5" and "inf" are not one. */
static int
floor_word(const char *w, double *v, int *now)
{
	struct rc_money m[2];
	size_t len = strlen(w);

	if (strcasecmp(w, "now") == 0 || strcasecmp(w, "today") == 0) {
		*now = 1;
		return 2;
	}
	if (strcasecmp(w, "total") == 0) {
		*now = 0;
		return 2;
	}
	if (negative(w))
		return -1;
	if (len > 0 && strspn(w, "0123456789.") == len && strchr(w, '.') ==
	    strrchr(w, '.') && strcmp(w, ".") != 0) {
		*v = strtod(w, NULL);
		return isfinite(*v) ? 1 : 0;
	}
	if (rc_amount_find(w, m, 2) == 1 && m[0].start == 0 && m[0].end == len &&
	    isfinite(m[0].value)) {
		*v = m[0].value;
		return 1;
	}
	return 0;
}

/* /floor AMOUNT [now|total] or /floor now|total AMOUNT: the trainee's
 * private minimum, in total (as before) or paid now.  A bad argument
 * changes nothing. */
static void
floor_command(struct rc_session *ss, const char *arg, struct rc_buf *out)
{
	char words[3][64], buf[64];
	double v = -1;
	int n = 0, k, amounts = 0, kinds = 0, now = 0;
	const char *p = arg;

	while (*p != '\0' && n < 3) {
		size_t len = strcspn(p, " \t");

		snprintf(words[n++], sizeof words[0], "%.*s", (int)(len < 63 ? len : 63), p);
		p = skip_space(p + len);
	}
	if (n == 0) {
		rc_buf_puts(out, "recoup: " FLOOR_USAGE "\n");
		return;
	}
	for (k = 0; k < n; k++) {
		switch (floor_word(words[k], &v, &now)) {
		case 1:
			amounts++;
			break;
		case 2:
			kinds++;
			break;
		case -1:
			rc_buf_printf(out, "recoup: /floor needs an amount above zero, "
			    "not '%s'; nothing changed (%s)\n", words[k], FLOOR_USAGE);
			return;
		default:
			rc_buf_printf(out, "recoup: /floor does not understand '%s'; "
			    "nothing changed (%s)\n", words[k], FLOOR_USAGE);
			return;
		}
	}
	if (*p != '\0' || amounts != 1 || kinds > 1) {
		rc_buf_printf(out, "recoup: /floor takes one amount and at most one "
		    "of 'now' or 'total', not '%s'; nothing changed (%s)\n", arg,
		    FLOOR_USAGE);
		return;
	}
	if (!(v > 0)) {
		rc_buf_printf(out, "recoup: /floor needs an amount above zero, not "
		    "'%s'; nothing changed (%s)\n", arg, FLOOR_USAGE);
		return;
	}
	rc_amount_format(v, ss->s->currency, buf, sizeof buf);
	/* A minimum above what is owed could never be met: a typo. */
	if (v > ss->s->balance) {
		char owed[64];

		rc_buf_printf(out, "recoup: /floor %s is more than the %s owed; "
		    "nothing changed\n", buf, rc_amount_format(ss->s->balance,
		    ss->s->currency, owed, sizeof owed));
		return;
	}
	rc_engine_floor(ss->e, v, now);
	if (now)
		rc_buf_printf(out, "(Your private minimum is %s paid now: the least "
		    "you will take today, whatever follows. The debtor does not see "
		    "it.)\n", buf);
	else
		rc_buf_printf(out, "(Your private minimum is %s in total: the least "
		    "you will settle for, now and later. The debtor does not see "
		    "it.)\n", buf);
}

/* 1 when the in-call command NAME takes no argument. */
static int
no_argument(const char *name)
{
	static const char *const bare[] = { "/help", "/case", "/research",
	    "/pause", "/hint", "/end", NULL };
	size_t k;

	for (k = 0; bare[k]; k++)
		if (strcmp(name, bare[k]) == 0)
			return 1;
	return 0;
}

static int
command(struct rc_session *ss, const char *line, struct rc_buf *out)
{
	const char *arg;
	size_t n = strcspn(line, " \t");
	char name[32];

	snprintf(name, sizeof name, "%.*s", (int)(n < 31 ? n : 31), line);
	arg = skip_space(line + n);
	if (ss->o.echo)
		rc_buf_printf(out, "> %s\n", line);
	if (*arg != '\0' && no_argument(name)) {
		/* "/end now", "/case x": refused whole, so a typo does nothing. */
		rc_buf_printf(out, "recoup: %s takes no argument, not '%s'; "
		    "nothing done\n", name, arg);
		return 0;
	}
	if (strcmp(name, "/help") == 0) {
		const char *const *h;

		for (h = command_help; *h; h++)
			rc_buf_printf(out, "  %s\n", *h);
	} else if (strcmp(name, "/case") == 0) {
		rc_engine_action(ss->e, "/case", "case-viewed");
		rc_render_case(out, ss->s, &ss->o.style);
	} else if (strcmp(name, "/research") == 0) {
		rc_engine_action(ss->e, "/research", "research-viewed");
		rc_render_research(out, ss->s, &ss->o.style);
	} else if (strcmp(name, "/floor") == 0) {
		floor_command(ss, arg, out);
	} else if (strcmp(name, "/note") == 0) {
		if (*arg == '\0') {
			rc_buf_puts(out, "recoup: usage: /note TEXT\n");
		} else {
			struct rc_buf t = RC_BUF_INIT;

			rc_buf_printf(&t, "/note %s", arg);
			rc_engine_action(ss->e, rc_buf_str(&t), "note");
			rc_buf_free(&t);
			rc_buf_puts(out, "(Noted.)\n");
		}
	} else if (strcmp(name, "/pause") == 0) {
		rc_buf_puts(out, "(You take a moment...)\n");
		rc_engine_pause(ss->e);
		flush(ss, out);
	} else if (strcmp(name, "/hint") == 0) {
		if (ss->o.mode == RC_MODE_ASSESSMENT)
			rc_buf_puts(out, "recoup: /hint is not available in assessment mode\n");
		else
			hint(ss, out);
	} else if (strcmp(name, "/why") == 0) {
		if (ss->o.mode == RC_MODE_ASSESSMENT)
			rc_buf_puts(out, "recoup: /why is not available in assessment mode\n");
		else if (strcmp(arg, "full") == 0)
			rc_engine_explain(ss->e, out);
		else if (*arg == '\0')
			rc_engine_explain_brief(ss->e, out);
		else
			rc_buf_printf(out, "recoup: /why takes nothing or 'full', not "
			    "'%s'\n", arg);
	} else if (strcmp(name, "/end") == 0) {
		return 1;
	} else {
		rc_buf_printf(out, "recoup: unknown command '%s'; /help lists the "
		    "commands\n", name);
	}
	return rc_engine_ended(ss->e);
}

int
rc_session_input(struct rc_session *ss, const char *line, struct rc_buf *out)
{
	struct rc_buf clean = RC_BUF_INIT;
	const char *p = skip_space(line);
	size_t n;
	int ended;

	if (rc_engine_ended(ss->e))
		return 1;
	/* What the trainee typed is stored, exported and put in JSON and
	 * HTML: it is made valid UTF-8 here, at the one entrance, and cut
	 * to RC_LINE_MAX (the callers refuse longer lines with their
	 * position; this is the backstop). */
	n = strlen(p);
	if (n > RC_LINE_MAX) {
		n = RC_LINE_MAX;
		while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
			n--;
	}
	rc_utf8_repair(&clean, p, n);
	n = clean.len;
	while (n > 0 && isspace((unsigned char)clean.data[n - 1]))
		clean.data[--n] = '\0';
	clean.len = n;
	if (n == 0) {
		rc_buf_free(&clean);
		return 0;
	}
	if (clean.data[0] == '/') {
		ended = command(ss, clean.data, out);
	} else {
		rc_engine_say(ss->e, clean.data);
		flush(ss, out);
		if (ss->o.mode == RC_MODE_PRACTICE)
			live_notes(ss, out);
		ended = rc_engine_ended(ss->e);
	}
	report(ss);
	rc_buf_free(&clean);
	return ended;
}

void
rc_session_finish(struct rc_session *ss, struct rc_buf *out)
{
	if (ss->finished)
		return;
	ss->finished = 1;
	rc_engine_finish(ss->e);
	flush(ss, out);
	rc_render_outcome(out, ss->s, rc_engine_transcript(ss->e), &ss->o.style);
	ss->card = rc_session_score_now(ss);
	if (ss->card != NULL)
		rc_render_scorecard(out, ss->card, ss->s->currency, &ss->o.style);
}
