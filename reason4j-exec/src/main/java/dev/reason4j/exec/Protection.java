package dev.reason4j.exec;

/** One layer of the sandbox; {@link SandboxReport} lists which are active on this machine. */
public enum Protection {
    WALL_CLOCK_LIMIT("wall-clock timeout (the call's process group is killed)"),
    CPU_TIME_LIMIT("CPU-time limit (rlimit)"),
    MEMORY_LIMIT("address-space limit (rlimit)"),
    OUTPUT_LIMIT("output cut to head and tail"),
    FILE_SIZE_LIMIT("file-size limit (rlimit)"),
    AUDIT_HOOK("audit hook refusing process creation, sockets, ctypes, signals to other processes and file "
            + "access outside the scratch directory and the interpreter's files (a tripwire, not a wall)"),
    SECCOMP_FILTER("seccomp filter: the kernel refuses execve, non-local sockets, new namespaces, mount, ptrace"),
    NETWORK_NAMESPACE("empty network namespace"),
    CAPABILITIES_DROPPED("all Linux capabilities dropped"),
    ORPHAN_REAPING("processes left behind by a call are adopted and killed"),
    FILESYSTEM_ISOLATION("bubblewrap file-system view: read-only system and interpreter files only; home, /tmp "
            + "and other private files invisible; writes only to a private size-limited tmpfs per worker"),
    PID_NAMESPACE("bubblewrap pid namespace: calls see and signal only their own worker's processes");

    private final String description;

    Protection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
