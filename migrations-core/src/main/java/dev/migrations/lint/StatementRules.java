package dev.migrations.lint;

import java.util.List;
import java.util.function.Predicate;

/**
 * Reads one statement's tokens and reports the rules it breaks, given what its revision did before it. A statement
 * that changes a table created earlier in the same revision is no hazard: nothing else uses that table yet.
 */
final class StatementRules {

	private StatementRules() {
	}

	static void check(Tokens tokens, LintContext context) {
		if (tokens.words(0, "CREATE")) {
			create(tokens, context);
		}
		else if (tokens.words(0, "DROP", "INDEX")) {
			dropIndex(tokens, context);
		}
		else if (tokens.words(0, "DROP", "TABLE")) {
			dropTable(tokens, context);
		}
		else if (tokens.words(0, "DROP", "DATABASE")) {
			context.report(Rule.BAN_DROP_DATABASE, tokens.line(0));
		}
		else if (tokens.words(0, "TRUNCATE")) {
			int cascade = tokens.find(1, "CASCADE");
			if (cascade >= 0) {
				context.report(Rule.BAN_TRUNCATE_CASCADE, tokens.line(cascade));
			}
		}
		else if (tokens.words(0, "ALTER", "TABLE")) {
			AlterTableRules.check(tokens, context);
		}
		else if (tokens.words(0, "SET")) {
			int name = (tokens.words(1, "LOCAL") || tokens.words(1, "SESSION")) ? 2 : 1;
			if (tokens.words(name, "lock_timeout")) {
				context.lockTimeoutSet();
			}
		}
	}

	private static void create(Tokens tokens, LintContext context) {
		int index = 1;
		while (tokens.words(index, "GLOBAL") || tokens.words(index, "LOCAL") || tokens.words(index, "TEMP")
				|| tokens.words(index, "TEMPORARY") || tokens.words(index, "UNLOGGED")) {
			index++;
		}
		if (tokens.words(index, "TABLE")) {
			createTable(tokens, index + 1, context);
			return;
		}
		if (tokens.words(index, "UNIQUE")) {
			index++;
		}
		if (tokens.words(index, "INDEX")) {
			createIndex(tokens, index + 1, context);
		}
	}

	private static void createTable(Tokens tokens, int from, LintContext context) {
		int index = tokens.words(from, "IF", "NOT", "EXISTS") ? from + 3 : from;
		if (!tokens.isName(index)) {
			return;
		}
		context.tableCreated(tokens.qualifiedName(index));
		int open = tokens.afterQualifiedName(index);
		if (!tokens.symbol(open, '(')) {
			return;
		}
		for (Tokens element : tokens.split(open + 1, tokens.closing(open))) {
			if (element.size() > 1 && !isTableConstraint(element, 0)) {
				ColumnTypes.check(element, 1, context);
			}
		}
	}

	/** Whether the table element or {@code ADD} action at {@code index} is a constraint rather than a column. */
	static boolean isTableConstraint(Tokens tokens, int index) {
		return tokens.words(index, "CONSTRAINT") || tokens.words(index, "CHECK") || tokens.words(index, "UNIQUE")
				|| tokens.words(index, "PRIMARY", "KEY") || tokens.words(index, "FOREIGN", "KEY")
				|| tokens.words(index, "EXCLUDE") || tokens.words(index, "LIKE");
	}

	private static void createIndex(Tokens tokens, int from, LintContext context) {
		boolean concurrently = tokens.words(from, "CONCURRENTLY");
		int index = concurrently ? from + 1 : from;
		index = tokens.words(index, "IF", "NOT", "EXISTS") ? index + 3 : index;
		if (!tokens.words(index, "ON")) {
			if (tokens.isName(index)) {
				context.indexCreated(tokens.qualifiedName(index));
			}
			index = tokens.afterQualifiedName(index);
		}
		index = tokens.words(index + 1, "ONLY") ? index + 2 : index + 1;
		if (!tokens.isName(index)) {
			return;
		}
		String table = tokens.qualifiedName(index);
		if (concurrently) {
			if (context.transactional()) {
				context.report(Rule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, tokens.line(from));
			}
		}
		else if (!context.isNewTable(table)) {
			context.report(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, tokens.line(0));
			context.locksExistingTable(tokens.line(0));
		}
	}

	private static void dropIndex(Tokens tokens, LintContext context) {
		boolean concurrently = tokens.words(2, "CONCURRENTLY");
		int index = concurrently ? 3 : 2;
		index = tokens.words(index, "IF", "EXISTS") ? index + 2 : index;
		if (!concurrently && !allNew(names(tokens, index), context::isNewIndex)) {
			context.report(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, tokens.line(0));
			context.locksExistingTable(tokens.line(0));
		}
	}

	private static void dropTable(Tokens tokens, LintContext context) {
		int index = tokens.words(2, "IF", "EXISTS") ? 4 : 2;
		if (!allNew(names(tokens, index), context::isNewTable)) {
			context.report(Rule.BAN_DROP_TABLE, tokens.line(0));
			context.locksExistingTable(tokens.line(0));
		}
	}

	/** The names of a {@code DROP} statement's list, which ends at {@code CASCADE}, {@code RESTRICT} or the end. */
	private static List<String> names(Tokens tokens, int from) {
		return tokens.split(from, tokens.size())
			.stream()
			.filter((part) -> part.isName(0))
			.map((part) -> part.qualifiedName(0))
			.toList();
	}

	private static boolean allNew(List<String> names, Predicate<String> isNew) {
		return !names.isEmpty() && names.stream().allMatch(isNew);
	}

}
