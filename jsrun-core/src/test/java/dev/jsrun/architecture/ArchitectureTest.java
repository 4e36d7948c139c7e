package dev.jsrun.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRunException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.internal.snapshot.WebPlatform;

/**
 * The shape of jsrun-core, read from its bytecode: packages that depend on each other one
 * way only, the API apart from the internals, and a module descriptor that exports
 * exactly the API.
 */
class ArchitectureTest {

    /**
     * The packages users program against; everything else is under
     * {@code dev.jsrun.internal}.
     */
    static final Set<String> API = Set.of("dev.jsrun", "dev.jsrun.engine", "dev.jsrun.modules", "dev.jsrun.pool",
            "dev.jsrun.snapshot");

    static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jsrun");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.(jsrun).(**)").should().beFreeOfCycles().check(core);
        slices().matching("dev.jsrun.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theRootPackageDependsOnNoOtherPackageOfJsrun() {
        // the values, interfaces and exceptions every other package builds on
        noClasses().that()
            .resideInAPackage("dev.jsrun")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.jsrun.internal..", "dev.jsrun.engine..", "dev.jsrun.modules..", "dev.jsrun.pool..",
                    "dev.jsrun.snapshot..")
            .check(core);
    }

    @Test
    void internalsDependOnNoApiEntryPoint() {
        // internals use the root package's types, never the builders and pools that are
        // built on them
        noClasses().that()
            .resideInAPackage("dev.jsrun.internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.jsrun.engine..", "dev.jsrun.modules..", "dev.jsrun.pool..", "dev.jsrun.snapshot..")
            .check(core);
    }

    @Test
    void everyPackageIsApiOrInternal() {
        Set<String> packages = core.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("dev.jsrun"))
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).allMatch(name -> API.contains(name) || name.startsWith("dev.jsrun.internal."));
        assertThat(packages).containsAll(API);
    }

    @Test
    void apiSignaturesExposeNoInternalType() {
        classes().that()
            .resideInAnyPackage(API.toArray(String[]::new))
            .and()
            .arePublic()
            .should(PublicSignatures.exposeNoClassOf("dev.jsrun.internal.."))
            .check(core);
    }

    @Test
    void theSignatureConditionSeesAnInternalTypeInAPublicMember() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        assertThatThrownBy(
                () -> classes().should(PublicSignatures.exposeNoClassOf("dev.jsrun.internal..")).check(leaky))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("returns " + WebPlatform.class.getName())
            .hasMessageContaining("takes " + WebPlatform.class.getName())
            .hasMessageNotContaining("hidden");
    }

    /** Shows internals in two public members and hides one in a private one. */
    static final class Leaky {

        public WebPlatform leak() {
            return null;
        }

        public void take(WebPlatform platform) {
        }

        private WebPlatform hidden() {
            return null;
        }

    }

    @Test
    void everyPublicExceptionIsAJsRunException() {
        // one root, so that one catch handles whatever jsrun throws; the misuse the JDK's
        // types name is apart
        everyPublicExceptionExtendsTheRoot().check(core);
        assertThat(core.get(JsTimeoutException.class).isAssignableTo(JsRunException.class)).isTrue();
    }

    @Test
    void theExceptionRuleSeesAPublicExceptionOutsideTheRoot() {
        JavaClasses stray = new ClassFileImporter().importClasses(Stray.class, JsException.class);
        assertThatThrownBy(() -> everyPublicExceptionExtendsTheRoot().check(stray)).isInstanceOf(AssertionError.class)
            .hasMessageContaining(Stray.class.getName())
            .hasMessageNotContaining("<" + JsException.class.getName() + ">");
    }

    private static ArchRule everyPublicExceptionExtendsTheRoot() {
        return classes().that()
            .areAssignableTo(Throwable.class)
            .and()
            .arePublic()
            .should()
            .beAssignableTo(JsRunException.class)
            .because("JsRunException is the root of everything jsrun throws");
    }

    /** A public exception of its own, beside the root. */
    public static final class Stray extends RuntimeException {

    }

    @Test
    void theModuleExportsTheApiAndNothingElse() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        // next to the classes of jsrun-core, not the first module-info.class of the class
        // path
        Path classes = Path.of(JsRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.jsrun.core");
        assertThat(descriptor.exports()).allMatch(exports -> !exports.isQualified());
        assertThat(descriptor.exports().stream().map(Exports::source)).containsExactlyInAnyOrderElementsOf(API);
        assertThat(descriptor.opens()).isEmpty();
    }

}
