package dev.migrations.maven.entities.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The billing database's entity, in a package of its own. */
@Entity
public class Invoice {

	@Id
	Long id;

	@Column(length = 40)
	String number;

}
