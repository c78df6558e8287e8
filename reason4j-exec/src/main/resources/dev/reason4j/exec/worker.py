# reason4j-exec worker: runs untrusted Python snippets for dev.reason4j.exec.PythonWorkerPool.
#
# Process tree (one per worker, all inside bubblewrap when it is available):
#   worker      trusted; reads JSON requests from the JVM, never runs snippet code, reaps every descendant
#   └─ call     one forked process per call: session leader, rlimits, audit hook, runs the snippet, reports back
#      snapshot a call that finished ok and was asked to keep its state stays alive; a later step of the same
#               trajectory is forked from it (copy-on-write), so steps 1..k-1 are not re-run for step k.
# The worker enforces the wall-clock limit by killing the call's process group; the JVM kills the whole worker
# if the worker itself stops answering. Snippet output goes to a shared memory ring (head + tail), so a call that
# is killed still reports what it printed.
#
# Protocol: one JSON object per line. JVM -> worker: a request; worker -> JVM: {"ready": ...} once, then one
# response per request. Worker <-> call: a socketpair per call; the call sends {"pid": n}, reads the request,
# and sends its result.
import builtins
import errno
import gc
import json
import mmap
import os
import random
import resource
import select
import shutil
import signal
import socket
import _socket
import struct
import sys
import time
import types

_CONFIG = json.loads(sys.argv[1])
_CWD = _CONFIG["cwd"]
_SNAPSHOT_DIR = _CONFIG["snapshot_dir"]
_OUTPUT_CAPACITY = int(_CONFIG["output_capacity"])
_MAX_SNAPSHOTS = int(_CONFIG["max_snapshots"])
_FILE_SIZE_LIMIT = int(_CONFIG["file_size_limit"])
_ALLOWED_MODULES = frozenset(_CONFIG["allowed_modules"]) if _CONFIG["allowed_modules"] is not None else None
_MAX_MESSAGE_CHARS = 2000
_MAX_LINE_BYTES = 64 << 20
_exit = os._exit  # bound early: a snippet replacing os._exit must not keep its process alive
_SUBREAPER = False  # set when calls forked from snapshots are re-parented to (and reaped by) the worker

