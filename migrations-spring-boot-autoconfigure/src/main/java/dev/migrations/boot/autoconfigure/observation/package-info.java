/**
 * Micrometer observations of runs and revisions, and the gauge of pending revisions, where Micrometer is present.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
