package dev.migrations.jpa.odd;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of another schema than the default one: autogenerate compares the default schema only. */
@Entity
@Table(schema = "archive")
public class ArchivedEntry {

	@Id
	private Long id;

}
