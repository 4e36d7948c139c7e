package dev.jsrun.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * The auto-configuration uses jsrun-core's API only, read from its bytecode: the
 * internals may change in any release, and what the auto-configuration needs, an
 * application without Spring needs too.
 */
class ApiOnlyTest {

    private static final ArchRule NO_INTERNALS = noClasses().that()
        .resideInAPackage("dev.jsrun.autoconfigure..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.jsrun.internal..")
        .because("jsrun-core exports its API only");

    @Test
    void theAutoConfigurationDependsOnNoInternalOfTheCore() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jsrun.autoconfigure");
        NO_INTERNALS.check(main);
    }

    @Test
    void theRuleSeesAnInternalInUse() {
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        assertThatThrownBy(() -> NO_INTERNALS.check(leaky)).isInstanceOf(AssertionError.class)
            .hasMessageContaining(V8Runtimes.class.getName());
    }

    /** Uses an internal, as the rule must notice. */
    static final class Leaky {

        String flags() {
            return V8Runtimes.flags();
        }

    }

}
