/**
 * Auto-configuration for migrations: properties, the DataSource choice and the start-up runner.
 */
@NullMarked
package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
