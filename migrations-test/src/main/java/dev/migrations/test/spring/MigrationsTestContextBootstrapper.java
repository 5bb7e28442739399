package dev.migrations.test.spring;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link MigrationsTest#properties()}. */
class MigrationsTestContextBootstrapper extends TestSliceTestContextBootstrapper<MigrationsTest> {

}
