package dev.migrations.lint;

/**
 * One rule broken by one statement.
 *
 * @param file the script's location, as messages name it
 * @param line the 1-based file line of the token that breaks the rule
 * @param revision the revision id
 * @param rule the rule
 */
public record Finding(String file, int line, String revision, Rule rule) {

	public Severity severity() {
		return this.rule.severity();
	}

	public String message() {
		return this.rule.message();
	}

	/** {@code <file>:<line>: <severity> <rule-id>: <message>}, the text output's line. */
	public String describe() {
		return this.file + ":" + this.line + ": " + severity().label() + " " + this.rule.id() + ": " + message();
	}

}
