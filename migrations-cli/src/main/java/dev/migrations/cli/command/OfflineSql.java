package dev.migrations.cli.command;

import java.util.Map;
import java.util.function.Function;

import dev.migrations.Migrations;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;

/**
 * {@code --sql}: prints the SQL a command would run, for review by a DBA. A {@code FROM:TO} range needs no database;
 * otherwise the configured database (if any) says where the run would start.
 */
final class OfflineSql {

	private OfflineSql() {
	}

	static void print(MigrationsCommand root, String target, Function<Migrations, String> sql) {
		DatabaseUse use = target.contains(":") ? DatabaseUse.NONE : DatabaseUse.IF_CONFIGURED;
		String text = sql.apply(root.migrations(use));
		Output output = root.output();
		if (output.json()) {
			output.document(Map.of("sql", text));
		}
		else {
			output.line(text.stripTrailing());
		}
	}

}
