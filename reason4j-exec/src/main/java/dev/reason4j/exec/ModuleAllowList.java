package dev.reason4j.exec;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which top-level modules a snippet may import. This is a policy for keeping model code to the math toolbox, not
 * a security boundary (the sandbox's protections hold whatever is imported): it checks the snippet's own
 * {@code import} statements, while libraries keep importing what they need.
 *
 * @param restricted whether imports are checked at all
 * @param modules the permitted top-level module names (empty when not restricted)
 */
public record ModuleAllowList(boolean restricted, Set<String> modules) {

    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** No restriction. */
    public static final ModuleAllowList ANY = new ModuleAllowList(false, Set.of());

    /** The math toolbox: standard-library numerics plus sympy, mpmath and numpy (when installed). */
    public static final ModuleAllowList MATH = of("math", "cmath", "fractions", "decimal", "numbers", "itertools",
            "functools", "operator", "collections", "heapq", "bisect", "statistics", "random", "re", "string",
            "sympy", "mpmath", "numpy");

    public ModuleAllowList {
        Objects.requireNonNull(modules, "modules");
        modules = Set.copyOf(modules);
        if (!restricted && !modules.isEmpty()) {
            throw new IllegalArgumentException("modules must be empty when not restricted, got " + modules);
        }
        for (String module : modules) {
            if (!MODULE_NAME.matcher(module).matches()) {
                throw new IllegalArgumentException("modules must be top-level module names, got '" + module + "'");
            }
        }
    }

    /** An allow-list of exactly these top-level modules. */
    public static ModuleAllowList of(String... modules) {
        return new ModuleAllowList(true, Set.of(modules));
    }

    /** Parses a comma-separated list ({@code "math,sympy"}); {@code "*"} means no restriction. */
    public static ModuleAllowList parse(String commaSeparated) {
        String text = commaSeparated.strip();
        if (text.equals("*")) {
            return ANY;
        }
        Set<String> names = new TreeSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("allow-list must name at least one module or be '*', got '"
                    + commaSeparated + "'");
        }
        return new ModuleAllowList(true, names);
    }

    /** Whether a snippet may import {@code module} (a dotted name is judged by its top-level package). */
    public boolean permits(String module) {
        int dot = module.indexOf('.');
        return !restricted || modules.contains(dot < 0 ? module : module.substring(0, dot));
    }
}
