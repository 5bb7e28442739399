package dev.migrations.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One statement of a rendered diff, with what a person should review before it runs.
 *
 * @param change the change it comes from
 * @param sql the statement, without a terminating semicolon
 * @param reviewNotes why to review it (destructive, narrowing, a possible rename); empty for most
 */
public record DdlStatement(SchemaChange change, String sql, List<String> reviewNotes) {

	public DdlStatement {
		reviewNotes = List.copyOf(reviewNotes);
	}

	/** The statement as script text: a {@code -- review: ...} line per note, then the statement and {@code ;}. */
	public String toScript() {
		String notes = this.reviewNotes.stream().map((note) -> "-- review: " + note + "\n").collect(Collectors.joining());
		return notes + this.sql + ";";
	}

	/** Statements as one script section, one statement after another. */
	public static String script(List<DdlStatement> statements) {
		return statements.stream().map(DdlStatement::toScript).collect(Collectors.joining("\n"));
	}

}
