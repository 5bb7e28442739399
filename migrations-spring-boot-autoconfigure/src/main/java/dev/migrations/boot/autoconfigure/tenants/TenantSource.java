package dev.migrations.boot.autoconfigure.tenants;

import java.util.List;

/**
 * Where the ids of the tenants come from, asked at start-up and whenever the endpoint lists them. A bean of this type
 * replaces {@code migrations.tenants.ids} and {@code migrations.tenants.query}, e.g. to read a tenant registry.
 */
@FunctionalInterface
public interface TenantSource {

	List<String> tenantIds();

}
