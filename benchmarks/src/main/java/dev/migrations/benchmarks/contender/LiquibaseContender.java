package dev.migrations.benchmarks.contender;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import dev.migrations.benchmarks.workload.Workload;

/**
 * Liquibase's {@code update} on the workload's formatted-SQL changelog, with its defaults (checksums validated)
 * but as quiet as the other contenders: no banner, no summary table, no analytics, warnings only.
 */
final class LiquibaseContender implements Contender {

	static final String NAME = "Liquibase";

	/** Held so that the level set on it is not lost with a collected logger. */
	private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");

	static {
		LIQUIBASE_LOGGER.setLevel(Level.WARNING);
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void upgrade(Workload workload, DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
					new DirectoryResourceAccessor(workload.liquibaseDirectory()), Scope.Attr.ui.name(),
					new LoggerUIService());
			Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
				.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
				.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, Workload.LIQUIBASE_CHANGELOG)
				.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
				.execute());
		}
	}

	/** {@code update} at head: Liquibase's {@code status} does not validate checksums, its update does. */
	@Override
	public void check(Workload workload, DataSource dataSource) throws Exception {
		upgrade(workload, dataSource);
	}

}
