package dev.reason4j.exec;

/** Which isolation a pool uses. */
public enum SandboxMode {
    /** Bubblewrap when it is installed and works here, otherwise {@link #PROCESS} (said in the start-up log). */
    AUTO,
    /** Require bubblewrap ({@code bwrap}): file-system view, pid namespace; fail at start-up when unusable. */
    BUBBLEWRAP,
    /** Forked children with rlimits, seccomp, a network namespace and an audit hook; no file-system isolation. */
    PROCESS
}
