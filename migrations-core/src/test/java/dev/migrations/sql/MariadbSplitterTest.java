package dev.migrations.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.MariaDbDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Splits a MariaDB script of stored programs and runs every statement on MariaDB, in a database of its own. */
class MariadbSplitterTest {

	private static final String SCRIPT = """
			CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100) NOT NULL);

			# Adds how_many notes; the body holds statements of its own
			CREATE PROCEDURE add_notes(IN how_many INT)
			main: BEGIN
				DECLARE i INT DEFAULT 0;
				IF how_many < 1 THEN
					LEAVE main;
				END IF;
				WHILE i < how_many DO
					INSERT INTO notes (note) VALUES (CONCAT('note; ', i, ' it\\'s'));
					SET i = i + 1;
				END WHILE;
				INSERT INTO `notes` (note) VALUES (CASE WHEN how_many > 2 THEN "many;" ELSE "few;" END);
			END main;

			CREATE TRIGGER notes_trim BEFORE INSERT ON notes FOR EACH ROW
			BEGIN
				IF NEW.note LIKE '% ' THEN
					SET NEW.note = TRIM(NEW.note);
				END IF;
			END;

			DELIMITER //
			CREATE FUNCTION note_count() RETURNS INT READS SQL DATA
			BEGIN
				DECLARE n INT;
				SELECT COUNT(*) INTO n FROM notes;
				RETURN n;
			END//
			DELIMITER ;

			BEGIN NOT ATOMIC
				CALL add_notes(1);
				INSERT INTO notes (note) VALUES ('padded;  ');
			END
			""";

	private static MariaDbDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = MariaDbDatabase.create("splitter");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void runsEveryStatementOfTheScriptAndTheBodiesArriveWhole() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.of(SqlSyntax.MARIADB).split(SCRIPT, 1);
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4, 17, 25, 33);
		try (Connection connection = database.connect(); Statement jdbc = connection.createStatement()) {
			for (SqlStatement statement : statements) {
				jdbc.execute(statement.sql());
			}
			jdbc.execute("CALL add_notes(3)");
			assertThat(query(jdbc, "SELECT note_count()")).isEqualTo("7");
			assertThat(query(jdbc, "SELECT GROUP_CONCAT(note ORDER BY id SEPARATOR '|') FROM notes")).isEqualTo(
					"note; 0 it's|few;|padded;|note; 0 it's|note; 1 it's|note; 2 it's|many;");
		}
	}

	private static String query(Statement jdbc, String sql) throws SQLException {
		try (ResultSet result = jdbc.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
