/**
 * The operators' page: the revision graph as SVG, where the database stands, and each revision's history.
 */
@NullMarked
package dev.migrations.boot.autoconfigure.ui;

import org.jspecify.annotations.NullMarked;
