package dev.migrations.lint;

/**
 * The rules on {@code ALTER TABLE}: each comma-separated action of the statement on its own. On a table the
 * revision created, only the column type rules apply.
 */
final class AlterTableRules {

	private AlterTableRules() {
	}

	static void check(Tokens tokens, LintContext context) {
		int index = tokens.words(2, "IF", "EXISTS") ? 4 : 2;
		index = tokens.words(index, "ONLY") ? index + 1 : index;
		if (!tokens.isName(index)) {
			return;
		}
		String table = tokens.qualifiedName(index);
		int actions = tokens.afterQualifiedName(index);
		actions = tokens.symbol(actions, '*') ? actions + 1 : actions;
		boolean existing = !context.isNewTable(table);
		for (Tokens action : tokens.split(actions, tokens.size())) {
			if (action.size() == 0) {
				continue;
			}
			if (action.words(0, "ADD")) {
				add(action, table, existing, context);
			}
			else if (action.words(0, "ALTER")) {
				alterColumn(action, table, existing, context);
			}
			else if (action.words(0, "VALIDATE", "CONSTRAINT") && action.isName(2)) {
				if (context.constraintValidated(table, action.name(2)) && context.transactional()) {
					context.report(Rule.CONSTRAINT_MISSING_NOT_VALID, action.line(0));
				}
			}
			else if (existing) {
				otherAction(action, context);
			}
		}
	}

	private static void add(Tokens action, String table, boolean existing, LintContext context) {
		if (action.words(1, "COLUMN")) {
			addColumn(action, 2, existing, context);
		}
		else if (StatementRules.isTableConstraint(action, 1)) {
			addConstraint(action, table, existing, context);
		}
		else {
			addColumn(action, 1, existing, context);
		}
	}

	private static void addColumn(Tokens action, int from, boolean existing, LintContext context) {
		int name = action.words(from, "IF", "NOT", "EXISTS") ? from + 3 : from;
		int type = name + 1;
		ColumnTypes.check(action, type, context);
		if (!existing) {
			return;
		}
		int notNull = notNull(action, type);
		int defaultValue = action.find(type, "DEFAULT");
		int generated = action.find(type, "GENERATED");
		boolean serial = ColumnTypes.isSerial(action, type);
		if (notNull >= 0 && defaultValue < 0 && generated < 0 && !serial) {
			context.report(Rule.ADDING_REQUIRED_FIELD, action.line(notNull));
		}
		if (defaultValue >= 0 && (context.postgresVersion() < 11
				|| DefaultExpressions.isVolatile(action, defaultValue + 1))) {
			context.report(Rule.ADDING_FIELD_WITH_DEFAULT, action.line(defaultValue));
		}
		else if (generated >= 0 || serial) {
			context.report(Rule.ADDING_FIELD_WITH_DEFAULT, action.line((generated >= 0) ? generated : type));
		}
		int primaryKey = action.find(type, "PRIMARY");
		if (primaryKey >= 0) {
			context.report(Rule.ADDING_SERIAL_PRIMARY_KEY_FIELD, action.line(primaryKey));
		}
		int unique = action.find(type, "UNIQUE");
		if (unique >= 0) {
			context.report(Rule.DISALLOWED_UNIQUE_CONSTRAINT, action.line(unique));
		}
		int references = action.find(type, "REFERENCES");
		if (references >= 0) {
			context.report(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, action.line(references));
		}
		context.locksExistingTable(action.line(0));
	}

	/** The index of {@code NOT NULL} among the column's constraints, or -1. */
	private static int notNull(Tokens action, int from) {
		for (int index = action.find(from, "NOT"); index >= 0; index = action.find(index + 1, "NOT")) {
			if (action.words(index + 1, "NULL")) {
				return index;
			}
		}
		return -1;
	}

	private static void addConstraint(Tokens action, String table, boolean existing, LintContext context) {
		int kind = 1;
		String name = null;
		if (action.words(1, "CONSTRAINT") && action.isName(2)) {
			name = action.name(2);
			kind = 3;
		}
		boolean notValid = notValid(action, kind);
		String notNullColumn = notNullCheckColumn(action, kind);
		if (notValid) {
			context.notValidConstraintAdded(table, name, notNullColumn);
		}
		else if (notNullColumn != null) {
			context.notNullCheckValidated(table, notNullColumn);
		}
		if (!existing) {
			return;
		}
		int line = action.line(kind);
		boolean usingIndex = action.words(kind, "UNIQUE", "USING", "INDEX")
				|| action.words(kind, "PRIMARY", "KEY", "USING", "INDEX");
		if (action.words(kind, "UNIQUE") && !usingIndex) {
			context.report(Rule.DISALLOWED_UNIQUE_CONSTRAINT, line);
		}
		else if (action.words(kind, "PRIMARY") && !usingIndex) {
			context.report(Rule.ADDING_SERIAL_PRIMARY_KEY_FIELD, line);
		}
		else if ((action.words(kind, "CHECK") || action.words(kind, "FOREIGN")) && !notValid) {
			context.report(Rule.CONSTRAINT_MISSING_NOT_VALID, line);
			if (action.words(kind, "FOREIGN")) {
				context.report(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, line);
			}
		}
		context.locksExistingTable(action.line(0));
	}

	private static boolean notValid(Tokens action, int from) {
		for (int index = action.find(from, "NOT"); index >= 0; index = action.find(index + 1, "NOT")) {
			if (action.words(index + 1, "VALID")) {
				return true;
			}
		}
		return false;
	}

	/** The column of a {@code CHECK (column IS NOT NULL)} at {@code kind}, or {@code null} for another constraint. */
	private static String notNullCheckColumn(Tokens action, int kind) {
		if (action.words(kind, "CHECK") && action.symbol(kind + 1, '(') && action.isName(kind + 2)
				&& action.words(kind + 3, "IS", "NOT", "NULL") && action.symbol(kind + 6, ')')) {
			return action.name(kind + 2);
		}
		return null;
	}

	private static void alterColumn(Tokens action, String table, boolean existing, LintContext context) {
		int column = action.words(1, "COLUMN") ? 2 : 1;
		int change = column + 1;
		boolean setType = action.words(change, "SET", "DATA", "TYPE");
		if (action.words(change, "TYPE") || setType) {
			ColumnTypes.check(action, setType ? change + 3 : change + 1, context);
			if (existing) {
				context.report(Rule.CHANGING_COLUMN_TYPE, action.line(change));
			}
		}
		else if (action.words(change, "SET", "NOT", "NULL") && existing
				&& !(context.postgresVersion() >= 12 && context.hasValidatedNotNullCheck(table, action.name(column)))) {
			context.report(Rule.ADDING_NOT_NULLABLE_FIELD, action.line(change));
		}
		if (existing) {
			context.locksExistingTable(action.line(0));
		}
	}

	private static void otherAction(Tokens action, LintContext context) {
		if (action.words(0, "DROP") && !action.words(1, "CONSTRAINT")) {
			context.report(Rule.BAN_DROP_COLUMN, action.line(0));
		}
		else if (action.words(0, "RENAME", "TO")) {
			context.report(Rule.RENAMING_TABLE, action.line(0));
		}
		else if (action.words(0, "RENAME") && !action.words(1, "CONSTRAINT")) {
			context.report(Rule.RENAMING_COLUMN, action.line(0));
		}
		context.locksExistingTable(action.line(0));
	}

}
