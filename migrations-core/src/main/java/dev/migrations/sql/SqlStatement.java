package dev.migrations.sql;

/**
 * One statement of a script section, as the database will receive it.
 *
 * @param sql the statement text without its terminating semicolon
 * @param line the 1-based line of the script file on which the statement starts
 */
public record SqlStatement(String sql, int line) {

	/** The placeholder a tenant run replaces with the tenant's id, wherever it appears in a statement. */
	public static final String TENANT_PLACEHOLDER = "${tenant}";

	/** This statement with {@code ${tenant}} replaced; as it is when {@code tenant} is {@code null}. */
	public SqlStatement forTenant(String tenant) {
		return (tenant != null && this.sql.contains(TENANT_PLACEHOLDER))
				? new SqlStatement(this.sql.replace(TENANT_PLACEHOLDER, tenant), this.line) : this;
	}

}
