package dev.migrations.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Splits a realistic PostgreSQL script of functions and procedures and runs every statement on PostgreSQL. */
class PostgresSplitterTest {

	private static final String SCRIPT = """
			-- Notes and the functions that keep them.
			CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL);

			/* The functions below use every kind of body;
			   /* a nested comment; with semicolons */ still commented; */
			CREATE FUNCTION add_note(p_note text) RETURNS integer
			LANGUAGE plpgsql AS $$
			DECLARE
				new_id integer;
			BEGIN
				INSERT INTO notes (note) VALUES (p_note || ';') RETURNING id INTO new_id;
				RETURN new_id;
			END;
			$$;

			CREATE FUNCTION describe_notes() RETURNS text
			LANGUAGE plpgsql AS $fn$
			DECLARE
				total integer;
			BEGIN
				-- a comment; with a semicolon
				SELECT count(*) INTO total FROM notes;
				IF total = 0 THEN
					RETURN 'none; yet';
				END IF;
				RETURN format($$%s notes; it's %s$$, total, E'tab\\there');
			END;
			$fn$;

			CREATE FUNCTION grade(score integer) RETURNS text
			LANGUAGE sql
			BEGIN ATOMIC
				SELECT CASE WHEN score >= 90 THEN 'A;' WHEN score >= 50 THEN 'B' ELSE 'C' END;
			END;

			CREATE PROCEDURE add_twice(p_note text)
			LANGUAGE sql
			BEGIN ATOMIC
				INSERT INTO notes (note) VALUES (p_note);
				INSERT INTO notes (note) VALUES (CASE WHEN p_note = '' THEN 'empty' ELSE p_note END);
			END;

			DO $$
			BEGIN
				PERFORM add_note('from a DO block; with a semicolon');
			END
			$$;

			COMMENT ON FUNCTION grade(integer) IS E'Grades a score;\\nA, B or C'
			""";

	private static PostgresDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("splitter");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void runsEveryStatementOfTheScriptAndTheBodiesArriveWhole() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.of(SqlSyntax.POSTGRESQL).split(SCRIPT, 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 6, 16, 30, 36, 43, 49);
		try (Connection connection = database.connect(); Statement jdbc = connection.createStatement()) {
			for (SqlStatement statement : statements) {
				jdbc.execute(statement.sql());
			}
			assertThat(query(jdbc, "SELECT add_note('x')")).isEqualTo("2");
			assertThat(query(jdbc, "SELECT describe_notes()")).isEqualTo("2 notes; it's tab\there");
			assertThat(query(jdbc, "SELECT grade(95) || grade(60) || grade(10)")).isEqualTo("A;BC");
			jdbc.execute("CALL add_twice('')");
			assertThat(query(jdbc, "SELECT string_agg(note, '|' ORDER BY id) FROM notes"))
				.isEqualTo("from a DO block; with a semicolon;|x;||empty");
			assertThat(query(jdbc, "SELECT obj_description('grade(integer)'::regprocedure)"))
				.isEqualTo("Grades a score;\nA, B or C");
		}
	}

	private static String query(Statement jdbc, String sql) throws SQLException {
		try (ResultSet result = jdbc.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
