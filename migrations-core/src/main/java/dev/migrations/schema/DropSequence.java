package dev.migrations.schema;

import java.util.Optional;

/**
 * A sequence to drop, after the tables and columns that may use it. A changed sequence is dropped and created
 * again.
 *
 * @param sequence the sequence as it was
 */
public record DropSequence(Sequence sequence) implements SchemaChange {

	@Override
	public String description() {
		return "Detected removed sequence '" + this.sequence.name() + "'";
	}

	@Override
	public String subject() {
		return this.sequence.describe();
	}

	@Override
	public SchemaChange inverse() {
		return new AddSequence(this.sequence);
	}

	@Override
	public Optional<String> review() {
		return Optional.of("drops sequence " + this.sequence.name() + " and its current value");
	}

}
