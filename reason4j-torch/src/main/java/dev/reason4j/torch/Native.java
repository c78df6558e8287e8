package dev.reason4j.torch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.bytedeco.javacpp.Pointer;

/**
 * Lifetimes of native objects that outlive the {@code PointerScope} they were created in. A kept pointer survives
 * the scope's close; its owner calls {@link #release} exactly once, which frees it when nothing else holds it.
 */
public final class Native {

    private Native() {}

    /** Keeps {@code pointer} alive past the enclosing scope. */
    public static <P extends Pointer> P keep(P pointer) {
        pointer.retainReference();
        return pointer;
    }

    /** Gives up a reference taken by {@link #keep}; {@code null} is ignored. */
    public static void release(Pointer pointer) {
        if (pointer != null) {
            pointer.releaseReference();
        }
    }

    /** Bytes of memory the process uses (resident set), as JavaCPP measures it. */
    public static long residentBytes() {
        return Pointer.physicalBytes();
    }

    /**
     * Native objects JavaCPP still has to free: tensors and other wrappers kept past their scope or waiting for the
     * garbage collector. A leak of step temporaries makes this grow with every call.
     */
    public static long liveObjects() {
        return Pointer.totalCount();
    }

    /**
     * The resident set less what the JVM has committed for its heap and its own non-heap areas: the memory held by
     * native libraries such as libtorch, which is what leaks when tensors are not freed.
     */
    public static long nativeBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return residentBytes() - memory.getHeapMemoryUsage().getCommitted() - memory.getNonHeapMemoryUsage().getCommitted();
    }
}
