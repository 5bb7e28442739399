package dev.migrations.maven.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity written for PostgreSQL: H2 and MariaDB have no {@code jsonb}. */
@Entity
public class JsonbNote {

	@Id
	Long id;

	@Column(columnDefinition = "jsonb")
	String body;

}
