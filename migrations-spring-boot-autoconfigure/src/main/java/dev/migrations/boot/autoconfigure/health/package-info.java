/**
 * The {@code migrations} health indicator.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
