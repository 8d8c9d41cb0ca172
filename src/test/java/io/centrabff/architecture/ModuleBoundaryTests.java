package io.centrabff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capabilities under {@code io.centrabff} are modules: no cycles between them, Redis only in {@code coordination},
 * the sandbox apart from everything else, and each module saying in its {@code package-info.java} what it owns.
 */
class ModuleBoundaryTests {

    private static final String ROOT = "io.centrabff";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void onlyCoordinationTalksToRedis() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".coordination..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..")
                .check(production);
    }

    @Test
    void widgetsDoNotDependOnCoordination() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".widgets..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".coordination..")
                .check(production);
    }

    @Test
    void noOtherPackageUsesTheSandbox() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".sandbox..")
                .check(production);
    }

    @Test
    void everyTopLevelPackageSaysWhatItOwns() throws IOException {
        List<String> packages = topLevelPackages();
        assertThat(packages).contains("cart", "centra", "coordination", "session", "web", "widgets", "sandbox");
        for (String name : packages) {
            assertThat(production.containPackage(ROOT + "." + name)).isTrue();
            assertThat(production.getPackage(ROOT + "." + name).tryGetPackageInfo())
                    .as("package-info.java of %s.%s", ROOT, name)
                    .isPresent();
        }
    }

    /** The directories under src/main/java/io/centrabff, so a new package without a single class is counted too. */
    private static List<String> topLevelPackages() throws IOException {
        Path sources = Path.of("src/main/java", ROOT.split("\\."));
        try (Stream<Path> children = Files.list(sources)) {
            return children.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
