/*
 * cmd-list.c - `recoup list`: the scenarios on the scenario path, one line
 * each (or a JSON array).  A scenario id found in two directories is listed
 * once, from the first; files that fail to load are reported and skipped.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "xmalloc.h"

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_scenario_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
	    !(n > 10 && strcmp(name + n - 10, ".plan.json") == 0);
}

static int
list_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "scenarios", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *const *dirs;
	const char *dir = NULL;
	struct rc_buf out = RC_BUF_INIT;
	char **seen = NULL;
	size_t nseen = 0, i;
	int json = 0, c, bad = 0, count = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 's': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_list, 0);
		default: return rc_cmd_usage(&rc_cmd_list, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("list takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_list, 1);
	}
	if (json)
		rc_buf_puts(&out, "[");
	else
		rc_buf_printf(&out, "%-24s %-10s %-12s %6s %6s  %s\n", "ID", "LEVEL",
		    "ARCHETYPE", "STATES", "RULES", "TITLE");
	for (dirs = rc_cmd_scenario_dirs(dir); *dirs; dirs++) {
		DIR *d = opendir(*dirs);
		struct dirent *ent;
		char **names = NULL;
		size_t nnames = 0;

		if (d == NULL)
			continue;
		while ((ent = readdir(d)) != NULL) {
			if (!is_scenario_file(ent->d_name))
				continue;
			names = rc_xreallocarray(names, nnames + 1, sizeof *names);
			names[nnames++] = rc_xstrdup(ent->d_name);
		}
		closedir(d);
		if (nnames)
			qsort(names, nnames, sizeof *names, by_name);
		for (i = 0; i < nnames; i++) {
			struct rc_err err = RC_ERR_INIT;
			struct rc_buf path = RC_BUF_INIT;
			struct rc_scenario *s;
			size_t k;

			rc_buf_printf(&path, "%s/%s", *dirs, names[i]);
			s = rc_scenario_load(rc_buf_str(&path), &err);
			if (s == NULL) {
				rc_cmd_print_err(&err);
				bad = 1;
			} else {
				for (k = 0; k < nseen && strcmp(seen[k], s->id); k++)
					;
				if (k == nseen) {
					seen = rc_xreallocarray(seen, nseen + 1, sizeof *seen);
					seen[nseen++] = rc_xstrdup(s->id);
					if (json) {
						rc_buf_puts(&out, count ? ",\n {\"id\": " : "\n {\"id\": ");
						rc_buf_json_string(&out, s->id);
						rc_buf_puts(&out, ", \"title\": ");
						rc_buf_json_string(&out, s->title);
						rc_buf_puts(&out, ", \"version\": ");
						rc_buf_json_string(&out, s->version);
						rc_buf_puts(&out, ", \"archetype\": ");
						rc_buf_json_string(&out, s->archetype);
						rc_buf_puts(&out, ", \"difficulty\": ");
						rc_buf_json_string(&out, s->difficulty);
						rc_buf_printf(&out, ", \"kind\": \"%s\", \"states\": %zu, "
						    "\"rules\": %zu, \"path\": ", s->kind, s->nstates,
						    rc_scenario_rule_count(s));
						rc_buf_json_string(&out, rc_buf_str(&path));
						rc_buf_puts(&out, "}");
					} else {
						rc_buf_printf(&out, "%-24s %-10s %-12s %6zu %6zu  %s\n",
						    s->id, s->difficulty, s->archetype, s->nstates,
						    rc_scenario_rule_count(s), s->title);
					}
					count++;
				}
				rc_scenario_free(s);
			}
			rc_err_clear(&err);
			rc_buf_free(&path);
			free(names[i]);
		}
		free(names);
	}
	if (json)
		rc_buf_puts(&out, count ? "\n]\n" : "]\n");
	else if (count == 0)
		rc_buf_puts(&out, "(no scenarios found)\n");
	fputs(rc_buf_str(&out), stdout);
	rc_buf_free(&out);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	return bad ? RC_EXIT_USAGE : RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_list = {
	.name = "list",
	.usage = "list [--json] [--scenarios DIR]",
	.summary = "list the scenarios: id, level, archetype, states, rules, title",
	.help =
	    "Options:\n"
	    "  --json             print a JSON array instead of a table\n"
	    "  --scenarios DIR    look in DIR first (also $RECOUP_SCENARIOS)\n",
	.exec = list_exec,
};
