package dev.reason4j.exec;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which protections a pool has on this machine, said once at start-up.
 *
 * @param mode {@link SandboxMode#BUBBLEWRAP} or {@link SandboxMode#PROCESS} (never {@code AUTO})
 * @param python interpreter version and path
 * @param active the protections in force
 * @param notes why stronger protections are missing (e.g. bubblewrap not installed), and how to get them
 */
public record SandboxReport(SandboxMode mode, String python, Set<Protection> active, List<String> notes) {

    public SandboxReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(python, "python");
        if (mode == SandboxMode.AUTO) {
            throw new IllegalArgumentException("mode must be the resolved mode, got AUTO");
        }
        active = active.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(active));
        notes = List.copyOf(notes);
    }

    public boolean has(Protection protection) {
        return active.contains(protection);
    }

    /** The protections that are not in force here. */
    public Set<Protection> missing() {
        EnumSet<Protection> missing = EnumSet.allOf(Protection.class);
        missing.removeAll(active);
        return missing;
    }

    /** A few lines for logs and the CLI: mode, active and missing protections, notes. */
    public String describe() {
        StringBuilder text = new StringBuilder("python sandbox: ")
                .append(mode == SandboxMode.BUBBLEWRAP ? "bubblewrap" : "process (no bubblewrap)")
                .append(", ").append(python);
        text.append("\n  active: ").append(names(active));
        Set<Protection> missing = missing();
        if (!missing.isEmpty()) {
            text.append("\n  NOT active: ").append(names(missing));
        }
        notes.forEach(note -> text.append("\n  note: ").append(note));
        return text.toString();
    }

    private static String names(Set<Protection> protections) {
        return EnumSet.copyOf(protections).stream()
                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }
}
