/*
 * test_engine.c - the dialogue engine on tests/data/tiny.json: rule order,
 * conditions, captures, cycling replies, the bargain model wired to the
 * replies, research leverage, patience and hang-up, the turn limit, pause,
 * determinism for a seed, and the JSON transcript.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "engine.h"
#include "harness.h"
#include "render.h"

static struct rc_scenario *
load(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s = rc_scenario_load(RECOUP_TEST_DATA "/data/tiny.json", &err);
	size_t i;

	for (i = 0; i < err.n; i++)
		fprintf(stderr, "%s\n", err.v[i].msg);
	rc_err_clear(&err);
	return s;
}

/* Says LINE and returns the debtor's first reply text. */
static const char *
say(struct rc_engine *e, const char *line)
{
	const struct rc_turn *u = rc_engine_say(e, line);

	return u ? u->text : "(ended)";
}

static const struct rc_turn *
last(struct rc_engine *e)
{
	const struct rc_transcript *t = rc_engine_transcript(e);

	return &t->turns[t->n - 1];
}

static char *
play_json(const struct rc_scenario *s, uint64_t seed, const char *const *lines)
{
	struct rc_engine *e = rc_engine_new(s, seed);
	struct rc_buf b = RC_BUF_INIT;

	rc_engine_open(e);
	for (; *lines; lines++)
		rc_engine_say(e, *lines);
	rc_engine_finish(e);
	rc_render_json(&b, s, seed, "tester", rc_engine_transcript(e), NULL);
	rc_engine_free(e);
	return rc_buf_detach(&b);
}

/* Setting up a situation (what lint does for rule examples), trying a rule
 * without changing the call, and /why's explanation. */
static void
situation(const struct rc_scenario *s)
{
	struct rc_engine *e = rc_engine_new(s, 5);
	struct rc_buf why = RC_BUF_INIT, ex = RC_BUF_INIT;
	const struct rc_rule *take = &s->states[1].rules[1];
	const struct rc_rule *hi = &s->states[0].rules[0];
	int greeted = rc_scenario_var(s, "greeted");

	rc_engine_open(e);
	RC_CHECK(rc_engine_rule(e) == NULL);
	/* "hi" fires in its own state; trying changes nothing. */
	RC_CHECK_INT(rc_engine_try(e, hi, "hello there", &why), 1);
	RC_CHECK_INT(rc_engine_try(e, hi, "good morning", &why), 0);
	RC_CHECK_STR(rc_buf_str(&why), "no pattern matched");
	RC_CHECK_STR(rc_engine_state(e), "hello");
	RC_CHECK_INT(rc_engine_transcript(e)->n, 1);
	/* Moved to "talk", "take" needs a standing offer. */
	rc_engine_set_state(e, 1);
	rc_engine_set_state(e, 99);
	RC_CHECK_STR(rc_engine_state(e), "talk");
	rc_buf_reset(&why);
	RC_CHECK_INT(rc_engine_try(e, take, "ok deal", &why), 0);
	RC_CHECK_STR(rc_buf_str(&why), "no standing offer to take");
	rc_engine_set_offer(e);
	RC_CHECK_NUM(rc_engine_var(e, "offers"), 1);
	RC_CHECK_INT(rc_engine_try(e, take, "ok deal", NULL), 1);
	/* A proposal in the line is named when it stops a rule. */
	rc_engine_set_var(e, greeted, 1);
	RC_CHECK_NUM(rc_engine_var_at(e, greeted), 1);
	RC_CHECK_NUM(rc_engine_var_at(e, -1), 0);
	rc_engine_say(e, "ok deal");
	RC_CHECK(rc_engine_rule(e) == take);
	RC_CHECK_STR(rc_engine_state(e), "done");
	rc_engine_explain(e, &ex);
	RC_CHECK(strstr(rc_buf_str(&ex), "fired take") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "/\\b(ok|deal)\\b/ matched") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "next  state 'done'") != NULL);
	/* The short /why: the rule and the state the line was said in (not
	 * the state it led to), without the rules tried. */
	rc_buf_reset(&ex);
	rc_engine_explain_brief(e, &ex);
	RC_CHECK(strstr(rc_buf_str(&ex), "Answered by rule 'take', in state 'talk'") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "Read as:") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "  tried ") == NULL);
	rc_buf_reset(&ex);
	rc_engine_explain(e, &ex);
	/* A failed condition names the variable, its value and the test. */
	rc_engine_set_prev(e, NULL);
	rc_engine_set_state(e, 0);
	rc_engine_say(e, "you stupid fool");
	RC_CHECK(rc_engine_rule(e) == &s->global[0]);
	rc_buf_reset(&ex);
	rc_engine_explain(e, &ex);
	RC_CHECK(strstr(rc_buf_str(&ex), "set   patience -3 (now 0)") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "events hostility") != NULL);
	RC_CHECK(strstr(rc_buf_str(&ex), "patience is used up") != NULL);
	rc_engine_free(e);
	rc_buf_free(&why);
	rc_buf_free(&ex);
}

