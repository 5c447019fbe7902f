package com.groupbuy.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.groupbuy.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregates_know_no_spring_kafka_redis_or_jdbc = noClasses()
            .that().resideInAnyPackage("..model..", "..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "org.redisson..", "redis..",
                    "java.sql..", "javax.sql..", "jakarta.persistence..", "com.groupbuy.platform..")
            .because("the domain is plain Java with Axon's annotations; frameworks stay at the edges");

    @ArchTest
    static final ArchRule the_domain_does_not_reach_into_http_or_infrastructure = noClasses()
            .that().resideInAnyPackage("..model..", "..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..infrastructure..");
}
