/*
 * fuzz_lexicon.c - libFuzzer target for the lexicon files
 * (scenarios/lang/intents.json and normalise.json, docs/understanding.md):
 * any bytes are written into a private directory as the lexicon's
 * intents.json (beside the shipped normalise.json) when they name
 * "intents", else as its normalise.json (beside a small fixed
 * intents.json); the directory is loaded as a lexicon and, when it loads,
 * a few lines are read with it on both sides.  Build with -DRECOUP_FUZZ=ON
 * (clang); seed corpus in fuzz/corpus/lexicon.
 */
#include "fuzzkit.h"

#include "file.h"
#include "lexicon.h"
#include "understand.h"

/* Three intents of the shipped lexicon. */
static const char intents[] =
    "{\"version\": \"1\", \"intents\": [{\"id\": \"shouting\", \"speaker\""
    ": \"trainee\", \"description\": \"The line is typed mostly in capita"
    "l letters: shouting. Invoice ids and short words such as 'I' or 'OK'"
    " do not count.\", \"also\": \"shouting\", \"examples\": [\"PAY THE B"
    "ILL NOW\", \"WHY HAVEN'T YOU PAID YOUR BILLS? IT'S BEEN A MONTH.\"],"
    " \"counter_examples\": [\"Invoices INV-2291 and INV-2307 are open.\""
    ", \"I called the USA office at 9 AM, OK?\"]}, {\"id\": \"payment-tal"
    "k\", \"speaker\": \"trainee\", \"description\": \"The collector talk"
    "s about paying or money at all: asks for a payment, asks whether or "
    "when the debtor will pay or settle, or names a sum of money. Broader"
    " than ask-offer or propose: a debtor who bristles at any money talk "
    "before being heard answers this.\", \"negatable\": false, \"likeness"
    "\": false, \"mark\": true, \"patterns\": [\"\\\\b(?:pay|paying|payme"
    "nt|payments|settle|money)\\\\b\", \"\\\\$\\\\d[\\\\d,]*(?:\\\\.\\\\d"
    "\\\\d)?\"], \"examples\": [\"When are you going to pay us?\", \"We n"
    "eed a payment from you\", \"I need you to settle up with us\", \"Can"
    " you do $500 today?\", \"It's about the money you owe us\"], \"count"
    "er_examples\": [\"Hi, it's Sam from Harbor Supplies\", \"What happen"
    "ed in August?\", \"I'm sorry to hear that\", \"Who am I speaking wit"
    "h?\", \"We paid the driver's overtime ourselves\"]}, {\"id\": \"ques"
    "tion\", \"speaker\": \"trainee\", \"description\": \"The line is put"
    " as a question: it ends with a question mark. A rule reads it to tel"
    "l a check such as 'deal?' or 'so that works for you?' from agreeing "
    "('deal', 'that works for me'); a question earlier in the line with a"
    " statement after it does not count.\", \"negatable\": false, \"liken"
    "ess\": false, \"mark\": true, \"patterns\": [\"\\\\?\\\\s*$\"], \"ex"
    "amples\": [\"Okay, deal?\", \"So that works for you?\", \"Agreed, th"
    "en?\", \"How much could you manage today?\"], \"counter_examples\": "
    "[\"Okay, deal.\", \"That works for me\", \"Can you do Friday? Great,"
    " let's go with that.\", \"Agreed\"]}]}";

static char *normalise, *dir;
static size_t nnormalise;

static void
drop(void)
{
	free(normalise);
	free(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct rc_err err = RC_ERR_INIT;

	(void)argc;
	(void)argv;
	fuzz_setup();
	fuzz_warm_up();      /* opens the spelling dictionary, shared */
	normalise = rc_file_read(RECOUP_SOURCE_SCENARIOS "/lang/normalise.json",
	    &nnormalise, &err);
	if (normalise == NULL)
		abort();
	dir = fuzz_write("intents.json", "", 0);
	*strrchr(dir, '/') = '\0';
	atexit(drop);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const lines[] = {
		"hi, can u pay $500 2day?", "I CAN'T PAY THAT", "we don't have the money",
		"ok", "",
	};
	struct rc_err err = RC_ERR_INIT;
	struct rc_lexicon *lx;
	char *text = fuzz_text(data, size);
	size_t i;

	if (strstr(text, "\"intents\"") != NULL) {
		free(fuzz_write("intents.json", data, size));
		free(fuzz_write("normalise.json", normalise, nnormalise));
	} else {
		free(fuzz_write("intents.json", intents, sizeof intents - 1));
		free(fuzz_write("normalise.json", data, size));
	}
	lx = rc_lexicon_load(dir, &err);
	if (lx != NULL) {
		struct rc_reader *rd = rc_reader_new(lx);

		for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
			struct rc_reading r = RC_READING_INIT;

			rc_reader_read(rd, lines[i], i & 1 ? RC_SIDE_DEBTOR :
			    RC_SIDE_TRAINEE, &r);
			rc_reading_free(&r);
		}
		rc_reader_free(rd);
		rc_lexicon_free(lx);
	}
	rc_err_clear(&err);
	free(text);
	return 0;
}
