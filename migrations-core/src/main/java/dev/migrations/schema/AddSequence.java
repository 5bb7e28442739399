package dev.migrations.schema;

/**
 * A sequence to create, before the tables whose defaults may use it.
 *
 * @param sequence the sequence
 */
public record AddSequence(Sequence sequence) implements SchemaChange {

	@Override
	public String description() {
		return "Detected added sequence '" + this.sequence.name() + "'";
	}

	@Override
	public String subject() {
		return this.sequence.describe();
	}

	@Override
	public SchemaChange inverse() {
		return new DropSequence(this.sequence);
	}

}
