package dev.jsrun.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.Snapshot;
import dev.jsrun.engine.V8Process;
import dev.jsrun.engine.V8Process.IntlDefaults;
import dev.jsrun.modules.ModuleSet;

/**
 * What startup logs about the snapshot: one INFO line, the doctor's whole module table at
 * DEBUG, and at WARN only the modules left out of the snapshot's initialized state that
 * the application did not ask to defer.
 */
final class SnapshotStartupLog {

    private static final Log logger = LogFactory.getLog(JsRunAutoConfiguration.class);

    /**
     * The doctor's reason for a module listed in {@code jsrun.snapshot.defer-modules}.
     */
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
            StringBuilder text = new StringBuilder(
                    "JavaScript modules not stored initialized in the snapshot: deferred "
                            + "ones initialize on first require() in each runtime (list them in jsrun.snapshot.defer-modules if "
                            + "that is intended), excluded ones fail when required:");
            for (Entry entry : unasked) {
                text.append("\n  ")
                    .append(entry.status())
                    .append("  ")
                    .append(entry.module())
                    .append("  ")
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
        logger.info(String.format("%s JavaScript snapshot in %d ms: %d script(s), %s, %.1f MiB, V8 %s%s",
                cached ? "Loaded cached" : "Built", millis, scripts, modules, snapshot.size() / 1048576.0,
                snapshot.v8Version(),
                V8Process.intlDefaults()
                    .map(intl -> String.format(", ICU %s (locale %s, time zone %s)",
                            V8Process.icuVersion().orElseThrow(), intl.locale(), intl.timeZone()))
                    .orElse(", no ICU")));
        V8Process.intlDefaults().ifPresent(intl -> intlDefaults(intl, TimeZone.getDefault(), Locale.getDefault()));
    }

    /**
     * Warns when V8's default time zone or language is not the JVM's: V8 reads them from
     * the process's environment, so {@code -Duser.timezone} and {@code -Duser.language}
     * do not reach it.
     */
    static String intlDefaults(IntlDefaults intl, TimeZone jvmZone, Locale jvmLocale) {
        StringBuilder text = new StringBuilder();
        if (!TimeZone.getTimeZone(intl.timeZone()).hasSameRules(jvmZone)) {
            text.append("V8's default time zone is ")
                .append(intl.timeZone())
                .append(" but the JVM's is ")
                .append(jvmZone.getID())
                .append(": V8 reads the process's TZ environment variable (start the JVM with TZ=")
                .append(jvmZone.getID())
                .append("), or pass timeZone to Intl and toLocaleString calls. ");
        }
        String language = Locale.forLanguageTag(intl.locale()).getLanguage();
        if (!language.equals(jvmLocale.getLanguage())) {
            text.append("V8's default locale is ")
                .append(intl.locale())
                .append(" but the JVM's is ")
                .append(jvmLocale.toLanguageTag())
                .append(": V8 reads LC_ALL or LANG from the process's environment ")
                .append("(start the JVM with LANG set), or pass a locale to Intl and toLocaleString calls.");
        }
        String warning = text.toString().trim();
        if (!warning.isEmpty() && logger.isWarnEnabled()) {
            logger.warn(warning);
        }
        return warning;
    }

}