int
main(void)
{
	static const char *const lines[] = { "hello", "what can you pay?",
	    "Could you do $500 today?", "I saw your new boat", "$450 today then?",
	    "bye", NULL };
	struct rc_scenario *s = load();
	struct rc_engine *e;
	const struct rc_transcript *t;
	const struct rc_event *ev;
	char *a, *b;
	const char *r1, *r2, *r3;
	cJSON *root;
	int i, repeats;

	RC_CHECK(s != NULL);
	if (s == NULL)
		return RC_TEST_DONE();
	RC_CHECK_INT(s->nstates, 4);
	RC_CHECK_INT(rc_scenario_rule_count(s), 7);
	RC_CHECK_STR(s->first_name, "Tess");

	/* Opening, then a state rule moves on; the fallback of the new state
	 * answers what no rule matches. */
	e = rc_engine_new(s, 7);
	RC_CHECK_STR(rc_engine_open(e)->text, "Hello?");
	RC_CHECK(rc_engine_open(e) == NULL);
	RC_CHECK_STR(say(e, "anyone there"), "What?");
	RC_CHECK_STR(rc_engine_state(e), "hello");
	r1 = say(e, "Hello, Tess");
	RC_CHECK(strcmp(r1, "Hi, who is it?") == 0 || strcmp(r1, "Yes, hi?") == 0 ||
	    strcmp(r1, "Hello to you.") == 0);
	RC_CHECK_STR(rc_engine_state(e), "talk");
	RC_CHECK_NUM(rc_engine_var(e, "greeted"), 1);
	/* Named capture in a reply. */
	RC_CHECK_STR(say(e, "my name is Robin"), "Hi Robin.");
	/* The fallback cycles through its three variants before repeating. */
	r1 = say(e, "nice weather");
	r2 = say(e, "nice weather");
	r3 = say(e, "nice weather");
	RC_CHECK(strcmp(r1, r2) != 0 && strcmp(r2, r3) != 0 && strcmp(r1, r3) != 0);
	for (repeats = 0, i = 0; i < 20; i++) {
		r2 = say(e, "nice weather");
		repeats += strcmp(r1, r2) == 0;
		r1 = r2;
	}
	RC_CHECK_INT(repeats, 0);   /* never the same line twice in a row */
	/* "ok" with no standing offer does not take anything. */
	RC_CHECK(strcmp(say(e, "ok"), "Great, $300 today it is.") != 0);
	/* The debtor's offer, then a counter, then research leverage. */
	RC_CHECK_STR(say(e, "what can you pay?"), "I could do $300.");
	ev = rc_turn_find(last(e), "debtor-offer");
	RC_CHECK(ev != NULL && ev->has_terms && rc_terms_first(&ev->terms, NULL) == 30000);
	r1 = say(e, "Could you do $500 today?");
	RC_CHECK(strstr(r1, "$390") != NULL);   /* round 1: w = .3 */
	RC_CHECK_STR(last(e)->rule, "bargain:counter");
	say(e, "I saw your new boat on the marina page");
	t = rc_engine_transcript(e);
	ev = rc_turn_find(&t->turns[t->n - 2], "research-used");
	RC_CHECK(ev != NULL && ev->detail && strcmp(ev->detail, "boat") == 0);
	RC_CHECK_NUM(rc_engine_var(e, "leverage"), 1);
	say(e, "the boat again");           /* the same fact counts once */
	RC_CHECK_NUM(rc_engine_var(e, "leverage"), 1);
	/* round 2 with leverage: w = .6 + .25 = .85 -> 300 + 255 = 550 */
	RC_CHECK(strstr(say(e, "Can you pay $600 today?"), "$550.") != NULL);
	RC_CHECK_STR(say(e, "$550 today then"), "Fine, $550 today.");
	RC_CHECK_STR(rc_engine_state(e), "done");
	t = rc_engine_transcript(e);
	RC_CHECK_INT(t->has_agreement, 1);
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 55000);
	RC_CHECK_INT(rc_terms_count(&t->agreement), 1);
	RC_CHECK(rc_turn_find(last(e), "agreement") != NULL);
	RC_CHECK_STR(say(e, "bye now"), "Bye.");
	RC_CHECK_INT(rc_engine_ended(e), 1);
	RC_CHECK_INT(t->ended_by, RC_ENDED_AGREEMENT);
	RC_CHECK(rc_engine_say(e, "hello?") == NULL);
	rc_engine_free(e);

	/* Taking the standing offer makes it the agreement. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	say(e, "hello");
	say(e, "what can you pay?");
	RC_CHECK_STR(say(e, "ok, deal"), "Great, $300 today it is.");
	RC_CHECK_INT(rc_terms_first(&rc_engine_transcript(e)->agreement, NULL),
	    30000);
	rc_engine_free(e);

	/* A booked deal: disputed at once it is open again; changed later,
	 * the debtor keeps to it unless the change asks less of it. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	say(e, "hello");
	say(e, "what can you pay?");
	RC_CHECK_STR(say(e, "ok, deal"), "Great, $300 today it is.");
	t = rc_engine_transcript(e);
	RC_CHECK_STR(say(e, "sorry, I meant $320 today"),
	    "Oh, I wrote that down wrong. Fine, $320 today.");
	RC_CHECK(rc_turn_find(&t->turns[t->n - 2], "agreement-reopened") != NULL);
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 32000);
	say(e, "thanks");
	/* Asking more later: refused, the deal stands. */
	RC_CHECK_STR(say(e, "can you pay $600 today instead?"), "No, we said $320 today.");
	RC_CHECK_STR(last(e)->rule, "bargain:renegotiate");
	RC_CHECK(rc_turn_find(last(e), "renegotiation-refused") != NULL);
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 32000);
	/* Asking less: taken and restated. */
	RC_CHECK_STR(say(e, "make it $250 today then"), "Fine, $250 today.");
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 25000);
	/* "no wait" with no new figure: open again, the booked terms stand
	 * as the debtor's offer, and taking them books them again. */
	RC_CHECK_STR(say(e, "no wait"), "Oh, I wrote that down wrong.");
	RC_CHECK_INT(t->has_agreement, 0);
	RC_CHECK_STR(rc_engine_state(e), "talk");
	RC_CHECK_STR(say(e, "ok, deal"), "Great, $250 today it is.");
	RC_CHECK_INT(t->has_agreement, 1);
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 25000);
	rc_engine_free(e);

	/* A charge of the case waived by name comes off the debt once: "the
	 * rest" is then what is left. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	say(e, "hello");
	RC_CHECK_STR(say(e, "is there a fee?"), "What fee?");
	RC_CHECK_NUM(rc_engine_var(e, "credited"), 0);
	/* A reply's "when" sees the credit (the line is answered after
	 * it is taken off); the charge's "set" acts after the answer. */
	RC_CHECK_STR(say(e, "ok, we will waive the late fee"),
	    "Oh good, so $950 now.");
	RC_CHECK_NUM(rc_engine_var(e, "credited"), 50);
	RC_CHECK_NUM(rc_engine_var(e, "fee_waived"), 1);
	t = rc_engine_transcript(e);
	ev = rc_turn_find(&t->turns[t->n - 2], "adjustment");
	RC_CHECK(ev != NULL && ev->has_amount && ev->detail != NULL);
	if (ev != NULL && ev->detail != NULL) {
		RC_CHECK_NUM(ev->amount, 50);
		RC_CHECK_STR(ev->detail, "late-fee");
	}
	say(e, "could you pay the rest today?");
	ev = rc_turn_find(&t->turns[t->n - 2], "proposal");
	RC_CHECK(ev != NULL && ev->has_amount);
	if (ev != NULL)
		RC_CHECK_NUM(ev->amount, 950);
	RC_CHECK_STR(say(e, "as I said, the late fee is waived"), "You said.");
	RC_CHECK(rc_turn_find(&t->turns[t->n - 2], "adjustment") == NULL);
	RC_CHECK_NUM(rc_engine_var(e, "credited"), 50);
	/* The same charge credited again at another amount: it replaces
	 * the credit before, it does not add to it. */
	say(e, "sorry, I can only credit $30 for the late fee");
	RC_CHECK_NUM(rc_engine_var(e, "credited"), 30);
	RC_CHECK_NUM(rc_transcript_credited(t), 30);
	rc_engine_free(e);

	/* Terms for the rest of what the debtor offered add to it: the
	 * proposal is the whole, the offer's payment first. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	say(e, "hello");
	RC_CHECK_STR(say(e, "what can you pay?"), "I could do $300.");
	say(e, "and the rest on the 1st?");
	t = rc_engine_transcript(e);
	ev = rc_turn_find(&t->turns[t->n - 2], "proposal");
	RC_CHECK(ev != NULL && ev->has_amount);
	if (ev != NULL)
		RC_CHECK_NUM(ev->amount, 300);
	say(e, "ok deal");
	RC_CHECK_INT(t->has_agreement, 1);
	RC_CHECK_INT(rc_terms_first(&t->agreement, NULL), 30000);
	RC_CHECK_INT(t->agreement.total, 100000);
	rc_engine_free(e);
	/* A booked part payment: terms for exactly what it leaves open
	 * bargain over the whole; countered, the booked part still stands. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	say(e, "hello");
	RC_CHECK_STR(say(e, "could you pay $400 in four months?"),
	    "Fine, $400 on February 28.");
	t = rc_engine_transcript(e);
	RC_CHECK_INT(t->agreement.total, 40000);
	say(e, "thanks");
	say(e, "and $600 today as well?");
	RC_CHECK_STR(last(e)->rule, "bargain:counter_plan");
	RC_CHECK_INT(t->has_agreement, 1);
	RC_CHECK_INT(t->agreement.total, 40000);
	/* One payment of a booked payment's amount moves that payment:
	 * sooner asks more and is refused, later is taken. */
	RC_CHECK_STR(say(e, "could the $400 be paid next week instead?"),
	    "No, we said $400 on February 28.");
	say(e, "could the $400 be paid in five months instead?");
	RC_CHECK_INT(t->has_agreement, 1);
	RC_CHECK_INT(rc_terms_count(&t->agreement), 1);
	{
		int32_t day;

		RC_CHECK_INT(rc_terms_first(&t->agreement, &day), 40000);
		RC_CHECK(day > rc_date_from_ymd(2027, 3, 1));
	}
	rc_engine_free(e);

	/* Insults drain patience (3): the debtor hangs up after the reply. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	RC_CHECK_STR(say(e, "you idiot"), "Rude!");
	RC_CHECK_STR(last(e)->text, "I'm hanging up.");
	RC_CHECK(rc_turn_find(last(e), "hang-up") != NULL);
	RC_CHECK_INT(rc_engine_transcript(e)->ended_by, RC_ENDED_HANGUP);
	RC_CHECK_INT(rc_engine_ended(e), 1);
	rc_engine_free(e);

	/* The pause gets its own replies and is recorded as an action. */
	e = rc_engine_new(s, 1);
	rc_engine_open(e);
	RC_CHECK(rc_engine_pause(e) != NULL);
	t = rc_engine_transcript(e);
	RC_CHECK_INT(t->turns[1].speaker, RC_SPEAKER_ACTION);
	RC_CHECK(rc_turn_find(&t->turns[1], "pause") != NULL);
	rc_engine_floor(e, 700, 0);
	RC_CHECK_INT(t->has_floor, 1);
	RC_CHECK_NUM(t->floor, 700);
	/* The turn limit (40 by default) ends the call. */
	for (i = 0; i < 45 && !rc_engine_ended(e); i++)
		say(e, "hmm");
	RC_CHECK_INT(i, 40);
	RC_CHECK_INT(t->ended_by, RC_ENDED_TURN_LIMIT);
	rc_engine_free(e);

	/* Same seed, same call; the JSON parses and says what happened. */
	a = play_json(s, 99, lines);
	b = play_json(s, 99, lines);
	RC_CHECK_STR(a, b);
	root = cJSON_Parse(a);
	RC_CHECK(root != NULL);
	if (root) {
		cJSON *o = cJSON_GetObjectItem(root, "outcome");
		cJSON *turns = cJSON_GetObjectItem(root, "turns");

		RC_CHECK_INT(cJSON_GetObjectItem(root, "seed")->valuedouble, 99);
		RC_CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "scenario"),
		    "id")->valuestring, "tiny");
		RC_CHECK_STR(cJSON_GetObjectItem(o, "ended_by")->valuestring, "agreement");
		RC_CHECK(cJSON_IsObject(cJSON_GetObjectItem(o, "agreement")));
		RC_CHECK_INT(cJSON_GetArraySize(turns), 13);
		cJSON_Delete(root);
	}
	free(a);
	free(b);

	situation(s);
	rc_scenario_free(s);
	rc_scenario_free(NULL);
	rc_engine_free(NULL);
	return RC_TEST_DONE();
}
