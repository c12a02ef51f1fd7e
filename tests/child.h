/* child.h - the test programs' way to see an assert fire: run a function in a child
 * process (its stderr silenced) and say how the child ended. Include once per test
 * program, after check.h. */
#ifndef TESTS_CHILD_H
#define TESTS_CHILD_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* fn run in a child process, stderr to /dev/null: its wait status (a child that cannot
 * silence stderr exits with 3) */
static int child_status(void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr)) _exit(3);
        fn();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

/* Whether fn, run in a child process, dies of an assert (SIGABRT). */
static inline bool aborts(void (*fn)(void))
{
    int status = child_status(fn);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

/* Whether fn, run in a child process, returns (the child exits with status 0: no assert,
 * and no sanitizer's report in a sanitizer build). */
static inline bool returns(void (*fn)(void))
{
    int status = child_status(fn);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

#endif
