package dev.jsrun.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The one loader of jsrun's guest scripts, and every script that jsrun-core's classes
 * load through it.
 */
class GuestScriptsTest {

    @Test
    void aScriptIsReadFromItsOwnersPackage() {
        assertThat(GuestScripts.load(Intrinsics.class, "intrinsics.js")).startsWith("// The built-ins that jsrun's");
        assertThat(GuestScripts.load(WebPlatform.class, "web/platform.js")).contains("/* parts */");
    }

    @Test
    void aMissingScriptFailsWithItsPath() {
        assertThatThrownBy(() -> GuestScripts.load(Intrinsics.class, "absent.js"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("jsrun's guest script dev/jsrun/internal/snapshot/absent.js is missing from the class path");
    }

    @Test
    void aTemplateIsCutAtItsMarkersInOrder() {
        assertThat(GuestScripts.split("f(/* a */, [/* b */]);", "t.js", "/* a */", "/* b */")).containsExactly("f(",
                ", [", "]);");
        assertThat(GuestScripts.split("/* a */", "t.js", "/* a */")).containsExactly("", "");
        assertThatThrownBy(() -> GuestScripts.split("f(/* b */, /* a */)", "t.js", "/* a */", "/* b */"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("jsrun's guest script t.js must hold the marker /* b */ once, after the markers before it");
        assertThatThrownBy(() -> GuestScripts.split("/* a */ /* a */", "t.js", "/* a */"))
            .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Each class reads its scripts while it initializes, so initializing every class that
     * calls the loader reads every script once: one missing from the build fails here,
     * not in the first runtime that needs it.
     */
    @Test
    void everyScriptThatJsrunLoadsIsThere() throws ClassNotFoundException {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jsrun");
        Set<String> loaders = new TreeSet<>();
        for (JavaClass type : core) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                if (call.getTarget().getOwner().isEquivalentTo(GuestScripts.class)
                        && call.getTarget().getName().equals("load")) {
                    assertThat(readOnce(call.getOrigin()))
                        .as("%s loads a script once, at class initialization", call.getOrigin().getFullName())
                        .isTrue();
                    loaders.add(type.getName());
                }
            }
        }
        assertThat(loaders).contains(Intrinsics.class.getName(), WebPlatform.class.getName(),
                SharedRegExps.class.getName(), IntlObjects.class.getName(), V8Runtimes.class.getName(),
                "dev.jsrun.internal.modules.BundleWriter", "dev.jsrun.internal.modules.Doctor",
                "dev.jsrun.internal.modules.IntlGuard", "dev.jsrun.snapshot.SnapshotBuilder");
        for (String name : loaders) {
            Class.forName(name, true, GuestScriptsTest.class.getClassLoader());
        }
    }

    /**
     * A static initializer, or a private static method such as the one that assembles the
     * web platform.
     */
    private static boolean readOnce(JavaCodeUnit origin) {
        return origin.getName().equals(JavaStaticInitializer.STATIC_INITIALIZER_NAME)
                || origin.getModifiers().containsAll(Set.of(JavaModifier.PRIVATE, JavaModifier.STATIC));
    }

}
