package dev.migrations.schema;

import java.util.Optional;

/**
 * One difference between two catalogs, as a step that turns the first into the second. Each has its inverse (so a
 * diff reads both ways), a description in Alembic's words where Alembic has some, and the thing it changes named
 * for messages such as "downgrade of 3f2a9c1b7d4e left index users_email_idx on users(email)".
 */
public sealed interface SchemaChange permits AddTable, DropTable, AddColumn, DropColumn, AlterColumn, AddElement,
		DropElement, AddSequence, DropSequence, ChangeTableComment {

	/** Alembic's line for it: {@code Detected added column 'users.bio'}. */
	String description();

	/** What it changes: {@code table users}, {@code column users.bio}, {@code index users_email_idx on users(email)}. */
	String subject();

	/** The change that undoes it. */
	SchemaChange inverse();

	/** Why a person should review it before it runs (it loses data, or may), if it is such a change. */
	default Optional<String> review() {
		return Optional.empty();
	}

}