# ---------------------------------------------------------------------------------------------- protocol fds
# The JVM talks on fds 0/1. Move them out of the way so nothing else (a stray print, a snippet writing to fd 1)
# can corrupt the protocol; children close these copies.
_PROTO_IN = os.dup(0)
_PROTO_OUT = os.dup(1)
_DEVNULL = os.open(os.devnull, os.O_RDWR)
os.dup2(_DEVNULL, 0)
os.dup2(2, 1)
sys.path[:] = [p for p in sys.path if p not in ("", ".")]


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _send(fd, obj):
    _write_all(fd, (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii"))


class _LineReader:
    """Reads newline-terminated JSON messages from a raw fd (no file objects: children must not inherit them)."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = bytearray()

    def ready(self):
        return b"\n" in self.buffer

    def fill(self):
        """Reads more; False at end of stream or when a line grows past any legitimate size."""
        chunk = os.read(self.fd, 65536)
        self.buffer += chunk
        return bool(chunk) and len(self.buffer) <= _MAX_LINE_BYTES

    def take(self):
        """The next message, or None for a line that is not a JSON object (a call may write anything)."""
        end = self.buffer.index(b"\n")
        line = bytes(self.buffer[:end])
        del self.buffer[:end + 1]
        try:
            message = json.loads(line)
        except ValueError:
            return None
        return message if isinstance(message, dict) else None

    def read_blocking(self):
        while not self.ready():
            if not self.fill():
                return None
        return self.take()


# ------------------------------------------------------------------------------------- kernel-level hardening
def _libc():
    try:
        import ctypes
        return ctypes, ctypes.CDLL(None, use_errno=True)
    except Exception:  # no ctypes: the kernel-level layers are reported as inactive
        return None, None


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_NAMESPACE_FLAGS = 0x7E020000  # NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
_PR_CAPBSET_DROP = 24
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2


def _unshare_network(ctypes, libc):
    """Moves the worker (and so every call) into an empty network namespace: only a downed loopback exists."""
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return False
    for name, text in (("uid_map", "%d %d 1" % (uid, uid)), ("setgroups", "deny"), ("gid_map", "%d %d 1" % (gid, gid))):
        try:
            with open("/proc/self/" + name, "w") as f:
                f.write(text)
        except OSError:
            pass
    return True


def _drop_capabilities(ctypes, libc):
    for cap in range(64):
        libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    return libc.capset(header, data) == 0


# Syscalls refused with EPERM: program execution, new namespaces/mounts, tracing, kernel modules, io_uring.
_SECCOMP_TABLES = {
    "x86_64": dict(arch=0xC000003E, socket=41, clone=56, clone3=435,
                   deny=[59, 322, 57, 58, 272, 308, 165, 166, 155, 161, 101, 321, 298, 310, 311, 246, 320, 175,
                         313, 176, 250, 248, 249, 323, 304, 425, 426, 427, 428, 429, 430, 431, 432, 433, 442, 135]),
    "aarch64": dict(arch=0xC00000B7, socket=198, clone=220, clone3=435,
                    deny=[221, 281, 97, 268, 40, 39, 41, 51, 117, 280, 241, 270, 271, 104, 294, 105, 273, 106, 219,
                          217, 218, 282, 265, 425, 426, 427, 428, 429, 430, 431, 432, 433, 442, 92]),
}


def _install_seccomp(ctypes, libc):
    """Kernel filter: no execve (so no subprocess, shell or other binary), no sockets but AF_UNIX, no clone
    with namespace flags, no mount/ptrace/bpf/io_uring. fork() stays possible: snapshots need it."""
    table = _SECCOMP_TABLES.get(os.uname().machine)
    if table is None:
        return False
    ld, jeq, jset, jge, ret = 0x20, 0x15, 0x45, 0x35, 0x06
    allow, eperm, enosys = 0x7FFF0000, 0x00050000 | errno.EPERM, 0x00050000 | errno.ENOSYS

    def op(code, jt, jf, k):
        return struct.pack("HBBI", code, jt, jf, k)

    prog = [op(ld, 0, 0, 4), op(jeq, 1, 0, table["arch"]), op(ret, 0, 0, 0x80000000), op(ld, 0, 0, 0)]
    if table["arch"] == 0xC000003E:  # x32 ABI numbers alias the x86_64 ones: refuse them
        prog += [op(jge, 0, 1, 0x40000000), op(ret, 0, 0, eperm)]
    for nr in table["deny"]:
        prog += [op(jeq, 0, 1, nr), op(ret, 0, 0, eperm)]
    prog += [op(jeq, 0, 1, table["clone3"]), op(ret, 0, 0, enosys)]  # glibc falls back to clone()
    prog += [op(jeq, 0, 3, table["socket"]), op(ld, 0, 0, 16), op(jeq, 5, 0, 1), op(ret, 0, 0, eperm)]
    prog += [op(jeq, 0, 3, table["clone"]), op(ld, 0, 0, 16), op(jset, 0, 1, _NAMESPACE_FLAGS),
             op(ret, 0, 0, eperm)]
    prog += [op(ret, 0, 0, allow)]
    code = b"".join(prog)
    buffer = ctypes.create_string_buffer(code)

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(code) // 8, ctypes.addressof(buffer))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


def _harden():
    ctypes, libc = _libc()
    report = {"network_namespace": bool(_CONFIG["network_namespace_given"]), "subreaper": False,
              "capabilities_dropped": False, "seccomp": False}
    if libc is None:
        return report
    if not report["network_namespace"]:
        report["network_namespace"] = _unshare_network(ctypes, libc)
    report["subreaper"] = libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    report["capabilities_dropped"] = _drop_capabilities(ctypes, libc)
    report["seccomp"] = _install_seccomp(ctypes, libc)
    return report


# ------------------------------------------------------------------------------------------- snippet output
class _SharedOutput:
    """Head and tail of a call's output in anonymous shared memory, readable by the worker even after the call
    was killed. Layout: int64 total chars, then `capacity` UTF-32 chars of head, then a ring of `capacity`."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.memory = mmap.mmap(-1, 8 + 8 * capacity)

    def reset(self):
        struct.pack_into("<q", self.memory, 0, 0)

    def _put(self, char_offset, text):
        start = 8 + 4 * char_offset
        data = text.encode("utf-32-le", "surrogatepass")
        self.memory[start:start + len(data)] = data

    def write(self, text):
        cap = self.capacity
        total = struct.unpack_from("<q", self.memory, 0)[0]
        if total < cap:
            self._put(total, text[:cap - total])
        tail = text[-cap:]
        position = (total + len(text) - len(tail)) % cap
        first = min(len(tail), cap - position)
        self._put(cap + position, tail[:first])
        if first < len(tail):
            self._put(cap, tail[first:])
        struct.pack_into("<q", self.memory, 0, total + len(text))

    def _get(self, char_offset, count):
        start = 8 + 4 * char_offset
        return self.memory[start:start + 4 * count].decode("utf-32-le", "surrogatepass")

    def read(self, limit):
        """The output cut to at most `limit` (<= capacity) chars, keeping head and tail: (text, truncated)."""
        cap = self.capacity
        total = struct.unpack_from("<q", self.memory, 0)[0]
        head = self._get(0, min(total, cap))
        if total <= limit:
            return head, False
        if total <= cap:
            tail = head
        else:
            position = total % cap
            tail = self._get(cap + position, cap - position) + self._get(cap, position)
        omitted = total - limit
        while True:  # the marker's length depends on the count it shows
            marker = "\n...[%d characters omitted]...\n" % omitted
            kept = max(0, limit - len(marker))
            if total - kept == omitted:
                break
            omitted = total - kept
        head_chars = (kept + 1) // 2
        tail_chars = kept - head_chars
        return head[:head_chars] + marker + (tail[len(tail) - tail_chars:] if tail_chars else ""), True


class _Sink:
    """Stands in for sys.stdout/sys.stderr inside a call."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None

    def __init__(self, output):
        self.output = output

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self.output is not None:
            self.output.write(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def fileno(self):
        raise OSError(errno.EBADF, "sandboxed output has no file descriptor")

    @property
    def closed(self):
        return False


# ------------------------------------------------------------------------------------------ audit-hook policy
_READ_ROOTS = tuple(os.path.realpath(p) for p in _CONFIG["read_roots"])
_WRITE_ROOT = os.path.realpath(_CWD) if os.path.exists(_CWD) else _CWD
_ALWAYS_WRITABLE = ("/dev/null",)
_DENIED_EVENTS = frozenset([
    "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.forkpty", "os.startfile", "subprocess.Popen",
    "os.killpg", "signal.pthread_kill", "resource.prlimit", "gc.get_objects", "gc.get_referrers",
    "gc.get_referents", "fcntl.ioctl", "socket.bind", "socket.connect", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.sethostname",
    "sqlite3.enable_load_extension", "sqlite3.load_extension", "webbrowser.open", "os.chroot",
])
_DENIED_PREFIXES = ("ctypes.", "syslog.", "_winapi.", "winreg.", "msvcrt.")
_TRUSTED_ONLY = frozenset(["os.fork", "socket.__new__", "resource.setrlimit"])
_WRITE_EVENTS = {"os.mkdir": (0,), "os.rmdir": (0,), "os.remove": (0,), "os.rename": (0, 1), "os.link": (0, 1),
                 "os.symlink": (1,), "os.chmod": (0,), "os.chown": (0,), "os.truncate": (0,), "os.utime": (0,),
                 "os.setxattr": (0,), "os.removexattr": (0,), "os.chflags": (0,), "os.lchflags": (0,),
                 "sqlite3.connect": (0,), "os.mkfifo": (0,), "os.mknod": (0,)}
_READ_EVENTS = {"os.listdir": (0,), "os.scandir": (0,), "os.getxattr": (0,), "os.listxattr": (0,)}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_TRUSTED_CODES = frozenset()  # filled in at the end of the module


def _under(path, root):
    return path == root or path.startswith(root + "/") or root == "/"


def _resolved(path):
    if path is None:
        return None
    if isinstance(path, int):
        return None  # an already open descriptor
    try:
        return os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return None


def _may_write(path):
    return _under(path, _WRITE_ROOT) or path in _ALWAYS_WRITABLE


def _may_read(path):
    if _may_write(path) or _under(path, "/proc/%d" % os.getpid()):
        return True
    return any(_under(path, root) for root in _READ_ROOTS)


def _deny(event, detail):
    raise PermissionError(errno.EACCES, "sandbox: %s denied (%s)" % (event, detail))


def _called_by_worker():
    # frame 0 is this function, 1 the hook, 2 the Python code that called the audited builtin
    return sys._getframe(2).f_code in _TRUSTED_CODES


def _audit(event, args):
    if event in _TRUSTED_ONLY:
        if not _called_by_worker():
            _deny(event, "not allowed in sandboxed code")
        return
    if event == "open":
        path = _resolved(args[0])
        if path is None:
            return
        mode, flags = args[1], args[2]
        writing = (flags & _WRITE_FLAGS) if mode is None else any(c in mode for c in "wax+")
        if writing and not _may_write(path):
            _deny("writing " + path, "only the call's scratch directory is writable")
        if not writing and not _may_read(path):
            _deny("reading " + path, "outside the sandbox's readable paths")
        return
    if event in _READ_EVENTS:
        path = _resolved(args[0]) if args[0] is not None else None
        if path is not None and not _may_read(path):
            _deny("listing " + path, "outside the sandbox's readable paths")
        return
    if event in _WRITE_EVENTS:
        for index in _WRITE_EVENTS[event]:
            path = _resolved(args[index])
            if path is not None and not _may_write(path):
                _deny(event + " " + path, "only the call's scratch directory is writable")
        return
    if event == "os.kill":
        if args[0] != os.getpid():
            _deny("os.kill", "sandboxed code may only signal itself")
        return
    if event in _DENIED_EVENTS or event.startswith(_DENIED_PREFIXES):
        _deny(event, "not allowed in sandboxed code")


_real_import = builtins.__import__


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    # Only the snippet's own imports are checked; libraries import what they need.
    if level == 0 and globals is _NAMESPACE:
        top = name.partition(".")[0]
        if top not in _ALLOWED_MODULES:
            raise ImportError("sandbox: module '%s' is not in the allow-list (%s)"
                              % (top, ", ".join(sorted(_ALLOWED_MODULES))), name=name)
    return _real_import(name, globals, locals, fromlist, level)


# ------------------------------------------------------------------------------------------------- the call
_OUTPUT = _SharedOutput(_OUTPUT_CAPACITY)
_NAMESPACE = None  # the snippet's module globals; persists in a snapshot and its forks
_RANDOM_STATE = [None]  # random's state to restore after a fork (the random module reseeds children at fork)


def _set_limit(kind, soft, hard):
    current_soft, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        soft = min(soft, hard)
    resource.setrlimit(kind, (soft, hard))


def _apply_limits(request):
    cpu = int(request["cpu"])
    _set_limit(resource.RLIMIT_CPU, cpu, cpu + 1)
    _set_limit(resource.RLIMIT_AS, int(request["memory"]), int(request["memory"]))
    _set_limit(resource.RLIMIT_FSIZE, _FILE_SIZE_LIMIT, _FILE_SIZE_LIMIT)
    _set_limit(resource.RLIMIT_CORE, 0, 0)


def _enter_sandbox():
    """Runs once per fresh call process, before any snippet code: after this, the process is untrusted."""
    global _NAMESPACE
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversize writes raise OSError instead of killing
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = module
    _NAMESPACE = module.__dict__
    if _ALLOWED_MODULES is not None:
        builtins.__import__ = _guarded_import
    sys.addaudithook(_audit)


def _error_info(exc, filename):
    line = 0
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno or 0
    else:
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == filename:
                line = tb.tb_lineno
            tb = tb.tb_next
    try:
        message = str(exc)
    except BaseException:  # a hostile __str__
        message = "<unprintable %s>" % type(exc).__name__
    if len(message) > _MAX_MESSAGE_CHARS:
        message = message[:_MAX_MESSAGE_CHARS] + "..."
    return {"type": type(exc).__name__, "message": message, "line": line}


def _run_code(code, step, output):
    """Runs one step's code in the snippet namespace; returns None or the error description."""
    filename = "<step-%d>" % step
    sink = _Sink(output)
    sys.stdout = sys.__stdout__ = sink
    sys.stderr = sys.__stderr__ = _Sink(None)
    try:
        exec(compile(code, filename, "exec"), _NAMESPACE)
        return None
    except BaseException as exc:  # SystemExit and KeyboardInterrupt included: the snippet failed
        if isinstance(exc, MemoryError):
            _NAMESPACE.clear()  # free what the snippet holds, so the error can still be reported
        return _error_info(exc, filename)


def _thread_count():
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 2  # unknown: do not keep a snapshot


def _run_call(fd, fresh):
    """Body of a call process; never returns. `fd` is this call's socket to the worker."""
    os.setsid()
    if fresh:
        os.dup2(_DEVNULL, 1)
        os.dup2(_DEVNULL, 2)
        os.closerange(3, fd)
        os.closerange(fd + 1, 65536)
    random.setstate(_RANDOM_STATE[0])
    _send(fd, {"pid": os.getpid()})
    request = _LineReader(fd).read_blocking()
    if request is None:
        _exit(0)
    _apply_limits(request)
    if fresh:
        _enter_sandbox()
    os.chdir(_CWD)
    error = None
    replayed = 0
    for offset, code in enumerate(request["replay"]):
        replayed += 1
        error = _run_code(code, offset + 1, None)
        if error is not None:
            error["message"] = "prefix step %d: %s" % (offset + 1, error["message"])
            break
    if error is None:
        error = _run_code(request["code"], int(request["step"]), _OUTPUT)
    sys.stdout = sys.__stdout__ = sys.stderr = sys.__stderr__ = _Sink(None)
    keep = request["keep"] is not None and error is None and _thread_count() == 1
    try:
        _send(fd, {"status": "ok" if error is None else "error", "error": error, "kept": keep,
                   "replayed": replayed, "nonce": request["nonce"]})
    except BaseException:
        _exit(3)
    if keep:
        _snapshot_loop(fd)
    _exit(0)


def _snapshot_loop(fd):
    """A kept call waits here; each message from the worker carries a socket for a new call forked from this
    state. The fork goes through an intermediate process so the new call is re-parented to the worker."""
    channel = _socket.socket(fileno=fd)  # the C type: its audit event comes straight from this frame
    while True:
        try:
            data, ancillary, _, _ = channel.recvmsg(1, socket.CMSG_SPACE(4))
        except BaseException:
            _exit(0)
        if not data or not ancillary:
            _exit(0)
        new_fd = struct.unpack("i", ancillary[0][2][:4])[0]
        _RANDOM_STATE[0] = random.getstate()
        middle = os.fork()
        if middle == 0:
            if os.fork() == 0:
                channel.detach()
                os.close(fd)
                _run_call(new_fd, False)
            _exit(0)
        os.close(new_fd)
        os.waitpid(middle, 0)


# ---------------------------------------------------------------------------------------------- the worker
class _Snapshot:
    def __init__(self, pid, fd, directory):
        self.pid = pid
        self.fd = fd
        self.directory = directory


_SNAPSHOTS = {}  # key -> _Snapshot, least recently used first
_EXITS = {}  # pid -> (wait status, CPU seconds used) of reaped descendants
_EXITING = {}  # pid -> deadline: calls that reported and are exiting on their own
_EXIT_GRACE = 2.0
_snapshot_counter = 0


def _reap():
    while True:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _EXITS[pid] = (status, usage.ru_utime + usage.ru_stime)
        _EXITING.pop(pid, None)


def _kill_group(pid):
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _wait_exit(pid, seconds):
    deadline = time.monotonic() + seconds
    while pid not in _EXITS and time.monotonic() < deadline:
        _reap()
        if pid not in _EXITS:
            time.sleep(0.001)
    return _EXITS.pop(pid, None)


def _drop_snapshot(key):
    snap = _SNAPSHOTS.pop(key)
    try:
        os.close(snap.fd)
    except OSError:
        pass
    _kill_group(snap.pid)
    shutil.rmtree(snap.directory, ignore_errors=True)


def _fresh_scratch(parent):
    shutil.rmtree(_CWD, ignore_errors=True)
    if parent is not None and os.listdir(parent.directory):
        shutil.copytree(parent.directory, _CWD, symlinks=True)
    else:
        os.mkdir(_CWD, 0o700)


def _socketpair():
    ours, theirs = socket.socketpair()
    return ours.detach(), theirs.detach()


def _fork_from_snapshot(key):
    """Asks snapshot `key` to fork a call; returns the worker's end of the call's socket, or None."""
    snapshot = _SNAPSHOTS.pop(key)
    _SNAPSHOTS[key] = snapshot  # most recently used last
    _fresh_scratch(snapshot)
    ours, theirs = _socketpair()
    channel = socket.socket(fileno=snapshot.fd)
    try:
        channel.sendmsg([b"f"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack("i", theirs))])
        return ours
    except OSError:
        os.close(ours)
        _drop_snapshot(key)
        return None
    finally:
        channel.detach()
        os.close(theirs)


def _start_call(request):
    """Starts the call process: (pid or None until it says hello, worker's socket fd, forked from a snapshot?)."""
    key = request["parent"]
    if key is not None and key in _SNAPSHOTS:
        fd = _fork_from_snapshot(key)
        if fd is not None:
            return None, fd, True
    _fresh_scratch(None)
    ours, theirs = _socketpair()
    pid = os.fork()
    if pid == 0:
        try:
            _run_call(theirs, True)
        finally:
            _exit(4)
    os.close(theirs)
    return pid, ours, False


def _classify_exit(ended, cpu_limit):
    """(status, error) of a call that ended without a result; `ended` is (wait status, CPU seconds) or None."""
    if ended is None:
        return "killed", {"type": "ProcessLost", "message": "the call ended without a result", "line": 0}
    status, cpu_used = ended
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        # SIGXCPU comes at the soft CPU limit; a call that ignores it gets SIGKILL at the hard limit, 1 s later
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu_used >= cpu_limit):
            return "timeout", {"type": "CpuTimeLimit", "message": "CPU time limit exceeded", "line": 0}
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = "signal %d" % sig
        hint = {signal.SIGKILL: " (killed: memory exhausted or killed itself)",
                signal.SIGSEGV: " (crashed: e.g. C stack overflow)"}.get(sig, "")
        return "killed", {"type": name, "message": "the call died from %s%s" % (name, hint), "line": 0}
    return "killed", {"type": "ProcessExit",
                      "message": "the call exited with code %d before reporting" % os.WEXITSTATUS(status), "line": 0}


