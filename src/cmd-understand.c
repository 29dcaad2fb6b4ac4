/*
 * cmd-understand.c - `recoup understand`: what recoup reads from one line,
 * for authors and tests: the normal form, the intents (with the span and
 * how each was read), the amounts, the terms, and for a trainee's line the
 * rule of the scenario that would answer it in a given state, and why.
 * The JSON shape is documented in docs/understanding.md.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "buf.h"
#include "cmd.h"
#include "engine.h"
#include "terms.h"
#include "understand.h"

static const char *
path_name(enum rc_read_path p)
{
	switch (p) {
	case RC_READ_PATTERN: return "pattern";
	case RC_READ_FACTS: return "scenario";
	case RC_READ_SIMILAR: return "similar";
	case RC_READ_LIKENESS: return "likeness";
	}
	return "?";
}

/* A proposal as JSON: the terms in the one codec of terms.h (schedule,
 * total, balance_left, method, text), with the kind, the share and "the
 * rest" as said in front. */
static void
terms_json(const struct rc_proposal *p, const struct rc_scenario *s,
           struct rc_buf *b)
{
	struct rc_buf t = RC_BUF_INIT;

	if (p->kind == RC_PROP_NONE) {
		rc_buf_puts(b, "null");
		return;
	}
	rc_buf_printf(b, "{\"kind\": \"%s\", \"share\": %g, \"rest\": %s, ",
	    p->kind == RC_PROP_LUMP ? "lump" : "plan", p->share,
	    p->rest ? "true" : "false");
	rc_terms_json(&t, &p->terms, s->currency, s->date);
	rc_buf_puts(b, rc_buf_str(&t) + 1);   /* the codec's object, opened above */
	rc_buf_free(&t);
}

/* A proposal as a person restates it. */
static void
terms_text(const struct rc_proposal *p, const struct rc_scenario *s,
           struct rc_buf *b)
{
	char words[512];

	if (p->kind == RC_PROP_NONE)
		rc_buf_puts(b, "none");
	else if (p->terms.n == 0)
		rc_buf_printf(b, "%g%% of a balance not known", p->share * 100);
	else
		rc_buf_puts(b, rc_terms_say(&p->terms, s->currency, s->date, 1, words,
		    sizeof words));
}

