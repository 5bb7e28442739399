package dev.migrations.tenant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The rule for tenant ids: letters, digits and underscores, at most 63 characters. An id names a schema or a
 * database and replaces {@code ${tenant}} in scripts, so it must be safe in SQL as it is.
 */
public final class TenantIds {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{1,63}");

	private TenantIds() {
	}

	/** The id, if valid; else a one-line error naming it and the rule. */
	public static String require(String id) {
		if (id == null || !VALID.matcher(id).matches()) {
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid tenant id '" + id + "'",
					"A tenant id has 1 to 63 letters, digits and underscores (it names a schema or a database and "
							+ "fills ${tenant} in scripts); correct the tenant list, query or TenantSource");
		}
		return id;
	}

	/** The ids, each checked, duplicates dropped, in their first order. */
	public static List<String> requireAll(List<String> ids) {
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		ids.forEach((id) -> distinct.add(require(id)));
		return List.copyOf(distinct);
	}

}