def _stray_children(expected):
    me = os.getpid()
    try:
        with open("/proc/%d/task/%d/children" % (me, me)) as f:
            return [int(p) for p in f.read().split() if int(p) not in expected]
    except OSError:
        return []


def _await_result(fd, pid, nonce, deadline):
    """Waits for the call's result until the deadline: (result or None, pid, timed out?). Snippet code can write
    to the call's socket too, so only the first hello (sent before any snippet code) counts, and only a result
    carrying this call's nonce."""
    reader = _LineReader(fd)
    while True:
        while reader.ready():
            message = reader.take()
            if message is None:
                continue
            if message.get("nonce") == nonce and "status" in message:
                return message, pid, False
            if pid is None and isinstance(message.get("pid"), int):
                pid = message["pid"]
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None, pid, True
        if select.select([fd], [], [], remaining)[0] and not reader.fill():
            return None, pid, False


def _end_call(pid, result, timed_out, request, reparented):
    """Makes sure the call process goes away; turns a missing result into timeout or killed."""
    if result is not None:
        if pid is not None:
            _EXITING[pid] = time.monotonic() + _EXIT_GRACE  # it exits by itself; reaped later, off the hot path
        return result
    ended = None
    if pid is not None:
        if timed_out:
            _kill_group(pid)
        if _SUBREAPER or not reparented:
            ended = _wait_exit(pid, 1.0)
        if ended is None:
            _kill_group(pid)
            _EXITING[pid] = time.monotonic() + _EXIT_GRACE
    if timed_out:
        message = "wall-clock limit of %g s exceeded" % float(request["timeout"])
        return {"status": "timeout", "error": {"type": "Timeout", "message": message, "line": 0}}
    code, error = _classify_exit(ended, int(request["cpu"]))
    return {"status": code, "error": error}