static int
understand_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "speaker", required_argument, NULL, 'p' },
		{ "state", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "trace", no_argument, NULL, 't' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL, *state = NULL, *how = NULL;
	enum rc_side side = RC_SIDE_TRAINEE;
	int json = 0, trace = 0, c, st;
	struct rc_scenario *s;
	struct rc_engine *e = NULL;
	struct rc_reader *rd = NULL;
	struct rc_reading r = RC_READING_INIT;
	const struct rc_rule *rule = NULL;
	struct rc_buf out = RC_BUF_INIT, tr = RC_BUF_INIT;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (strcmp(optarg, "trainee") == 0)
				side = RC_SIDE_TRAINEE;
			else if (strcmp(optarg, "debtor") == 0)
				side = RC_SIDE_DEBTOR;
			else {
				rc_cmd_error("--speaker must be 'trainee' or 'debtor', not '%s'",
				    optarg);
				return rc_cmd_usage(&rc_cmd_understand, 1);
			}
			break;
		case 's': state = optarg; break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else {
				rc_cmd_error("--format must be 'text' or 'json', not '%s'", optarg);
				return rc_cmd_usage(&rc_cmd_understand, 1);
			}
			break;
		case 't': trace = 1; break;
		case 'd': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_understand, 0);
		default: return rc_cmd_usage(&rc_cmd_understand, 1);
		}
	}
	if (argc - optind != 2) {
		rc_cmd_error("understand needs a scenario and one line (quote the line)");
		return rc_cmd_usage(&rc_cmd_understand, 1);
	}
	if ((s = rc_cmd_load_scenario(argv[optind], dir)) == NULL)
		return RC_EXIT_USAGE;
	st = s->start;
	if (state != NULL && (st = rc_scenario_state(s, state)) < 0) {
		struct rc_buf names = RC_BUF_INIT;

		for (i = 0; i < s->nstates; i++)
			rc_buf_printf(&names, "%s%s", i ? ", " : "", s->states[i].name);
		rc_cmd_error("scenario '%s' has no state '%s' (it has: %s)", s->id,
		    state, rc_buf_str(&names));
		rc_buf_free(&names);
		rc_scenario_free(s);
		return RC_EXIT_USAGE;
	}
	if (side == RC_SIDE_TRAINEE) {
		e = rc_engine_new(s, 1);
		rc_engine_set_state(e, st);
		rule = rc_engine_choose(e, argv[optind + 1], &how, &tr, &r);
	} else {
		rd = rc_scenario_reader(s);
		rc_reader_read(rd, argv[optind + 1], RC_SIDE_DEBTOR, &r);
	}

	if (json) {
		rc_buf_puts(&out, "{\"line\": ");
		rc_buf_json_string(&out, argv[optind + 1]);
		rc_buf_puts(&out, ", \"speaker\": ");
		rc_buf_json_string(&out, side == RC_SIDE_TRAINEE ? "trainee" : "debtor");
		rc_buf_puts(&out, ", \"normalised\": ");
		rc_buf_json_string(&out, rc_buf_str(&r.norm));
		rc_buf_puts(&out, ", \"intents\": [");
		for (i = 0; i < r.nhits; i++) {
			rc_buf_printf(&out, "%s{\"id\": ", i ? ", " : "");
			rc_buf_json_string(&out, s->lex->intents[r.hits[i].intent].id);
			rc_buf_printf(&out, ", \"span\": [%zu, %zu], \"path\": \"%s\"}",
			    r.hits[i].start, r.hits[i].end, path_name(r.hits[i].path));
		}
		rc_buf_puts(&out, "], \"amounts\": [");
		for (i = 0; i < r.nmoney; i++)
			rc_buf_printf(&out, "%s{\"value\": %.2f, \"span\": [%zu, %zu]}",
			    i ? ", " : "", r.money[i].value, r.money[i].start, r.money[i].end);
		rc_buf_puts(&out, "], \"terms\": ");
		terms_json(&r.prop, s, &out);
		rc_buf_printf(&out, ", \"similarity\": %.3f", r.similarity);
		if (side == RC_SIDE_TRAINEE) {
			rc_buf_puts(&out, ", \"state\": ");
			rc_buf_json_string(&out, s->states[st].name);
			rc_buf_puts(&out, ", \"rule\": ");
			if (rule)
				rc_buf_json_string(&out, rule->id);
			else
				rc_buf_puts(&out, "null");
			rc_buf_puts(&out, ", \"decided_by\": ");
			rc_buf_json_string(&out, how);
			if (trace) {
				rc_buf_puts(&out, ", \"trace\": ");
				rc_buf_json_string(&out, rc_buf_str(&tr));
			}
		} else {
			rc_buf_puts(&out, ", \"rule\": null");
		}
		rc_buf_puts(&out, "}\n");
	} else {
		rc_buf_printf(&out, "line:        %s\n", argv[optind + 1]);
		if (r.changes > 0)
			rc_buf_printf(&out, "normalised:  %s\n", rc_buf_str(&r.norm));
		rc_buf_puts(&out, "intents:    ");
		if (r.nhits == 0)
			rc_buf_puts(&out, " none");
		for (i = 0; i < r.nhits; i++) {
			const struct rc_hit *h = &r.hits[i];

			rc_buf_printf(&out, "%s %s", i ? "," : "",
			    s->lex->intents[h->intent].id);
			if (h->path == RC_READ_SIMILAR)
				rc_buf_printf(&out, " (like its examples: %.2f)", r.similarity);
			else if (h->path == RC_READ_LIKENESS)
				rc_buf_puts(&out, " (like lines that carry it)");
			else if (h->path == RC_READ_FACTS && h->start == 0 &&
			    h->end >= strlen(rc_buf_str(&r.norm)))
				rc_buf_puts(&out, " (scenario)");
			else
				rc_buf_printf(&out, " \"%.*s\"%s", (int)(h->end - h->start),
				    rc_buf_str(&r.norm) + h->start,
				    h->path == RC_READ_FACTS ? " (scenario)" : "");
		}
		rc_buf_puts(&out, "\namounts:    ");
		if (r.nmoney == 0)
			rc_buf_puts(&out, " none");
		for (i = 0; i < r.nmoney; i++) {
			char m[64];

			rc_buf_printf(&out, "%s %s", i ? "," : "", rc_amount_format(
			    r.money[i].value, s->currency, m, sizeof m));
		}
		rc_buf_puts(&out, "\nterms:       ");
		terms_text(&r.prop, s, &out);
		rc_buf_putc(&out, '\n');
		if (side == RC_SIDE_TRAINEE) {
			rc_buf_printf(&out, "state:       %s\n", s->states[st].name);
			if (rule)
				rc_buf_printf(&out, "rule:        %s%s\n", rule->id,
				    rule->base ? " (shared base)" : "");
			else if (strcmp(how, "bargain") == 0)
				rc_buf_puts(&out, "rule:        none: the bargain model answers the terms\n");
			else
				rc_buf_puts(&out, "rule:        none: the state's fallback answers\n");
			if (trace)
				rc_buf_printf(&out, "trace:\n%s", rc_buf_str(&tr));
		}
	}
	rc_cmd_write(stdout, rc_buf_str(&out));
	rc_buf_free(&out);
	rc_buf_free(&tr);
	rc_reading_free(&r);
	rc_engine_free(e);
	rc_reader_free(rd);
	rc_scenario_free(s);
	return fflush(stdout) == 0 ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_understand = {
	.name = "understand",
	.usage = "understand SCENARIO LINE [--speaker trainee|debtor] [--state S] "
	    "[--format text|json] [--trace]",
	.summary = "show what recoup reads from one line, and which rule answers it",
	.help =
	    "Reads LINE as SCENARIO's call would: the line made regular\n"
	    "(contractions, texting forms, spelling), the intents found in it\n"
	    "(with the words that decided each, or 'like its examples' when only\n"
	    "the second chance found it), the amounts and payment terms, and for\n"
	    "a trainee's line the rule that would answer it in state S (the\n"
	    "scenario's start state by default).  See docs/understanding.md.\n\n"
	    "Options:\n"
	    "  --speaker WHO      trainee (default) or debtor: whose line it is\n"
	    "  --state S          the state the call is in\n"
	    "  --format F         text (default) or json\n"
	    "  --trace            every rule tried and why it did not fire\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n",
	.exec = understand_exec,
};
