package dev.migrations.cli.command;

import java.util.Map;
import java.util.function.Function;

import dev.migrations.Migrations;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.config.Settings;
import dev.migrations.dialect.Dialects;

/**
 * {@code --sql}: prints the SQL a command would run, for review by a DBA, without running it. The SQL is
 * PostgreSQL's unless {@code --url} names another database, whose dialect the engine then reads from a connection.
 */
final class OfflineSql {

	private OfflineSql() {
	}

	static void print(MigrationsCommand root, Function<Migrations, String> sql) {
		Settings settings = root.settings();
		boolean otherDialect = settings.hasDatabase()
				&& !Dialects.forJdbcUrl(settings.database().jdbcUrl()).name().equals("postgresql");
		String text = sql.apply(root.migrations(otherDialect ? DatabaseUse.REQUIRED : DatabaseUse.NONE));
		Output output = root.output();
		if (output.json()) {
			output.document(Map.of("sql", text));
		}
		else {
			output.line(text.stripTrailing());
		}
	}

}
