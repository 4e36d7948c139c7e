package dev.jsrun.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jsrun.modules.ModuleReport;
import dev.jsrun.modules.ModuleReport.Entry;
import dev.jsrun.modules.ModuleReport.Status;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.snapshot.Snapshot;

/**
 * What startup logs about the snapshot: one INFO line, the doctor's whole module table at DEBUG, and at WARN
 * only the modules left out of the snapshot's initialized state that the application did not ask to defer.
 */
final class SnapshotStartupLog {

    private static final Log logger = LogFactory.getLog(JsRunAutoConfiguration.class);

    /** The doctor's reason for a module listed in {@code jsrun.snapshot.defer-modules}. */
    private static final String DEFERRED_ON_REQUEST = "deferred on request";

    private SnapshotStartupLog() {
    }

    static void modules(ModuleReport report) {
        if (logger.isDebugEnabled()) {
            logger.debug("JavaScript modules in the snapshot:\n" + report.toTable());
        }
        List<Entry> unasked = report.entries()
            .stream()
            .filter(entry -> entry.status() == Status.EXCLUDED
                    || (entry.status() == Status.DEFERRED && !entry.reason().startsWith(DEFERRED_ON_REQUEST)))
            .toList();
        if (!unasked.isEmpty() && logger.isWarnEnabled()) {
            StringBuilder text = new StringBuilder("JavaScript modules not stored initialized in the snapshot: deferred "
                    + "ones initialize on first require() in each runtime (list them in jsrun.snapshot.defer-modules if "
                    + "that is intended), excluded ones fail when required:");
            for (Entry entry : unasked) {
                text.append("\n  ").append(entry.status()).append("  ").append(entry.module()).append("  ")
                    .append(entry.reason());
            }
            logger.warn(text.toString());
        }
    }

    static void built(Snapshot snapshot, ModuleReport report, boolean cached, long millis) {
        long scripts = snapshot.scriptNames().stream().filter(name -> !ModuleSet.SCRIPT_NAME.equals(name)).count();
        String modules = (report == null) ? "no modules"
                : String.format("modules %d healthy / %d deferred / %d excluded", report.count(Status.HEALTHY),
                        report.count(Status.DEFERRED), report.count(Status.EXCLUDED));
        logger.info(String.format("%s JavaScript snapshot in %d ms: %d script(s), %s, %.1f MiB, V8 %s",
                cached ? "Loaded cached" : "Built", millis, scripts, modules, snapshot.size() / 1048576.0,
                snapshot.v8Version()));
    }

}
