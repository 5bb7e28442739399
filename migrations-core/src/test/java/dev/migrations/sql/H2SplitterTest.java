package dev.migrations.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;

/** Splits an H2 script with a Java function body and runs every statement on an in-memory H2. */
class H2SplitterTest {

	private static final String SCRIPT = """
			// H2 reads double-slash comments; this one holds a semicolon
			CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100) NOT NULL);

			/* A Java function in a $$ body; /* nested comments; */ are fine */
			CREATE ALIAS shout AS $$
			String shout(String value) {
				return value.toUpperCase() + ";";
			}
			$$;

			INSERT INTO notes (note) VALUES ('it''s; fine'), ($$dollar; quoted$$);
			CREATE VIEW "loud;notes" AS SELECT shout(note) AS loud FROM notes ORDER BY id -- no semicolon; at the end
			""";

	private static H2Database database;

	@BeforeAll
	static void createDatabase() {
		database = H2Database.create("splitter", H2Database.Mode.DEFAULT);
	}

	@AfterAll
	static void closeDatabase() {
		database.close();
	}

	@Test
	void runsEveryStatementOfTheScriptAndTheBodiesArriveWhole() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.of(SqlSyntax.H2).split(SCRIPT, 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 5, 11, 12);
		try (Connection connection = database.connect(); Statement jdbc = connection.createStatement()) {
			for (SqlStatement statement : statements) {
				jdbc.execute(statement.sql());
			}
			List<String> loud = new ArrayList<>();
			try (ResultSet result = jdbc.executeQuery("SELECT loud FROM \"loud;notes\"")) {
				while (result.next()) {
					loud.add(result.getString(1));
				}
			}
			assertThat(loud).containsExactly("IT'S; FINE;", "DOLLAR; QUOTED;");
		}
	}

}
