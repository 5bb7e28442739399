package dev.migrations.maven.entities.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The reporting database's entity, in a package of its own. */
@Entity
public class Report {

	@Id
	Long id;

	@Column(length = 200)
	String title;

}
