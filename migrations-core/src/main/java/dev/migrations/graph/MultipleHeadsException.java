package dev.migrations.graph;

import java.util.List;

import dev.migrations.error.ErrorKind;

/** A single revision was asked for ({@code head}, {@code label@head}, ...) while several heads answer. */
public class MultipleHeadsException extends GraphException {

	private final List<String> heads;

	public MultipleHeadsException(String message, List<String> heads, String hint) {
		super(ErrorKind.MULTIPLE_HEADS, message, hint);
		this.heads = List.copyOf(heads);
	}

	/** The heads that answered. */
	public List<String> heads() {
		return this.heads;
	}

}