def _handle(request):
    global _snapshot_counter
    started = time.monotonic()
    timeout = float(request["timeout"])
    _OUTPUT.reset()
    pid, fd, from_snapshot = _start_call(request)
    request = dict(request, nonce=os.urandom(16).hex(), replay=[] if from_snapshot else request["replay"])
    try:
        _write_all(fd, (json.dumps(request, ensure_ascii=True) + "\n").encode("ascii"))
    except OSError:
        pass  # the call died before reading: reported below as killed
    result, pid, timed_out = _await_result(fd, pid, request["nonce"], started + timeout)
    elapsed = time.monotonic() - started
    kept = result is not None and result.get("kept") is True and pid is not None
    if kept:
        _snapshot_counter += 1
        directory = os.path.join(_SNAPSHOT_DIR, str(_snapshot_counter))
        os.rename(_CWD, directory)
        if request["keep"] in _SNAPSHOTS:
            _drop_snapshot(request["keep"])
        _SNAPSHOTS[request["keep"]] = _Snapshot(pid, fd, directory)
        while len(_SNAPSHOTS) > _MAX_SNAPSHOTS:
            _drop_snapshot(next(iter(_SNAPSHOTS)))
    else:
        os.close(fd)
        result = _end_call(pid, result, timed_out, request, from_snapshot)
        shutil.rmtree(_CWD, ignore_errors=True)
    _reap()
    _EXITS.clear()
    recycle = _clean_strays()
    stdout, truncated = _OUTPUT.read(int(request["output"]))
    return {"id": request["id"], "status": result["status"], "stdout": stdout, "truncated": truncated,
            "error": result.get("error"), "kept": kept, "from_snapshot": from_snapshot,
            "replayed": result.get("replayed", 0), "elapsed": elapsed, "recycle": recycle}


