package dev.jsrun.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * A condition on what a class shows callers: its supertypes and its public and protected
 * members' types.
 */
final class PublicSignatures {

    private PublicSignatures() {
    }

    static ArchCondition<JavaClass> exposeNoClassOf(String packageIdentifier) {
        DescribedPredicate<JavaClass> hidden = resideInAPackage(packageIdentifier);
        return new ArchCondition<>("expose no class of " + packageIdentifier + " in public signatures") {

            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                List<String> found = new ArrayList<>();
                owner.getRawSuperclass().filter(hidden).ifPresent(type -> found.add("extends " + type.getName()));
                for (JavaClass type : owner.getRawInterfaces()) {
                    if (hidden.test(type)) {
                        found.add("implements " + type.getName());
                    }
                }
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    if (!visible(unit)) {
                        continue;
                    }
                    if (hidden.test(unit.getRawReturnType())) {
                        found.add(unit.getFullName() + " returns " + unit.getRawReturnType().getName());
                    }
                    for (JavaClass parameter : unit.getRawParameterTypes()) {
                        if (hidden.test(parameter)) {
                            found.add(unit.getFullName() + " takes " + parameter.getName());
                        }
                    }
                }
                for (JavaField field : owner.getFields()) {
                    if (visible(field) && hidden.test(field.getRawType())) {
                        found.add(field.getFullName() + " is a " + field.getRawType().getName());
                    }
                }
                for (String problem : found) {
                    events.add(SimpleConditionEvent.violated(owner, problem));
                }
            }

        };
    }

    private static boolean visible(HasModifiers member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

}
