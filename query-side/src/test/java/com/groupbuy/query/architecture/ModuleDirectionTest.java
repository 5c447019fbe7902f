package com.groupbuy.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.groupbuy.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDirectionTest {

    @ArchTest
    static final ArchRule the_read_side_never_depends_on_the_command_side = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.groupbuy.command..")
            .because("the read side is built from Kafka alone; only shared-events is shared");

    @ArchTest
    static final ArchRule the_read_side_uses_no_axon = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..");
}
