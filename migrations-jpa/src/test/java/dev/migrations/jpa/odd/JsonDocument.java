package dev.migrations.jpa.odd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A column type PostgreSQL has and H2 does not: H2 can't hold this entity's schema. */
@Entity
public class JsonDocument {

	@Id
	private Long id;

	@Column(columnDefinition = "jsonb")
	private String body;

}
