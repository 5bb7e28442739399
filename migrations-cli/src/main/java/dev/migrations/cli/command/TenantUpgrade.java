package dev.migrations.cli.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.cli.CommandContext;
import dev.migrations.cli.config.Settings;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Target;
import dev.migrations.settings.SpringBootProject;
import dev.migrations.tenant.FailurePolicy;
import dev.migrations.tenant.TenantLayout;
import dev.migrations.tenant.TenantOptions;
import dev.migrations.tenant.TenantReport;
import dev.migrations.tenant.TenantState;

/**
 * {@code upgrade --tenant <id>} and {@code upgrade --all-tenants}: the tenants as the project's
 * {@code migrations.tenants.*} configure them (mode, ids or query, locations, parallelism, on-failure), one line per
 * tenant and a summary; a failed tenant makes the exit status 1.
 */
final class TenantUpgrade {

	private static final String PREFIX = "migrations.tenants.";

	private final CommandContext context;

	TenantUpgrade(CommandContext context) {
		this.context = context;
	}

	void run(String target, String tenant, boolean allTenants, Integer parallelism, String onFailure) {
		DataSource dataSource = Settings.dataSource(this.context.settings());
		MigrationsConfig.Builder config = this.context.settings().configBuilder();
		List<String> locations = list("locations");
		if (!locations.isEmpty() && this.context.locationsOption().isEmpty()) {
			config.locations(locations.stream()
				.map((location) -> SpringBootProject.projectLocation(location, this.context.directory()))
				.toList());
		}
		TenantOptions options = new TenantOptions(
				(parallelism != null) ? parallelism : number("parallelism", TenantOptions.DEFAULTS.parallelism()),
				FailurePolicy.parse((onFailure != null) ? onFailure
						: valueOr("on-failure", TenantOptions.DEFAULTS.onFailure().text())));
		Migrations migrations = new Migrations(config.build(), dataSource);
		List<String> ids = allTenants ? tenantIds(dataSource) : List.of(tenant);
		TenantReport report = migrations.tenants(layout(migrations), options).upgrade(ids, Target.parse(target));
		report.tenants().forEach((result) -> this.context.output().line(result.line()));
		this.context.output().line(report.summary());
		if (report.anyFailed()) {
			List<String> failed = report.inState(TenantState.FAILED).stream().map((result) -> result.tenant()).toList();
			throw new MigrationsException(ErrorKind.STATE,
					failed.size() + " of " + ids.size() + " tenants failed: " + String.join(", ", failed),
					"Fix what each failed tenant's line above names (a revision, the connection, the configuration) and"
							+ " run the command again: each tenant goes on from its last good revision");
		}
	}

	private TenantLayout layout(Migrations migrations) {
		String mode = valueOr("mode", "schema").toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "schema" -> migrations.tenantSchemas();
			case "database" -> Migrations.tenantDatabases(value("url"), value("user"), value("password"));
			default -> throw new MigrationsException(ErrorKind.CONFIG,
					"Unknown tenant mode '" + mode + "' in " + PREFIX + "mode",
					"Use schema (a schema per tenant) or database (a database per tenant, at " + PREFIX + "url)");
		};
	}

	/** The ids of {@code migrations.tenants.ids}, else the rows of {@code migrations.tenants.query}. */
	private List<String> tenantIds(DataSource dataSource) {
		List<String> ids = list("ids");
		String query = value("query");
		if (!ids.isEmpty() || query == null) {
			if (ids.isEmpty()) {
				throw new MigrationsException(ErrorKind.CONFIG, "--all-tenants found no tenants in the project",
						"Set " + PREFIX + "ids (a list) or " + PREFIX + "query (SQL listing the ids) in "
								+ "application.properties, or name one tenant with --tenant <id>");
			}
			return ids;
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			List<String> found = new ArrayList<>();
			while (rows.next()) {
				found.add(rows.getString(1));
			}
			return found;
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Could not list the tenants with " + PREFIX + "query '" + query + "': " + ex.getMessage(),
					"Correct the query: its first column lists the tenant ids", ex);
		}
	}

	private String value(String name) {
		return this.context.projectProperty(PREFIX + name);
	}

	private String valueOr(String name, String otherwise) {
		String value = value(name);
		return (value != null && !value.isBlank()) ? value.strip() : otherwise;
	}

	private int number(String name, int otherwise) {
		String value = valueOr(name, String.valueOf(otherwise));
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid " + PREFIX + name + " '" + value + "'",
					"Give a whole number of tenants to migrate at once, e.g. 4");
		}
	}

	/** A list property: comma-separated ({@code a,b}), or indexed as YAML lists read ({@code name[0]}, ...). */
	private List<String> list(String name) {
		String joined = value(name);
		if (joined != null && !joined.isBlank()) {
			return Arrays.stream(joined.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
		}
		List<String> items = new ArrayList<>();
		for (String item; (item = value(name + "[" + items.size() + "]")) != null;) {
			items.add(item.strip());
		}
		return items;
	}

}
