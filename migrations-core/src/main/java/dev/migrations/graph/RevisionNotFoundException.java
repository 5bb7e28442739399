package dev.migrations.graph;

import dev.migrations.error.ErrorKind;

/** An identifier names no revision or branch label, or a prefix names several: Alembic's "Can't locate revision". */
public class RevisionNotFoundException extends GraphException {

	private final String identifier;

	public RevisionNotFoundException(String identifier, String detail, String hint) {
		super(ErrorKind.REVISION_NOT_FOUND, "Can't locate revision identified by '" + identifier + "'"
				+ ((detail != null && !detail.isEmpty()) ? ": " + detail : ""), hint);
		this.identifier = identifier;
	}

	/** The identifier as given. */
	public String identifier() {
		return this.identifier;
	}

}
