package dev.migrations.schema;

/** A table element in Alembic's quoting: {@code index 'users_email_idx' on 'users(email)'}. */
final class ElementText {

	private ElementText() {
	}

	static String quoted(String table, TableElement element) {
		String name = (element.name() != null) ? " '" + element.name() + "'" : "";
		if (element instanceof CheckConstraint check) {
			return element.kind() + name + " on '" + table + "': " + check.expression();
		}
		String text = element.kind() + name + " on '" + table + "(" + element.columnList() + ")'";
		if (element instanceof ForeignKey foreignKey) {
			return text + " to '" + foreignKey.target() + "'";
		}
		return text;
	}

}