def _expire_exiting():
    now = time.monotonic()
    for pid in [pid for pid, deadline in _EXITING.items() if deadline < now]:
        _kill_group(pid)
        del _EXITING[pid]


def _next_request(requests):
    """Waits for the JVM's next request, reaping finished calls meanwhile so none lingers as a zombie."""
    while not requests.ready():
        if _EXITING and not select.select([_PROTO_IN], [], [], 0.05)[0]:
            _reap()
            _EXITS.clear()
            _expire_exiting()
            continue
        if not requests.fill():
            return None
    return requests.take()


def _clean_strays():
    """Processes left behind by a call (it escaped its process group) are killed; if some survive, the JVM
    replaces this worker (inside bubblewrap that tears down the whole pid namespace)."""
    _expire_exiting()
    expected = {snap.pid for snap in _SNAPSHOTS.values()} | set(_EXITING)
    for _ in range(5):
        strays = _stray_children(expected)
        if not strays:
            return False
        for pid in strays:
            _kill_group(pid)
        time.sleep(0.01)
        _reap()
    return bool(_stray_children(expected))


def _preload():
    loaded, missing = [], []
    for name in _CONFIG["preload"]:
        try:
            __import__(name)
            loaded.append(name)
        except Exception:
            missing.append(name)
    return loaded, missing


