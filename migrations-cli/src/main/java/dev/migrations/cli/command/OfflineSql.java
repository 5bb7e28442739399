package dev.migrations.cli.command;

import java.util.Map;
import java.util.function.Function;

import dev.migrations.Migrations;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;

/**
 * {@code --sql}: prints the SQL a command would run, for review by a DBA, without running it or connecting. The SQL
 * is PostgreSQL's unless {@code --url} names another database.
 */
final class OfflineSql {

	private OfflineSql() {
	}

	static void print(MigrationsCommand root, Function<Migrations, String> sql) {
		String text = sql.apply(root.migrations(DatabaseUse.NONE));
		Output output = root.output();
		if (output.json()) {
			output.document(Map.of("sql", text));
		}
		else {
			output.line(text.stripTrailing());
		}
	}

}
