/**
 * The Actuator endpoint {@code migrations}.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