def _collect_trusted_codes():
    codes = set()
    pending = [value.__code__ for value in list(globals().values()) if isinstance(value, types.FunctionType)]
    pending += [value.__code__ for cls in (_SharedOutput, _Sink, _LineReader, _Snapshot)
                for value in vars(cls).values() if isinstance(value, types.FunctionType)]
    while pending:
        code = pending.pop()
        if code not in codes:
            codes.add(code)
            pending += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return frozenset(codes)


def _main():
    global _TRUSTED_CODES, _WRITE_ROOT, _SUBREAPER
    os.makedirs(_CWD, 0o700, exist_ok=True)
    os.makedirs(_SNAPSHOT_DIR, 0o700, exist_ok=True)
    _WRITE_ROOT = os.path.realpath(_CWD)
    os.chdir(os.path.dirname(_WRITE_ROOT))
    loaded, missing = _preload()
    # Every call starts from the same generator state (seeded here once: reseeding numpy per fork is slow), so
    # a replayed prefix draws the same numbers as the snapshot it stands in for.
    random.seed(0)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(0)
    _RANDOM_STATE[0] = random.getstate()
    hardening = _harden()
    _SUBREAPER = hardening["subreaper"]
    _TRUSTED_CODES = _collect_trusted_codes()
    gc.collect()
    gc.freeze()  # the preloaded heap stays shared with every call instead of being copied by the collector
    _send(_PROTO_OUT, dict(hardening, ready=True, python=sys.version.split()[0], pid=os.getpid(),
                           preloaded=loaded, missing=missing))
    requests = _LineReader(_PROTO_IN)
    while True:
        request = _next_request(requests)
        if request is None:
            break
        _send(_PROTO_OUT, _handle(request))
    for key in list(_SNAPSHOTS):
        _drop_snapshot(key)


_main()
