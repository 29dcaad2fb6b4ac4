/*
 * datadir.h - where recoup's data is found: the scenarios, the shared
 * lexicon (scenarios/lang) and the rubric (scoring).  The caller puts its
 * own directories first (--scenarios, $RECOUP_SCENARIOS, --rubric, ...);
 * these are the standard ones after them.
 */
#ifndef RC_DATADIR_H
#define RC_DATADIR_H

#include <stddef.h>

/* 1 when the running executable lies in the build tree it was compiled
 * in (the build directory or a directory directly below it: tests/),
 * 0 when it has been installed or copied elsewhere. */
int rc_datadir_in_build(void);

/* The standard directories for data subdirectory SUB ("scenarios",
 * "scoring", "scenarios/lang"), most important first.  From the build
 * tree: the source tree's SUB alone.  Installed: following the XDG base
 * directory spec, $XDG_DATA_HOME/recoup/SUB (default
 * ~/.local/share/recoup/SUB), then DIR/recoup/SUB for each DIR of
 * $XDG_DATA_DIRS (default /usr/local/share:/usr/share), then the install
 * prefix's share/recoup/SUB (fixed when recoup was built), then
 * share/recoup/SUB beside the executable's bin/ (a relocated tree).
 * Relative entries are ignored, as the spec says, and no directory is
 * named twice.  Whether each exists is for the caller to find out.
 * Returns a NULL-terminated list; free it with rc_datadir_free(). */
char **rc_datadir_path(const char *sub);
void rc_datadir_free(char **list);

/* "<the executable's directory>/../REL" in BUF (SIZE bytes), or NULL when
 * the executable cannot be found or the path does not fit. */
const char *rc_datadir_beside_exe(const char *rel, char *buf, size_t size);

/* A user file of recoup's under an XDG base directory: "$VAR/recoup/LEAF"
 * when environment variable VAR holds an absolute path (a relative one is
 * ignored, as the spec says), else "$HOME/FALLBACK/recoup/LEAF"
 * ("XDG_DATA_HOME", ".local/share", "recoup.db"); NULL without a HOME.
 * The caller frees it. */
char *rc_datadir_xdg(const char *var, const char *fallback, const char *leaf);

#endif
