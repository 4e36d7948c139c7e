package dev.jsrun;

import java.util.List;
import java.util.Optional;

import dev.jsrun.modules.ModuleSet;

/**
 * The doctor's verdict on every module of a {@link ModuleSet}, in the order the graph
 * walk found them, followed by the requests that lead to no file (Node built-ins,
 * unresolvable requests), and the conditions the modules were resolved with (see
 * {@link ModuleSet.Builder#conditions}).
 */
public record ModuleReport(List<Entry> entries, List<String> conditions) {

    /** How a module ends up in the snapshot. */
    public enum Status {

        /** Initialized while the snapshot was built: its exports are in the snapshot. */
        HEALTHY,
        /**
         * Only its definition is in the snapshot; it initializes on its first
         * {@code require} in each runtime.
         */
        DEFERRED,
        /**
         * Not in the snapshot at all: a Node built-in, a native addon, a file that does
         * not parse or is not found.
         */
        EXCLUDED

    }

    /**
     * One module (a path relative to the base), or one request that leads to no file, and
     * why it has its status.
     */
    public record Entry(String module, Status status, String reason) {
    }

    public ModuleReport {
        entries = List.copyOf(entries);
        conditions = List.copyOf(conditions);
    }

    /** A report that names no conditions. */
    public ModuleReport(List<Entry> entries) {
        this(entries, List.of());
    }

    /**
     * The entry of a module path, such as {@code node_modules/lodash/lodash.js}, or of a
     * built-in name.
     */
    public Optional<Entry> entry(String module) {
        return this.entries.stream().filter(entry -> entry.module().equals(module)).findFirst();
    }

    /** The number of entries with {@code status}. */
    public long count(Status status) {
        return this.entries.stream().filter(entry -> entry.status() == status).count();
    }

    /**
     * A fixed-width table for a startup log: a summary line with the conditions, then one
     * line per entry.
     */
    public String toTable() {
        int width = "MODULE".length();
        for (Entry entry : this.entries) {
            width = Math.max(width, entry.module().length());
        }
        String format = "  %-8s  %-" + width + "s  %s";
        StringBuilder table = new StringBuilder(String.format("jsrun modules: %d healthy, %d deferred, %d excluded",
                count(Status.HEALTHY), count(Status.DEFERRED), count(Status.EXCLUDED)));
        if (!this.conditions.isEmpty()) {
            table.append(" (conditions: ").append(String.join(", ", this.conditions)).append(')');
        }
        table.append('\n').append(String.format(format, "STATUS", "MODULE", "REASON").stripTrailing());
        for (Entry entry : this.entries) {
            table.append('\n')
                .append(String.format(format, entry.status(), entry.module(), entry.reason()).stripTrailing());
        }
        return table.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }

}
