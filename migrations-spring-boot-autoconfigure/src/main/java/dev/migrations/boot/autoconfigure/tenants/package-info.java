/** Tenants: many schemas or databases migrated with one set of scripts ({@code migrations.tenants.*}). */
@NullMarked
package dev.migrations.boot.autoconfigure.tenants;

import org.jspecify.annotations.NullMarked;
